/**
 * The agents' write tools (`tick_step`, `set_status`, `claim_milestone`, `complete_milestone`,
 * `new_milestone`) as the lifecycle actions the tree, the commands and the CLI run: each input is
 * checked against its tool's schema, the milestone found, and the core's plan (the minimal edit) or
 * refusal returned. The surfaces apply the plan: the MCP server to disk, VS Code through one
 * `WorkspaceEdit`. Pure.
 */
import type { ChangePlan, FolderSnapshot, LifecycleContext, PlanOutcome } from '../lifecycle/changePlan';
import { planNew, type UsageProblem } from '../lifecycle/create/newRequest';
import { findMilestoneByTitle } from '../lifecycle/findMilestone';
import { claimMilestone } from '../lifecycle/status/claimMilestone';
import { completeMilestone } from '../lifecycle/status/completeMilestone';
import { markStep } from '../lifecycle/status/markStep';
import { setMilestoneStatus } from '../lifecycle/status/setMilestoneStatus';
import { writtenAt } from '../lifecycle/writtenAt';
import type { ConventionId } from '../model';
import { schemaData } from '../schema/schemaData';
import type { JsonSchema } from '../schema/schemaTypes';
import { LineIndex } from '../text/lineIndex';
import { errorResult, type AgentResult } from './agentReads';
import { AGENT_TOOLS, type AgentToolName } from './agentToolSpecs';

/** What a write tool sees of the workspace folder it acts in. */
export interface AgentFolder {
  readonly snapshot: FolderSnapshot;
  /** The schema that checks `file` (`data`: its parsed header, null for a file not written yet). */
  schemaOf(file: string, convention: ConventionId, data: Readonly<Record<string, unknown>> | null): JsonSchema | null;
}

/** The tool inputs after their checks. */
type Input = Readonly<Record<string, unknown>>;

/**
 * Checks `input` against the tool's input schema (types, required keys, no unknown keys, enums):
 * null when it conforms, else a sentence for the model.
 */
export function inputProblem(name: AgentToolName, input: unknown): string | null {
  const spec = AGENT_TOOLS.find((t) => t.name === name)!;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return `${name} takes an object of arguments`;
  const given = input as Input;
  for (const key of spec.inputSchema.required ?? []) if (given[key] === undefined) return `${name} needs "${key}"`;
  for (const [key, value] of Object.entries(given)) {
    const schema = spec.inputSchema.properties[key];
    if (schema === undefined) return `${name} does not take "${key}"; it takes ${Object.keys(spec.inputSchema.properties).join(', ') || 'no arguments'}`;
    if (value === undefined) continue;
    const types = ([] as unknown[]).concat(schema['type']);
    if (!types.some((t) => fits(t, value))) return `"${key}" must be ${types.join(' or ')}`;
    const allowed = schema['enum'];
    if (Array.isArray(allowed) && !allowed.includes(value)) return `"${key}" must be one of ${allowed.join(', ')}`;
  }
  return null;
}

function fits(type: unknown, value: unknown): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'array': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    default: return false;
  }
}

/**
 * The plan (or refusal) of a write tool's checked `input` in `folder`; `file` inputs are relative to
 * the folder. `claim_milestone`'s `as` names the owner instead of `ctx.identity`.
 */
