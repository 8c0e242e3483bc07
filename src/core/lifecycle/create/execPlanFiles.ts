/**
 * The ExecPlan milestone files of a folder snapshot (seed 003), each with the plan it belongs to, the
 * folder of that plan and its milestone number: what numbering a new milestone needs.
 */
import { baseOf, segmentsOf } from '../../conventions/paths';
import { classifyPath, readMilestoneFile } from '../../conventions/readMilestoneFile';
import type { FolderSnapshot } from '../changePlan';

/** `EP-YYYYMMDD-NNN`. */
export const PLAN_ID = /^EP-\d{8}-\d{3}$/;
/** `EP-YYYYMMDD-NNN_MS###…` or `MS###…` (real plans write both). */
const NAME = /^(?:(EP-\d{8}-\d{3})_)?MS(\d+)(?![0-9])/i;

export interface ExecPlanFile {
  readonly file: string;
  /** `execplan_id` of the header, else the id in the file name, else null. */
  readonly planId: string | null;
  /** The folder holding `milestones/` (`.agent/exec_plans/search`). */
  readonly folder: string;
  /** The larger of the number in the file name (`_MS004_`) and the header's `ms`, or null. */
  readonly ms: number | null;
}

/**
 * Every file of the snapshot that is an ExecPlan milestone (active, archived, completed), read for
 * its plan and number. Files whose plan cannot be told from header or name get the plan of their
 * folder when that folder holds exactly one plan.
 */
export function execPlanFiles(snapshot: FolderSnapshot): ExecPlanFile[] {
  const found: ExecPlanFile[] = [];
  for (const file of snapshot.files) {
    if (classifyPath(file) !== 'execplan') continue;
    const text = snapshot.text(file);
    const fields = text === null ? {} : readMilestoneFile(file, text)?.milestones[0]?.fields ?? {};
    const name = NAME.exec(baseOf(file));
    const declared = typeof fields['execplan_id'] === 'string' ? fields['execplan_id'].trim() : '';
    const planId = PLAN_ID.test(declared) ? declared : name?.[1]?.toUpperCase() ?? null;
    const numbers = [name !== null ? Number(name[2]) : null, msOf(fields['ms'])].filter((n): n is number => n !== null);
    found.push({ file, planId, folder: planFolderOf(file), ms: numbers.length > 0 ? Math.max(...numbers) : null });
  }
  const plansOfFolder = new Map<string, Set<string>>();
  for (const f of found) {
    if (f.planId === null) continue;
    const set = plansOfFolder.get(f.folder) ?? new Set<string>();
    set.add(f.planId);
    plansOfFolder.set(f.folder, set);
  }
  return found.map((f) => {
    const plans = plansOfFolder.get(f.folder);
    return f.planId === null && plans?.size === 1 ? { ...f, planId: [...plans][0]! } : f;
  });
}

/** The path up to (without) the last `milestones` segment: the plan's folder. */
function planFolderOf(file: string): string {
  const segments = segmentsOf(file);
  const i = segments.map((s) => s.toLowerCase()).lastIndexOf('milestones');
  return segments.slice(0, Math.max(i, 0)).join('/');
}

/** `ms` as a whole number, written as a number or a string of digits; else null. */
function msOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}
