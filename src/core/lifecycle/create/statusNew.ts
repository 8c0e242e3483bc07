/**
 * "New milestone" for STATUS.md (seed 004): a `## Milestone: <name>` block in the seed's template
 * format appended to the status file, or a new `STATUS.md` holding it.
 */
import { baseOf } from '../../conventions/paths';
import { cleanTitle, readStatusMd } from '../../conventions/statusMd';
import { nameKey } from '../../checks/milestoneNames';
import { applyEdits } from '../../text/applyEdits';
import { refused, type FolderSnapshot, type LifecycleContext, type PlanOutcome } from '../changePlan';
import { appendBlock } from './appendBlock';
import { chosenPath, isRefusal, oneLine, oneLineEach, optionalLine } from './createInputs';

/** File names that hold milestones in the seed's STATUS style. */
const STATUS_NAME = /^(?:status|roadmap|milestones)\.(?:md|markdown)$|^.+[_-]status\.(?:md|markdown)$/i;

/**
 * The status files of the snapshot (STATUS.md, ROADMAP.md, MILESTONES.md, `*_STATUS.md`,
 * `*-STATUS.md`, any case), sorted by path with STATUS.md files first; `['STATUS.md']` when none.
 */
export function statusFiles(snapshot: FolderSnapshot): string[] {
  const files = snapshot.files.filter((f) => STATUS_NAME.test(baseOf(f)));
  const rank = (f: string) => (/^status\.md$/i.test(baseOf(f)) ? 0 : 1);
  return files.length > 0 ? [...files].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1)) : ['STATUS.md'];
}

export interface NewStatusInput {
  /** The status file; default the only one `statusFiles` gives. */
  readonly file?: string;
  readonly name: string;
  /** One sentence: the outcome. */
  readonly goal: string;
  /** `Phase 2`; left out when absent. */
  readonly phase?: string;
  /** A date or timeline; left out when absent. */
  readonly target?: string;
  /** The acceptance criteria, one open task item each (the section is left out when there are none). */
  readonly criteria: readonly string[];
  /** Numbered (the section is left out when there are none). */
  readonly deliverables: readonly string[];
  readonly approvalRequired: boolean;
}

/**
 * Appends the block to the end of the status file as one edit (see `appendBlock`: line endings,
 * BOM and every other byte kept), or creates the file as `# Project Status` and the block. Refuses
 * (`invalid-input`) an empty or multi-line name, goal, phase, target, criterion or deliverable, a
 * name the reader would not give back as written (a trailing `✅`, `(COMPLETE)`, date…), a file that
 * is not markdown, several status files and none named, a file whose end the block would not be read
 * from (an unclosed code fence); (`exists`) when the file already has a milestone of that name.
 */
export function newStatusMilestone(snapshot: FolderSnapshot, input: NewStatusInput, _ctx: LifecycleContext): PlanOutcome {
  const file = chosenPath(input.file, statusFiles(snapshot), 'status file');
  if (isRefusal(file)) return file;
  if (!/\.(?:md|markdown)$/i.test(file)) return refused(`${file} is not a markdown file`, 'invalid-input');
  const name = oneLine(input.name, 'the name');
  if (isRefusal(name)) return name;
  if (cleanTitle(`Milestone: ${name}`).title !== name) return refused(`the name "${name}" would be read back as "${cleanTitle(`Milestone: ${name}`).title}"; leave status marks and dates out of it`, 'invalid-input');
  const goal = oneLine(input.goal, 'the goal');
  if (isRefusal(goal)) return goal;
  const phase = optionalLine(input.phase, 'the phase');
  if (isRefusal(phase)) return phase;
  const target = optionalLine(input.target, 'the target');
  if (isRefusal(target)) return target;
  const criteria = oneLineEach(input.criteria, 'criterion');
  if (isRefusal(criteria)) return criteria;
  const deliverables = oneLineEach(input.deliverables, 'deliverable');
  if (isRefusal(deliverables)) return deliverables;
  const lines = [`## Milestone: ${name}`, '', `**Goal:** ${goal}`];
  if (phase !== undefined) lines.push(`**Phase:** ${phase}`);
  if (target !== undefined) lines.push(`**Target:** ${target}`);
  if (criteria.length > 0) lines.push('', '**Acceptance Criteria:**', ...criteria.map((c) => `- [ ] ${c}`));
  if (deliverables.length > 0) lines.push('', '**Deliverables:**', ...deliverables.map((d, i) => `${i + 1}. ${d}`));
  lines.push('', `**Approval Required:** ${input.approvalRequired ? 'Yes' : 'No'}`);
  const text = snapshot.text(file);
  if (text === null) {
    const created = `# Project Status\n\n${lines.join('\n')}\n`;
    return { kind: 'ok', plan: { changes: [{ kind: 'create', file, text: created }], summary: `Created ${file} with the milestone "${name}"`, primary: file } };
  }
  const existing = readStatusMd(file, text, false)?.milestones ?? [];
  if (existing.some((m) => nameKey(m.title) === nameKey(name))) return refused(`${file} already has a milestone "${name}"`, 'exists');
  const edit = appendBlock(text, text.trim() === '' ? ['# Project Status', '', ...lines] : lines);
  const after = readStatusMd(file, applyEdits(text, [edit]), false)?.milestones ?? [];
  const added = after.find((m) => m.title === name && m.fields['goal'] === goal);
  if (added === undefined || added.steps.length !== criteria.length) {
    return refused(`a block added at the end of ${file} would not be read as a milestone (an unclosed code fence or comment?); add it by hand`, 'invalid-input');
  }
  return { kind: 'ok', plan: { changes: [{ kind: 'edit', file, edits: [edit] }], summary: `Added the milestone "${name}" to ${file}`, primary: file } };
}
