/**
 * "New milestone" for KB folders (seed 000): `NAME.kb/NNN-<slug>.md`, numbered in multiples of 10
 * with room to insert between two (`015` between `010` and `020`), the header the folder's schema
 * asks for, the success criteria as task items.
 */
import { dirOf, stemOf } from '../../conventions/paths';
import { isKbPath, kbNameOf } from '../../conventions/kb';
import { classifyPath } from '../../conventions/readMilestoneFile';
import { localDay } from '../../edits/timestampStyle';
import { builtinSchemaFor } from '../../schema/builtinSchemas';
import type { JsonSchema } from '../../schema/schemaTypes';
import { refused, type FolderSnapshot, type LifecycleContext, type PlanOutcome, type Refusal } from '../changePlan';
import { slugOf } from '../slug';
import { cleanPath, isRefusal, oneLine, oneLineEach, optionalLine } from './createInputs';
import { kbHeaderLines } from './kbHeader';

/** A `.kb` folder and the numbers its milestone files use. */
export interface KbChoice {
  /** e.g. `docs/milestones.kb`. */
  readonly folder: string;
  /** The file names' leading numbers as written (`010`), in numeric order. */
  readonly numbers: readonly string[];
}

/** The `.kb` folders that hold at least one KB milestone file, sorted by path. */
export function kbChoices(snapshot: FolderSnapshot): KbChoice[] {
  const byFolder = new Map<string, string[]>();
  for (const file of snapshot.files) {
    if (classifyPath(file) !== 'kb') continue;
    const folder = dirOf(file);
    const numbers = byFolder.get(folder) ?? [];
    // Date-prefixed names (`2026-04-20-002-x`) are numbered by day: no multiple of 10 follows them.
    const name = kbNameOf(stemOf(file));
    if (name !== null && !name.dated) numbers.push(name.id);
    byFolder.set(folder, numbers);
  }
  return [...byFolder].sort(([a], [b]) => (a < b ? -1 : 1)).map(([folder, numbers]) => ({
    folder, numbers: numbers.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0)),
  }));
}

/**
 * The number of a new milestone among `numbers`, in their width (the widest, 3 when there are
 * none). `after` null, or the last number: the next multiple of 10 above the highest (`010`, `020` →
 * `030`; `015` → `020`; none → `010`). `after` X: halfway between X and the number that follows it
 * (`010`, `020` → `015`; `010`, `015` → `012`). Refused when X is not one of the numbers
 * (`not-found`), when no whole number lies between X and the next one, or when the number would need
 * more digits than the folder uses, 3 or more (`990` → `1000`) (`not-applicable`).
 */
export function nextKbNumber(numbers: readonly string[], after: string | null): { readonly kind: 'ok'; readonly number: string } | Refusal {
  const width = Math.max(0, ...numbers.map((n) => n.length)) || 3;
  const values = [...new Set(numbers.map(Number))].sort((a, b) => a - b);
  let n: number;
  if (after === null) {
    n = nextTen(values);
  } else {
    const x = /^\d+$/.test(after.trim()) ? Number(after.trim()) : NaN;
    if (!values.includes(x)) return refused(`there is no milestone ${after.trim()} to insert after${numbers.length > 0 ? `: the folder has ${numbers.join(', ')}` : ''}`, 'not-found');
    const following = values.find((v) => v > x);
    if (following === undefined) n = nextTen(values);
    else {
      n = Math.floor((x + following) / 2);
      if (n <= x) return refused(`no number is left between ${after.trim()} and ${numbers.find((s) => Number(s) === following)}; renumber the folder to make room`, 'not-applicable');
    }
  }
  const number = String(n).padStart(width, '0');
  if (number.length > Math.max(width, 3)) return refused(`the next number, ${number}, needs more than the ${width} digits the folder uses`, 'not-applicable');
  return { kind: 'ok', number };
}

function nextTen(values: readonly number[]): number {
  return values.length === 0 ? 10 : Math.floor(values[values.length - 1]! / 10) * 10 + 10;
}

export interface NewKbInput {
  /** The `.kb` folder, e.g. `docs/milestones.kb`. */
  readonly folder: string;
  readonly title: string;
  /** The header's goal; default the title. */
  readonly goal?: string;
  /** Insert after this number (as `nextKbNumber`); null or absent: append. */
  readonly after?: string | null;
  /** The success criteria, one task item each. */
  readonly criteria?: readonly string[];
}

const BUILTIN = builtinSchemaFor('kb')!.schema;

/**
 * Creates `<folder>/NNN-<slug>.md` with the header `schema` asks for (null: the built-in KB schema;
 * see `kbHeaderLines`) and a body `# Milestone NNN: Title`, `## Success Criteria` and the criteria as
 * open task items (a comment when there are none). Refuses (`invalid-input`) a folder that is not a
 * `.kb` folder or an empty or multi-line title, goal or criterion; the numbering refusals of
 * `nextKbNumber`; (`exists`) when the file is there.
 */
export function newKbMilestone(snapshot: FolderSnapshot, input: NewKbInput, schema: JsonSchema | null, ctx: LifecycleContext): PlanOutcome {
  const folder = cleanPath(input.folder, 'the KB folder');
  if (isRefusal(folder)) return folder;
  if (!isKbPath(`${folder}/000-x.md`)) return refused(`${folder} is not a KB folder: its name must end in .kb`, 'invalid-input');
  const title = oneLine(input.title, 'the title');
  if (isRefusal(title)) return title;
  const goal = optionalLine(input.goal, 'the goal');
  if (isRefusal(goal)) return goal;
  const criteria = oneLineEach(input.criteria ?? [], 'criterion');
  if (isRefusal(criteria)) return criteria;
  const numbers = kbChoices(snapshot).find((c) => c.folder === folder)?.numbers ?? [];
  const next = nextKbNumber(numbers, input.after ?? null);
  if (next.kind === 'refused') return next;
  const file = `${folder}/${next.number}-${slugOf(title)}.md`;
  if (snapshot.text(file) !== null) return refused(`${file} already exists`, 'exists');
  const header = kbHeaderLines(schema ?? BUILTIN, { title, goal: goal ?? title, day: localDay(ctx.now), now: ctx.now });
  if (isRefusal(header)) return header;
  const body = [
    `# Milestone ${next.number}: ${title}`,
    '',
    '## Success Criteria',
    '',
    ...(criteria.length > 0 ? criteria.map((c) => `- [ ] ${c}`) : ['<!-- One task item a criterion: what is true when this milestone is done. -->']),
  ];
  const text = `${header.length > 0 ? `---\n${header.join('\n')}\n---\n\n` : ''}${body.join('\n')}\n`;
  const place = input.after === undefined || input.after === null ? '' : ` after ${input.after.trim()}`;
  return { kind: 'ok', plan: { changes: [{ kind: 'create', file, text }], summary: `Created KB milestone ${next.number} "${title}" in ${folder}${place}`, primary: file } };
}
