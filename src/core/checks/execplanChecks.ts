import type { Milestone } from '../model';
import type { FixHint, Problem } from '../problems';
import { normaliseStatus } from '../conventions/status';
import { baseOf, dirOf, segmentsOf } from '../conventions/paths';
import { headerValueSpan } from './headerSpans';
import type { TextPlacer } from './textPlacer';

/** `EP-YYYYMMDD-NNN/MS###` split into its parts. */
const ID = /^(EP-\d{8}-\d{3})\/MS(\d+)$/;
/** `EP-YYYYMMDD-NNN_MS###_slug.md` or `MS###_slug.md` (real repositories use both). */
const NAME = /^(?:(EP-\d{8}-\d{3})_)?MS(\d+)(?:([_-])(.*))?(\.md)$/i;
const DATE = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;
/** Folders that mean "archived" (seed 003's template names complete / completed / archive). */
const ARCHIVE_NAMES = new Set(['archive', 'archived', 'complete', 'completed']);

/**
 * The ExecPlan checks no schema can express (seed 003): `id` = `execplan_id` + `/MS` + 3-digit `ms`;
 * the file name agrees with `id`; `updated` not before `created`; `completed` with open tasks; an
 * archived file whose status is not archived / completed. Each fires only when the values it compares
 * are all present and readable (a missing or mistyped key is the schema's problem).
 */
export function execplanProblems(file: string, m: Milestone, place: TextPlacer, today: () => string): Problem[] {
  const out: Problem[] = [];
  const f = m.fields;
  const id = typeof f['id'] === 'string' ? f['id'] : null;
  const valueRange = (key: string) => {
    const span = headerValueSpan(place.text, key);
    return span !== null ? place.range(span) : place.line(0);
  };
  const execplanId = typeof f['execplan_id'] === 'string' ? f['execplan_id'] : null;
  const ms = msNumber(f['ms']);
  if (id !== null && execplanId !== null && ms !== null) {
    const expected = `${execplanId}/MS${String(ms).padStart(3, '0')}`;
    if (id !== expected) {
      out.push({
        file, severity: 'error', code: 'execplan-id', range: valueRange('id'),
        message: `id "${id}" does not match execplan_id and ms: expected "${expected}"`,
        fixes: [{ kind: 'set-key', key: 'id', value: expected }],
      });
    }
  }
  const idParts = id !== null ? ID.exec(id) : null;
  const name = NAME.exec(baseOf(file));
  if (idParts !== null && name !== null) {
    const epDiffers = name[1] !== undefined && name[1] !== idParts[1];
    const msDiffers = Number(name[2]) !== Number(idParts[2]);
    if (epDiffers || msDiffers) {
      const fromName = `${name[1] ?? idParts[1]}/MS${name[2]!.padStart(3, '0')}`;
      const slug = name[4] !== undefined ? `${name[3]}${name[4]}` : '';
      const renamed = `${name[1] !== undefined ? `${idParts[1]}_` : ''}MS${idParts[2]!.padStart(3, '0')}${slug}${name[5]}`;
      const dir = dirOf(file);
      const fixes: FixHint[] = [
        { kind: 'set-key', key: 'id', value: fromName },
        { kind: 'rename-file', to: dir.length > 0 ? `${dir}/${renamed}` : renamed },
      ];
      out.push({
        file, severity: 'warning', code: 'execplan-filename', range: valueRange('id'), fixes,
        message: `the file name ${baseOf(file)} does not match id "${id}": expected ${renamed}`,
      });
    }
  }
  const created = dateOf(f['created']);
  const updated = dateOf(f['updated']);
  if (created !== null && updated !== null && updated < created) {
    const t = today();
    const problem: Problem = {
      file, severity: 'warning', code: 'execplan-dates', range: valueRange('updated'),
      message: `updated ${updated} is earlier than created ${created}`,
    };
    // Today fixes it unless created lies in the future too.
    out.push(t >= created ? { ...problem, fixes: [{ kind: 'set-key', key: 'updated', value: t }] } : problem);
  }
  const status = typeof f['status'] === 'string' ? f['status'].trim() : null;
  // Only the allowed word: a wrong one ("done") already gets schema-enum, one problem is enough.
  if (status !== null && /^completed?$/i.test(status)) {
    let items = 0;
    let rows = 0;
    let total = 0;
    for (const s of m.steps) {
      if (s.state !== 'open' && s.state !== 'done') continue;
      total++;
      if (s.state === 'open') { if (s.source.kind === 'table-row') rows++; else items++; }
    }
    if (items + rows > 0) {
      const parts = [items > 0 ? plural(items, 'task item') : '', rows > 0 ? plural(rows, 'task row') : ''].filter((p) => p.length > 0);
      out.push({
        file, severity: 'warning', code: 'execplan-completed-open', range: valueRange('status'),
        message: `status is "${status}" but ${parts.join(' and ')} of ${total} ${items + rows === 1 ? 'is' : 'are'} still open`,
      });
    }
  }
  const archive = archiveFolder(file);
  if (archive !== null && status !== null) {
    const category = normaliseStatus(status);
    if (category === 'planned' || category === 'active' || category === 'blocked') {
      out.push({
        file, severity: 'warning', code: 'execplan-archive-status', range: valueRange('status'),
        message: `the file is in the archive folder ${archive}/ but its status is "${status}": expected archived or completed`,
      });
    }
  }
  return out;
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** `ms` as an integer: a number, or a string of digits (its type is the schema's concern). */
function msNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim());
  return null;
}

/** `YYYY-MM-DD` of a date value written with or without quotes (or with a time after it), else null. */
function dateOf(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v !== 'string') return null;
  return DATE.exec(v.trim())?.[1] ?? null;
}

/**
 * The archive folder a milestone lies in, or null: `milestones/archive|complete|completed/…`, or any
 * `archive|complete|completed/YYYY/MM/DD/` above it. A plan archived as a whole
 * (`exec_plans/complete/2026/05/05/<plan>/milestones/active/`) counts too.
 */
export function archiveFolder(file: string): string | null {
  const segs = segmentsOf(file);
  for (let i = 0; i + 1 < segs.length - 1; i++) {
    const s = segs[i]!.toLowerCase();
    if (s === 'milestones' && ARCHIVE_NAMES.has(segs[i + 1]!.toLowerCase())) return segs.slice(0, i + 2).join('/');
    if (ARCHIVE_NAMES.has(s) && i + 3 < segs.length - 1 && /^\d{4}$/.test(segs[i + 1]!) && /^\d{2}$/.test(segs[i + 2]!) && /^\d{2}$/.test(segs[i + 3]!)) {
      return segs.slice(0, i + 4).join('/');
    }
  }
  return null;
}
