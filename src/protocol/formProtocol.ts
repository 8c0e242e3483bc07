/**
 * The messages between the Milestone Form's host (src/extension/form/) and its webview
 * (webview-ui/). Type-only: both sides import it, neither imports the other.
 *
 * Rules both sides keep:
 * - the host posts nothing before the webview says `ready` (messages sent earlier are lost);
 * - every state carries the document `version` it was computed from; the webview drops a state
 *   older than the one it shows, and sends the version it saw with each edit, so the host can
 *   refuse an edit made on stale text;
 * - every `switch` on `type` / `kind` ends with an exhaustiveness check (each side has its own
 *   `assertNever`: this file stays type-only, so nothing of it runs on either side).
 */
import type { ConventionId, StepKind, StepRef, StepState } from '../core/model';

export type Severity = 'error' | 'warning' | 'info';

/** A diagnostic shown next to the field or row it is about. */
export interface ProblemView {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  /** 0-based line, for "show in text". */
  readonly line: number;
}

/** A scalar or list value of a frontmatter / JSON field. */
export type FieldValue = string | number | boolean | readonly string[] | null;

/** One frontmatter (or JSON top-level, or `**Key:** value`) field, with what the schema says of it. */
export interface FieldView {
  readonly key: string;
  /** How to edit it: enum → select, date → date input, list → chips, text → text input. */
  readonly kind: 'text' | 'longText' | 'enum' | 'date' | 'list' | 'number' | 'boolean';
  readonly value: FieldValue;
  /** Allowed values of an enum. */
  readonly options?: readonly string[];
  readonly description?: string;
  readonly required: boolean;
  /** False for fields the form shows but cannot edit (nested maps, values of an unknown shape). */
  readonly editable: boolean;
  readonly problems: readonly ProblemView[];
}

/** A step, criterion or deliverable, as a row of the form. */
export interface StepView {
  readonly ref: StepRef;
  readonly text: string;
  readonly state: StepState;
  readonly kind: StepKind;
  readonly depth: number;
  /** Session JSON: the step's status word and notes. */
  readonly status?: string;
  readonly notes?: string;
  readonly problems: readonly ProblemView[];
}

/** The steps under one section heading (Definition of Done, a workstream, Acceptance Criteria …). */
export interface StepGroupView {
  readonly section: string | null;
  readonly steps: readonly StepView[];
  /** Whether "add" makes sense here (a task-item list or JSON steps; not a table of rows). */
  readonly canAdd: boolean;
}

/** Identifies a health row again: line plus area, like a StepRef. */
export interface HealthRef {
  readonly line: number;
  readonly area: string;
}

export type HealthStatus = '✅' | '⚠️' | '⏳';

export interface HealthRowView {
  readonly ref: HealthRef;
  readonly area: string;
  /** The status cell as written (✅, ⚠️, ⏳, or something else the select shows as is). */
  readonly status: string;
  readonly notes: string;
}

/** A list of strings kept in the file (session JSON `next_session_should`, `blockers`). */
export interface TextListView {
  readonly key: string;
  readonly items: readonly string[];
}

/**
 * A part of the milestone the form shows but does not edit (ExecPlan "Risks & Mitigations" table,
 * "Changelog" list): cells and items are plain text.
 */
export interface ReadOnlySectionView {
  /** The section's heading as written. */
  readonly title: string;
  /** 0-based line of the heading, for "show in text". */
  readonly line: number;
  /** Column names when the section is a table; absent for a list. */
  readonly columns?: readonly string[];
  /** Table rows (one cell a column) or list items (one cell each). */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

export interface MilestoneView {
  /** Position of the milestone in the file (STATUS.md holds several). */
  readonly index: number;
  readonly title: string;
  readonly status: string | null;
  readonly progress: { readonly done: number; readonly total: number };
  readonly fields: readonly FieldView[];
  readonly stepGroups: readonly StepGroupView[];
  /** Rows of the Current Health Snapshot, or null when the milestone has no such table. */
  readonly health: readonly HealthRowView[] | null;
  readonly lists: readonly TextListView[];
  /** Long texts kept in the file (session JSON `handoff_notes`). */
  readonly texts: readonly { readonly key: string; readonly value: string }[];
  /** Sections shown read-only (ExecPlan Risks table, Changelog); absent when there are none. */
  readonly sections?: readonly ReadOnlySectionView[];
}

export type FormState =
  | {
    readonly kind: 'form';
    readonly file: string;
    readonly convention: ConventionId;
    readonly milestones: readonly MilestoneView[];
    /** Problems not tied to a field or row. */
    readonly problems: readonly ProblemView[];
  }
  /** The file cannot be shown as a form (broken header, unknown layout): the banner says why. */
  | { readonly kind: 'unsupported'; readonly file: string; readonly reason: string };

/** A change the person makes in the form; the host turns it into a minimal WorkspaceEdit. */
export type FormEdit =
  | { readonly kind: 'toggleStep'; readonly ref: StepRef; readonly done: boolean }
  | { readonly kind: 'setStepText'; readonly ref: StepRef; readonly text: string }
  /** Adds a task item (or JSON step) at the end of the group, or after `after` when given. */
  | { readonly kind: 'addStep'; readonly milestone: number; readonly section: string | null; readonly text: string; readonly after?: StepRef }
  | { readonly kind: 'removeStep'; readonly ref: StepRef }
  /** Moves a step within its group to position `to` (0-based among the group's steps). */
  | { readonly kind: 'moveStep'; readonly ref: StepRef; readonly to: number }
  /** Session JSON: a step's status word and notes. */
  | { readonly kind: 'setJsonStep'; readonly index: number; readonly status?: string; readonly notes?: string }
  | { readonly kind: 'setHealthStatus'; readonly ref: HealthRef; readonly status: HealthStatus }
  | { readonly kind: 'setHealthNotes'; readonly ref: HealthRef; readonly notes: string }
  | { readonly kind: 'addHealthRow'; readonly milestone: number; readonly area: string; readonly status: HealthStatus; readonly notes: string }
  | { readonly kind: 'removeHealthRow'; readonly ref: HealthRef }
  | { readonly kind: 'setField'; readonly milestone: number; readonly key: string; readonly value: FieldValue }
  | { readonly kind: 'setList'; readonly key: string; readonly items: readonly string[] };

/** Webview → host. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'edit'; readonly version: number; readonly edit: FormEdit }
  | { readonly type: 'openAsText' }
  | { readonly type: 'revealLine'; readonly line: number };

/** Host → webview. */
export type HostMessage =
  | { readonly type: 'state'; readonly version: number; readonly state: FormState }
  /** An edit the host refused (stale version, step gone …): one sentence for the person. */
  | { readonly type: 'editRefused'; readonly version: number; readonly message: string }
  /**
   * Scroll to the milestone at `milestone` (`MilestoneView.index`) of the state shown: the one the
   * form was opened at (a STATUS.md milestone chosen in the tree). Posted after a state.
   */
  | { readonly type: 'reveal'; readonly milestone: number };
