import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import type { SchemaHost, SchemaHostRead } from '../schema/schemaTypes';

/**
 * Schema files on disk (node:fs), for the command line and, behind open editors, the extension.
 * It only reports and reads: `readSchemaFile` decides what may be read.
 */
export const nodeSchemaHost: SchemaHost = {
  stat(absolutePath) {
    try {
      const stats = statSync(absolutePath);
      return { regular: stats.isFile(), size: stats.size, realPath: realpathSync.native(absolutePath) };
    } catch {
      return null;
    }
  },
  readText: readBounded,
};

/**
 * Reads at most `maxBytes + 1` bytes of a regular file as UTF-8. The file is opened non-blocking
 * and checked again once open: a path that became a FIFO after `stat` would otherwise block the
 * open until a writer came, and one that became a device would be read without end.
 */
function readBounded(absolutePath: string, maxBytes: number): SchemaHostRead {
  let fd: number | undefined;
  try {
    fd = openSync(absolutePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return { kind: 'unreadable' };
    const cap = maxBytes + 1;
    const buffer = Buffer.allocUnsafe(cap);
    let n = 0;
    while (n < cap) {
      const got = readSync(fd, buffer, n, cap - n, null);
      if (got === 0) break;
      n += got;
    }
    return n > maxBytes ? { kind: 'too-large' } : { kind: 'text', text: buffer.toString('utf8', 0, n) };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
