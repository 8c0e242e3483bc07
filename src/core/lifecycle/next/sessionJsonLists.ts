// The ESM build: esbuild cannot bundle the UMD build's dynamic requires on platform node.
import { parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import { LineIndex } from '../../text/lineIndex';
import { itemText } from './itemText';
import type { NextItem } from './nextMilestones';

/** The `blockers` and `next_session_should` entries of a session JSON milestone, with their lines. */
export interface SessionJsonLists {
  readonly blockers: readonly NextItem[];
  readonly next: readonly NextItem[];
}

const EMPTY: SessionJsonLists = { blockers: [], next: [] };

/**
 * Reads the top-level `blockers` and `next_session_should` of a session JSON text with
 * jsonc-parser, for the line of each entry (the reader keeps values, not positions). A list's
 * string entries become items, anything else in it is skipped; a plain string instead of a list is
 * one item. A key written twice counts as JSON.parse reads it: the last one. Never throws; a text
 * that is not a JSON object gives no items.
 */
export function sessionJsonLists(text: string): SessionJsonLists {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = parseTree(bom ? text.slice(1) : text, [], { disallowComments: true });
  if (root === undefined || root.type !== 'object') return EMPTY;
  let blockers: JsonNode | undefined;
  let next: JsonNode | undefined;
  for (const prop of root.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (key?.value === 'blockers') blockers = value;
    else if (key?.value === 'next_session_should') next = value;
  }
  let index: LineIndex | undefined;
  const lineOf = (node: JsonNode): number => (index ??= new LineIndex(text)).lineAt(node.offset + bom);
  return { blockers: entries(blockers, 'blocker', lineOf), next: entries(next, 'next', lineOf) };
}

function entries(node: JsonNode | undefined, kind: 'blocker' | 'next', lineOf: (node: JsonNode) => number): NextItem[] {
  if (node === undefined) return [];
  const nodes = node.type === 'array' ? node.children ?? [] : [node];
  const items: NextItem[] = [];
  for (const n of nodes) {
    if (n.type !== 'string' || typeof n.value !== 'string') continue;
    const text = itemText(n.value, kind === 'blocker');
    if (text !== null) items.push({ kind, text, line: lineOf(n) });
  }
  return items;
}
