import type { FileReading, ReadNote, Step } from '../model';
import { headerKeyLines } from '../frontmatter/headerLines';
import { readFrontmatter } from '../frontmatter/readFrontmatter';
import { noBullets, scanMarkdownKeeping } from '../markdown/scanMarkdown';
import { baseOf, dirOf, isMarkdownName, segmentsOf, stemOf, titleFromSlug } from './paths';
import { SectionNames, headerNotes, criterionStep, fieldString, firstH1, makeMilestone, taskStep } from './readerKit';

/** Folder guides that live in a `.kb` folder and are never milestones. */
const GUIDES = new Set(['claude.md', 'readme.md', 'agents.md', 'index.md', 'gemini.md']);

/**
 * True for a markdown file directly inside a folder named `NAME.kb/` (any depth, nested `.kb`
 * folders too) that is not a folder guide (CLAUDE.md, README.md, AGENTS.md, index.md).
 */
export function isKbPath(file: string): boolean {
  const segs = segmentsOf(file);
  if (segs.length < 2 || !isMarkdownName(file)) return false;
  if (!/.\.kb$/i.test(segs[segs.length - 2]!)) return false;
  return !GUIDES.has(segs[segs.length - 1]!.toLowerCase());
}

/**
 * Reads a KB milestone (seed 000): YAML frontmatter `status`, `goal`, `depends-on`, `deliverables`;
 * id = the file name's leading number (`010`); title = first H1, else the slug. Steps: the body's
 * task items, and each `deliverables` entry as an info criterion at its header line.
 * A file without a leading number is a milestone only when it has a header; else null.
 */
export function readKb(file: string, text: string): FileReading | null {
  const fm = readFrontmatter(text);
  const stem = stemOf(file);
  const num = /^(\d+)(?=$|[-_. ])/.exec(stem);
  if (num === null && fm.split.kind === 'none') return null;
  const scan = scanMarkdownKeeping(text, fm.bodyStart, fm.bodyLine, noBullets); // reads no plain bullets
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
    id: num !== null ? num[1]! : null,
    title: firstH1(scan) ?? titleFromSlug(stem),
    status: fieldString(data, 'status'),
    line: 0, endLine: scan.lastLine,
    group: dirOf(file) || baseOf(file),
    fields: data, steps,
  });
  return { file, convention: 'kb', milestones: [milestone], notes };
}
