import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { textKind } from '../../../src/core/text/textKind';

/** `textKind` as the hosts call it: the bytes and their UTF-8 decoding (BOM kept). */
function kindOf(bytes: Uint8Array): ReturnType<typeof textKind> {
  return textKind(bytes, bytes.length, new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

test('UTF-8 text, with a BOM or a U+FFFD written in it, is utf8', () => {
  assert.deepEqual(kindOf(utf8('# Title\n- [ ] é ✅\n')), { kind: 'utf8' });
  assert.deepEqual(kindOf(utf8('\ufeff---\nstatus: done\n---\n')), { kind: 'utf8' });
  assert.deepEqual(kindOf(utf8('a real \ufffd stays text\n')), { kind: 'utf8' });
  assert.deepEqual(kindOf(new Uint8Array(0)), { kind: 'utf8' });
});

test('a NUL in the first 8 KB is binary; one further on is not', () => {
  assert.deepEqual(kindOf(utf8('abc\u0000def')), { kind: 'binary' });
  assert.deepEqual(kindOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), { kind: 'binary' });
  assert.deepEqual(kindOf(utf8(`${'x'.repeat(9000)}\u0000`)), { kind: 'utf8' });
});

test('UTF-16 with a BOM, either byte order, or without one by its NUL pattern, is utf16 with its text', () => {
  const le = Buffer.from('\ufeff# Status\n- [ ] ship\n', 'utf16le');
  assert.deepEqual(kindOf(le), { kind: 'utf16', endian: 'le', text: '# Status\n- [ ] ship\n' });
  const be = Buffer.from(le).swap16();
  assert.deepEqual(kindOf(be), { kind: 'utf16', endian: 'be', text: '# Status\n- [ ] ship\n' });
  assert.deepEqual(kindOf(Buffer.from('# Status\n- [ ] ship\n', 'utf16le')), { kind: 'utf16', endian: 'le', text: '# Status\n- [ ] ship\n' });
});

test('invalid UTF-8 gives the byte offset, line and column of its first bad byte', () => {
  // `caf\xe9` is Latin-1: 0xE9 starts a three-byte sequence that "\n" breaks.
  const bytes = Buffer.concat([utf8('---\nstatus: ✅\n---\nline café '), Buffer.from([0x63, 0x61, 0x66, 0xe9]), utf8('\nmore\n')]);
  const offset = utf8('---\nstatus: ✅\n---\nline café caf').length;
  assert.deepEqual(kindOf(bytes), { kind: 'invalid-utf8', byteOffset: offset, line: 3, column: 13 });
  // After a U+FFFD written in the file, the first bad byte is still found.
  const after = Buffer.concat([utf8('\ufffd\n'), Buffer.from([0xc3, 0x28])]);
  assert.deepEqual(kindOf(after), { kind: 'invalid-utf8', byteOffset: 4, line: 1, column: 0 });
});

test('property: utf8 exactly when a strict decoder accepts the bytes and nothing says binary or UTF-16', () => {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // Mostly text, with now and then a byte that breaks UTF-8 (or a NUL).
  const chunk = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map(utf8) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 3 }) },
  );
  fc.assert(fc.property(fc.array(chunk, { maxLength: 8 }), (chunks) => {
    const bytes = Buffer.concat(chunks);
    const kind = kindOf(bytes);
    let valid = true;
    try { strict.decode(bytes); } catch { valid = false; }
    const sniffed = bytes.includes(0) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    if (sniffed) return kind.kind === 'binary' || kind.kind === 'utf16';
    if (valid) return kind.kind === 'utf8';
    if (kind.kind !== 'invalid-utf8') return false;
    // The bytes before the offset are valid UTF-8; at the offset a bad sequence starts, not a written U+FFFD;
    // line and column point at its U+FFFD in the text.
    strict.decode(bytes.subarray(0, kind.byteOffset));
    const at = kind.byteOffset;
    const rest = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(at));
    const written = bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd;
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).split('\n');
    return rest.startsWith('\ufffd') && !written && lines[kind.line]?.[kind.column] === '\ufffd';
  }), { numRuns: 500 });
});
