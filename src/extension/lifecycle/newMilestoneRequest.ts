import type { FolderSnapshot, LifecycleContext, PlanOutcome } from '../../core/lifecycle/changePlan';
import { newExecPlanMilestone } from '../../core/lifecycle/create/execPlanNew';
import { newHandoffNote } from '../../core/lifecycle/create/handoffNew';
import { newKbMilestone } from '../../core/lifecycle/create/kbNew';
import { newSessionMilestone } from '../../core/lifecycle/create/sessionNew';
import { newStatusMilestone } from '../../core/lifecycle/create/statusNew';
import type { JsonSchema } from '../../core/schema/schemaTypes';

/**
 * Everything `milestones.newMilestone` needs to create a milestone without asking (tests and other
 * callers pass it; the command asks for what is missing otherwise). `folder`: the workspace folder's
 * URI (default: the first one).
 */
export type NewMilestoneRequest =
  | { readonly convention: 'execplan'; readonly folder?: string; readonly execplanId: string; readonly planFolder?: string; readonly title: string; readonly domain?: string }
  | { readonly convention: 'kb'; readonly folder?: string; readonly kbFolder: string; readonly title: string; readonly goal?: string; readonly after?: string | null; readonly criteria?: readonly string[] }
  | { readonly convention: 'session-json'; readonly folder?: string; readonly sessionFolder?: string; readonly title: string; readonly steps: readonly string[]; readonly priority?: string }
  | {
    readonly convention: 'status-md'; readonly folder?: string; readonly file?: string; readonly name: string; readonly goal: string; readonly phase?: string; readonly target?: string;
    readonly criteria: readonly string[]; readonly deliverables: readonly string[]; readonly approvalRequired: boolean;
  }
  | { readonly convention: 'handoff'; readonly folder?: string; readonly handoffsFolder?: string; readonly title: string };

/** The core action for a request. `kbSchema`: the schema of the KB folder (kb only). */
export function planNewMilestone(request: NewMilestoneRequest, snapshot: FolderSnapshot, context: LifecycleContext, kbSchema: JsonSchema | null): PlanOutcome {
  switch (request.convention) {
    case 'execplan':
      return newExecPlanMilestone(snapshot, { execplanId: request.execplanId, title: request.title, ...opt('folder', request.planFolder), ...opt('domain', request.domain) }, context);
    case 'kb':
      return newKbMilestone(snapshot, { folder: request.kbFolder, title: request.title, ...opt('goal', request.goal), after: request.after ?? null, criteria: request.criteria ?? [] }, kbSchema, context);
    case 'session-json':
      return newSessionMilestone(snapshot, { title: request.title, steps: request.steps, ...opt('folder', request.sessionFolder), ...opt('priority', request.priority) }, context);
    case 'status-md':
      return newStatusMilestone(snapshot, {
        name: request.name, goal: request.goal, criteria: request.criteria, deliverables: request.deliverables, approvalRequired: request.approvalRequired,
        ...opt('file', request.file), ...opt('phase', request.phase), ...opt('target', request.target),
      }, context);
    case 'handoff':
      return newHandoffNote(snapshot, { title: request.title, ...opt('folder', request.handoffsFolder) }, context);
  }
}

/** `{ key: value }` when the value is given, else nothing (exactOptionalPropertyTypes-friendly). */
function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
