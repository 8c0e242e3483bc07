import type { FileReading, Milestone, ReadNote, Step } from '../model';
import { sharedFrontmatter } from '../frontmatter/sharedFrontmatter';
import type { MarkdownScan, ScanCell } from '../markdown/markdownScan';
import { noBullets, scanMarkdownKeeping } from '../markdown/scanMarkdown';
import { isExecPlanPath } from './execplan';
import { isKbPath } from './kb';
import { withoutLegends } from './legendItems';
import { baseOf, inMilestonesFolder, isMarkdownName, stemOf, titleFromSlug } from './paths';
import { SectionNames, firstH1, headerNotes, makeMilestone, taskStep } from './readerKit';
import { isStatusKey } from './status';

const STATUS_NAMES = /^(?:status|roadmap|milestones|plan)\.(?:md|markdown)$|^.+[_-]status\.(?:md|markdown)$/i;
/** A heading that names a milestone by its first word. */
const KEYWORD = /^(?:milestone|phase|stage|deliverable)(?![a-z])|^里程碑/i;
/** Cheap pre-check before scanning an arbitrary markdown file. */
const MAYBE = /milestone|phase|stage|deliverable|里程碑/i;

/**
 * True for STATUS.md, ROADMAP.md, MILESTONES.md, PLAN.md, `*_STATUS.md` / `*-STATUS.md` (any case),
 * and any markdown file inside a folder named `milestone` / `milestones` that is not KB or ExecPlan.
 */
export function isStatusMdPath(file: string): boolean {
  if (!isMarkdownName(file) || isKbPath(file) || isExecPlanPath(file)) return false;
  return STATUS_NAMES.test(baseOf(file)) || inMilestonesFolder(file);
}

/**
 * Reads STATUS / ROADMAP style milestones (seed 004). Every heading that starts with Milestone /
 * Phase / Stage / Deliverable (or 里程碑) is a milestone, even without items; every other heading
 * that owns task items is one too; items under sub-headings belong to the nearest milestone heading
 * above them; items before any heading belong to a milestone named after the file. A legend of the
 * markers (`legendTasks`) holds no steps (`keepLegends`: it does, to tell why a file was skipped).
 * A milestone's status is its `**Status:**` field (or `**Estado:**` …), else a status row of a table
 * in its section (`| Status | In Progress |`), else a status the heading ends with.
 * A file in a `milestones/` folder with none of these is one milestone when it states a status.
 * With `sniff` (a markdown file not named like a status file) the file counts only when a keyword
 * heading owns at least one real task item. Returns null when there is no milestone.
 */
