import type { SchemaFileFacts, SchemaHost, SchemaHostRead } from '../../../src/core/schema/schemaTypes';

/** A schema host over in-memory files (absolute paths), counting reads. */
export class MemoryHost implements SchemaHost {
  readonly files = new Map<string, string>();
  reads = 0;

  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.files.set(p, t);
  }

  /** Every file held is a regular file at its own real path. */
  stat(absolutePath: string): SchemaFileFacts | null {
    const text = this.files.get(absolutePath);
    return text === undefined ? null : { regular: true, size: Buffer.byteLength(text), realPath: absolutePath };
  }

  readText(absolutePath: string, maxBytes: number): SchemaHostRead {
    this.reads++;
    const text = this.files.get(absolutePath);
    if (text === undefined) return { kind: 'unreadable' };
    return Buffer.byteLength(text) > maxBytes ? { kind: 'too-large' } : { kind: 'text', text };
  }
}
