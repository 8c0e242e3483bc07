import { getNodeValue, parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import type { FieldView, TextListView } from '../../../protocol/formProtocol';
import { LineIndex } from '../../text/lineIndex';
import { fieldView, missingRequired, type SchemaFacts } from './fieldViews';
import type { ProblemClaims } from './problemViews';

/** What a session JSON step shows besides its text: its status word and notes, and its lines. */
export interface JsonStepInfo {
  readonly status?: string;
  readonly notes?: string;
  readonly firstLine: number;
  readonly lastLine: number;
}

/** The parts of a session JSON milestone the form shows outside its steps. */
export interface SessionJsonParts {
  readonly fields: readonly FieldView[];
  readonly lists: readonly TextListView[];
  readonly texts: readonly { readonly key: string; readonly value: string }[];
  /** By `steps` index. */
  readonly steps: readonly JsonStepInfo[];
}

const LIST_KEYS = new Set(['next_session_should', 'blockers']);
const TEXT_KEYS = new Set(['handoff_notes']);

/**
 * Reads a session JSON text once (jsonc-parser's tree, for lines): every top-level key but `steps`
 * as a field in file order (string lists `next_session_should` / `blockers` as lists, a string
 * `handoff_notes` as a long text), the required keys it lacks, and each step's status and notes.
 * Field problems are the ones that start on the key's lines. Null when the text is not a JSON object.
 */
export function sessionJsonParts(text: string, facts: SchemaFacts, claims: ProblemClaims): SessionJsonParts | null {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = parseTree(bom ? text.slice(1) : text, [], { disallowComments: true });
  if (root === undefined || root.type !== 'object') return null;
  const index = new LineIndex(text);
  const lineOf = (offset: number): number => index.positionAt(offset + bom).line;
  const spanOf = (n: JsonNode): [number, number] => [lineOf(n.offset), lineOf(n.offset + n.length)];
  const fields: FieldView[] = [];
  const lists: TextListView[] = [];
  const texts: { key: string; value: string }[] = [];
  let steps: JsonStepInfo[] = [];
  const keys = (root.children ?? []).map((p): unknown => p.children?.[0]?.value).filter((k): k is string => typeof k === 'string');
  // First: a `schema-required` problem may start on a present key's line, and belongs to the missing key.
  const missing = missingRequired(keys, facts, claims, ['steps']);
  // A key written twice shows once, with the value JSON.parse keeps: the later one (jsonDuplicateKeys).
  const counted = new Map<string, JsonNode>();
  for (const prop of root.children ?? []) {
    const key: unknown = prop.children?.[0]?.value;
    if (typeof key === 'string') counted.set(key, prop);
  }
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (keyNode === undefined || valueNode === undefined || typeof keyNode.value !== 'string') continue;
    const key = keyNode.value;
    if (counted.get(key) !== prop) continue;
    const value: unknown = getNodeValue(valueNode);
    if (key === 'steps' && valueNode.type === 'array') {
      steps = (valueNode.children ?? []).map((n) => stepInfo(n, spanOf(n)));
      continue;
    }
    if (LIST_KEYS.has(key) && Array.isArray(value) && value.every((x) => typeof x === 'string')) {
      lists.push({ key, items: value });
    } else if (TEXT_KEYS.has(key) && typeof value === 'string') {
      texts.push({ key, value });
    } else {
      fields.push(fieldView(key, value, facts, claims.lines(...spanOf(prop))));
    }
  }
  return { fields: [...fields, ...missing], lists, texts, steps };
}

function stepInfo(n: JsonNode, [firstLine, lastLine]: [number, number]): JsonStepInfo {
  const v: unknown = getNodeValue(n);
  const o = v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {};
  const status = typeof o['status'] === 'string' ? o['status'] : undefined;
  const notes = typeof o['notes'] === 'string' ? o['notes'] : undefined;
  return { firstLine, lastLine, ...(status !== undefined ? { status } : {}), ...(notes !== undefined ? { notes } : {}) };
}
