/**
 * The milestone model: plain, readonly data shared by the index, the tree, the CLI and (later) the
 * diagnostics and the form editor. Nothing here imports `vscode`.
 *
 * Lines are 0-based everywhere in the core; the CLI and messages for people add 1.
 * Offsets are UTF-16 code-unit offsets into the exact text that was read (a BOM, when present,
 * is the character U+FEFF at offset 0 and counts).
 */

/**
 * The milestone conventions the extension understands: the five of shared/seeds/README.md, OpenAI's
 * ExecPlans (Codex's PLANS.md), and the task lists agents write from a spec (Kiro's and GitHub
 * Spec Kit's tasks.md).
 */
export type ConventionId = 'kb' | 'session-json' | 'handoff' | 'execplan' | 'status-md' | 'codex-plan' | 'kiro' | 'spec-kit';

export const CONVENTIONS: readonly ConventionId[] = ['kb', 'session-json', 'handoff', 'execplan', 'status-md', 'codex-plan', 'kiro', 'spec-kit'];

/** Human names of the conventions, for group rows and messages. */
export const CONVENTION_LABEL: Readonly<Record<ConventionId, string>> = {
  'kb': 'KB milestones',
  'session-json': 'Session milestones (JSON)',
  'handoff': 'Handoffs',
  'execplan': 'ExecPlan milestones',
  'status-md': 'STATUS / ROADMAP milestones',
  'codex-plan': 'Codex ExecPlans',
  'kiro': 'Kiro specs',
  'spec-kit': 'Spec Kit tasks',
};

/**
 * A status word normalised across conventions (`not-started`, `planned`, `pending` → planned;
 * `in_progress`, `in-progress`, `Active` → active; `completed`, `COMPLETE`, `done`, `archived` → done …),
 * used for icons, grouping, roll-ups and "hide completed".
 *
 * `awaiting-approval` is never a reader's word: the approval gate (`gateReading`) gives it to a
 * milestone that would be done (by its steps or its written status) but requires an approval that
 * DECISIONS.md does not log (seed 004). It is not done.
 */
export type StatusCategory = 'done' | 'awaiting-approval' | 'active' | 'blocked' | 'planned' | 'dropped' | 'unknown';

/** The approval a milestone requires (seed 004) and whether DECISIONS.md beside it logs it. */
export interface MilestoneApproval {
  readonly required: true;
  readonly logged: boolean;
}

/**
 * The state of one step.
 * - `done` / `open`: a real checkbox (or JSON step, or ✅/⏳ task row); counted in progress.
 * - `nonstandard`: a marker GitHub would not render as a task item (`- [-]`, `- [~]`, `- []`,
 *   a bare `[ ]`, a `✅ / ⏳` placeholder cell): shown and flagged, never counted.
 * - `info`: a criterion without a checkbox (a plain Definition of Done bullet, a KB deliverable
 *   from the frontmatter, a handoff summary bullet): shown, not counted, not tickable.
 */
export type StepState = 'done' | 'open' | 'nonstandard' | 'info';

/** Where a step comes from in the text; tells the edit functions what to change. */
export type StepSource =
  /** A markdown list item with a `[ ]`-style marker. `markerOffset` is the offset of `[` in the text. */
  | { readonly kind: 'task'; readonly marker: string; readonly markerOffset: number }
  /** A table row whose status cell says ✅ / ⏳ / ⚠️ (ExecPlan "Workstreams & Tasks"). */
  | { readonly kind: 'table-row'; readonly cell: string; readonly cellOffset: number; readonly cellLength: number }
  /** `steps[index]` of a session JSON milestone; `status` as written. */
  | { readonly kind: 'json-step'; readonly index: number; readonly status: string | null }
  /** A plain bullet or a frontmatter list entry: not tickable. */
  | { readonly kind: 'criterion' };

export type StepKind = StepSource['kind'];

export interface Step {
  /** The step's text as a person reads it (marker and list bullet removed, trimmed). */
  readonly text: string;
  readonly state: StepState;
  /** 0-based line of the step in the file. */
  readonly line: number;
  /** The nearest heading (or workstream / section name) the step stands under, or null. */
  readonly section: string | null;
  /** Nesting depth of task items (0 = top level). */
  readonly depth: number;
  readonly source: StepSource;
  /** A task the format marks optional (Kiro's `- [ ]*`): counted in progress only once done. */
  readonly optional?: true;
  /** An open task the format marks as in progress (Kiro's `- [-]`). */
  readonly inProgress?: true;
}