export function planToolWrite(name: AgentToolName, input: Input, folder: AgentFolder, ctx: LifecycleContext): PlanOutcome | UsageProblem {
  const str = (key: string): string | undefined => (typeof input[key] === 'string' ? input[key] : undefined);
  if (name === 'new_milestone') {
    const items = Array.isArray(input['items']) ? (input['items'] as string[]) : [];
    const given = { folder: str('folder'), goal: str('goal'), plan: str('plan') };
    const convention = str('convention')!;
    return planNew({
      convention, title: str('title')!, items,
      ...(given.folder !== undefined ? convention === 'execplan' ? { planFolder: given.folder } : { folder: given.folder } : {}),
      ...(given.goal !== undefined ? { goal: given.goal } : {}),
      ...(given.plan !== undefined ? { plan: given.plan } : {}),
    }, folder.snapshot, ctx, (file, conv) => folder.schemaOf(file, conv, null));
  }
  const file = str('file')!.replace(/\\/g, '/').replace(/^\.\//, '');
  const found = findMilestoneByTitle(folder.snapshot, file, str('milestone') ?? null);
  if (found.kind === 'refused') return found;
  const ref = { file, line: found.milestone.line, title: found.milestone.title };
  const schema = () => folder.schemaOf(file, found.milestone.convention, schemaData(found.text, found.milestone.convention, file));
  switch (name) {
    case 'tick_step':
      return markStep(folder.snapshot, ref, String(input['step']), input['done'] !== false, ctx);
    case 'set_status':
      return setMilestoneStatus(folder.snapshot, ref, str('status')!, schema(), ctx);
    case 'claim_milestone': {
      const as = str('as')?.trim();
      return claimMilestone(folder.snapshot, ref, as !== undefined && as !== '' ? { ...ctx, identity: as } : ctx);
    }
    case 'complete_milestone':
      return completeMilestone(folder.snapshot, ref, { force: input['force'] === true }, schema(), ctx);
    case 'list_milestones': case 'get_milestone': case 'next_steps': case 'validate':
      return { kind: 'usage', message: `${name} is not a write tool` };
  }
}

/** Where a plan changed a file: the file as printed and the first 1-based line it wrote (1 for a new file). */
export interface ChangedAt {
  readonly kind: 'created' | 'edited' | 'moved';
  readonly file: string;
  readonly line: number;
  readonly from?: string;
}

/**
 * The result of an applied plan for the model: its summary, then each file changed with the line
 * (`edited docs/x.md:14`), so the agent can look at what was written. `prefix`: how the folder's
 * files are printed. `textOf`: the texts the plan was computed from.
 */
export function writeResult(plan: ChangePlan, textOf: (file: string) => string | null, prefix: string): AgentResult {
  const changed: ChangedAt[] = [];
  const at = writtenAt(plan, textOf);
  for (const change of plan.changes) {
    if (change.kind === 'create') changed.push({ kind: 'created', file: prefix + change.file, line: 1 });
    else if (change.kind === 'rename') changed.push({ kind: 'moved', file: prefix + change.to, from: prefix + change.from, line: 1 });
    else if (change.edits.length > 0) {
      // The primary file's line is where the plan's text starts (past an appended block's blank lines).
      const line = at !== null && at.file === change.file ? at.line : new LineIndex(textOf(change.file) ?? '').lineAt(Math.min(...change.edits.map((e) => e.start)));
      changed.push({ kind: 'edited', file: prefix + change.file, line: line + 1 });
    }
  }
  const lines = [plan.summary, ...changed.map((c) => `${c.kind} ${c.kind === 'moved' ? `${c.from} -> ` : ''}${c.file}${c.kind === 'edited' ? `:${c.line}` : ''}`)];
  if (changed.length === 0) lines.push('Nothing changed.');
  return { text: lines.join('\n'), structured: { summary: plan.summary, changed, ...(at !== null ? { primary: { file: prefix + at.file, line: at.line + 1 } } : {}) } };
}

/** A refusal or usage problem for the model: the reason, and the items behind it, one per line. */
export function refusalResult(outcome: Exclude<PlanOutcome, { kind: 'ok' }> | UsageProblem): AgentResult {
  if (outcome.kind === 'usage') return errorResult(outcome.message);
  const items = outcome.items ?? [];
  return {
    text: [`Refused: ${outcome.reason}`, ...items.map((i) => `  - ${i}`)].join('\n'),
    structured: { refused: outcome.reason, ...(outcome.code !== undefined ? { code: outcome.code } : {}), ...(items.length > 0 ? { items } : {}) },
    isError: true,
  };
}
