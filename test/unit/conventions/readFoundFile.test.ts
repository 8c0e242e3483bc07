import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorReason, readFoundFile, type FoundFile } from '../../../src/core/conventions/readFoundFile';
import { textKind } from '../../../src/core/text/textKind';

const KB = 'docs/milestones.kb/020-x.md';
const PLAIN = 'docs/guide.md';
const STATUS_TEXT = '# Plan\n\n## Milestone 1: Ship\n\n- [ ] build\n- [x] design\n';
const raise = (size: number): string => `raise it to ${size}`;

/** A file found with these bytes, as both hosts hand it over. */
function found(bytes: Uint8Array): FoundFile {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { kind: 'text', text, textKind: textKind(bytes, bytes.length, text) };
}
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The one note of a file that was not read. */
function noteOf(file: string, f: FoundFile): { code: string; severity: string; message: string; line: number } {
  const read = readFoundFile(file, f, raise);
  assert.ok(read, `${file} was dropped`);
  assert.equal(read.text, null, 'a file that was not read hands no text on');
  assert.deepEqual(read.reading.milestones, []);
  assert.equal(read.reading.notes.length, 1);
  const [note] = read.reading.notes;
  return { code: note!.code, severity: note!.severity, message: note!.message, line: note!.line };
}

test('a binary, UTF-16, too large or unreadable file at a convention path is an error note on line 1, not read', () => {
  assert.deepEqual(noteOf(KB, found(utf8('abc\u0000def'))), { code: 'file-binary', severity: 'error', line: 0, message: 'not read: this looks like a binary file (a NUL byte near its start), so it is not checked' });
  const utf16 = noteOf(KB, found(Buffer.from('\ufeff---\nstatus: planned\n---\n', 'utf16le')));
  assert.equal(utf16.code, 'file-utf16');
  assert.match(utf16.message, /UTF-16 \(little-endian\).*save it as UTF-8/);
  const large = noteOf(KB, { kind: 'too-large', size: 3 * 1048576 + 1, limit: 2 * 1048576 });
  assert.equal(large.code, 'file-too-large');
  assert.equal(large.message, 'not read: 3 MB is over the 2 MB limit (milestones.maxFileSize), so this file is not checked; raise it to 3145729');
  assert.deepEqual(noteOf('SESSIONS/MILESTONES/x.json', { kind: 'unreadable', reason: 'EACCES: permission denied' }),
    { code: 'file-unreadable', severity: 'error', line: 0, message: 'could not be read (EACCES: permission denied), so this file is not checked' });
});

test('a markdown file elsewhere is skipped when nothing can say it is a milestone file', () => {
  assert.equal(readFoundFile(PLAIN, found(utf8('abc\u0000def')), raise), null);
  assert.equal(readFoundFile(PLAIN, { kind: 'too-large', size: 5e6, limit: 2e6 }, raise), null);
  assert.equal(readFoundFile(PLAIN, { kind: 'unreadable', reason: 'EIO: i/o error' }, raise), null);
  assert.equal(readFoundFile(PLAIN, found(Buffer.from('\ufeff# Just a guide\n\nProse.\n', 'utf16le')), raise), null);
  assert.equal(readFoundFile('src/main.ts', found(utf8('abc\u0000')), raise), null, 'no milestone path at all');
});

test('a UTF-16 markdown file elsewhere whose content is a milestone file is reported', () => {
  const note = noteOf(PLAIN, found(Buffer.from(`\ufeff${STATUS_TEXT}`, 'utf16le')));
  assert.equal(note.code, 'file-utf16');
  assert.equal(readFoundFile(PLAIN, found(Buffer.from(`\ufeff${STATUS_TEXT}`, 'utf16le')), raise)!.reading.convention, 'status-md');
});

test('invalid UTF-8 is read, with a warning on the first bad byte', () => {
  const bytes = Buffer.concat([utf8('# Plan\n\n## Milestone 1: Ship\n\n- [ ] build caf'), Buffer.from([0xe9]), utf8('\n- [x] design\n')]);
  const read = readFoundFile(PLAIN, found(bytes), raise);
  assert.ok(read);
  assert.ok(read.text?.includes('caf\ufffd'));
  assert.equal(read.reading.milestones.length, 1);
  assert.equal(read.reading.milestones[0]!.steps.length, 2);
  const note = read.reading.notes.find((n) => n.code === 'file-invalid-utf8');
  assert.deepEqual(note && { severity: note.severity, line: note.line, column: note.column }, { severity: 'warning', line: 4, column: 15 });
  assert.match(note!.message, /not valid UTF-8 \(first at byte \d+\).*save the file as UTF-8/);
  assert.equal(readFoundFile(PLAIN, found(Buffer.concat([utf8('# Notes\n'), Buffer.from([0xff])])), raise), null, 'still no milestone file');
});

test('an I/O error reads without the path it names', () => {
  const error = Object.assign(new Error("EACCES: permission denied, open '/w/docs/a.md'"), { code: 'EACCES' });
  assert.equal(errorReason(error), 'EACCES: permission denied');
  assert.equal(errorReason(Object.assign(new Error('no access'), { code: 'NoPermissions' })), 'NoPermissions: no access');
  assert.equal(errorReason('odd'), 'odd');
});
