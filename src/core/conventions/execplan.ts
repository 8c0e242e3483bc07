import type { FileReading, HealthRow, ReadNote, Step } from '../model';
import { sharedFrontmatter } from '../frontmatter/sharedFrontmatter';
import type { MarkdownScan, ScanTable } from '../markdown/markdownScan';
import type { ScanHeading } from '../markdown/markdownScan';
import { scanMarkdownKeeping } from '../markdown/scanMarkdown';
import { ownString } from '../text/ownString';
import { segmentsOf, stemOf, titleFromSlug } from './paths';
import { SectionNames, headerNotes, criterionStep, fieldString, findHeading, firstH1, isUnder, makeMilestone, nonstandardNote, taskStep } from './readerKit';
import { normaliseStatus } from './status';
import { marksIn } from './statusMarks';
import { withoutLegends } from './legendItems';

/** True for `.agent/exec_plans/**​/milestones/**​/*.md` (active/, complete/, completed/, archive/YYYY/MM/DD/ …). */
export function isExecPlanPath(file: string): boolean {
  if (!/\.md$/i.test(file)) return false;
  const segs = segmentsOf(file).map((s) => s.toLowerCase());
  for (let i = 0; i + 1 < segs.length; i++) {
    if (segs[i] === '.agent' && segs[i + 1] === 'exec_plans') return segs.indexOf('milestones', i + 2) !== -1 && segs.indexOf('milestones', i + 2) < segs.length - 1;
  }
  return false;
}

/** The folder holding `milestones/` (the plan's slug), e.g. `gtfs-foundation`. */
function planFolder(file: string): string {
  const segs = segmentsOf(file);
  const i = segs.map((s) => s.toLowerCase()).lastIndexOf('milestones');
  return i > 0 ? segs[i - 1]! : stemOf(file);
}

type RowState = 'done' | 'open' | 'nonstandard';

/** ✅ done; ⏳ / ⚠️ / 🚧 / ❌ open; a placeholder listing several (`✅ / ⏳ / ⚠️`) or an unknown word is non-standard. */
export function rowState(cell: string): RowState {
  const marks = marksIn(cell);
  if (marks.length >= 2) return 'nonstandard';
  if (marks.length === 1) return marks[0] === '✅' ? 'done' : 'open';
  const c = normaliseStatus(cell);
  if (c === 'done') return 'done';
  return c === 'active' || c === 'planned' || c === 'blocked' ? 'open' : 'nonstandard';
}

function healthCategory(cell: string): HealthRow['category'] {
  const marks = marksIn(cell);
  if (marks.length === 1) return marks[0] === '✅' ? 'ok' : marks[0] === '⏳' ? 'pending' : 'warn';
  if (marks.length >= 2) return 'unknown';
  const c = normaliseStatus(cell);
  return c === 'done' ? 'ok' : c === 'blocked' ? 'warn' : c === 'active' || c === 'planned' ? 'pending' : 'unknown';
}

function column(table: ScanTable, name: RegExp): number {
  return table.header.findIndex((c) => name.test(c.text));
}

/**
 * Reads an ExecPlan milestone (seed 003). Fields: the whole frontmatter. Steps: task items anywhere
 * in the body; rows of Status-column tables under "Workstreams & Tasks" (kind `table-row`, the status
 * cell's offset/length); plain bullets under "Definition of Done" as info criteria. Health: the
 * "Current Health Snapshot" table. group = `execplan_id`, else the plan id in the file name
 * (`EP-…_MS###_slug.md`: a file whose header cannot be read stays with its plan), else the plan folder.
 */
