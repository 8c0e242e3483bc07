import { localDay } from '../../edits/timestampStyle';
import { TextLines } from '../../form/edits/textLines';
import { preferredEol } from '../../text/lineEndings';
import type { Milestone } from '../../model';
import type { FolderSnapshot, LifecycleContext, MilestoneRef, PlanOutcome } from '../changePlan';
import { refused } from '../changePlan';
import { findMilestone } from '../findMilestone';
import { approvalLogged, decisionsFileOf, readApprovalLog } from './approvalGate';
import { milestoneDeliverables } from './milestoneDeliverables';

/** What a person adds to the logged approval; each has a default read from STATUS.md. */
export interface ApprovalInput {
  /** The **Decision:** line; default `Approved to advance to <the next milestone's phase>`. */
  readonly decision?: string;
  /** The **Next Milestone:** line; default the next milestone of the file; null: `none`. */
  readonly next?: string | null;
  /** The **Context:** line; default `<phase> complete, all acceptance criteria met` (the title in quotes without a phase). */
  readonly context?: string;
}

/** More deliverables than this are counted in the log instead of named. */
const NAMED_DELIVERABLES = 6;

/**
 * Logs the approval of a STATUS.md milestone (seed 004, "Approval Log Format") in
 * `decisionsFileOf(file)`: appended as one edit after one blank line, in the file's line endings,
 * or a new file `# Decisions` with the entry. The entry: `## YYYY-MM-DD: Milestone "<title>"
 * Approved`, **Context:**, **Evidence:** (criteria met, deliverables, progress), **Decision:**,
 * **Next Milestone:**. Once logged, `completeMilestone` passes the approval gate. Already logged:
 * a plan without changes. Other conventions have no approval gate: refused (`not-applicable`).
 */
export function logApproval(snapshot: FolderSnapshot, ref: MilestoneRef, input: ApprovalInput, ctx: LifecycleContext): PlanOutcome {
  const found = findMilestone(snapshot, ref);
  if (found.kind === 'refused') return found;
  const { milestone, reading, index, text } = found;
  if (milestone.convention !== 'status-md') {
    return refused(`approvals are logged for STATUS.md milestones (seed 004); "${milestone.title}" has no approval gate`, 'not-applicable');
  }
  const file = decisionsFileOf(milestone.file);
  const current = snapshot.text(file);
  if (approvalLogged(readApprovalLog(current), milestone.title)) {
    return { kind: 'ok', plan: { changes: [], summary: `The approval of "${milestone.title}" is already logged in ${file}`, primary: file } };
  }
  const next = nextMilestone(text, reading.milestones, index);
  const entry = approvalEntry(milestone, milestoneDeliverables(text, milestone), next, input, localDay(ctx.now));
  const summary = `Logged the approval of "${milestone.title}" in ${file}`;
  if (current === null || current.replace(/^\uFEFF/, '').trim() === '') {
    const eol = preferredEol(current ?? text);
    const body = ['# Decisions', '', ...entry].join(eol) + eol;
    const change = current === null
      ? { kind: 'create' as const, file, text: body }
      : { kind: 'edit' as const, file, edits: [{ start: current.length - current.replace(/^\uFEFF/, '').length, end: current.length, newText: body }] };
    return { kind: 'ok', plan: { changes: [change], summary, primary: file } };
  }
  const eol = preferredEol(current);
  const ending = current.endsWith('\n') ? '' : eol;
  const blank = /\n[ \t]*\r?\n$/.test(current) ? '' : eol;
  const newText = ending + blank + entry.join(eol) + eol;
  return { kind: 'ok', plan: { changes: [{ kind: 'edit', file, edits: [{ start: current.length, end: current.length, newText }] }], summary, primary: file } };
}

/** The lines of the log entry (without line endings). */
function approvalEntry(milestone: Milestone, deliverables: readonly string[], next: Milestone | null, input: ApprovalInput, day: string): string[] {
  const { done, total } = milestone.progress;
  const phase = phaseOf(milestone) ?? `"${milestone.title}"`;
  const met = total === 0 ? '' : done === total ? ', all acceptance criteria met' : `, ${done} of ${total} acceptance criteria met`;
  const evidence = total === 0 ? ['- No acceptance criteria listed'] : [`- Acceptance criteria met (${done}/${total})`];
  if (deliverables.length > 0) {
    evidence.push(`- Deliverables: ${deliverables.length > NAMED_DELIVERABLES ? `${deliverables.length} listed` : deliverables.join(', ')}`);
  }
  if (total > 0) evidence.push(`- Progress: ${Math.round((done / total) * 100)}%`);
  const nextName = input.next === undefined ? next?.title ?? 'none' : input.next ?? 'none';
  const nextPhase = next !== null && input.next === undefined ? phaseOf(next) : null;
  return [
    `## ${day}: Milestone "${milestone.title}" Approved`,
    '',
    `**Context:** ${input.context ?? `${phase} complete${met}`}`,
    '**Evidence:**',
    ...evidence,
    '',
    `**Decision:** ${input.decision ?? `Approved to advance to ${nextPhase ?? 'the next milestone'}`}`,
    `**Next Milestone:** ${nextName}`,
  ];
}

/**
 * The milestone after milestone `index` (not one inside it): the first whose heading names a
 * milestone or phase, else the first at the same heading level, else null. A STATUS file has
 * sections like "Progress" whose checkboxes make them milestones too; they are not what comes next.
 */
function nextMilestone(text: string, milestones: readonly Milestone[], index: number): Milestone | null {
  const current = milestones[index]!;
  const lines = new TextLines(text);
  const level = (m: Milestone): number => /^\uFEFF?[ ]{0,3}(#{1,6})[ \t]/.exec(lines.content(m.line))?.[1]!.length ?? 0;
  const after = milestones.slice(index + 1).filter((m) => m.line > current.endLine);
  return after.find((m) => /^\uFEFF?[ ]{0,3}#{1,6}[ \t]+(?:milestone|phase|stage|里程碑)/i.test(lines.content(m.line)))
    ?? after.find((m) => level(m) > 0 && level(m) === level(current))
    ?? null;
}

function phaseOf(milestone: Milestone): string | null {
  const phase = milestone.fields['phase'];
  return typeof phase === 'string' && phase.trim() !== '' ? phase.trim() : null;
}
