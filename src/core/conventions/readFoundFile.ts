import type { ConventionId, FileReading, ReadNote } from '../model';
import { byteSize } from '../text/byteSize';
import type { TextKind } from '../text/textKind';
import { classifyPath, readMilestoneFile } from './readMilestoneFile';

/** What a host found at a path it listed: the file's text (UTF-8 decoded) and its `textKind`, or why it has none. */
export type FoundFile =
  | { readonly kind: 'text'; readonly text: string; readonly textKind: TextKind }
  | { readonly kind: 'too-large'; readonly size: number; readonly limit: number }
  /** `reason`: one short clause, e.g. `EACCES: permission denied`, `a symbolic link to a missing file`. */
  | { readonly kind: 'unreadable'; readonly reason: string };

/** A file's reading and the text it was read from; `text` is null when the file was not read (the reading is only its note). */
export interface FoundReading {
  readonly reading: FileReading;
  readonly text: string | null;
}

/** How a person raises the size limit where this runs, given the file's size: ends the too-large message. */
export type RaiseLimit = (size: number) => string;

/**
 * The one rule for files a host found but could not simply read as UTF-8 text, shared by the
 * command line's scan and the extension's index: reads `found` into a reading, or null when `file`
 * is no milestone file.
 *
 * - Valid UTF-8: read as always.
 * - Invalid UTF-8: read (the bad bytes are U+FFFD), with a `file-invalid-utf8` warning on the first
 *   bad byte: the file is checked, but what those bytes said is lost.
 * - Binary, UTF-16, too large, unreadable: not read; the reading has no milestone and one error note
 *   on line 1 (`file-binary`, `file-utf16`, `file-too-large`, `file-unreadable`). An error because
 *   the file was not checked at all: `validate` must not pass it silently.
 *
 * Which files get those problems: every path whose name gives its convention (`classifyPath` returns
 * a ConventionId). Any other markdown file is a milestone file only when its content says so; when
 * there is no content to ask (binary, too large, unreadable) nothing says so, and a workspace holds
 * many such files that were never meant as milestones (vendored docs, a huge CHANGELOG.md, an image
 * saved as `.md`): a problem on each would flood the Problems panel. So those are skipped as before,
 * and only reported when their content can still be asked: UTF-16 text is decoded to ask it, and
 * invalid UTF-8 is read anyway.
 */
export function readFoundFile(file: string, found: FoundFile, raiseLimit: RaiseLimit): FoundReading | null {
  const kind = classifyPath(file);
  if (kind === null) return null;
  if (found.kind === 'text') {
    const tk = found.textKind;
    if (tk.kind === 'utf8' || tk.kind === 'invalid-utf8') {
      const reading = readMilestoneFile(file, found.text);
      if (reading === null) return null;
      if (tk.kind === 'utf8') return { reading, text: found.text };
      const note: ReadNote = {
        severity: 'warning', code: 'file-invalid-utf8', line: tk.line, column: tk.column,
        message: `this file is not valid UTF-8 (first at byte ${tk.byteOffset}): such bytes read as "\ufffd"; save the file as UTF-8`,
      };
      return { reading: { ...reading, notes: [...reading.notes, note] }, text: found.text };
    }
    if (tk.kind === 'binary') {
      return kind === 'markdown' ? null : notRead(file, kind, 'file-binary', 'not read: this looks like a binary file (a NUL byte near its start), so it is not checked');
    }
    const convention = kind === 'markdown' ? sniffUtf16(file, tk.text) : kind;
    if (convention === null) return null;
    return notRead(file, convention, 'file-utf16', `not read: this file is UTF-16 (${tk.endian === 'le' ? 'little' : 'big'}-endian) text, so it is not checked; save it as UTF-8`);
  }
  if (kind === 'markdown') return null;
  if (found.kind === 'too-large') {
    // "2 MB is over the 2 MB limit" says nothing: in bytes then.
    const close = byteSize(found.size) === byteSize(found.limit);
    const size = close ? `${found.size} bytes` : byteSize(found.size);
    const limit = close ? `${found.limit}-byte` : byteSize(found.limit);
    return notRead(file, kind, 'file-too-large', `not read: ${size} is over the ${limit} limit (milestones.maxFileSize), so this file is not checked; ${raiseLimit(found.size)}`);
  }
  return notRead(file, kind, 'file-unreadable', `could not be read (${found.reason}), so this file is not checked`);
}

/**
 * An I/O error as the reason in a `file-unreadable` message, the same from either host:
 * `EACCES: permission denied` (Node's message without the path it names: the problem is on that
 * file already), else the error's message.
 */
export function errorReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const message = error.message.replace(/, \w+ '.*'$/s, '');
  return typeof code !== 'string' || message.startsWith(code) ? message : `${code}: ${message}`;
}

/** A reading of a file that was not read: no milestone, one error note on line 1. */
function notRead(file: string, convention: ConventionId, code: string, message: string): FoundReading {
  return { reading: { file, convention, milestones: [], notes: [{ severity: 'error', code, message, line: 0 }] }, text: null };
}

/** The convention a UTF-16 markdown file's content says it has (status-md sniffing), or null. */
function sniffUtf16(file: string, text: string): ConventionId | null {
  return readMilestoneFile(file, text)?.convention ?? null;
}
