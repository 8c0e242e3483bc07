/**
 * Archiving an ExecPlan milestone (seed 003): `…/milestones/active/X.md` moves to
 * `…/milestones/archive/YYYY/MM/DD/X.md` (the local day of the action), its header says
 * `status: archived` and `updated: <that day>`, its Changelog says so, and the links that pointed at
 * it (from any milestone file) or out of it (its own relative links) keep working.
 */
import { isExecPlanPath } from '../../conventions/execplan';
import { isMarkdownName, segmentsOf, baseOf } from '../../conventions/paths';
import { readMilestoneFile } from '../../conventions/readMilestoneFile';
import { localDay } from '../../edits/timestampStyle';
import { setYamlField } from '../../form/edits/yamlFieldEdit';
import type { TextEdit } from '../../model';
import { refused, type FileChange, type FolderSnapshot, type LifecycleContext, type PlanOutcome } from '../changePlan';
import { rebaseRelativeLinks, rewriteLinksTo } from '../links/rewriteLinks';
import { changelogEntryEdit } from './changelogEntry';

/**
 * Where the ExecPlan milestone `file` goes when archived on the local day of `now`:
 * `<plan>/milestones/active/X.md` → `<plan>/milestones/archive/YYYY/MM/DD/X.md`. Null when `file` is
 * not an ExecPlan milestone directly in a `milestones/active/` folder.
 */
export function archivedPathOf(file: string, now: Date): string | null {
  const segs = segmentsOf(file);
  const n = segs.length;
  if (n < 3 || !isExecPlanPath(file) || segs[n - 3]!.toLowerCase() !== 'milestones' || segs[n - 2]!.toLowerCase() !== 'active') return null;
  return [...segs.slice(0, n - 2), 'archive', ...archiveDay(now), segs[n - 1]!].join('/');
}

/**
 * The changes that move `file` (its text `text`) to `to` with its own edits `own`, keeping links
 * working: its relative links rebased, and every other markdown file of the snapshot whose links
 * (or frontmatter values) point at it rewritten; the rename last. `links`: how many were changed.
 */
export function moveWithLinks(snapshot: FolderSnapshot, file: string, text: string, to: string, own: readonly TextEdit[]): { readonly changes: FileChange[]; readonly links: number } {
  const rebased = rebaseRelativeLinks(text, file, to);
  const changes: FileChange[] = [{ kind: 'edit', file, edits: [...own, ...rebased] }];
  let links = rebased.length;
  const name = baseOf(file);
  for (const other of snapshot.files) {
    if (other === file || !isMarkdownName(other)) continue;
    const otherText = snapshot.text(other);
    // Only files that name the file (plainly or percent-encoded) can link to it: skip the parse of the rest.
    if (otherText === null || !(otherText.includes(name) || otherText.includes(encodeURI(name)))) continue;
    const edits = rewriteLinksTo(otherText, other, file, to);
    if (edits.length === 0) continue;
    changes.push({ kind: 'edit', file: other, edits });
    links += edits.length;
  }
  changes.push({ kind: 'rename', from: file, to });
  return { changes, links };
}

/**
 * Where `milestone complete` of agentrules' current layout moves a completed milestone:
 * `…/exec_plans/active/<plan>/milestones/active/X.md` → `…/milestones/complete/X.md`. Null for
 * any other path: the seed's layout (`exec_plans/<plan>/milestones/active/`) keeps a completed
 * milestone where it is until it is archived.
 */
export function completedPathOf(file: string): string | null {
  const segs = segmentsOf(file);
  const lower = segs.map((s) => s.toLowerCase());
  const n = segs.length;
  const plans = lower.indexOf('exec_plans');
  if (n < 6 || plans < 0 || lower[plans + 1] !== 'active' || !isExecPlanPath(file) || lower[n - 3] !== 'milestones' || lower[n - 2] !== 'active') return null;
  return [...segs.slice(0, n - 2), 'complete', segs[n - 1]!].join('/');
}

/** `YYYY`, `MM`, `DD` of the local day of `now`. */
function archiveDay(now: Date): string[] {
  return localDay(now).split('-');
}

/**
 * The plan archiving the ExecPlan milestone `file`, in order: the edits of the file (status,
 * updated, Changelog line, its relative links rebased; line endings and BOM kept), the edits of
 * every other markdown file of `snapshot.files` whose links (or frontmatter values) point at it,
 * then the move. `primary` is the new path. Refused when `file` is not an ExecPlan milestone in
 * `milestones/active/` (`not-applicable`), is missing (`not-found`), or the target exists (`exists`).
 */
export function archiveExecPlanMilestone(snapshot: FolderSnapshot, file: string, ctx: LifecycleContext): PlanOutcome {
  const to = archivedPathOf(file, ctx.now);
  if (to === null) return refused(`${file} is not an ExecPlan milestone in a milestones/active/ folder`, 'not-applicable');
  const text = snapshot.text(file);
  if (text === null) return refused(`${file} does not exist`, 'not-found');
  const milestone = readMilestoneFile(file, text)?.milestones[0];
  if (milestone === undefined || milestone.convention !== 'execplan') return refused(`${file} is not read as an ExecPlan milestone`, 'not-applicable');
  if (snapshot.text(to) !== null || snapshot.files.includes(to)) return refused(`${to} already exists`, 'exists');

  const day = localDay(ctx.now);
  const own: TextEdit[] = [];
  for (const [key, value] of [['status', 'archived'], ['updated', day]] as const) {
    const outcome = setYamlField(text, key, value);
    if (outcome.kind === 'refused') return refused(`${file}: ${outcome.reason}`, 'not-applicable');
    own.push(...outcome.edits);
  }
  own.push(changelogEntryEdit(text, `${day} — Archived to milestones/archive/${archiveDay(ctx.now).join('/')}/.`));
  const { changes, links } = moveWithLinks(snapshot, file, text, to, own);
  const label = milestone.id !== null ? `${milestone.id} "${milestone.title}"` : `"${milestone.title}"`;
  return {
    kind: 'ok',
    plan: { changes, summary: `Archived ${label} to ${to}; ${links} ${links === 1 ? 'link' : 'links'} updated`, primary: to },
  };
}
