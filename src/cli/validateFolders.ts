import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/problems';
import { SchemaRegistry } from '../core/schema/schemaRegistry';
import { kbSchemaFiles } from '../core/schema/schemaLocations';
import type { SchemaSetting } from '../core/schema/schemaTypes';
import { validateFile } from '../core/validate/validateFile';
import { workspaceProblems, type IndexedFile } from '../core/validate/workspaceProblems';
import { nodeSchemaHost } from '../core/workspace/nodeSchemaHost';
import { DEFAULT_MAX_FILE_SIZE } from '../core/workspace/scanFolder';
import { collectMilestones, type FileNote } from './collectMilestones';
import { readSchemaSettings } from './folderSettings';
import { compareReported, reported, type ReportedProblem } from './problemFormats';

/** What `validate` found in the folders given. */
export interface ValidationRun {
  /** Every problem, sorted (`compareReported`), with the printed file path. */
  readonly problems: readonly ReportedProblem[];
  /** Milestone files and schema files validated. */
  readonly filesChecked: number;
  /** What could not be validated and has no line to show it on (a reader failure, a folder that cannot be listed). */
  readonly skipped: readonly FileNote[];
  /** Checks that threw (bugs), one sentence each; the run still reports everything else. */
  readonly failures: readonly string[];
}

/**
 * The same checks the extension runs, over whole folders: each milestone file with `validateFile`
 * (one SchemaRegistry for the run; one a distinct `.vscode/settings.json` `milestones.schemas`),
 * the cross-file checks with `workspaceProblems` over the files of all folders together, and the
 * schema files (`schemaFilesToCheck`) with `schemaFileProblems`. Folders must exist (callers check).
 * A file is printed relative to its folder, prefixed by the folder (as given) when there are several.
 * Files over `maxFileSize` bytes are not read (each gets a `file-too-large` problem).
 */
export function validateFolders(folders: readonly string[], today: string, maxFileSize?: number): ValidationRun {
  const key = (folder: string, file: string): string => `${folder}\0${file}`;
  const roots = new Map(folders.map((f) => [f, path.resolve(f)]));
  const shown = new Map<string, string>();
  for (const f of folders) shown.set(roots.get(f)!, folders.length > 1 ? `${f.replace(/\\/g, '/').replace(/\/+$/, '')}/` : '');
  const registries = new Map<string, SchemaRegistry>();
  const registryOf = (settings: readonly SchemaSetting[]): SchemaRegistry => {
    const id = JSON.stringify(settings);
    let registry = registries.get(id);
    if (!registry) registries.set(id, (registry = new SchemaRegistry(nodeSchemaHost, settings)));
    return registry;
  };

  const problems: ReportedProblem[] = [];
  const add = (root: string, problem: Problem): void => { problems.push(reported(shown.get(root)! + problem.file, problem)); };
  /** Each checked file (by root and path): whether its text was read (false: checked as ''). */
  const wasRead = new Map<string, boolean>();
  const failures: string[] = [];
  /** `run()`, or nothing and a line in `failures` when a check throws (a bug: reported, never a stack trace). */
  const safely = <T>(what: string, run: () => readonly T[], failed: string[] = failures): readonly T[] => {
    try {
      return run();
    } catch (error) {
      failed.push(`checking ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  };
  const folderChecks = new Map(folders.map((folder) => {
    const root = roots.get(folder)!;
    const settings = readSchemaSettings(root);
    return [folder, { root, settings, env: { schemas: registryOf(settings), folderRoot: root, today }, failures: [] as { file: string; message: string }[] }];
  }));
  // Each file is checked as soon as it is read, and its text is not kept: the cross-file checks ask
  // for the texts of the few files they report on (`textOf`), which are read again. Why: holding
  // every text until the scan ended (59 MB on the 10k-file bench) made GC ~35% of `validate`;
  // measured CPU of an in-process run there 2.0 s → 1.3 s. The per-file checks do not look at the
  // approval gate, which needs the whole folder (its DECISIONS.md may come later in the scan).
  const collected = collectMilestones(folders, (folder, reading, text) => {
    const check = folderChecks.get(folder)!;
    const body = text ?? '';
    wasRead.set(key(check.root, reading.file), text !== null);
    const failed: string[] = [];
    for (const problem of safely(reading.file, () => validateFile(reading.file, body, reading, check.env), failed)) add(check.root, problem);
    for (const message of failed) check.failures.push({ file: reading.file, message });
  }, maxFileSize);

  const indexed: IndexedFile[] = [];
  let filesChecked = 0;
  for (const folder of folders) {
    const { root, settings, env, failures: fileFailures } = folderChecks.get(folder)!;
    const readings = collected.readings.filter((r) => r.folder === folder).map((r) => r.reading);
    for (const reading of readings) indexed.push({ folder: root, reading });
    filesChecked += readings.length;
    // In the order the files were printed in when they were checked after the scan: by path.
    fileFailures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    for (const f of fileFailures) failures.push(f.message);
    for (const schemaFile of schemaFilesToCheck(root, readings.map((r) => r.file), settings)) {
      filesChecked++;
      for (const problem of safely(schemaFile, () => env.schemas.schemaFileProblems(root, schemaFile))) add(root, problem);
    }
  }
  const facts = { exists: (folder: string, file: string) => existsSync(path.join(folder, file)) };
  const cross = safely('the workspace', () => workspaceProblems(indexed, (folder, file) => textOf(wasRead.get(key(folder, file)), folder, file, maxFileSize ?? DEFAULT_MAX_FILE_SIZE), facts));
  for (const { folder, problem } of cross) add(folder, problem);
  problems.sort(compareReported);
  return { problems, filesChecked, skipped: collected.notes.filter((n) => n.line === null), failures };
}

/**
 * The text a checked file was checked with, read again for the cross-file checks (as the scan reads
 * it: UTF-8, BOM kept, invalid bytes as U+FFFD; a link inside the folder as its target): '' for a
 * file that was not read (too large, binary, UTF-16, unreadable) or is gone by now, null for a file
 * that was not checked (`read` undefined), or one over `maxFileSize` now.
 */
function textOf(read: boolean | undefined, folder: string, file: string, maxFileSize: number): string | null {
  if (read === undefined) return null;
  if (!read) return '';
  try {
    // The same bound as the scan: a file that grew past it since is not read again.
    const abs = path.join(folder, file);
    if (statSync(abs).size > maxFileSize) return '';
    return readFileSync(abs, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The schema files whose own problems are shown, as the extension picks them: the schema beside
 * each `NAME.kb/` folder that holds a milestone file (`kbSchemaFiles`), and the schema
 * files `milestones.schemas` names inside the folder; only those that exist. Relative to `root`,
 * `/`-separated, sorted.
 */
export function schemaFilesToCheck(root: string, milestoneFiles: readonly string[], settings: readonly SchemaSetting[]): string[] {
  const out = kbSchemaFiles(milestoneFiles);
  for (const { schema } of settings) {
    const rel = path.relative(root, path.resolve(root, schema)).split(path.sep).join('/');
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) out.add(rel);
  }
  return [...out].filter((file) => existsSync(path.join(root, file))).sort();
}
