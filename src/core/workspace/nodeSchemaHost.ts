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
 * open until a writer came, and one that became a device would be read without end. The buffer
 * starts at the file's size (not at the bound: a 1 MB buffer for each 2 KB file made the server's
 * reads of thousands of files spend most of their time allocating and collecting) and grows while
 * the file does, up to the bound.
 */
function readBounded(absolutePath: string, maxBytes: number): SchemaHostRead {
  let fd: number | undefined;
  try {
    fd = openSync(absolutePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'unreadable' };
    const cap = maxBytes + 1;
    if (stats.size >= cap) return { kind: 'too-large' };
    // One byte more than the size: a read that fills it means the file grew since.
    let buffer = Buffer.allocUnsafe(Math.min(cap, stats.size + 1));
    let n = 0;
    for (;;) {
      const got = readSync(fd, buffer, n, buffer.length - n, null);
      if (got === 0) break;
      n += got;
      if (n < buffer.length) continue;
      if (buffer.length >= cap) break;
      const larger = Buffer.allocUnsafe(Math.min(cap, buffer.length * 2));
      buffer.copy(larger, 0, 0, n);
      buffer = larger;
    }
    return n > maxBytes ? { kind: 'too-large' } : { kind: 'text', text: buffer.toString('utf8', 0, n) };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
