import type { SchemaHost } from '../../../src/core/schema/schemaTypes';

/** A schema host over in-memory files (absolute paths), counting reads. */
export class MemoryHost implements SchemaHost {
  readonly files = new Map<string, string>();
  reads = 0;

  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.files.set(p, t);
  }

  readText(absolutePath: string): string | null {
    this.reads++;
    return this.files.get(absolutePath) ?? null;
  }
}
