// Shared by the *.lifecycle.test.ts suites (their own copy of examples/): running a lifecycle
// command as the tree's menus and the palette do, and reading what it left on disk.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { localDay } from '../../src/core/edits/timestampStyle';
import type { LifecycleResult } from '../../src/extension/lifecycle/lifecycleResult';
import { extensionId, fsPathOf, workspaceFolder } from './milestonesTestKit';

/** Who the tests act as (`milestones.identity` in the workspace settings of the copy). */
export const IDENTITY = 'it-test';

export function today(): string {
  return localDay(new Date());
}

/** Sets `milestones.identity` for the workspace copy, so owner and completed_by are known. */
export async function actAsTestIdentity(): Promise<void> {
  await vscode.workspace.getConfiguration('milestones').update('identity', IDENTITY, vscode.ConfigurationTarget.Workspace);
}

/** Runs a lifecycle command with arguments (no prompt is shown) and returns its result. */
export async function run(command: string, ...args: unknown[]): Promise<LifecycleResult> {
  const result = await vscode.commands.executeCommand<LifecycleResult>(command, ...args);
  assert.ok(result, `${command} returned nothing`);
  return result;
}

/** Asserts the command succeeded and returns its summary and changed files. */
export function ok(result: LifecycleResult): Extract<LifecycleResult, { kind: 'ok' }> {
  assert.equal(result.kind, 'ok', JSON.stringify(result));
  return result;
}

/** The milestone `{ uri, line, title }` a command takes, as the Next view and other callers pass it. */
export function target(file: string, title: string, line = 0): { uri: string; line: number; title: string } {
  return { uri: vscode.Uri.joinPath(workspaceFolder().uri, ...file.split('/')).toString(), line, title };
}

export function existsOutside(file: string): boolean {
  return existsSync(fsPathOf(file));
}

/** `text` with `from` replaced by `to`, asserting `from` occurs exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `expected exactly one ${JSON.stringify(from)} in:\n${text}`);
  return text.replace(from, to);
}

/**
 * `milestones validate --json` of the extension under test on the workspace folder, run as a user
 * would: the problems it reports for `files` (a path ending in `/`: everything below it).
 */
export function cliProblemsOf(files: readonly string[]): Promise<{ file: string; code: string; message: string }[]> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not loaded`);
  const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, 'validate', '--json', workspaceFolder().uri.fsPath], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, (error, stdout, stderr) => {
      if (stderr.trim()) return reject(new Error(`milestones validate wrote to stderr: ${stderr}`));
      try {
        const problems = (JSON.parse(stdout) as { problems: { file: string; code: string; message: string }[] }).problems;
        resolve(problems.filter((p) => files.some((f) => (f.endsWith('/') ? p.file.startsWith(f) : p.file === f))));
      } catch (e) {
        reject(new Error(`milestones validate printed no JSON (${error?.message ?? ''}): ${String(e)}\n${stdout}`));
      }
    });
  });
}
