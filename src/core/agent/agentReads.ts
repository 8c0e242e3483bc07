/**
 * What the agents' read-only tools answer, from the engine's readings: a compact text for the model
 * (one line per milestone, problem or step) and the same facts as `structured` data (MCP's
 * `structuredContent`). Lines are 1-based here, as people and the command line count them.
 * Pure: the surfaces (MCP server, VS Code's language-model tools) gather the readings.
 */
import type { NextMilestone } from '../lifecycle/next/nextMilestones';
import { ownerOf } from '../lifecycle/next/nextMilestones';
import { isCounted, type ConventionId, type Milestone, type Step } from '../model';
import type { ReportedProblem } from '../reportedProblem';

export interface AgentResult {
  /** For the model: compact lines. */
  readonly text: string;
  readonly structured: Readonly<Record<string, unknown>>;
  /** A refusal or a bad input: the model should read the text and change its call. */
  readonly isError?: boolean;
}

/** A bad input or a failure, for the model: the sentence, also as `structured.error`. */
export function errorResult(message: string): AgentResult {
  return { text: message, structured: { error: message }, isError: true };
}

export interface ListFilter {
  readonly convention?: ConventionId;
  readonly status?: string;
  readonly owner?: string;
  readonly text?: string;
  readonly limit?: number;
}

/** `list_milestones`'s checked input as a filter. */
export function listFilterOf(input: Readonly<Record<string, unknown>>): ListFilter {
  return {
    ...(typeof input['convention'] === 'string' ? { convention: input['convention'] as ConventionId } : {}),
    ...(typeof input['status'] === 'string' ? { status: input['status'] } : {}),
    ...(typeof input['owner'] === 'string' ? { owner: input['owner'] } : {}),
    ...(typeof input['text'] === 'string' ? { text: input['text'] } : {}),
    ...(typeof input['limit'] === 'number' ? { limit: input['limit'] } : {}),
  };
}

/** The default and largest number of lines `list_milestones` answers. */
export const LIST_LIMIT = { default: 100, max: 1000 } as const;

/** A milestone as the tools name it: its file as printed (`prefix` + file) and its facts. */
function summary(m: Milestone, prefix: string) {
  return {
    file: prefix + m.file, line: m.line + 1, convention: m.convention, id: m.id, title: m.title,
    status: m.status, statusCategory: m.statusCategory, owner: ownerOf(m),
    progress: { done: m.progress.done, total: m.progress.total },
  };
}

/** `file:line  [status done/total]  id  title  (owner)`: one milestone on one line. */
function summaryLine(s: ReturnType<typeof summary>): string {
  const state = [s.status ?? s.statusCategory, s.progress.total > 0 ? `${s.progress.done}/${s.progress.total}` : null].filter((x) => x !== null).join(' ');
  return `${s.file}:${s.line}  [${state}]  ${s.id !== null && !s.title.includes(s.id) ? `${s.id}  ` : ''}${oneLine(s.title)}${s.owner !== null ? `  (${s.owner})` : ''}`;
}

/**
 * `list_milestones`: the milestones of `files` (each with the prefix its folder is printed with;
 * steps may be left out, `Milestone.slim`: the counts are used)
 * that pass `filter`, in the order given, at most `limit`; the text says how many were left out.
 */
export function listMilestonesResult(files: Iterable<{ readonly prefix: string; readonly milestones: readonly Milestone[] }>, filter: ListFilter): AgentResult {
  const limit = Math.min(filter.limit ?? LIST_LIMIT.default, LIST_LIMIT.max);
  const status = filter.status?.trim().toLowerCase();
  const owner = filter.owner?.trim().toLowerCase();
  const text = filter.text?.trim().toLowerCase();
  const shown: ReturnType<typeof summary>[] = [];
  let matched = 0;
  for (const { prefix, milestones } of files) {
    for (const m of milestones) {
      if (filter.convention !== undefined && m.convention !== filter.convention) continue;
      if (status !== undefined && status !== '' && (m.status ?? '').toLowerCase() !== status && m.statusCategory !== status) continue;
      if (owner !== undefined && owner !== '' && !(ownerOf(m) ?? '').toLowerCase().includes(owner)) continue;
      if (text !== undefined && text !== '' && ![m.title, m.id ?? '', prefix + m.file].some((x) => x.toLowerCase().includes(text))) continue;
      matched++;
      if (shown.length < limit) shown.push(summary(m, prefix));
    }
  }
  const lines = shown.map(summaryLine);
  if (matched > shown.length) lines.push(`… ${matched - shown.length} more; narrow with convention, status, owner or text, or raise limit`);
  if (matched === 0) lines.push('No milestone matches.');
  return { text: lines.join('\n'), structured: { milestones: shown, matched } };
}

