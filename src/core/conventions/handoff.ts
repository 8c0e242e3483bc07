import type { FileReading, ReadNote, Step } from '../model';
import { sharedFrontmatter } from '../frontmatter/sharedFrontmatter';
import type { ScanHeading } from '../markdown/markdownScan';
import { noBullets, scanMarkdownKeeping } from '../markdown/scanMarkdown';
import { segmentsOf, stemOf, titleFromSlug } from './paths';
import { withoutLegends } from './legendItems';
import { SectionNames, headerNotes, criterionStep, firstH1, makeMilestone, taskStep } from './readerKit';

/** What a path under a `handoffs/` folder is (seed 002). */
export type HandoffPath =
  | { readonly kind: 'note'; readonly n: string; readonly group: string }
  | { readonly kind: 'summary'; readonly n: string; readonly folder: string; readonly group: string }
  | { readonly kind: 'lessons'; readonly group: string };

/**
 * Classifies a path under a folder named `handoffs` (any depth):
 * `handoffs/N-slug.md` (N ≥ 1) is a handoff note; `handoffs/N-name/0-milestone-summary.md` a
 * distilled milestone; `handoffs/N-name/M-slug.md` (M ≥ 1) a note moved into that milestone's
 * folder; `0-lessons-learned.md` / `0-milestone-lessons-learned.md` are lessons (known, not
 * milestones); `handoffs/0-*` (instructions) and anything else → null.
 */
export function handoffPath(file: string): HandoffPath | null {
  const segs = segmentsOf(file);
  let h = -1;
  for (let i = segs.length - 2; i >= 0; i--) if (segs[i]!.toLowerCase() === 'handoffs') { h = i; break; }
  if (h < 0 || !/\.md$/i.test(file)) return null;
  const rest = segs.slice(h + 1);
  const base = segs.slice(0, h + 1).join('/');
  const numbered = (name: string): string | null => /^(\d+)-./.exec(name)?.[1] ?? null;
  if (rest.length === 1) {
    const n = numbered(rest[0]!);
    return n !== null && Number(n) >= 1 ? { kind: 'note', n, group: base } : null;
  }
  if (rest.length !== 2) return null;
  const folderN = numbered(rest[0]!);
  if (folderN === null || Number(folderN) === 0) return null;
  const group = `${base}/${rest[0]}`;
  const name = rest[1]!.toLowerCase();
  if (name === '0-milestone-summary.md') return { kind: 'summary', n: folderN, folder: rest[0]!, group };
  if (name === '0-lessons-learned.md' || name === '0-milestone-lessons-learned.md') return { kind: 'lessons', group };
  const n = numbered(rest[1]!);
  return n !== null && Number(n) >= 1 ? { kind: 'note', n, group } : null;
}

const SUMMARY_SECTIONS = /^(changes|decisions|discoveries)\b/i;
/** ` ([3-ranking.md](3-ranking.md))` at the end of a distilled summary bullet: where it came from, not the fact. */
const SOURCE_LINK = /\s*\(\[[^\]]+\.md\]\(<?[^()<>]+\.md>?\)\)$/i;

function underSummarySection(headings: readonly ScanHeading[], h: number): boolean {
  for (let a = h; a >= 0; a = headings[a]!.parent) if (SUMMARY_SECTIONS.test(headings[a]!.text)) return true;
  return false;
}

/**
 * Reads a handoff note or a distilled milestone summary. A note: id N, title = H1 else the slug,
 * no stated status; its task items (if any) are steps. A summary: id N, title = H1 else the folder
 * name, status `completed` (a distilled milestone is finished by definition), the bullets under
 * Changes / Decisions / Discoveries as info criteria (without the trailing `([3-note.md](3-note.md))`
 * that names the note a distilled bullet came from), task items as steps.
 * Lessons-learned files return null (they are known but hold no milestone).
 */
export function readHandoff(file: string, text: string): FileReading | null {
  const kind = handoffPath(file);
  if (kind === null || kind.kind === 'lessons') return null;
  const fm = sharedFrontmatter(text);
  // Only a summary reads bullets, and only those under Changes / Decisions / Discoveries.
  const scan = withoutLegends(scanMarkdownKeeping(text, fm.bodyStart, fm.bodyLine, kind.kind === 'summary' ? underSummarySection : noBullets));
  const notes: ReadNote[] = headerNotes(fm, text, scan);
  const names = new SectionNames(scan);
  const steps: Step[] = [];
  if (kind.kind === 'summary') {
    for (const b of scan.bullets) {
      let h = b.heading;
      while (h >= 0 && !SUMMARY_SECTIONS.test(scan.headings[h]!.text)) h = scan.headings[h]!.parent;
      if (h >= 0) steps.push(criterionStep(b.text.replace(SOURCE_LINK, ''), b.line, names.of(b.heading), b.depth));
    }
  }
  for (const t of scan.tasks) steps.push(taskStep(t, names.of(t.heading), notes));
  steps.sort((a, b) => a.line - b.line);
  const title = firstH1(scan) ?? (kind.kind === 'summary' ? titleFromSlug(kind.folder) : titleFromSlug(stemOf(file)));
  const milestone = makeMilestone({
    convention: 'handoff', file, id: kind.n, title,
    status: kind.kind === 'summary' ? 'completed' : null,
    line: 0, endLine: scan.lastLine, group: kind.group,
    fields: fm.data ?? {}, steps,
  });
  return { file, convention: 'handoff', milestones: [milestone], notes };
}
