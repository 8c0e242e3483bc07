import { lineRange, type Range } from '../problems';
import type { LineIndex } from '../text/lineIndex';
import type { DataPath, ProblemLocator } from './problemLocator';

/**
 * Places problems in a TOML header by a line scan (no TOML parser reports positions): the line of
 * the top-level `key =` the path starts with, else the opening `+++` line. TOML headers are rare.
 */
export class TomlLocator implements ProblemLocator {
  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly openLine: number,
    private readonly closeLine: number,
  ) {}

  value(path: DataPath): Range {
    return this.lineOfKey(path);
  }

  key(path: DataPath): Range {
    return this.lineOfKey(path);
  }

  object(path: DataPath): Range {
    return path.length === 0 ? lineRange(this.openLine, this.text, this.index) : this.lineOfKey(path);
  }

  private lineOfKey(path: DataPath): Range {
    const key = path.length > 0 ? String(path[0]) : null;
    if (key !== null) {
      for (let line = this.openLine + 1; line < this.closeLine; line++) {
        const m = /^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=/.exec(this.index.lineText(line));
        if (m !== null && (m[1] ?? m[2] ?? m[3]) === key) return lineRange(line, this.text, this.index);
      }
    }
    return lineRange(this.openLine, this.text, this.index);
  }
}
