// Runs only in the agreement run (`runOffline.js --agreement`): the workspace is a multi-root of
// copies of every folder of ../shared/corpus. The problems `milestones validate --json <folders>`
// prints must equal the diagnostics the extension shows for the same files: file, 1-based range,
// severity, code, message (issue 3, "Done when" 4). The corpus as it is has few problems, so a
// second test adds derived copies of its files (BOM + CRLF, as real files come; a status outside
// the enum, a required key removed, an unclosed header, a wrong progress) and compares again.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { MilestonesApi } from '../../src/extension/testApi';
import { extensionId, milestonesApi } from './milestonesTestKit';

/** One problem as the CLI prints it with --json; `file` is absolute (the CLI was given absolute folders). */
interface Reported {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

const SETTLE_MS = 60_000;

const SEVERITY: Readonly<Record<number, string>> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** Every diagnostic of the extension (source `milestones`) in the workspace, in the CLI's shape. */
function shownProblems(): Reported[] {
  const out: Reported[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    if (uri.scheme !== 'file') continue;
    for (const d of diagnostics) {
      if (d.source !== 'milestones') continue;
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      out.push({
        file: uri.fsPath, line: d.range.start.line + 1, column: d.range.start.character + 1,
        endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        severity: SEVERITY[d.severity] ?? String(d.severity), code: String(code), message: d.message,
      });
    }
  }
  return out;
}

/** `node dist/cli.js validate --json <folders>` of the extension under test, run as a user would. */
function cliProblems(folders: readonly string[]): Promise<Reported[]> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not loaded`);
  const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
  return new Promise((resolve, reject) => {
    // ELECTRON_RUN_AS_NODE: under the Electron launcher process.execPath is VS Code itself.
    execFile(process.execPath, [cli, 'validate', '--json', ...folders], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (status !== 0 && status !== 1) return reject(new Error(`milestones validate exited ${status}: ${stderr || error?.message}`));
      if (stderr.trim()) return reject(new Error(`milestones validate wrote to stderr: ${stderr}`));
      try {
        resolve((JSON.parse(stdout) as { problems: Reported[] }).problems);
      } catch (e) {
        reject(new Error(`milestones validate did not print JSON (${e instanceof Error ? e.message : String(e)}): ${stdout.slice(0, 500)}`));
      }
    });
  });
}

const keyOf = (p: Reported): string => `${p.file}:${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.severity} ${p.code} ${p.message}`;

/** Multiset difference `a − b` of problem keys. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  return a.filter((k) => {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    return n === 0;
  });
}

/** What differs, for a person: each side's extra problems, paths relative to the workspace. */
function diff(cli: readonly string[], shown: readonly string[], root: string): string {
  const rel = (k: string) => (k.startsWith(root) ? k.slice(root.length + 1) : k);
  const onlyCli = minus(cli, shown).sort();
  const onlyShown = minus(shown, cli).sort();
  const list = (xs: string[]) => xs.slice(0, 40).map((k) => `    ${rel(k)}`).join('\n') + (xs.length > 40 ? `\n    … ${xs.length - 40} more` : '');
  return [
    `${cli.length} from the CLI, ${shown.length} shown by the extension`,
    onlyCli.length ? `  only in the CLI (${onlyCli.length}):\n${list(onlyCli)}` : '',
    onlyShown.length ? `  only in the extension (${onlyShown.length}):\n${list(onlyShown)}` : '',
  ].filter(Boolean).join('\n');
}

/**
 * Resolves when `holds()` is true: checked now, after each diagnostics change and each index update
 * (never on a clock). Rejects with `describe()` after `timeoutMs`.
 */
function waitFor(api: MilestonesApi, holds: () => boolean, describe: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (holds()) return resolve();
    const check = () => {
      if (!holds()) return;
      clearTimeout(timer);
      subscriptions.forEach((s) => { s.dispose(); });
      resolve();
    };
    const subscriptions = [vscode.languages.onDidChangeDiagnostics(check), api.onDidIndex(check)];
    const timer = setTimeout(() => {
      subscriptions.forEach((s) => { s.dispose(); });
      reject(new Error(`the diagnostics did not settle on the CLI's problems within ${timeoutMs / 1000} s:\n${describe()}`));
    }, timeoutMs);
  });
}

/** The corpus files of `folder` (a workspace copy), relative to it, `/`-separated. */
function corpusFiles(folder: string, dir = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(folder, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory() && rel !== 'derived') out.push(...corpusFiles(folder, rel));
    else if (entry.isFile() && /\.(md|json)$/i.test(entry.name)) out.push(rel);
  }
  return out;
}

/** A copy with problems: the first `status:` outside the enum, `domain`/`goal` removed, `progress` wrong; headers left open in every third file. */
function broken(text: string, n: number): string {
  let out = text.replace(/^status: *\S+/m, 'status: done').replace(/^(domain|goal): .*\n/m, '').replace(/"progress": *\d+/, '"progress": 7');
  if (n % 3 === 0) out = out.replace(/^(---\n[\s\S]*?\n)---\n/, '$1\n');
  return out;
}

/**
 * Writes derived copies of every corpus file under `<first folder>/derived/`: `bom-crlf/<folder>/…`
 * (BOM and CRLF line endings, so positions must not count the BOM on either side) and
 * `broken/<folder>/…` (`broken`). Returns how many files were written.
 */
function writeDerived(folders: readonly string[]): number {
  let n = 0;
  const target = path.join(folders[0]!, 'derived');
  for (const folder of folders) {
    for (const file of corpusFiles(folder)) {
      const text = readFileSync(path.join(folder, file), 'utf8');
      const variants: [string, string][] = [['bom-crlf', '\uFEFF' + text.replace(/\r?\n/g, '\r\n')], ['broken', broken(text, n)]];
      for (const [kind, variant] of variants) {
        const abs = path.join(target, kind, path.basename(folder), file);
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, variant);
        n++;
      }
    }
  }
  return n;
}

suite('corpus: milestones validate agrees with the diagnostics', function () {
  this.timeout(SETTLE_MS + 60_000);

  /** Waits until the extension shows exactly the CLI's problems; fails with a readable diff. */
  async function expectShownToEqual(api: MilestonesApi, cli: readonly string[], folders: readonly string[]): Promise<void> {
    const root = path.dirname(folders[0]!);
    const same = () => {
      const shown = shownProblems().map(keyOf);
      return shown.length === cli.length && minus(cli, shown).length === 0;
    };
    await api.whenIndexed();
    await waitFor(api, same, () => diff(cli, shownProblems().map(keyOf), root), SETTLE_MS);
  }

  test('the same problems on every corpus folder', async () => {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    assert.ok(folders.length >= 10, `expected the corpus folders, got ${folders.length}`);
    const api = await milestonesApi();
    const cli = (await cliProblems(folders)).map(keyOf);
    assert.ok(cli.length > 0, 'the CLI found no problem in the corpus: the comparison would prove nothing');
    await expectShownToEqual(api, cli, folders);
  });

  test('the same problems on derived copies: BOM + CRLF, wrong enum, missing keys, open headers', async () => {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    const api = await milestonesApi();
    assert.ok(writeDerived(folders) > 20);
    const cli = (await cliProblems(folders)).map(keyOf);
    const codes = new Set(cli.map((k) => k.split(' ')[2]));
    for (const code of ['schema-enum', 'schema-required']) assert.ok(codes.has(code), `the derived copies should give ${code}; the CLI gave ${[...codes].join(', ')}`);
    await expectShownToEqual(api, cli, folders);
  });
});
