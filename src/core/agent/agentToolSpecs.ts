/**
 * The tools agents call, in one place: their names, what they tell a model, and the JSON Schemas of
 * their inputs. The MCP server (`milestones mcp`) lists them as they are; the extension's
 * `package.json` declares the same ones as `languageModelTools` (a unit test holds the two equal).
 *
 * Names are fixed (agents and their users write them into prompts). Descriptions are written for a
 * model: what the tool is for, when to call it, what it returns, in a few sentences, because every
 * tool's text costs the agent context on every turn.
 */

/** A JSON Schema of a tool's input: always an object. */
export interface ToolInputSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly required?: readonly string[];
  readonly additionalProperties: false;
}

export interface AgentToolSpec {
  readonly name: AgentToolName;
  /** A short title for people (VS Code's tool picker, MCP clients' lists). */
  readonly title: string;
  readonly description: string;
  readonly inputSchema: ToolInputSchema;
  /** Reads only: MCP's `readOnlyHint`; VS Code asks no confirmation for these. */
  readonly readOnly: boolean;
}

export type AgentToolName =
  | 'list_milestones' | 'get_milestone' | 'next_steps' | 'validate'
  | 'tick_step' | 'set_status' | 'claim_milestone' | 'complete_milestone' | 'new_milestone';

const FILE = {
  type: 'string',
  description: 'The milestone file, relative to the workspace folder, as list_milestones shows it (e.g. "docs/milestones.kb/020-renderer.md").',
} as const;
const MILESTONE = {
  type: 'string',
  description: 'The milestone\'s title, only when the file holds several milestones (a STATUS.md or ROADMAP.md).',
} as const;

export const AGENT_TOOLS: readonly AgentToolSpec[] = [
  {
    name: 'list_milestones',
    title: 'List milestones',
    description: 'Lists the milestones of the workspace (every convention: KB, session JSON, handoffs, ExecPlan, STATUS.md, Codex ExecPlans, Kiro and Spec Kit tasks.md), one compact line each: file:line, status, steps done/total, id, title, owner. Filter to keep the answer short.',
    inputSchema: {
      type: 'object',
      properties: {
        convention: { type: 'string', enum: ['kb', 'session-json', 'handoff', 'execplan', 'status-md', 'codex-plan', 'kiro', 'spec-kit'], description: 'Only milestones of this convention.' },
        status: { type: 'string', description: 'Only milestones with this status: a word as written ("in-progress") or a category (done, active, blocked, planned, dropped, awaiting-approval).' },
        owner: { type: 'string', description: 'Only milestones whose owner contains this text (any case).' },
        text: { type: 'string', description: 'Only milestones whose title, id or file contains this text (any case).' },
        limit: { type: 'integer', minimum: 1, maximum: 1000, description: 'At most this many lines (default 100).' },
      },
      additionalProperties: false,
    },
    readOnly: true,
  },
  {
    name: 'get_milestone',
    title: 'Get a milestone',
    description: 'One milestone in full: its fields, its steps numbered as tick_step takes them with their state and line, and the problems of its file.',
    inputSchema: { type: 'object', properties: { file: FILE, milestone: MILESTONE }, required: ['file'], additionalProperties: false },
    readOnly: true,
  },
  {
    name: 'next_steps',
    title: 'Next steps',
    description: 'What to do now: each milestone in progress with its blockers, what the last session asked the next one to do, and its first open step; then the milestones not started whose depends-on are all done. Call it at the start of a session.',
    inputSchema: { type: 'object', properties: {}, additionalProperties: false },
    readOnly: true,
  },
  {
    name: 'validate',
    title: 'Validate milestones',
    description: 'The problems of the milestone files (JSON Schema checks of headers and JSON, convention and cross-file checks), as file:line:column severity code message. Give a file to check only that one.',
    inputSchema: { type: 'object', properties: { file: { ...FILE, description: 'Only the problems of this file (relative to the workspace folder).' } }, additionalProperties: false },
    readOnly: true,
  },
  {
    name: 'tick_step',
    title: 'Tick a step',
    description: 'Marks a step of a milestone done (or not done with done: false) with the same minimal edit as the editor\'s checkbox: the box, and the stamps the convention keeps (updated, completed_at). Refuses rather than guesses when the step is ambiguous. Returns the file and line changed.',
    inputSchema: {
      type: 'object',
      properties: {
        file: FILE,
        step: { type: ['string', 'integer'], description: 'The step: its number as get_milestone shows it, its text, or a unique part of the text.' },
        done: { type: 'boolean', description: 'true (default) ticks the step, false unticks it.' },
        milestone: MILESTONE,
      },
      required: ['file', 'step'],
      additionalProperties: false,
    },
    readOnly: false,
  },
  {
    name: 'set_status',
    title: 'Set a milestone\'s status',
    description: 'Sets a milestone\'s status to one of the words its schema or convention allows (e.g. in-progress, blocked). A done word checks like complete_milestone. Returns the file and line changed.',
    inputSchema: {
      type: 'object',
      properties: { file: FILE, status: { type: 'string', description: 'The new status word.' }, milestone: MILESTONE },
      required: ['file', 'status'],
      additionalProperties: false,
    },
    readOnly: false,
  },
  {
    name: 'claim_milestone',
    title: 'Claim a milestone',
    description: 'Makes you the milestone\'s owner (ExecPlan owner, session JSON updated_at, STATUS.md **Owner:**) before you work on it.',
    inputSchema: {
      type: 'object',
      properties: { file: FILE, milestone: MILESTONE, as: { type: 'string', description: 'The owner\'s name (default: the configured identity).' } },
      required: ['file'],
      additionalProperties: false,
    },
    readOnly: false,
  },
  {
    name: 'complete_milestone',
    title: 'Complete a milestone',
    description: 'Marks a milestone done as its convention does (status, dates, changelog). Refuses while steps are open or a required approval is not logged, listing them; force: true completes with open steps.',
    inputSchema: {
      type: 'object',
      properties: { file: FILE, milestone: MILESTONE, force: { type: 'boolean', description: 'Complete even though steps are still open.' } },
      required: ['file'],
      additionalProperties: false,
    },
    readOnly: false,
  },
  {
    name: 'new_milestone',
    title: 'New milestone',
    description: 'Creates a milestone as its convention writes it, numbered after the existing ones (archived included). folder defaults to the only one of that convention. Returns the new file.',
    inputSchema: {
      type: 'object',
      properties: {
        convention: { type: 'string', enum: ['execplan', 'kb', 'session-json', 'status-md', 'handoff'], description: 'The convention to write.' },
        title: { type: 'string', description: 'The milestone\'s title.' },
        items: { type: 'array', items: { type: 'string' }, description: 'Its steps or acceptance criteria (kb, session-json, status-md).' },
        folder: { type: 'string', description: 'Where: the .kb folder (kb), the session milestones folder (session-json), the STATUS file (status-md), the handoffs folder (handoff), the plan folder (execplan, a new plan starts there).' },
        plan: { type: 'string', description: 'execplan: the plan id (EP-YYYYMMDD-NNN) the milestone joins; default the only plan.' },
        goal: { type: 'string', description: 'kb, status-md (required there): one sentence on the outcome.' },
      },
      required: ['convention', 'title'],
      additionalProperties: false,
    },
    readOnly: false,
  },
];