export function readExecPlan(file: string, text: string): FileReading | null {
  const fm = sharedFrontmatter(text);
  if (fm.split.kind === 'none' && !/MS\d+/i.test(stemOf(file))) return null;
  // Only the bullets under "Definition of Done" are read: the scan keeps no others.
  const scan = withoutLegends(scanMarkdownKeeping(text, fm.bodyStart, fm.bodyLine, underDefinitionOfDone));
  const notes: ReadNote[] = headerNotes(fm, text, scan);
  const names = new SectionNames(scan);
  const data = fm.data ?? {};
  const steps: Step[] = scan.tasks.map((t) => taskStep(t, names.of(t.heading), notes));
  const dod = findHeading(scan, DOD);
  if (dod >= 0) {
    for (const b of scan.bullets) if (isUnder(scan, b.heading, dod)) steps.push(criterionStep(b.text, b.line, names.of(b.heading), b.depth));
  }
  const ws = findHeading(scan, /^workstreams?\b/i);
  if (ws >= 0) steps.push(...tableSteps(scan, ws, names, notes));
  steps.sort((a, b) => a.line - b.line);
  const health = healthRows(scan);
  const execplanId = fieldString(data, 'execplan_id');
  const ms = fieldString(data, 'ms');
  const msInName = /MS\d+/i.exec(stemOf(file))?.[0] ?? null;
  const id = fieldString(data, 'id') ?? (execplanId !== null && ms !== null ? `${execplanId}/MS${ms.padStart(3, '0')}` : msInName);
  const milestone = makeMilestone({
    convention: 'execplan', file, id,
    title: fieldString(data, 'title') ?? firstH1(scan) ?? titleFromSlug(stemOf(file).replace(/^.*?MS\d+[-_]?/i, '')),
    status: fieldString(data, 'status'),
    line: 0, endLine: scan.lastLine,
    group: execplanId ?? /^EP-\d{8}-\d{3}(?=_)/.exec(stemOf(file))?.[0] ?? planFolder(file),
    fields: data, steps, health,
  });
  return { file, convention: 'execplan', milestones: [milestone], notes };
}

const DOD = /^definition of done/i;

/** True when heading `h` is, or lies below, the first "Definition of Done" heading (what `findHeading` + `isUnder` pick). */
function underDefinitionOfDone(headings: readonly ScanHeading[], h: number): boolean {
  let dod = -1;
  for (let i = 0; i <= h; i++) if (DOD.test(headings[i]!.text)) { dod = i; break; }
  if (dod < 0) return false;
  for (let a = h; a >= 0; a = headings[a]!.parent) if (a === dod) return true;
  return false;
}

function tableSteps(scan: MarkdownScan, ws: number, names: SectionNames, notes: ReadNote[]): Step[] {
  const steps: Step[] = [];
  for (const table of scan.tables) {
    if (!isUnder(scan, table.heading, ws)) continue;
    const si = column(table, /^status$/i);
    if (si < 0) continue;
    const di = column(table, /^(description|task|name|deliverable|item|title|scope)$/i);
    const ii = column(table, /^(id|#)$/i);
    for (const row of table.rows) {
      const cell = row.cells[si];
      if (cell === undefined) continue;
      let label = di >= 0 ? row.cells[di]?.text ?? '' : row.cells.find((_, i) => i !== si && i !== ii)?.text ?? '';
      const idText = ii >= 0 ? row.cells[ii]?.text ?? '' : '';
      if (idText.length > 0) label = label.length > 0 ? `${idText} ${label}` : idText;
      const state = rowState(cell.text);
      if (state === 'nonstandard') notes.push(nonstandardNote(cell.text, row.line, false));
      steps.push({
        text: ownString(label), state, line: row.line, section: names.of(table.heading), depth: 0,
        source: { kind: 'table-row', cell: ownString(cell.text), cellOffset: cell.offset, cellLength: cell.length },
      });
    }
  }
  return steps;
}

function healthRows(scan: MarkdownScan): HealthRow[] {
  const h = findHeading(scan, /^current health snapshot/i);
  if (h < 0) return [];
  const out: HealthRow[] = [];
  for (const table of scan.tables) {
    if (!isUnder(scan, table.heading, h)) continue;
    const ai = Math.max(0, column(table, /^area$/i));
    const si = column(table, /^status$/i);
    const ni = column(table, /^notes?$/i);
    if (si < 0) continue;
    for (const row of table.rows) {
      const status = row.cells[si]?.text ?? '';
      out.push({
        area: ownString(row.cells[ai]?.text ?? ''), status: ownString(status), category: healthCategory(status),
        notes: ownString(ni >= 0 ? row.cells[ni]?.text ?? '' : ''), line: row.line,
      });
    }
  }
  return out;
}
