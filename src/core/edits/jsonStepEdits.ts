import { findNodeAtLocation, modify, parseTree, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
import type { Node, ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { EditOutcome } from '../model';
import { duplicateKeyRefusal } from '../text/jsonDuplicateKeys';
import { EditRecorder } from './editRecorder';
import { inferJsonFormatting } from './jsonFormatting';
import { DEFAULT_TIMESTAMP_STYLE, detectTimestampStyle, formatTimestamp, isTimestamp } from './timestampStyle';
import type { TimestampStyle } from './timestampStyle';

/** What marking a session JSON step needs besides the text. */
export interface JsonStepRequest {
  readonly index: number;
  readonly done: boolean;
  readonly identity: string;
  readonly now: Date;
  /** Counted steps done / total once this step has its new state; drives the stored `progress`. */
  readonly progressAfter: { readonly done: number; readonly total: number };
}

/**
 * Marks `steps[index]` of a session JSON milestone done (`status` "completed", `completed_by`,
 * `completed_at`) or not done (both removed; `status` back to "in_progress" when the step says it
 * was started, with `started_by` or `started_at`, else "pending"), then refreshes the stored
 * `progress` and `updated_at` when the file has them. Timestamps follow the file's own style.
 * Refuses a file that is not valid JSON, or that writes a key twice. Comments, key order and formatting elsewhere survive:
 * every change is a jsonc-parser `modify` formatted like the file, then trimmed to what differs.
 */
export function jsonStepEdits(text: string, request: JsonStepRequest): EditOutcome {
  // jsonc-parser takes a BOM for an invalid symbol: edit the text after it and shift the edits back.
  if (text.charCodeAt(0) === 0xfeff) {
    const outcome = jsonStepEdits(text.slice(1), request);
    if (outcome.kind === 'refused') return outcome;
    return { kind: 'ok', edits: outcome.edits.map((e) => ({ start: e.start + 1, end: e.end + 1, newText: e.newText })) };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    const where = first ? ` (${describeError(first.error)} on line ${lineOf(text, first.offset) + 1})` : '';
    return { kind: 'refused', reason: `the file is not valid JSON${where}; fix it first` };
  }
  const twice = duplicateKeyRefusal(text);
  if (twice !== null) return { kind: 'refused', reason: twice };
  const step = findNodeAtLocation(root, ['steps', request.index]);
  if (!step || step.type !== 'object') {
    return { kind: 'refused', reason: `the file has no step ${request.index + 1} any more; it may have changed on disk` };
  }

  const formattingOptions = inferJsonFormatting(text);
  const recorder = new EditRecorder(text);
  const stepPath = ['steps', request.index];
  const keysOf = (): string[] => {
    const node = findNodeAtLocation(parseTree(recorder.text)!, stepPath);
    return (node?.children ?? []).map((p) => String(p.children?.[0]?.value));
  };
  const set = (path: (string | number)[], value: unknown, after?: string): void => {
    recorder.apply(modify(recorder.text, path, value, {
      formattingOptions,
      // New keys go right after `after` (where the seed files keep them), not at the end of the object.
      getInsertionIndex: after ? (keys) => { const i = keys.indexOf(after); return i < 0 ? keys.length : i + 1; } : undefined,
    }).map((e) => ({ start: e.offset, end: e.offset + e.length, newText: e.content })));
  };

  const style = timestampStyleOf(root, ['completed_at']);
  const stamp = formatTimestamp(request.now, style);
  if (request.done) {
    set([...stepPath, 'status'], 'completed');
    set([...stepPath, 'completed_by'], request.identity, 'status');
    set([...stepPath, 'completed_at'], stamp, keysOf().includes('completed_by') ? 'completed_by' : 'status');
  } else {
    // Unticking undoes the tick: a step someone had started goes back to in progress, not to pending.
    const started = keysOf().some((k) => k === 'started_by' || k === 'started_at');
    set([...stepPath, 'status'], started ? inProgressWord(root) : 'pending');
    if (keysOf().includes('completed_by')) set([...stepPath, 'completed_by'], undefined);
    if (keysOf().includes('completed_at')) set([...stepPath, 'completed_at'], undefined);
  }

  refreshStoredStamps(root, request.progressAfter, request.now, set);
  return { kind: 'ok', edits: recorder.edits() };
}

/** The file's own spelling of "in progress" for a step (`in-progress`, `IN_PROGRESS` …), else seed 001's `in_progress`. */
function inProgressWord(root: Node): string {
  for (const step of findNodeAtLocation(root, ['steps'])?.children ?? []) {
    const status: unknown = step.type === 'object' ? findNodeAtLocation(step, ['status'])?.value : undefined;
    if (typeof status === 'string' && /^in[\s_-]?progress$/i.test(status.trim())) return status.trim();
  }
  return 'in_progress';
}

/**
 * Refreshes what a session JSON milestone stores about its steps, when it has them: `progress`
 * (percent of `progressAfter`, keeping its type: a number stays a number, "50%" a string with `%`)
 * and `updated_at` (`now`, in the file's own timestamp style). `root` is the tree of the text before
 * the change; `set` applies a jsonc-parser change to the current text.
 */
export function refreshStoredStamps(
  root: Node,
  progressAfter: { readonly done: number; readonly total: number },
  now: Date,
  set: (path: (string | number)[], value: unknown) => void,
): void {
  const progress = root.type === 'object' ? findNodeAtLocation(root, ['progress']) : undefined;
  if (progress && (progress.type === 'number' || progress.type === 'string')) {
    const { done, total } = progressAfter;
    const percent = total > 0 ? Math.round((done / total) * 100) : 0;
    // Keep the stored type: a number stays a number, "50%" stays a string.
    const value = progress.type === 'number' ? percent : String(progress.value).trim().endsWith('%') ? `${percent}%` : String(percent);
    set(['progress'], value);
  }
  const updated = root.type === 'object' ? findNodeAtLocation(root, ['updated_at']) : undefined;
  if (updated && updated.type === 'string') {
    const own = detectTimestampStyle(String(updated.value));
    set(['updated_at'], formatTimestamp(now, own ?? timestampStyleOf(root, ['updated_at', 'completed_at'])));
  }
}

/**
 * The timestamp style of the file: the last value of a key in `preferred` that is a timestamp, else
 * the last `*_at` value, else the last string anywhere that looks like a timestamp, else ISO UTC.
 */
export function timestampStyleOf(root: Node, preferred: readonly string[]): TimestampStyle {
  const tiers: string[][] = [[], [], []];
  const visit = (node: Node, key: string | null): void => {
    if (node.type === 'string' && typeof node.value === 'string' && isTimestamp(node.value)) {
      const tier = key !== null && preferred.includes(key) ? 0 : key !== null && key.endsWith('_at') ? 1 : 2;
      tiers[tier]!.push(node.value);
    } else if (node.type === 'property') {
      const [name, value] = node.children ?? [];
      if (value) visit(value, typeof name?.value === 'string' ? name.value : null);
    } else {
      for (const child of node.children ?? []) visit(child, null);
    }
  };
  visit(root, null);
  for (const tier of tiers) {
    const sample = tier[tier.length - 1];
    const style = sample !== undefined ? detectTimestampStyle(sample) : null;
    if (style) return style;
  }
  return DEFAULT_TIMESTAMP_STYLE;
}

function describeError(code: number): string {
  // `CommaExpected` → "comma expected"
  return printParseErrorCode(code).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