export function readStatusMd(file: string, text: string, sniff: boolean, keepLegends = false): FileReading | null {
  if (sniff && (text.indexOf('[') === -1 || !MAYBE.test(text))) return null;
  const fm = sharedFrontmatter(text);
  const scanned = scanMarkdownKeeping(text, fm.bodyStart, fm.bodyLine, noBullets); // reads no plain bullets
  const scan = keepLegends ? scanned : withoutLegends(scanned);
  const keyword = scan.headings.map((h) => KEYWORD.test(h.text));
  /** The milestone a heading's content belongs to: nearest keyword heading above, else the heading itself. */
  const ownerOf = (heading: number): number => {
    for (let h = heading; h >= 0; h = scan.headings[h]!.parent) if (keyword[h]) return h;
    return heading;
  };
  const owners = scan.tasks.map((t) => ownerOf(t.heading));
  if (sniff && !scan.tasks.some((t, i) => !t.nonstandard && keyword[owners[i]!] === true)) return null;
  const chosen = new Set<number>(owners);
  keyword.forEach((k, i) => { if (k) chosen.add(i); });
  const fieldsByOwner = fieldsOf(scan, ownerOf);
  const tableStatus = tableStatusOf(scan, ownerOf);
  if (chosen.size === 0) {
    return sniff || !inMilestonesFolder(file) ? null : wholeFile(file, headerNotes(fm, text, scan), scan, fieldsByOwner, tableStatus);
  }
  const notes: ReadNote[] = headerNotes(fm, text, scan);
  const names = new SectionNames(scan);
  const stepsOf = new Map<number, Step[]>();
  scan.tasks.forEach((t, i) => {
    const owner = owners[i]!;
    let list = stepsOf.get(owner);
    if (list === undefined) { list = []; stepsOf.set(owner, list); }
    list.push(taskStep(t, names.of(t.heading), notes));
  });
  const milestones: Milestone[] = [];
  for (const h of [...chosen].sort((a, b) => a - b)) {
    const fields = fieldsByOwner.get(h) ?? {};
    const steps = stepsOf.get(h) ?? [];
    const status = statusField(fields) ?? tableStatus.get(h) ?? null;
    if (h < 0) {
      const first = scan.headings[0];
      milestones.push(makeMilestone({
        convention: 'status-md', file, id: null, title: stemOf(file), status,
        line: fm.bodyLine, endLine: first !== undefined ? first.line - 1 : scan.lastLine,
        group: file, fields, steps,
      }));
      continue;
    }
    const heading = scan.headings[h]!;
    const t = cleanTitle(heading.text);
    if (t.date !== null && fields['date'] === undefined) fields['date'] = t.date;
    milestones.push(makeMilestone({
      convention: 'status-md', file, id: t.id, title: t.title,
      status: status ?? t.status,
      line: heading.line, endLine: endLineOf(scan, h),
      group: file, fields, steps,
    }));
  }
  return { file, convention: 'status-md', milestones, notes };
}

/**
 * A file of a `milestones/` folder without milestone headings or task items: one milestone, titled
 * by its first H1 (else its name), when it states a status anywhere (a field, a table row, in any
 * language); null otherwise, so notes kept in such a folder stay out.
 */
function wholeFile(
  file: string, notes: ReadNote[], scan: MarkdownScan,
  fieldsByOwner: Map<number, Record<string, unknown>>, tableStatus: Map<number, string>,
): FileReading | null {
  const owners = [...new Set([...fieldsByOwner.keys(), ...tableStatus.keys()])].sort((a, b) => a - b);
  const fields: Record<string, unknown> = {};
  for (const o of owners) for (const [k, v] of Object.entries(fieldsByOwner.get(o) ?? {})) if (fields[k] === undefined) fields[k] = v;
  const status = statusField(fields) ?? owners.map((o) => tableStatus.get(o)).find((v) => v !== undefined) ?? null;
  if (status === null) return null;
  const milestone = makeMilestone({
    convention: 'status-md', file, id: null, title: firstH1(scan) ?? titleFromSlug(stemOf(file)), status,
    line: 0, endLine: scan.lastLine, group: file, fields, steps: [],
  });
  return { file, convention: 'status-md', milestones: [milestone], notes };
}

/**
 * The status a key/value table states, by owning milestone heading (the first one each): in a
 * two-column table, the row (the header row too) whose first cell names the status:
 * `| Status | In Progress |`, `| Estado | En curso |`. Wider tables list several things (stages,
 * deliverables) whose statuses are not the milestone's; their rows are never split.
 */
function tableStatusOf(scan: MarkdownScan, ownerOf: (h: number) => number): Map<number, string> {
  const out = new Map<number, string>();
  for (const table of scan.tables) {
    if (table.header.length !== 2) continue;
    const owner = ownerOf(table.heading);
    if (out.has(owner)) continue;
    const value = (cells: readonly ScanCell[]): string | null => (cells.length >= 2 && isStatusKey(cells[0]!.text) ? plainCell(cells[1]!.text) : null);
    let status = value(table.header);
    for (let r = 0; status === null && r < table.rows.length; r++) status = value(table.rows[r]!.cells);
    if (status !== null && status !== '') out.set(owner, status);
  }
  return out;
}

