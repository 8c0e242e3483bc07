import type { FileReading, ReadNote, Step } from '../model';
import { headerKeyLines } from '../frontmatter/headerLines';
import { sharedFrontmatter } from '../frontmatter/sharedFrontmatter';
import { noBullets, scanMarkdownKeeping } from '../markdown/scanMarkdown';
import { baseOf, dirOf, isMarkdownName, segmentsOf, stemOf, titleFromSlug } from './paths';
import { describedByPath } from './skipReasons';
import { withoutLegends } from './legendItems';
import { SectionNames, headerNotes, criterionStep, fieldString, firstH1, makeMilestone, taskStep } from './readerKit';

/**
 * True for a markdown file directly inside a folder named `NAME.kb/` (any depth, nested `.kb`
 * folders too) that is not a folder guide or a template (CLAUDE.md, README.md, AGENTS.md,
 * index.md, TEMPLATE.md …: `describedByPath`).
 */
export function isKbPath(file: string): boolean {
  const segs = segmentsOf(file);
  if (segs.length < 2 || !isMarkdownName(file)) return false;
  if (!/.\.kb$/i.test(segs[segs.length - 2]!)) return false;
  return describedByPath(file) === null;
}

/** What a KB file name says about its milestone: its id and the slug after it. */
export interface KbName {
  /** `010`, or a whole date prefix with its sequence: `2026-04-20-002` (`todo.kb/` style names). */
  readonly id: string;
  /** True for a date-prefixed id: numbered by day, not by the seed's multiples of 10. */
  readonly dated: boolean;
  /** The name after the id and its separator (`single-session-core`), possibly empty. */
  readonly slug: string;
}

const DATED_NAME = /^(\d{4}-\d\d-\d\d(?:-\d+)?)(?=$|[-_. ])[-_. ]*/;
const NUMBERED_NAME = /^(\d+)(?=$|[-_. ])[-_. ]*/;

/**
 * The id a KB file name (without extension) starts with: a date prefix with its sequence, whole
 * (`2026-04-20-002-slug` → `2026-04-20-002`: cutting it at the first dash gave every file of a day
 * the id `2026`), else the leading number (`010-slug` → `010`); null without either.
 */
export function kbNameOf(stem: string): KbName | null {
  const dated = DATED_NAME.exec(stem);
  if (dated !== null) return { id: dated[1]!, dated: true, slug: stem.slice(dated[0].length) };
  const numbered = NUMBERED_NAME.exec(stem);
  return numbered === null ? null : { id: numbered[1]!, dated: false, slug: stem.slice(numbered[0].length) };
}

/**
 * Reads a KB milestone (seed 000): YAML frontmatter `status`, `goal`, `depends-on`, `deliverables`;
 * id = the file name's leading number (`010`) or date prefix (`2026-04-20-002`, `kbNameOf`);
 * title = first H1, else the slug. Steps: the body's task items (a legend's are none), and each
 * `deliverables` entry as an info criterion at its header line.
 * A file without a leading number is a milestone only when it has a header; else null.
 */
export function readKb(file: string, text: string): FileReading | null {
  const fm = sharedFrontmatter(text);
  const stem = stemOf(file);
  const name = kbNameOf(stem);
  if (name === null && fm.split.kind === 'none') return null;
  const scan = withoutLegends(scanMarkdownKeeping(text, fm.bodyStart, fm.bodyLine, noBullets)); // reads no plain bullets
  const notes: ReadNote[] = headerNotes(fm, text, scan);
  const data = fm.data ?? {};
  const steps: Step[] = [];
  const deliverables = data['deliverables'];
  if (Array.isArray(deliverables) && fm.split.kind === 'yaml') {
    const lines = headerKeyLines(text.slice(fm.split.contentStart, fm.split.contentEnd), fm.split.contentLine).get('deliverables');
    deliverables.forEach((d, i) => {
      const t = typeof d === 'string' ? d : JSON.stringify(d) ?? String(d);
      steps.push(criterionStep(t, lines?.itemLines[i] ?? lines?.line ?? 0, 'deliverables'));
    });
  } else if (typeof deliverables === 'string') {
    steps.push(criterionStep(deliverables, headerKeyLines(text.slice(0, fm.bodyStart), 0).get('deliverables')?.line ?? 0, 'deliverables'));
  }
  const names = new SectionNames(scan);
  for (const t of scan.tasks) steps.push(taskStep(t, names.of(t.heading), notes));
  const milestone = makeMilestone({
    convention: 'kb', file,
    id: name !== null ? name.id : null,
    title: firstH1(scan) ?? titleFromSlug(name?.slug || stem),
    status: fieldString(data, 'status'),
    line: 0, endLine: scan.lastLine,
    group: dirOf(file) || baseOf(file),
    fields: data, steps,
  });
  return { file, convention: 'kb', milestones: [milestone], notes };
}