/** A step as `get_milestone` shows it: its number for `tick_step` (counted steps only), state, text, line. */
function stepView(step: Step, number: number | null) {
  return { number, state: step.state, text: step.text, line: step.line + 1, ...(step.section !== null ? { section: step.section } : {}), ...(step.depth > 0 ? { depth: step.depth } : {}) };
}

const BOX: Readonly<Record<Step['state'], string>> = { done: '[x]', open: '[ ]', nonstandard: '[?]', info: ' • ' };

/** `get_milestone`: one milestone with its fields, numbered steps and its file's problems. */
export function milestoneResult(m: Milestone, prefix: string, problems: readonly ReportedProblem[]): AgentResult {
  const s = summary(m, prefix);
  let n = 0;
  const steps = m.steps.map((step) => stepView(step, isCounted(step) ? ++n : null));
  // The status is in the first line already.
  const fields = Object.fromEntries(Object.entries(m.fields).filter(([k, v]) => k !== 'status' && v !== null && v !== undefined && v !== ''));
  const lines = [summaryLine(s)];
  const fieldText = Object.entries(fields).map(([k, v]) => `${k}: ${typeof v === 'string' ? oneLine(v) : JSON.stringify(v)}`);
  if (fieldText.length > 0) lines.push(`fields: ${fieldText.join('; ')}`);
  if (m.approval !== undefined) lines.push(`approval: required, ${m.approval.logged ? 'logged' : 'not logged yet'}`);
  lines.push(steps.length === 0 ? 'steps: none' : 'steps (number for tick_step, state, text, line):');
  for (const step of steps) lines.push(`  ${step.number === null ? ' -' : String(step.number).padStart(2)}. ${BOX[step.state]} ${oneLine(step.text)}  (line ${step.line})`);
  lines.push(problems.length === 0 ? 'problems: none' : 'problems:');
  for (const p of problems) lines.push(`  ${problemLine(p, false)}`);
  return { text: lines.join('\n'), structured: { milestone: { ...s, fields, steps, ...(m.approval !== undefined ? { approval: m.approval } : {}) }, problems } };
}

/** `next_steps`: the milestones in progress with their items, then the milestones ready to start. */
export function nextStepsResult(next: readonly { readonly prefix: string; readonly milestone: NextMilestone }[], ready: readonly { readonly prefix: string; readonly milestone: Milestone }[]): AgentResult {
  const lines: string[] = [];
  const MARK = { blocker: 'blocker', next: 'asked', step: 'next step' } as const;
  const inProgress = next.map(({ prefix, milestone: m }) => ({
    file: prefix + m.file, line: m.line + 1, convention: m.convention, id: m.id, title: m.title, status: m.status,
    statusCategory: m.statusCategory, owner: m.owner, progress: { done: m.progress.done, total: m.progress.total },
    items: m.items.map((i) => ({ kind: i.kind, text: i.text, line: i.line + 1 })),
  }));
  lines.push(inProgress.length === 0 ? 'In progress: nothing.' : 'In progress:');
  for (const m of inProgress) {
    lines.push(summaryLine({ ...m, id: m.id }));
    for (const item of m.items) lines.push(`  ${MARK[item.kind]} (line ${item.line}): ${oneLine(item.text)}`);
  }
  const readyList = ready.map(({ prefix, milestone }) => summary(milestone, prefix));
  if (readyList.length > 0) {
    lines.push('Ready to start (every depends-on is done):');
    for (const m of readyList) lines.push(summaryLine(m));
  }
  return { text: lines.join('\n'), structured: { inProgress, ready: readyList } };
}

/** `validate`: the problems (already sorted), one line each, and counts by severity. */
export function validateResult(problems: readonly ReportedProblem[], filesChecked: number): AgentResult {
  const count = (severity: string) => problems.filter((p) => p.severity === severity).length;
  const counts = { errors: count('error'), warnings: count('warning'), infos: count('info') };
  const lines = problems.map((p) => problemLine(p, true));
  lines.push(`${problems.length === 0 ? 'No problems' : `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}`} in ${plural(filesChecked, 'file')} checked.`);
  return { text: lines.join('\n'), structured: { problems, filesChecked, ...counts } };
}

function problemLine(p: ReportedProblem, withFile: boolean): string {
  return `${withFile ? `${p.file}:` : ''}${p.line}:${p.column} ${p.severity} ${p.code} ${oneLine(p.message)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
