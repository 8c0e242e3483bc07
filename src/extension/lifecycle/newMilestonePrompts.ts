import * as vscode from 'vscode';
import type { FolderSnapshot } from '../../core/lifecycle/changePlan';
import { execPlanChoices, newExecPlanId } from '../../core/lifecycle/create/execPlanNew';
import { handoffFolders } from '../../core/lifecycle/create/handoffNew';
import { kbChoices, nextKbNumber } from '../../core/lifecycle/create/kbNew';
import { sessionFolders } from '../../core/lifecycle/create/sessionNew';
import { statusFiles } from '../../core/lifecycle/create/statusNew';
import { slugOf } from '../../core/lifecycle/slug';
import { CONVENTION_LABEL, type ConventionId } from '../../core/model';
import { askLines, askPick, askText } from './inputPrompts';
import { settled, type LiveSnapshot } from './folderSnapshot';
import type { NewMilestoneRequest } from './newMilestoneRequest';

/** The prompts' title: New Milestone, then what is asked about. */
function titled(what: string): string {
  return vscode.l10n.t('New Milestone: {0}', what);
}

const CONVENTION_HINT: Readonly<Partial<Record<ConventionId, string>>> = {
  'execplan': 'EP-…_MS###_slug.md in .agent/exec_plans/<plan>/milestones/active/',
  'kb': 'NNN-slug.md in a milestones.kb/ folder, numbered in tens',
  'session-json': 'one JSON file with steps in SESSIONS/MILESTONES/',
  'status-md': 'a "## Milestone:" block in STATUS.md',
  'handoff': 'the next numbered handoff note in handoffs/',
};

/**
 * Reads every file the prompts' choices are made of, before the first prompt (on the web a file is
 * read asynchronously, between two askings of the core: see `settled`).
 */
export async function readForPrompts(snapshot: LiveSnapshot): Promise<void> {
  await settled(snapshot, (s) => [execPlanChoices(s), newExecPlanId(s, new Date()), kbChoices(s), sessionFolders(s), statusFiles(s), handoffFolders(s)]);
}

/** Asks, step by step, for what a new milestone needs; undefined when the user closes a prompt. */
export async function askNewMilestone(snapshot: FolderSnapshot, folder: vscode.WorkspaceFolder, preset?: ConventionId): Promise<NewMilestoneRequest | undefined> {
  const convention = preset ?? (await askPick(vscode.l10n.t('New Milestone'), (['execplan', 'kb', 'session-json', 'status-md', 'handoff'] as const).map((c) => ({
    label: CONVENTION_LABEL[c], description: CONVENTION_HINT[c], convention: c,
  })), vscode.l10n.t('Which kind of milestone?')))?.convention;
  const base = { folder: folder.uri.toString() };
  switch (convention) {
    case 'execplan': return askExecPlan(snapshot, base);
    case 'kb': return askKb(snapshot, base);
    case 'session-json': return askSession(snapshot, base);
    case 'status-md': return askStatus(snapshot, base);
    case 'handoff': return askHandoff(snapshot, base);
    // Their own tools write these task lists from a spec; the picker does not offer them.
    case 'codex-plan': case 'kiro': case 'spec-kit': case undefined: return undefined;
  }
}

type Base = { readonly folder: string };

async function askExecPlan(snapshot: FolderSnapshot, base: Base): Promise<NewMilestoneRequest | undefined> {
  const plans = execPlanChoices(snapshot).filter((p) => !p.completed);
  const NEW = vscode.l10n.t('$(add) New ExecPlan…');
  const picked = await askPick(titled(vscode.l10n.t('ExecPlan')), [
    ...plans.map((p) => ({ label: p.execplanId, description: `${p.folder} · next MS${String(p.nextMs).padStart(3, '0')}`, plan: p })),
    { label: NEW, description: vscode.l10n.t('a new plan with id {0}', newExecPlanId(snapshot, new Date())), plan: undefined },
  ], vscode.l10n.t('The ExecPlan the milestone belongs to'));
  if (!picked) return undefined;
  let execplanId = picked.plan?.execplanId;
  let planFolder = picked.plan?.folder;
  if (!picked.plan) {
    const slug = await askText(titled(vscode.l10n.t('new ExecPlan')), vscode.l10n.t('A short slug for the plan folder (.agent/exec_plans/<slug>)'), { placeHolder: vscode.l10n.t('search') });
    if (!slug) return undefined;
    execplanId = newExecPlanId(snapshot, new Date());
    planFolder = `.agent/exec_plans/${slugOf(slug)}`;
  }
  const title = await askText(titled(execplanId ?? ''), vscode.l10n.t('The milestone title'), { placeHolder: vscode.l10n.t('Prototype streaming') });
  if (!title) return undefined;
  const domain = await askPick(titled(vscode.l10n.t('domain')), ['backend', 'frontend', 'console', 'infra', 'cross-cutting'].map((d) => ({ label: d })), vscode.l10n.t('The part of the system it changes'));
  if (!domain) return undefined;
  return { ...base, convention: 'execplan', execplanId: execplanId!, planFolder: planFolder!, title, domain: domain.label };
}

