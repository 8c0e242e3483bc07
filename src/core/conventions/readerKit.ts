import type { ConventionId, HealthRow, Milestone, ReadNote, Step } from '../model';
import { progressOf } from '../model';
import type { MarkdownScan, ScanTask } from '../markdown/markdownScan';
import type { FrontmatterReading } from '../frontmatter/readFrontmatter';
import { findMisplacedFrontmatter } from '../frontmatter/misplacedFrontmatter';
import { ownNullable, ownString, ownValue } from '../text/ownString';
import { statusCategoryOf } from './status';

/** What a convention reader knows about one milestone; `makeMilestone` adds progress and category. */
export interface MilestoneDraft {
  readonly convention: ConventionId;
  readonly file: string;
  readonly id: string | null;
  readonly title: string;
  readonly status: string | null;
  readonly line: number;
  readonly endLine: number;
  readonly group: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly steps: readonly Step[];
  readonly health?: readonly HealthRow[];
  readonly storedProgress?: number | null;
  /**
   * True when no string of the draft (fields included) can be a slice of the file's text, e.g. values
   * from JSON.parse: they are kept as they are instead of copied (`ownString` / `ownValue`).
   */
  readonly owned?: boolean;
}

/**
 * Builds a model milestone: copies its strings off the source text (`ownString`), computes progress
 * over counted steps and the status category (written status, else derived from the steps).
 */
export function makeMilestone(d: MilestoneDraft): Milestone {
  const progress = progressOf(d.steps);
  const owned = d.owned === true;
  const status = owned ? d.status : ownNullable(d.status);
  const m: Milestone = {
    convention: d.convention,
    // The path, not file content: the reading keeps this same string as its `file` anyway.
    file: d.file,
    id: owned ? d.id : ownNullable(d.id),
    title: owned ? d.title : ownString(d.title),
    status,
    statusCategory: statusCategoryOf(status, progress),
    line: d.line,
    endLine: Math.max(d.line, d.endLine),
    group: owned ? d.group : ownString(d.group),
    fields: owned ? d.fields : ownValue(d.fields) as Record<string, unknown>,
    steps: d.steps,
    health: d.health ?? [],
    progress,
  };
  return d.storedProgress === undefined ? m : { ...m, storedProgress: d.storedProgress };
}

/** Owned heading texts of a scan, copied once each and shared by the steps below them. */
export class SectionNames {
  private readonly names: (string | undefined)[] = [];
  constructor(private readonly scan: MarkdownScan) {}

  /** The owned text of heading `index`, or null for -1. */
  of(index: number): string | null {
    if (index < 0) return null;
    let n = this.names[index];
    if (n === undefined) { n = ownString(this.scan.headings[index]!.text); this.names[index] = n; }
    return n;
  }
}

/**
 * The step of a scanned task item: `done` / `open` for a GitHub task item, `nonstandard` (plus an
 * info note `nonstandard-marker`) for markers GitHub does not render as checkboxes.
 */
export function taskStep(task: ScanTask, section: string | null, notes: ReadNote[]): Step {
  if (task.nonstandard) notes.push(nonstandardNote(task.marker, task.line, task.bare));
  return {
    text: ownString(task.text),
    state: task.nonstandard ? 'nonstandard' : task.checked ? 'done' : 'open',
    line: task.line,
    section,
    depth: task.depth,
    source: { kind: 'task', marker: ownString(task.marker), markerOffset: task.markerOffset },
  };
}

/** A note for a non-standard marker. */
export function nonstandardNote(marker: string, line: number, bare: boolean): ReadNote {
  const what = bare ? `\`${marker}\` outside a list` : `\`${marker}\``;
  return {
    severity: 'info', code: 'nonstandard-marker', line,
    message: ownString(`${what} is not a task item GitHub renders as a checkbox; it is shown but not counted. Use \`- [ ]\` or \`- [x]\`.`),
  };
}

/** A criterion shown without a checkbox (plain bullet, frontmatter entry, summary bullet): not counted. */
export function criterionStep(text: string, line: number, section: string | null, depth = 0): Step {
  return { text: ownString(text), state: 'info', line, section, depth, source: { kind: 'criterion' } };
}

/** Title of the first level-1 heading of a scan, or null. */
export function firstH1(scan: MarkdownScan): string | null {
  for (const h of scan.headings) if (h.level === 1) return h.text;
  return null;
}

/** True when heading `index` is `ancestor` or lies below it. */
export function isUnder(scan: MarkdownScan, index: number, ancestor: number): boolean {
  for (let h = index; h >= 0; h = scan.headings[h]!.parent) if (h === ancestor) return true;
  return false;
}

/** Index of the first heading whose text starts with `prefix` (case-insensitive), or -1. */
export function findHeading(scan: MarkdownScan, prefix: RegExp): number {
  for (let i = 0; i < scan.headings.length; i++) if (prefix.test(scan.headings[i]!.text)) return i;
  return -1;
}

/** Frontmatter value as a display string, or null when absent / not a scalar. */
export function fieldString(data: Record<string, unknown> | null, key: string): string | null {
  const v = data?.[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/**
 * The notes of a header plus, when the file has none at its start, a `frontmatter-not-at-start`
 * warning for a YAML-looking block further down.
 */
export function headerNotes(fm: FrontmatterReading, text: string, scan: MarkdownScan): ReadNote[] {
  const notes = [...fm.notes];
  if (fm.split.kind === 'none' && scan.dashLines.length >= 2) {
    const misplaced = findMisplacedFrontmatter(text, scan.dashLines, scan.dashOffsets);
    if (misplaced !== null) notes.push(misplaced);
  }
  return notes;
}
