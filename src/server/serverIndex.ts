/**
 * What the language server knows of every milestone file of its folders, for the checks that need
 * several files (duplicate ids, KB dependencies and numbering, handoff numbering): each file's
 * reading, no text. Filled by a scan, kept current from open documents and watched file events;
 * the cross-file problems are computed again, once, after a change, when they are next asked for.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { collectMilestones } from '../cli/collectMilestones';
import { readMilestoneFile } from '../core/conventions/readMilestoneFile';
import type { FileReading } from '../core/model';
import type { Problem } from '../core/problems';
import { workspaceProblems, type IndexedFile } from '../core/validate/workspaceProblems';
import { nodeSchemaHost } from '../core/workspace/nodeSchemaHost';
import { DEFAULT_MAX_FILE_SIZE } from '../core/workspace/scanFolder';

export class ServerIndex {
  /** Folder root → file → reading. */
  private readonly readings = new Map<string, Map<string, FileReading>>();
  /** `root\0file` → that file's cross-file problems; null when a change made them stale. */
  private problems: Map<string, Problem[]> | null = null;

  /**
   * @param textOf The text of a file as an editor has it (open documents), else null: the cross-file
   *   checks place their problems in it, and read the files that are not open from disk.
   */
  constructor(private readonly textOf: (root: string, file: string) => string | null) {}

  /** Reads every milestone file of `roots` (the folders' previous readings are dropped). */
  scan(roots: readonly string[]): void {
    this.readings.clear();
    for (const root of roots) this.readings.set(root, new Map());
    const { readings } = collectMilestones(roots);
    for (const { folder, reading } of readings) this.readings.get(folder)?.set(reading.file, reading);
    this.problems = null;
  }

  /** `file` of `root` now reads as `text` (an open document's, or read again from disk); null: it is gone or no milestone file. */
  update(root: string, file: string, text: string | null): void {
    const folder = this.readings.get(root);
    if (!folder) return;
    const reading = text === null ? null : readMilestoneFile(file, text);
    if (reading) folder.set(file, reading);
    else if (!folder.delete(file)) return;
    this.problems = null;
  }

  /** Reads `file` of `root` again from disk (up to the scan's size bound), after a watched change. */
  reread(root: string, file: string): void {
    this.update(root, file, readBounded(path.join(root, ...file.split('/'))));
  }

  /** The cross-file problems of `file` of `root`. */
  problemsOf(root: string, file: string): readonly Problem[] {
    if (this.problems === null) this.problems = this.check();
    return this.problems.get(`${root}\0${file}`) ?? [];
  }

  private check(): Map<string, Problem[]> {
    const files: IndexedFile[] = [];
    for (const [folder, readings] of this.readings) for (const reading of readings.values()) files.push({ folder, reading });
    const texts = (root: string, file: string) => this.textOf(root, file) ?? readBounded(path.join(root, ...file.split('/')));
    const facts = { exists: (root: string, file: string) => statOf(path.join(root, ...file.split('/'))) !== null };
    const out = new Map<string, Problem[]>();
    for (const { folder, problem } of workspaceProblems(files, texts, facts)) {
      const key = `${folder}\0${problem.file}`;
      const list = out.get(key);
      if (list) list.push(problem);
      else out.set(key, [problem]);
    }
    return out;
  }
}

function statOf(abs: string): { size: number } | null {
  try {
    return { size: statSync(abs).size };
  } catch {
    return null;
  }
}

/**
 * The UTF-8 text of a regular file up to the scan's default size bound; null when it is gone,
 * larger, or no regular file (read as schema files are: a FIFO or device is never waited on).
 */
function readBounded(abs: string): string | null {
  const read = nodeSchemaHost.readText(abs, DEFAULT_MAX_FILE_SIZE);
  return read.kind === 'text' ? read.text : null;
}
