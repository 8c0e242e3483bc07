import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/problems';
import { SchemaRegistry } from '../core/schema/schemaRegistry';
import { kbSchemaFiles } from '../core/schema/schemaLocations';
import type { SchemaSetting } from '../core/schema/schemaTypes';
import { validateFile } from '../core/validate/validateFile';
import { workspaceProblems, type IndexedFile } from '../core/validate/workspaceProblems';
import { nodeSchemaHost } from '../core/workspace/nodeSchemaHost';
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
  const texts = new Map<string, string>();
  const key = (folder: string, file: string): string => `${folder}\0${file}`;
  const collected = collectMilestones(folders, (folder, file, text) => texts.set(key(folder, file), text), maxFileSize);
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
  const indexed: IndexedFile[] = [];
  const rootTexts = new Map<string, string>();
  let filesChecked = 0;
  const failures: string[] = [];
  /** `run()`, or nothing and a line in `failures` when a check throws (a bug: reported, never a stack trace). */
  const safely = <T>(what: string, run: () => readonly T[]): readonly T[] => {
    try {
      return run();
    } catch (error) {
      failures.push(`checking ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  };
  for (const folder of folders) {
    const root = roots.get(folder)!;
    const settings = readSchemaSettings(root);
    const env = { schemas: registryOf(settings), folderRoot: root, today };
    const readings = collected.readings.filter((r) => r.folder === folder).map((r) => r.reading);
    for (const reading of readings) {
      const text = texts.get(key(folder, reading.file)) ?? '';
      rootTexts.set(key(root, reading.file), text);
      indexed.push({ folder: root, reading });
      filesChecked++;
      for (const problem of safely(reading.file, () => validateFile(reading.file, text, reading, env))) add(root, problem);
    }
    for (const schemaFile of schemaFilesToCheck(root, readings.map((r) => r.file), settings)) {
      filesChecked++;
      for (const problem of safely(schemaFile, () => env.schemas.schemaFileProblems(root, schemaFile))) add(root, problem);
    }
  }
  const facts = { exists: (folder: string, file: string) => existsSync(path.join(folder, file)) };
  const cross = safely('the workspace', () => workspaceProblems(indexed, (folder, file) => rootTexts.get(key(folder, file)) ?? null, facts));
  for (const { folder, problem } of cross) add(folder, problem);
  problems.sort(compareReported);
  return { problems, filesChecked, skipped: collected.notes.filter((n) => n.line === null), failures };
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
