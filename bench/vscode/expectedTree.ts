// What the Milestones tree must show for a generated bench workspace, worked out with the same core
// the extension runs (as the command line reads the folder): the bench waits for these texts.
import { collectMilestones } from '../../src/cli/collectMilestones';
import { CONVENTION_LABEL, CONVENTIONS, type Milestone, type Step } from '../../src/core/model';
import { groupRollup } from '../../src/core/rollups/groupRollup';

/** A group row of the tree (grouped by convention, the default) and the roll-up it shows. */
export interface ExpectedGroup {
  readonly label: string;
  /** E.g. `12/345 done · 3%`. */
  readonly description: string;
}

/** A milestone row near the top of the first group, with a step its checkbox ticks. */
export interface ExpectedRow {
  readonly milestone: Milestone;
  /** The first step with a checkbox. */
  readonly step: Step;
}

export interface ExpectedTree {
  readonly files: number;
  readonly milestones: number;
  /** In the order the tree shows them. */
  readonly groups: readonly ExpectedGroup[];
  /** Two rows of the first group, each with a title no other milestone has (rows are found by label). */
  readonly rows: readonly [ExpectedRow, ExpectedRow];
}

/** The tree of `folder` as the extension shows it on opening (group by convention, completed shown). */
export function expectedTree(folder: string): ExpectedTree {
  const { readings } = collectMilestones([folder]);
  const all = readings.flatMap((r) => r.reading.milestones);
  const groups = CONVENTIONS
    .map((c) => ({ convention: c, members: all.filter((m) => m.convention === c) }))
    .filter((g) => g.members.length > 0);
  if (groups.length === 0) throw new Error(`no milestone in ${folder}`);
  const titles = new Map<string, number>();
  for (const m of all) titles.set(m.title, (titles.get(m.title) ?? 0) + 1);
  // The tree sorts a group's rows by file, then line.
  const first = [...groups[0]!.members].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const rows: ExpectedRow[] = [];
  for (const milestone of first.slice(0, 10)) {
    const step = milestone.steps.find((s) => s.state === 'done' || s.state === 'open');
    if (step && titles.get(milestone.title) === 1 && rows.length < 2) rows.push({ milestone, step });
  }
  if (rows.length < 2) throw new Error(`fewer than two milestones with a unique title and a step at the top of ${CONVENTION_LABEL[groups[0]!.convention]}`);
  return {
    files: readings.length,
    milestones: all.length,
    groups: groups.map((g) => ({ label: CONVENTION_LABEL[g.convention], description: groupRollup('convention', g.members).label })),
    rows: [rows[0]!, rows[1]!],
  };
}
