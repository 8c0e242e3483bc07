/** Reading the files of the server's folders (from disk, or the web's mirror). */
import { serverPlatform } from './serverPlatform';

/**
 * The UTF-8 text of a regular file up to `maxBytes`; null when it is gone, larger, or no regular
 * file (read as schema files are: a FIFO or device is never waited on).
 */
export function readBounded(abs: string, maxBytes: number): string | null {
  const read = serverPlatform().schemaHost.readText(abs, maxBytes);
  return read.kind === 'text' ? read.text : null;
}
