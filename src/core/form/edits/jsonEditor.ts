/**
 * A JSON milestone file being changed by a form edit: parsed once (without its BOM, which
 * jsonc-parser takes for an invalid character), changed by jsonc-parser `modify` calls formatted
 * like the file, and handed back as minimal edits on the original text (BOM offset restored).
 */
import { findNodeAtLocation, modify, parseTree } from 'jsonc-parser/lib/esm/main.js';
import type { Node, ParseError } from 'jsonc-parser/lib/esm/main.js';
import { EditRecorder } from '../../edits/editRecorder';
import { inferJsonFormatting } from '../../edits/jsonFormatting';
import type { EditOutcome, TextEdit } from '../../model';
import { duplicateKeyRefusal } from '../../text/jsonDuplicateKeys';

export type JsonPath = (string | number)[];

/** Opens `text` for editing, or gives the refusal for a file that is not valid JSON or writes a key twice. */
export function openJson(text: string): JsonEditor | { readonly kind: 'refused'; readonly reason: string } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const json = bom ? text.slice(1) : text;
  const errors: ParseError[] = [];
  const root = parseTree(json, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || errors.length > 0) return { kind: 'refused', reason: 'the file is not valid JSON; fix it in the text editor first' };
  const twice = duplicateKeyRefusal(json);
  if (twice !== null) return { kind: 'refused', reason: twice };
  return new JsonEditor(json, root, bom);
}

/** Successive changes to one JSON text. */
export class JsonEditor {
  private readonly recorder: EditRecorder;
  private readonly formatting;

  constructor(json: string, readonly root: Node, private readonly bom: number) {
    this.recorder = new EditRecorder(json);
    this.formatting = inferJsonFormatting(json);
  }

  /** The node at `path` in the ORIGINAL text. */
  node(path: JsonPath): Node | undefined {
    return findNodeAtLocation(this.root, path);
  }

  /** The node at `path` in the text as changed so far. */
  nodeNow(path: JsonPath): Node | undefined {
    const root = parseTree(this.recorder.text);
    return root && findNodeAtLocation(root, path);
  }

  /** The text as changed so far (without the BOM). */
  get text(): string {
    return this.recorder.text;
  }

  /**
   * Sets `path` to `value` (undefined removes it) on the text as changed so far. A new property goes
   * right after `after` when given; `insert` inserts into an array at the path's index.
   */
  set(path: JsonPath, value: unknown, options: { after?: string; insert?: boolean } = {}): void {
    const after = options.after;
    this.recorder.apply(modify(this.recorder.text, path, value, {
      formattingOptions: this.formatting,
      isArrayInsertion: options.insert === true,
      getInsertionIndex: after ? (keys) => { const i = keys.indexOf(after); return i < 0 ? keys.length : i + 1; } : undefined,
    }).map((e) => ({ start: e.offset, end: e.offset + e.length, newText: e.content })));
  }

  /** Replaces [start, end) of the text as changed so far. */
  replace(edit: TextEdit): void {
    this.recorder.apply([edit]);
  }

  /** The changes as minimal edits on the original text. */
  outcome(): EditOutcome {
    return { kind: 'ok', edits: this.recorder.edits().map((e) => ({ start: e.start + this.bom, end: e.end + this.bom, newText: e.newText })) };
  }
}

/** The plain value of a node (objects and arrays included). */
export function valueOf(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.type === 'array') return (node.children ?? []).map(valueOf);
  if (node.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const p of node.children ?? []) out[String(p.children?.[0]?.value)] = valueOf(p.children?.[1]);
    return out;
  }
  return node.value;
}