async function askKb(snapshot: FolderSnapshot, base: Base): Promise<NewMilestoneRequest | undefined> {
  const choices = kbChoices(snapshot);
  let kbFolder: string | undefined;
  let numbers: readonly string[] = [];
  if (choices.length === 1) ({ folder: kbFolder, numbers } = choices[0]!);
  else if (choices.length > 1) {
    const picked = await askPick(titled(vscode.l10n.t('KB folder')), choices.map((c) => ({ label: c.folder, description: vscode.l10n.t('{0} milestones', c.numbers.length), choice: c })));
    if (!picked) return undefined;
    ({ folder: kbFolder, numbers } = picked.choice);
  } else {
    kbFolder = await askText(titled(vscode.l10n.t('KB folder')), vscode.l10n.t('The folder of the KB milestones'), { value: 'docs/milestones.kb' });
    if (!kbFolder) return undefined;
  }
  let after: string | null = null;
  if (numbers.length > 0) {
    const end = nextKbNumber(numbers, null);
    const positions = [
      { label: end.kind === 'ok' ? vscode.l10n.t('At the end: {0}', end.number) : vscode.l10n.t('At the end'), after: null as string | null },
      ...numbers.slice(0, -1).flatMap((n) => {
        const mid = nextKbNumber(numbers, n);
        return mid.kind === 'ok' ? [{ label: vscode.l10n.t('After {0}: {1}', n, mid.number), after: n }] : [];
      }),
    ];
    const position = await askPick(titled(vscode.l10n.t('number')), positions, vscode.l10n.t('Where the milestone goes (numbers step by ten; an insert takes the midpoint)'));
    if (!position) return undefined;
    after = position.after;
  }
  const title = await askText(titled(kbFolder), vscode.l10n.t('The milestone title'), { placeHolder: vscode.l10n.t('Search index') });
  if (!title) return undefined;
  const goal = await askText(titled(vscode.l10n.t('goal')), vscode.l10n.t('One sentence on what the milestone achieves'), { required: false });
  if (goal === undefined) return undefined;
  return { ...base, convention: 'kb', kbFolder, title, after, ...(goal === '' ? {} : { goal }) };
}

async function askSession(snapshot: FolderSnapshot, base: Base): Promise<NewMilestoneRequest | undefined> {
  const folders = sessionFolders(snapshot);
  const sessionFolder = folders.length <= 1 ? folders[0] : (await askPick(titled(vscode.l10n.t('folder')), folders.map((f) => ({ label: f }))))?.label;
  if (folders.length > 1 && sessionFolder === undefined) return undefined;
  const title = await askText(titled(vscode.l10n.t('session milestone')), vscode.l10n.t('The milestone title (its milestone_id and file name come from it)'), { placeHolder: vscode.l10n.t('Deploy dashboard') });
  if (!title) return undefined;
  const steps = await askLines(titled(title), vscode.l10n.t('step'));
  if (!steps) return undefined;
  return { ...base, convention: 'session-json', title, steps, ...(sessionFolder === undefined ? {} : { sessionFolder }) };
}

async function askStatus(snapshot: FolderSnapshot, base: Base): Promise<NewMilestoneRequest | undefined> {
  const files = statusFiles(snapshot);
  const file = files.length <= 1 ? files[0] : (await askPick(titled(vscode.l10n.t('file')), files.map((f) => ({ label: f }))))?.label;
  if (files.length > 1 && file === undefined) return undefined;
  const name = await askText(titled(file ?? 'STATUS.md'), vscode.l10n.t('The milestone name'), { placeHolder: vscode.l10n.t('MVP Functional') });
  if (!name) return undefined;
  const goal = await askText(titled(name), vscode.l10n.t('Goal: one sentence outcome'));
  if (!goal) return undefined;
  const phase = await askText(titled(name), vscode.l10n.t('Phase (e.g. Phase 2)'), { required: false });
  if (phase === undefined) return undefined;
  const criteria = await askLines(titled(name), vscode.l10n.t('acceptance criterion'));
  if (!criteria) return undefined;
  const deliverables = await askLines(titled(name), vscode.l10n.t('deliverable'));
  if (!deliverables) return undefined;
  const approval = await askPick(titled(name), [{ label: vscode.l10n.t('No'), approval: false }, { label: vscode.l10n.t('Yes'), approval: true, description: vscode.l10n.t('completion waits for an approval logged in DECISIONS.md') }], vscode.l10n.t('Approval required?'));
  if (!approval) return undefined;
  return {
    ...base, convention: 'status-md', name, goal, criteria, deliverables, approvalRequired: approval.approval,
    ...(file === undefined ? {} : { file }), ...(phase === '' ? {} : { phase }),
  };
}

async function askHandoff(snapshot: FolderSnapshot, base: Base): Promise<NewMilestoneRequest | undefined> {
  const folders = handoffFolders(snapshot);
  const handoffsFolder = folders.length <= 1 ? folders[0] : (await askPick(titled(vscode.l10n.t('folder')), folders.map((f) => ({ label: f }))))?.label;
  if (folders.length > 1 && handoffsFolder === undefined) return undefined;
  const title = await askText(titled(vscode.l10n.t('handoff note')), vscode.l10n.t('What this session did, in a few words'), { placeHolder: vscode.l10n.t('Relationship fixes') });
  if (!title) return undefined;
  return { ...base, convention: 'handoff', title, ...(handoffsFolder === undefined ? {} : { handoffsFolder }) };
}
