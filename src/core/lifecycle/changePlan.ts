/**
 * The shape every lifecycle action (new, claim, set status, complete, reopen, archive, distill,
 * log approval) returns: a plan of file changes computed from the texts a `FolderSnapshot` gave, or
 * a refusal with a reason for a person. The extension turns a plan into one `WorkspaceEdit` (undo
 * works, unsaved editors are respected); the command line writes it to disk. Nothing here touches
 * the file system.
 *
 * All paths are relative to one workspace folder, `/`-separated.
 */
import type { TextEdit } from '../model';
import type { EditContext } from '../edits/toggleStep';

/** One change to a file of the folder. */
export type FileChange =
  /** A new file with this text (its folders are created). Appliers refuse when the file exists. */
  | { readonly kind: 'create'; readonly file: string; readonly text: string }
  /** Minimal edits on the file's text as the snapshot gave it (offsets into that text). */
  | { readonly kind: 'edit'; readonly file: string; readonly edits: readonly TextEdit[] }
  /**
   * Moves a file (folders of `to` are created). Edits of `from` listed before the rename apply to
   * the old name first. Appliers refuse when `to` exists.
   */
  | { readonly kind: 'rename'; readonly from: string; readonly to: string };

export interface ChangePlan {
  /** Applied in order. */
  readonly changes: readonly FileChange[];
  /** One sentence for a person: `Created EP-20261102-001/MS004 "Ranking" in …`. */
  readonly summary: string;
  /** The file to open or reveal afterwards (the new milestone, the archived file's new path), if any. */
  readonly primary?: string;
}

/** Why an action refused, for callers that offer a way on (`open-steps`: "Complete anyway"; `approval-required`: "Log approval"). */
export type RefusalCode = 'open-steps' | 'approval-required' | 'not-applicable' | 'exists' | 'invalid-input' | 'not-found';

export interface Refusal {
  readonly kind: 'refused';
  /** A sentence for a person, without a trailing period: `3 acceptance criteria are still open`. */
  readonly reason: string;
  readonly code?: RefusalCode;
  /** The items behind the reason (the open criteria, …), shown as a list. */
  readonly items?: readonly string[];
}

export type PlanOutcome = { readonly kind: 'ok'; readonly plan: ChangePlan } | Refusal;

/**
 * What an action may look at: the milestone files of the folder (every convention, archive included)
 * and the text of any file (unsaved editor text wins in the extension). Synchronous; the callers
 * read what is needed beforehand.
 */
export interface FolderSnapshot {
  /** The milestone files of the folder as the index / a scan found them. */
  readonly files: readonly string[];
  /** The current text of `file` (any file, not only milestone files), or null when there is none. */
  text(file: string): string | null;
}

/** Identifies a milestone again: its file, the line its heading is on (0 for a whole-file milestone), its title. */
export interface MilestoneRef {
  readonly file: string;
  readonly line: number;
  readonly title: string;
}

/** Who acts and when (the same context as ticking a step). */
export type LifecycleContext = EditContext;

export function refused(reason: string, code?: RefusalCode, items?: readonly string[]): Refusal {
  return items === undefined ? (code === undefined ? { kind: 'refused', reason } : { kind: 'refused', reason, code }) : { kind: 'refused', reason, code: code ?? 'invalid-input', items };
}