/** A row of an ExecPlan "Current Health Snapshot" table. */
export interface HealthRow {
  readonly area: string;
  /** The status cell as written, e.g. `✅`. */
  readonly status: string;
  readonly category: 'ok' | 'warn' | 'pending' | 'unknown';
  readonly notes: string;
  readonly line: number;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export type NoteSeverity = 'error' | 'warning' | 'info';

/**
 * Something found while reading a file that a person should know (an unclosed frontmatter, YAML that
 * does not parse, a header after the first heading, JSON that does not parse, a non-standard task
 * marker …). Part 2 turns these into diagnostics; the reader never throws on bad content.
 */
export interface ReadNote {
  readonly severity: NoteSeverity;
  /** Stable code, e.g. `frontmatter-unclosed`, `yaml-syntax`, `json-syntax`, `frontmatter-not-at-start`, `nonstandard-marker`. */
  readonly code: string;
  readonly message: string;
  readonly line: number;
  /** 0-based column where known. */
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface Milestone {
  readonly convention: ConventionId;
  /** Path of the file relative to its workspace folder, `/`-separated. */
  readonly file: string;
  /** The milestone's id where the convention has one (`EP-…/MS003`, `010`, `deploy-dashboard`), else null. */
  readonly id: string | null;
  readonly title: string;
  /** The status as written in the file, or null when the file states none. */
  readonly status: string | null;
  readonly statusCategory: StatusCategory;
  /** 0-based line where the milestone starts (its heading, or 0 for a whole-file milestone). */
  readonly line: number;
  /** 0-based last line that belongs to this milestone. */
  readonly endLine: number;
  /** The group it is shown under: ExecPlan id, `.kb` folder, handoffs folder, STATUS file … */
  readonly group: string;
  /** Other metadata read from the file: goal, owner, updated, depends-on, phase, target … (strings, numbers, booleans, string lists). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly steps: readonly Step[];
  readonly health: readonly HealthRow[];
  /** done / total over the steps whose state is `done` or `open`. */
  readonly progress: Progress;
  /** The `progress` number stored in a session JSON milestone (percent), when present. */
  readonly storedProgress?: number | null;
  /**
   * Set by the approval gate (`gateReading`) on a milestone that requires an approval; absent where
   * none is required. The readers leave it out: they see one file, and the log is another.
   */
  readonly approval?: MilestoneApproval;
  /**
   * Set where `steps` and `health` were left out (then empty) to save memory: how many there are.
   * The language server's index keeps the files no editor has open so (`index/slimReading`), and
   * reads a file again when its steps are asked for.
   */
  readonly slim?: { readonly steps: number; readonly health: number };
}

/** The result of reading one file: its milestones (zero or more) and what was noticed. */
export interface FileReading {
  readonly file: string;
  readonly convention: ConventionId;
  readonly milestones: readonly Milestone[];
  readonly notes: readonly ReadNote[];
}

/** Identifies a step again after the file may have changed: more than a line number. */
export interface StepRef {
  readonly line: number;
  readonly text: string;
  readonly section: string | null;
  readonly kind: StepKind;
}

/** A change of text: replace [start, end) with `newText`. Offsets into the text the edit was computed on. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Outcome of an edit request: the edits, or why the core refused. */
export type EditOutcome =
  | { readonly kind: 'ok'; readonly edits: readonly TextEdit[] }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Whether a step counts in progress (and in `list --json`'s steps, and the numbers steps are ticked
 * by): a ticked box, or an open one that is not optional (Kiro's `- [ ]*` counts once ticked).
 */
export function isCounted(step: Step): boolean {
  return step.state === 'done' || (step.state === 'open' && step.optional !== true);
}

/** Computes done/total over the counted steps. */
export function progressOf(steps: readonly Step[]): Progress {
  let done = 0;
  let total = 0;
  for (const step of steps) {
    if (!isCounted(step)) continue;
    total++;
    if (step.state === 'done') done++;
  }
  return { done, total };
}

/** A step ref for a step, as the tree and the CLI hand it to the edit functions. */
export function refOf(step: Step): StepRef {
  return { line: step.line, text: step.text, section: step.section, kind: step.source.kind };
}
