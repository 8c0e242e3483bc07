import type { Milestone } from '../model';
import type { Problem } from '../problems';
import { jsonDuplicateKeys } from '../text/jsonDuplicateKeys';
import { sessionTokens, type JsonToken } from './sessionJsonTokens';
import type { TextPlacer } from './textPlacer';

const DONE = /^(completed|complete|done)$/i;

/**
 * The session JSON checks (seed 001): a key written twice in one object (`json-duplicate-key`, on the
 * later key, the one that counts); stored `progress` ≠ completed / total × 100; `step` numbers not
 * 1..n in order; a completed step without `completed_at`. Call only for a file that parsed.
 * Progress tolerates rounding either way (a script that floors 2/3 to 66 is right too).
 */
export function sessionProblems(file: string, m: Milestone, place: TextPlacer): Problem[] {
  const out: Problem[] = [];
  const { done, total } = m.progress;
  const stored = m.storedProgress;
  const tokens = sessionTokens(place.text);
  for (const dup of jsonDuplicateKeys(place.text)) {
    out.push({
      file, severity: 'warning', code: 'json-duplicate-key', range: place.range(dup),
      message: `"${dup.key}"${dup.where ? ` in ${dup.where}` : ''} is also defined on line ${place.lines.lineAt(dup.earlier) + 1}; this later one wins and that one is ignored`,
    });
  }
  if (typeof stored === 'number' && total > 0 && m.steps.length === total) {
    const exact = (done / total) * 100;
    if (Math.abs(stored - exact) >= 1) {
      const expected = Math.round(exact);
      const token = tokens.top.get('progress');
      out.push({
        file, severity: 'warning', code: 'session-progress',
        range: token !== undefined ? place.range(token) : place.line(0),
        message: `progress is ${stored} but ${done} of ${total} steps are completed: expected ${expected}`,
        fixes: [{ kind: 'set-key', key: 'progress', value: String(expected) }],
      });
    }
  }
  let previous: number | null = null;
  tokens.steps.forEach((step, i) => {
    const token = step.get('step');
    const n = token !== undefined && /^-?\d+$/.test(token.raw) ? Number(token.raw) : null;
    if (n !== null && token !== undefined) {
      const expected = (previous ?? i) + 1;
      if (n !== expected) {
        out.push({
          file, severity: 'warning', code: 'session-step-numbers', range: place.range(token),
          message: `step ${n} is out of order: expected ${expected} (steps are numbered 1 to ${tokens.steps.length} in order)`,
        });
      }
    }
    previous = n;
    const status = step.get('status');
    if (status !== undefined && DONE.test(stringValue(status) ?? '')) {
      const at = step.get('completed_at');
      if (at === undefined || at.raw === 'null' || at.raw === '""') {
        out.push({
          file, severity: 'warning', code: 'session-completed-at', range: place.range(status),
          message: `step ${n ?? i + 1} is ${stringValue(status)} but has no completed_at`,
        });
      }
    }
  });
  return out;
}

/** The string a JSON string token holds (escapes other than `\"` are rare in status words), else null. */
function stringValue(token: JsonToken): string | null {
  return token.raw.length >= 2 && token.raw.charCodeAt(0) === 34 ? token.raw.slice(1, -1).trim() : null;
}
