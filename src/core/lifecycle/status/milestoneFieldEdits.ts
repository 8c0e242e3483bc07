/**
 * Writing one field of a milestone (`status`, `owner`) where its convention keeps it, with the side
 * edits the convention expects, as minimal edits on the file's text.
 */
import { frontmatterUpdatedEdits } from '../../edits/frontmatterUpdated';
import { timestampStyleOf } from '../../edits/jsonStepEdits';
import { detectTimestampStyle, formatTimestamp, localDay } from '../../edits/timestampStyle';
import { setBoldField } from '../../form/edits/boldFieldEdit';
import { openJson } from '../../form/edits/jsonEditor';
import { scanBody } from '../../form/edits/tableRows';
import { TextLines } from '../../form/edits/textLines';
import { setYamlField } from '../../form/edits/yamlFieldEdit';
import { ownedByMilestone } from '../../milestoneAtLine';
import type { EditOutcome, TextEdit } from '../../model';
import type { LifecycleContext, PlanOutcome } from '../changePlan';
import { refused } from '../changePlan';
import type { FoundMilestone } from '../findMilestone';
import { changelogEdit } from './changelogEntry';

/** What else changes with the field. */
export interface FieldSideEdits {
  /** ExecPlan: the Changelog sentence to add under today's date (`Completed.`), or none. */
  readonly changelog?: string;
  /** Session JSON: set the stored `progress` to 100 (only when the file stores one). */
  readonly fullProgress?: boolean;
}

/**
 * The edits setting `key` (`status` or `owner`) of the milestone to `value`:
 * - ExecPlan: the YAML header key (quoting kept, added at the end of the header when missing),
 *   `updated` := today (local date of `ctx.now`, same quoting; never added), the Changelog entry;
 * - KB: the YAML header key;
 * - session JSON: the top-level key (added after `title` when missing), stored `progress`,
 *   `updated_at` in the file's own timestamp style (when present);
 * - STATUS.md: the milestone's `**Key:** value` line (added after its last field line, or under its
 *   heading when it has none).
 * Handoffs have neither field: refused. So is content the edit cannot address.
 */
export function milestoneFieldEdits(found: FoundMilestone, key: 'status' | 'owner', value: string, side: FieldSideEdits, ctx: LifecycleContext): EditOutcome {
  const { text, milestone } = found;
  switch (milestone.convention) {
    case 'execplan': {
      const field = setYamlField(text, key, value);
      if (field.kind === 'refused') return field;
      const day = localDay(ctx.now);
      const edits: TextEdit[] = [...field.edits, ...frontmatterUpdatedEdits(text, day)];
      if (side.changelog !== undefined) edits.push(changelogEdit(text, day, side.changelog));
      return { kind: 'ok', edits };
    }
    case 'kb':
      return setYamlField(text, key, value);
    case 'session-json':
      return jsonFieldEdits(text, key, value, side.fullProgress === true, ctx.now);
    case 'status-md':
      return boldFieldEdits(found, key === 'status' ? 'Status' : 'Owner', value);
    case 'handoff':
      return { kind: 'refused', reason: `a handoff note has no ${key}` };
    case 'codex-plan': case 'kiro': case 'spec-kit':
      return { kind: 'refused', reason: `${milestone.convention === 'codex-plan' ? 'an ExecPlan of Codex\'s PLANS.md convention' : `a ${milestone.convention === 'kiro' ? 'Kiro' : 'Spec Kit'} tasks.md`} has no ${key}: its tasks are its progress` };
  }
}

/** A plan of the edits on the milestone's file, or the refusal. */
export function fieldPlan(found: FoundMilestone, outcome: EditOutcome, summary: string): PlanOutcome {
  if (outcome.kind === 'refused') return refused(outcome.reason, 'invalid-input');
  const edits = [...outcome.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return { kind: 'ok', plan: { changes: [{ kind: 'edit', file: found.milestone.file, edits }], summary, primary: found.milestone.file } };
}

/** A plan that changes nothing, for an action whose result is already there. */
export function unchangedPlan(found: FoundMilestone, summary: string): PlanOutcome {
  return { kind: 'ok', plan: { changes: [], summary, primary: found.milestone.file } };
}

function jsonFieldEdits(text: string, key: string, value: string, fullProgress: boolean, now: Date): EditOutcome {
  const editor = openJson(text);
  if (!('set' in editor)) return editor;
  if (editor.root.type !== 'object') return { kind: 'refused', reason: 'the file is JSON but not an object; edit it in the text editor' };
  const node = editor.node([key]);
  if (node !== undefined && (node.type === 'object' || node.type === 'array')) return { kind: 'refused', reason: `"${key}" holds a list or an object, not a ${key}` };
  if (node?.value !== value) editor.set([key], value, node === undefined ? { after: 'title' } : {});
  const progress = editor.node(['progress']);
  if (fullProgress && progress !== undefined) {
    if (progress.type === 'number') editor.set(['progress'], 100);
    else if (progress.type === 'string') editor.set(['progress'], String(progress.value).trim().endsWith('%') ? '100%' : '100');
  }
  const updated = editor.node(['updated_at']);
  if (updated !== undefined && updated.type === 'string') {
    const style = detectTimestampStyle(String(updated.value)) ?? timestampStyleOf(editor.root, ['updated_at', 'completed_at']);
    editor.set(['updated_at'], formatTimestamp(now, style));
  }
  return editor.outcome();
}

/**
 * `**Key:** value` of a STATUS.md milestone. A present key is set by `setBoldField`; a missing one
 * goes after the milestone's last field line that has a value, written like it (`setBoldField`
 * would put it after a label such as `**Acceptance Criteria:**`, between the label and its list),
 * or under the heading when the milestone has no such line.
 */
function boldFieldEdits(found: FoundMilestone, key: string, value: string): EditOutcome {
  const { text, reading, index, milestone } = found;
  const own = ownedByMilestone(reading.milestones, milestone, scanBody(text).fields, (f) => f.line);
  const name = key.toLowerCase();
  if (own.some((f) => f.key.trim().toLowerCase() === name)) return setBoldField(text, reading, index, key, value);
  const lines = new TextLines(text);
  const last = own.filter((f) => f.value !== '').at(-1);
  if (last !== undefined) {
    const content = lines.content(last.line).replace(/^\uFEFF/, '');
    const open = content.indexOf('**');
    const close = content.indexOf('**', open + 2);
    const colonInside = content[close - 1] === ':' || content[close - 1] === '：';
    return { kind: 'ok', edits: [lines.insertAfter(last.line, [`${content.slice(0, open)}${colonInside ? `**${key}:**` : `**${key}**:`} ${value}`])] };
  }
  if (!/^\uFEFF?[ ]{0,3}#/.test(lines.content(milestone.line))) {
    return { kind: 'refused', reason: `"${milestone.title}" has no heading to write **${key}:** under; add the line by hand` };
  }
  const next = milestone.line + 1;
  const blankNext = next < lines.count && lines.blank(next);
  const after = blankNext ? next : milestone.line;
  const field = `**${key}:** ${value}`;
  const contents = [...(blankNext ? [] : ['']), field, ...(after + 1 < lines.count && !lines.blank(after + 1) ? [''] : [])];
  return { kind: 'ok', edits: [lines.insertAfter(after, contents)] };
}
