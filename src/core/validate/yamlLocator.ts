import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { editorPosition, lineRange, type Range } from '../problems';
import type { LineIndex } from '../text/lineIndex';
import type { DataPath, ProblemLocator } from './problemLocator';

interface Found {
  readonly node: Node | null;
  readonly pair: Pair | null;
  /** False when the path leads further than the document goes. */
  readonly complete: boolean;
}

/**
 * Places problems in a YAML header: `content` spans [contentStart, contentEnd) of `text`, opened
 * on `openLine`. Parses with `yaml` (positions, ~200 µs) on the first question only, and keeps
 * nothing after the locator is dropped.
 */
export class YamlLocator implements ProblemLocator {
  private doc: Document | undefined;

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly contentStart: number,
    private readonly contentEnd: number,
    private readonly openLine: number,
  ) {}

  value(path: DataPath): Range {
    const f = this.find(path);
    const node = f.node;
    if (f.complete && node?.range) {
      const [s, e] = node.range;
      if (isScalar(node) && e > s) return this.range(s, e);
      if (!isScalar(node) && (node as { flow?: boolean }).flow === true && e > s) {
        // A flow list or mapping on one line (`tags: [a, b]`) is shown whole; a block one by its key.
        const absStart = this.contentStart + s;
        const absEnd = trimEnd(this.text, this.contentStart + e);
        if (absEnd > absStart && this.index.lineAt(absStart) === this.index.lineAt(absEnd - 1)) {
          return this.range(s, absEnd - this.contentStart);
        }
      }
    }
    if (f.pair !== null) return this.keyRange(f.pair, f.node);
    return this.lineOf(node);
  }

  key(path: DataPath): Range {
    const f = this.find(path);
    return f.complete && f.pair !== null ? this.keyRange(f.pair, f.node) : this.value(path);
  }

  object(path: DataPath): Range {
    if (path.length === 0) return lineRange(this.openLine, this.text, this.index);
    const f = this.find(path);
    if (f.complete && f.pair !== null) return this.keyRange(f.pair, f.node);
    return this.lineOf(f.node);
  }

  private find(path: DataPath): Found {
    // uniqueKeys: false — `yaml` checks each key against every earlier one (O(n²)): a 1.4 MB header
    // of 50,000 keys took 30 s here. js-yaml already refused duplicate keys when the data was read;
    // this parse is only for positions.
    this.doc ??= parseDocument(this.text.slice(this.contentStart, this.contentEnd), { uniqueKeys: false });
    let node = this.doc.contents;
    let pair: Pair | null = null;
    for (const seg of path) {
      if (isMap(node)) {
        const p = node.items.find((it) => (isScalar(it.key) ? String(it.key.value) : String(it.key)) === String(seg));
        if (p === undefined) return { node, pair, complete: false };
        pair = p;
        node = (p.value ?? null) as Node | null;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)];
        if (item === undefined) return { node, pair, complete: false };
        pair = null;
        node = item as Node;
      } else {
        return { node, pair, complete: false };
      }
    }
    return { node, pair, complete: true };
  }

  private keyRange(pair: Pair, value: Node | null): Range {
    const k = pair.key as Node | null;
    if (k?.range) return this.range(k.range[0], k.range[1]);
    return this.lineOf(value);
  }

  /** The whole line a node starts on (the root's opening line when there is no node). */
  private lineOf(node: Node | null): Range {
    if (!node?.range) return lineRange(this.openLine, this.text, this.index);
    return lineRange(this.index.lineAt(this.contentStart + node.range[0]), this.text, this.index);
  }

  private range(start: number, end: number): Range {
    return {
      start: editorPosition(this.text, this.index, this.contentStart + start),
      end: editorPosition(this.text, this.index, this.contentStart + end),
    };
  }
}

/** `end` moved back over trailing whitespace and line breaks. */
function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}
