import { applyEdits } from '../text/applyEdits';
import type { ChangePlan, FolderSnapshot } from './changePlan';

/**
 * The texts a plan leaves behind, without touching any file: each file the plan creates, edits or
 * moves, with its new text (null: the file is gone, moved away). Throws when the plan does not fit
 * the snapshot (a create over an existing file, an edit of a missing one): a bug in the action.
 * Used by the command line to write files and by tests to check a plan's result.
 */
export function applyPlanToTexts(snapshot: FolderSnapshot, plan: ChangePlan): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const current = (file: string): string | null => (out.has(file) ? out.get(file)! : snapshot.text(file));
  for (const change of plan.changes) {
    switch (change.kind) {
      case 'create':
        if (current(change.file) !== null) throw new Error(`${change.file} already exists`);
        out.set(change.file, change.text);
        break;
      case 'edit': {
        const text = current(change.file);
        if (text === null) throw new Error(`${change.file} does not exist`);
        out.set(change.file, applyEdits(text, change.edits));
        break;
      }
      case 'rename': {
        const text = current(change.from);
        if (text === null) throw new Error(`${change.from} does not exist`);
        if (current(change.to) !== null) throw new Error(`${change.to} already exists`);
        out.set(change.from, null);
        out.set(change.to, text);
        break;
      }
    }
  }
  return out;
}
