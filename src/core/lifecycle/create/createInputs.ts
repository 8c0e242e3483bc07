/**
 * What the "New milestone" actions check in what a person typed, shared by every convention: one
 * line of text, a workspace-relative folder, the one folder to use when none was named.
 */
import { refused, type Refusal } from '../changePlan';

/** True for a refusal among other outcomes of the helpers here. */
export function isRefusal(value: unknown): value is Refusal {
  return value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'refused';
}

/** Control characters and line or paragraph separators: a title or an item is one line. */
const NOT_ONE_LINE = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** `value` trimmed; refused when it is empty or not one line of text. `what` names it: `the title`. */
export function oneLine(value: string, what: string): string | Refusal {
  const t = value.trim();
  if (t === '') return refused(`${what} is empty`, 'invalid-input');
  if (NOT_ONE_LINE.test(t)) return refused(`${what} must be one line of text`, 'invalid-input');
  return t;
}

/** Each item trimmed and one line (`what` names them: `step`); refused on the first that is not. */
export function oneLineEach(values: readonly string[], what: string): string[] | Refusal {
  const out: string[] = [];
  for (const [i, v] of values.entries()) {
    const t = oneLine(v, `${what} ${i + 1}`);
    if (isRefusal(t)) return t;
    out.push(t);
  }
  return out;
}

/** An optional one-line value: undefined or blank → undefined, else as `oneLine`. */
export function optionalLine(value: string | undefined, what: string): string | undefined | Refusal {
  return value === undefined || value.trim() === '' ? undefined : oneLine(value, what);
}

/**
 * A workspace-relative path as typed, `/`-separated, without `./`, doubled or trailing slashes
 * (`./docs//x.kb/` → `docs/x.kb`); refused when it is empty or leaves the workspace folder
 * (absolute, `..`).
 */
export function cleanPath(value: string, what: string): string | Refusal {
  const t = value.trim().replace(/\\/g, '/');
  const segments = t.split('/').filter((s) => s !== '' && s !== '.');
  if (t.startsWith('/') || /^[a-z]:/i.test(t) || segments.includes('..')) return refused(`${what} ${value} is outside the workspace folder`, 'invalid-input');
  if (segments.length === 0) return refused(`${what} is empty`, 'invalid-input');
  return segments.join('/');
}

/**
 * The folder (or file) to write to: `given` cleaned when there is one, else the only one of
 * `existing`; refused, listing them, when there are several and none was named.
 */
export function chosenPath(given: string | undefined, existing: readonly string[], what: string): string | Refusal {
  if (given !== undefined) return cleanPath(given, what);
  if (existing.length === 1) return existing[0]!;
  if (existing.length === 0) return refused(`name the ${what}`, 'invalid-input');
  return refused(`there are ${existing.length} places for it; name the ${what}`, 'invalid-input', existing);
}
