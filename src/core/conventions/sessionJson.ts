import type { FileReading, ReadNote, Step } from '../model';
// The ESM build: esbuild cannot bundle the UMD build's dynamic requires on platform node.
import { parse as parseJsonc, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { LineIndex } from '../text/lineIndex';
import { sharedJsonParse } from '../text/sharedJson';
import { ownString } from '../text/ownString';
import { dirOf, segmentsOf, stemOf } from './paths';
import { makeMilestone } from './readerKit';
import { jsonStepLines } from './jsonStepLines';

/** True for a `*.json` file directly in a folder named `MILESTONES` (any depth, any case). */
export function isSessionJsonPath(file: string): boolean {
  const segs = segmentsOf(file);
  return segs.length >= 2 && /\.json$/i.test(file) && segs[segs.length - 2]!.toLowerCase() === 'milestones';
}

/** Top-level keys shown as fields (besides the ones that have their own place in the model). */
const SKIP = new Set(['steps', 'title', 'status', 'milestone_id', 'progress']);

/**
 * Reads a session milestone (seed 001): `milestone_id`, `title`, `status`, `owner`, `progress`
 * (→ storedProgress), `steps[]` (`completed` → done, anything else → open; kind `json-step`).
 * Scalar and scalar-list top-level keys become fields (`owner`, `priority`, `updated_at`,
 * `next_session_should`, `blockers`, `handoff_notes` …); nested objects (`context`) are not.
 * JSON.parse keeps it fast; step lines come from a cheap scan of the text. A syntax error gives a
 * `json-syntax` note and one milestone titled after the file, with no steps: the file is never dropped.
 */
export function readSessionJson(file: string, text: string): FileReading {
  const notes: ReadNote[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const parsed = sharedJsonParse(text);
  const ok = parsed.ok;
  const value = parsed.ok ? parsed.value : undefined;
  if (!parsed.ok) {
    const e = parsed.error;
    const msg = e instanceof Error ? e.message : String(e);
    const pos = new LineIndex(text).positionAt(jsonErrorOffset(text, msg, bom));
    notes.push({ severity: 'error', code: 'json-syntax', message: ownString(`JSON syntax error: ${describeJsonError(msg)}`), line: pos.line, column: pos.column });
  }
  const group = dirOf(file);
  const stem = stemOf(file);
  const obj = ok && value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : null;
  if (ok && obj === null) {
    notes.push({ severity: 'warning', code: 'json-not-object', message: 'The milestone file is JSON but not an object.', line: 0 });
  }
  const fields: Record<string, unknown> = {};
  const steps: Step[] = [];
  let storedProgress: number | null = null;
  if (obj !== null) {
    for (const key of Object.keys(obj)) {
      const v = obj[key];
      if (SKIP.has(key)) continue;
      if (v === null || typeof v !== 'object') fields[key] = v;
      else if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) fields[key] = v;
    }
    if (typeof obj['progress'] === 'number') storedProgress = obj['progress'];
    const raw = obj['steps'];
    if (Array.isArray(raw)) {
      const lines = jsonStepLines(text);
      // Strings from JSON.parse are fresh copies, never slices of the text (checked on Node 20 with
      // %DebugPrint: SeqString for one- and two-byte sources, escaped or not), so unlike the markdown
      // readers nothing here is copied again with `ownString`.
      for (let index = 0; index < raw.length; index++) {
        const s: unknown = raw[index];
        const step = s !== null && typeof s === 'object' ? s as Record<string, unknown> : NO_STEP;
        const status = typeof step['status'] === 'string' ? step['status'] : null;
        const label = stepLabel(step, s);
        steps.push({
          text: (label ?? `Step ${typeof step['step'] === 'number' ? step['step'] : index + 1}`).trim(),
          state: status !== null && DONE.test(status.trim()) ? 'done' : 'open',
          line: lines[index] ?? 0,
          section: null,
          depth: 0,
          source: { kind: 'json-step', index, status },
        });
      }
    } else if (ok) {
      notes.push({ severity: 'warning', code: 'json-no-steps', message: 'The milestone has no `steps` array.', line: 0 });
    }
  }
  const str = (k: string): string | null => (obj !== null && typeof obj[k] === 'string' ? obj[k] : null);
  const milestone = makeMilestone({
    convention: 'session-json', file,
    id: str('milestone_id'),
    title: str('title') ?? str('milestone_id') ?? stem,
    status: str('status'),
    line: 0, endLine: Math.max(0, countLines(text) - 1),
    group, fields, steps, storedProgress, owned: true,
  });
  return { file, convention: 'session-json', milestones: [milestone], notes };
}

const NO_STEP: Record<string, unknown> = {};
const DONE = /^(completed|complete|done)$/i;

/** The first string of `description`, `title`, `name`, else the step itself when it is a string. */
function stepLabel(step: Record<string, unknown>, s: unknown): string | undefined {
  const d = step['description'];
  if (typeof d === 'string') return d;
  const t = step['title'];
  if (typeof t === 'string') return t;
  const n = step['name'];
  if (typeof n === 'string') return n;
  return typeof s === 'string' ? s : undefined;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/**
 * V8's JSON.parse message for people: without its position suffix or its quote of the input
 * (`, "…" is not valid JSON`; the note already points there), and with control characters from a
 * binary file written as `\uXXXX` so they never reach a terminal or the Problems panel raw.
 */
export function describeJsonError(message: string): string {
  return message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Offset of a JSON syntax error: from V8's message when it says `position N`, else (newer messages
 * such as "Unexpected token ']'" omit it) from jsonc-parser, which only runs on this error path.
 */
function jsonErrorOffset(text: string, message: string, bom: number): number {
  const at = /position (\d+)/.exec(message);
  if (at !== null) return Number(at[1]) + bom;
  const errors: ParseError[] = [];
  parseJsonc(bom ? text.slice(1) : text, errors, { disallowComments: true, allowTrailingComma: false });
  return errors.length > 0 ? errors[0]!.offset + bom : text.length;
}
