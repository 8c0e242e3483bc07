import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChangePlan, FolderSnapshot } from '../../core/lifecycle/changePlan';
import { applyPlanToTexts } from '../../core/lifecycle/applyPlanToTexts';

/**
 * Writes a plan under `root`: first checks that no created file or rename target exists (nothing is
 * written otherwise), then writes the new texts of created and edited files and moves renamed ones
 * (a moved file is written at its new path with its edits, and the old one removed by the rename).
 * Returns an error message, or null when everything was written.
 */
export function applyPlanToDisk(root: string, snapshot: FolderSnapshot, plan: ChangePlan): string | null {
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
  // Renames first (on disk the edited text is then written at the new path), then the texts.
  for (const change of plan.changes) {
    if (change.kind !== 'rename') continue;
    mkdirSync(path.dirname(abs(change.to)), { recursive: true });
    renameSync(abs(change.from), abs(change.to));
  }
  for (const [file, text] of texts) {
    if (text === null) continue;
    if (text === snapshot.text(file) && existsSync(abs(file))) continue;
    mkdirSync(path.dirname(abs(file)), { recursive: true });
    writeFileSync(abs(file), text, 'utf8');
  }
  return null;
}
