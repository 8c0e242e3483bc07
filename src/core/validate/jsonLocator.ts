import { parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import { editorPosition, lineRange, type Range } from '../problems';
import type { LineIndex } from '../text/lineIndex';
import type { DataPath, ProblemLocator } from './problemLocator';

interface Found {
  readonly node: JsonNode | undefined;
  /** The `property` node the value stands in, if any. */
  readonly property: JsonNode | undefined;
  readonly complete: boolean;
}

/**
 * Places problems in a JSON file with jsonc-parser's tree (~130 µs for 8 KB), built on the first
 * question only.
 */
export class JsonLocator implements ProblemLocator {
  private root: JsonNode | undefined | null = null;
  private readonly bom: number;

  constructor(private readonly text: string, private readonly index: LineIndex) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  value(path: DataPath): Range {
    const f = this.find(path);
    const n = f.node;
    if (f.complete && n !== undefined) {
      const scalar = n.type !== 'object' && n.type !== 'array';
      if (scalar || this.oneLine(n.offset, n.offset + n.length)) return this.range(n.offset, n.offset + n.length);
    }
    if (f.property?.children?.[0] !== undefined) return this.nodeRange(f.property.children[0]);
    return this.braceLine(n);
  }

  key(path: DataPath): Range {
    const f = this.find(path);
    const k = f.property?.children?.[0];
    return f.complete && k !== undefined ? this.nodeRange(k) : this.value(path);
  }

  object(path: DataPath): Range {
    const f = this.find(path);
    const k = f.property?.children?.[0];
    if (path.length > 0 && f.complete && k !== undefined) return this.nodeRange(k);
    return this.braceLine(f.complete ? f.node : undefined);
  }

  private find(path: DataPath): Found {
    if (this.root === null) this.root = parseTree(this.bom ? this.text.slice(1) : this.text);
    let node = this.root;
    let property: JsonNode | undefined;
    for (const seg of path) {
      if (node?.type === 'object') {
        const p = lastProperty(node, String(seg));
        if (p === undefined) return { node, property, complete: false };
        property = p;
        node = p.children?.[1];
      } else if (node?.type === 'array') {
        const item = node.children?.[Number(seg)];
        if (item === undefined) return { node, property, complete: false };
        property = undefined;
        node = item;
      } else {
        return { node, property, complete: false };
      }
    }
    return { node, property, complete: true };
  }

  /** From the node's `{` / `[` to the end of its line (the whole first line without a node). */
  private braceLine(node: JsonNode | undefined): Range {
    if (node === undefined) return lineRange(0, this.text, this.index);
    const start = node.offset + this.bom;
    return { start: editorPosition(this.text, this.index, start), end: editorPosition(this.text, this.index, this.index.lineEnd(this.index.lineAt(start))) };
  }

  private oneLine(start: number, end: number): boolean {
    return this.index.lineAt(start + this.bom) === this.index.lineAt(end + this.bom);
  }

  private nodeRange(n: JsonNode): Range {
    return this.range(n.offset, n.offset + n.length);
  }

  /** Offsets into the text without its BOM. */
  private range(start: number, end: number): Range {
    return { start: editorPosition(this.text, this.index, start + this.bom), end: editorPosition(this.text, this.index, end + this.bom) };
  }
}

/** The property `key` of an object node that counts: the last one, as JSON.parse reads a key written twice (jsonDuplicateKeys). */
function lastProperty(object: JsonNode, key: string): JsonNode | undefined {
  const props = object.children ?? [];
  for (let i = props.length - 1; i >= 0; i--) if (props[i]!.children?.[0]?.value === key) return props[i];
  return undefined;
}