/** A cell's text without emphasis markers: `**In Progress**` → `In Progress`. */
function plainCell(text: string): string {
  return text.replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2').trim();
}

/** Bold-key fields (`**Goal:** x`, `- **Status**: Active`) by owning milestone heading; keys lower-case-dashed, first one wins. */
function fieldsOf(scan: MarkdownScan, ownerOf: (h: number) => number): Map<number, Record<string, unknown>> {
  const out = new Map<number, Record<string, unknown>>();
  for (const f of scan.fields) {
    if (f.value.length === 0) continue;
    const owner = ownerOf(f.heading);
    let fields = out.get(owner);
    if (fields === undefined) { fields = {}; out.set(owner, fields); }
    const key = f.key.toLowerCase().replace(/\s+/g, '-');
    if (fields[key] === undefined) fields[key] = f.value;
  }
  return out;
}

/** The value of the first field naming the status (`Status`, `Estado`, `Statut` …: `isStatusKey`), or null. */
function statusField(fields: Record<string, unknown>): string | null {
  for (const [key, s] of Object.entries(fields)) if (isStatusKey(key) && typeof s === 'string' && s.length > 0) return s;
  return null;
}

/** The line before the next heading of the same or a higher level, else the last line. */
function endLineOf(scan: MarkdownScan, h: number): number {
  const level = scan.headings[h]!.level;
  for (let i = h + 1; i < scan.headings.length; i++) {
    if (scan.headings[i]!.level <= level) return scan.headings[i]!.line - 1;
  }
  return scan.lastLine;
}

const SUFFIX_STATUS = /\s*(?:(✅|✔️?|☑️?)|[([]\s*(complete|completed|done|in progress|blocked|planned|wip)\s*[)\]])\s*$/i;
/**
 * A status word in capitals at the end of a heading, after a ✅ or a dash: `Alpha ✅ COMPLETE`,
 * `Beta — DONE`. Capitals only, so a title that ends in a word ("Foundation Complete") stays a title.
 */
const SUFFIX_CAPS_STATUS = /\s*(?:(?:✅|✔️?|☑️?)\s*|[-–—:|]\s*|\s)(COMPLETE|COMPLETED|DONE|BLOCKED|IN PROGRESS|WIP)\s*$/;
const SUFFIX_DATE = /\s*[(（]\s*(\d{4}-\d\d-\d\d)\s*[)）]\s*$/;

/**
 * A readable title from a milestone heading: `Milestone: Foundation Complete` → `Foundation
 * Complete`; a numbered `Milestone 1: Name` keeps its name; a trailing ✅ / `(COMPLETE)` becomes the
 * status and a trailing `(2026-01-28)` the date. The id is the token after the keyword (`1`, `A`).
 */
export function cleanTitle(text: string): { title: string; status: string | null; date: string | null; id: string | null } {
  let t = text.trim();
  let status: string | null = null;
  let date: string | null = null;
  for (let changed = true; changed;) {
    changed = false;
    const d = SUFFIX_DATE.exec(t);
    if (d !== null && date === null) { date = d[1]!; t = t.slice(0, d.index); changed = true; }
    const c = SUFFIX_CAPS_STATUS.exec(t);
    if (c !== null && status === null && c.index > 0) { status = c[1]!; t = t.slice(0, c.index); changed = true; }
    const s = SUFFIX_STATUS.exec(t);
    if (s !== null && status === null && s.index > 0) { status = s[1] ?? s[2]!; t = t.slice(0, s.index); changed = true; }
  }
  t = t.replace(/\s*[:：]\s*$/, '');
  const bare = /^(?:milestone|phase|stage|deliverable)\s*[:：]\s*(.+)$/i.exec(t);
  if (bare !== null) t = bare[1]!.trim();
  const id = /^(?:milestone|phase|stage|deliverable)\s+([\w.]+)/i.exec(t)?.[1] ?? null;
  return { title: t.length > 0 ? t : text.trim(), status, date, id };
}
