import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChangePlan, FolderSnapshot } from '../../core/lifecycle/changePlan';
import { applyPlanToTexts } from '../../core/lifecycle/applyPlanToTexts';

/** A file the plan creates that another writer created meanwhile: the plan must be computed again. */
export interface Clash {
  readonly clash: string;
}

/**
 * Writes a plan under `root`: first checks that no created file or rename target exists (nothing is
 * written otherwise), then creates the new files exclusively (`wx`: a file another process created
 * since the check is never overwritten; the files this call created are removed again and the clash
 * returned, so the caller computes the plan anew), then moves renamed files and writes the edited
 * texts (a moved file is written at its new path with its edits, and the old one removed by the
 * rename). Returns an error message, a clash, or null when everything was written.
 */
export function applyPlanToDisk(root: string, snapshot: FolderSnapshot, plan: ChangePlan): string | Clash | null {
  const abs = (file: string) => path.join(root, ...file.split('/'));
  for (const change of plan.changes) {
    const target = change.kind === 'create' ? change.file : change.kind === 'rename' ? change.to : null;
    if (target !== null && existsSync(abs(target))) return `${target} already exists; nothing was changed`;
  }
  let texts: Map<string, string | null>;
  try {
    texts = applyPlanToTexts(snapshot, plan);
  } catch (error) {
    return `the change could not be computed (${error instanceof Error ? error.message : String(error)}); nothing was changed`;
  }
  const created = new Set(plan.changes.flatMap((c) => (c.kind === 'create' ? [c.file] : [])));
  const made: string[] = [];
  for (const file of created) {
    const text = texts.get(file);
    if (text === null || text === undefined) continue;
    mkdirSync(path.dirname(abs(file)), { recursive: true });
    try {
      writeFileSync(abs(file), text, { encoding: 'utf8', flag: 'wx' });
      made.push(file);
    } catch (error) {
      for (const done of made) rmSync(abs(done), { force: true });
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { clash: file };
      throw error;
    }
  }
  // Renames first (on disk the edited text is then written at the new path), then the texts.
  for (const change of plan.changes) {
    if (change.kind !== 'rename') continue;
    mkdirSync(path.dirname(abs(change.to)), { recursive: true });
    renameSync(abs(change.from), abs(change.to));
  }
  for (const [file, text] of texts) {
    if (text === null || created.has(file)) continue;
    if (text === snapshot.text(file) && existsSync(abs(file))) continue;
    mkdirSync(path.dirname(abs(file)), { recursive: true });
    writeFileSync(abs(file), text, 'utf8');
  }
  return null;
}
