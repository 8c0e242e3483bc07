import type { FileReading, Milestone, ReadNote, Step } from '../model';
import { readFrontmatter } from '../frontmatter/readFrontmatter';
import type { MarkdownScan } from '../markdown/markdownScan';
import { noBullets, scanMarkdownKeeping } from '../markdown/scanMarkdown';
import { isExecPlanPath } from './execplan';
import { isKbPath } from './kb';
import { baseOf, isMarkdownName, segmentsOf, stemOf } from './paths';
import { SectionNames, headerNotes, makeMilestone, taskStep } from './readerKit';

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
  if (STATUS_NAMES.test(baseOf(file))) return true;
  const segs = segmentsOf(file);
  return segs.slice(0, -1).some((s) => /^milestones?$/i.test(s));
}

/**
 * Reads STATUS / ROADMAP style milestones (seed 004). Every heading that starts with Milestone /
 * Phase / Stage / Deliverable (or 里程碑) is a milestone, even without items; every other heading
 * that owns task items is one too; items under sub-headings belong to the nearest milestone heading
 * above them; items before any heading belong to a milestone named after the file.
 * With `sniff` (a markdown file not named like a status file) the file counts only when a keyword
 * heading owns at least one real task item. Returns null when there is no milestone.
 */
export function readStatusMd(file: string, text: string, sniff: boolean): FileReading | null {
  if (sniff && (text.indexOf('[') === -1 || !MAYBE.test(text))) return null;
  const fm = readFrontmatter(text);
  const scan = scanMarkdownKeeping(text, fm.bodyStart, fm.bodyLine, noBullets); // reads no plain bullets
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
  if (chosen.size === 0) return null;
  const notes: ReadNote[] = headerNotes(fm, text, scan);
  const names = new SectionNames(scan);
  const stepsOf = new Map<number, Step[]>();
  scan.tasks.forEach((t, i) => {
    const owner = owners[i]!;
    let list = stepsOf.get(owner);
    if (list === undefined) { list = []; stepsOf.set(owner, list); }
    list.push(taskStep(t, names.of(t.heading), notes));
  });
  const fieldsByOwner = fieldsOf(scan, ownerOf);
  const milestones: Milestone[] = [];
  for (const h of [...chosen].sort((a, b) => a - b)) {
    const fields = fieldsByOwner.get(h) ?? {};
    const steps = stepsOf.get(h) ?? [];
    if (h < 0) {
      const first = scan.headings[0];
      milestones.push(makeMilestone({
        convention: 'status-md', file, id: null, title: stemOf(file), status: statusField(fields),
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
      status: statusField(fields) ?? t.status,
      line: heading.line, endLine: endLineOf(scan, h),
      group: file, fields, steps,
    }));
  }
  return { file, convention: 'status-md', milestones, notes };
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

function statusField(fields: Record<string, unknown>): string | null {
  const s = fields['status'];
  return typeof s === 'string' && s.length > 0 ? s : null;
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
