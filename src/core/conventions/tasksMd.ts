import type { ConventionId, FileReading, ReadNote, Step } from '../model';
import { scanMarkdownKeeping, noBullets } from '../markdown/scanMarkdown';
import type { ScanTask } from '../markdown/markdownScan';
import { ownString } from '../text/ownString';
import { segmentsOf } from './paths';
import { SectionNames, firstH1, makeMilestone, taskStep } from './readerKit';

/**
 * The task lists agents write from a spec, one milestone a file:
 * - Kiro (`.kiro/specs/<feature>/tasks.md`, beside requirements.md and design.md): `- [ ]` to do,
 *   `- [-]` in progress, `- [x]` done, `- [ ]*` an optional task, sub-tasks nested under their task.
 * - GitHub Spec Kit (`specs/<NNN-feature>/tasks.md`): `- [ ] T001 [P] [US1] Description with path`,
 *   `[X]` done, under phase headings (`## Phase 1: Setup`) with checkpoints.
 */
export type TasksFlavor = Extract<ConventionId, 'kiro' | 'spec-kit'>;

/** The feature folder of a Kiro spec's tasks.md (`.kiro/specs/<feature>/tasks.md`, archived specs too), or null. */
export function kiroFeatureOf(file: string): string | null {
  const segs = segmentsOf(file);
  const at = segs.findIndex((s, i) => s === '.kiro' && segs[i + 1] === 'specs');
  if (at < 0 || segs.length < at + 4 || segs[segs.length - 1]!.toLowerCase() !== 'tasks.md') return null;
  return segs[segs.length - 2]!;
}

/**
 * The feature folder of a Spec Kit tasks.md (`specs/<NNN-feature>/tasks.md`: the folder starts with
 * a number, as `/specify` names it), or null. Not one under `.kiro/`.
 */
export function specKitFeatureOf(file: string): string | null {
  const segs = segmentsOf(file);
  if (segs.length < 3 || segs[segs.length - 1]!.toLowerCase() !== 'tasks.md' || segs.includes('.kiro')) return null;
  const feature = segs[segs.length - 2]!;
  return segs[segs.length - 3]!.toLowerCase() === 'specs' && /^\d{3,}-./.test(feature) ? feature : null;
}

/** `T001` and the `[P]` / `[US1]` tags at the start of a Spec Kit task's text. */
const SPEC_KIT_TASK = /^(T\d{3,})\b((?:\s*\[[^\]\s]+\])*)/;

/**
 * Reads a tasks.md of either flavor: its task items are the steps (nested sub-tasks at their depth,
 * the heading above each as its section), the milestone is the whole file (title: the H1 after
 * `Tasks:` / `Implementation Plan`, else the feature folder; id: the feature folder), and its
 * status is what the steps say (none is written). Kiro's `[-]` is an open step in progress and
 * `[ ]*` an optional one (counted once done); Spec Kit's ids and tags stay in the text and the id
 * is also kept as the step's field for checks.
 */
export function readTasksMd(file: string, text: string, flavor: TasksFlavor): FileReading | null {
  const feature = flavor === 'kiro' ? kiroFeatureOf(file) : specKitFeatureOf(file);
  if (feature === null) return null;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const scan = scanMarkdownKeeping(text, start, 0, noBullets);
  const notes: ReadNote[] = [];
  const sections = new SectionNames(scan);
  const steps: Step[] = scan.tasks.map((task) => flavor === 'kiro' ? kiroStep(task, sections.of(task.heading), notes) : taskStep(task, sections.of(task.heading), notes));
  const h1 = firstH1(scan);
  const named = h1?.replace(/^(?:tasks|implementation plan)\s*[:—–-]?\s*/i, '').trim();
  const title = named !== undefined && named !== '' ? named : feature;
  const milestone = makeMilestone({
    convention: flavor, file, id: feature, title, status: null, line: 0, endLine: Math.max(0, text.split('\n').length - 1),
    group: flavor === 'kiro' ? '.kiro/specs' : file.slice(0, file.length - feature.length - 'tasks.md'.length - 2) || 'specs',
    fields: flavor === 'spec-kit' ? { tasks: specKitIds(steps) } : {}, steps,
  });
  return { file, convention: flavor, milestones: [milestone], notes };
}

/** A Kiro task: `[-]` in progress (open), `[ ]*` / `[x]*` optional, else as GitHub reads it. */
function kiroStep(task: ScanTask, section: string | null, notes: ReadNote[]): Step {
  const inside = task.marker[1];
  const optional = task.marker.length === 4 && task.marker[3] === '*';
  const known = task.marker.length === 3 ? inside === '-' || !task.nonstandard : optional && (inside === ' ' || inside === 'x' || inside === 'X');
  if (!known || task.bare) return taskStep(task, section, notes);
  const done = inside === 'x' || inside === 'X';
  return {
    text: ownString(task.text), state: done ? 'done' : 'open', line: task.line, section, depth: task.depth,
    source: { kind: 'task', marker: ownString(task.marker), markerOffset: task.markerOffset },
    ...(optional ? { optional: true as const } : {}),
    ...(inside === '-' ? { inProgress: true as const } : {}),
  };
}

/** The Spec Kit task ids in order (`T001` …), one per step that starts with one (null for a step without). */
function specKitIds(steps: readonly Step[]): (string | null)[] {
  return steps.map((s) => SPEC_KIT_TASK.exec(s.text)?.[1] ?? null);
}
