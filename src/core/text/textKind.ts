import { lineOfOffset } from './lineIndex';

/**
 * What the bytes of a file hold, judged before they are read as a milestone file: UTF-8 text,
 * UTF-8 with bytes that are not UTF-8, UTF-16 text, or binary data.
 */
export type TextKind =
  | { readonly kind: 'utf8' }
  /** A NUL among the first 8,192 bytes, without the pattern of UTF-16 (git's test for binary). */
  | { readonly kind: 'binary' }
  /** `text`: the bytes decoded as UTF-16 (BOM dropped), for a caller that wants to know what the file says. */
  | { readonly kind: 'utf16'; readonly endian: 'le' | 'be'; readonly text: string }
  /** The first byte that is not UTF-8: its byte offset, and where its U+FFFD stands in the text (0-based). */
  | { readonly kind: 'invalid-utf8'; readonly byteOffset: number; readonly line: number; readonly column: number };

const UTF8: TextKind = { kind: 'utf8' };
/** How far a NUL makes a file binary, as git's `buffer_is_binary` looks (8,000 bytes there). */
const SNIFF = 8192;

/**
 * The kind of `bytes[0, length)`, given `text`, their UTF-8 decoding as every reader here makes it
 * (BOM kept, invalid bytes as U+FFFD). `bytes` may run on past `length` (a reused buffer): a 0 at
 * `bytes[length]` keeps the NUL search from reading on.
 *
 * Cheap on the index's hot path (measured on the bench workspace, 6 KB a file, against ~25 µs to
 * read one): two bytes for a UTF-16 BOM, a NUL search of the bytes (a Node Buffer's `indexOf` is
 * `memchr`, ~0.3 µs) and a U+FFFD search of the text (~0.2 µs). Not a NUL search of the text: in a
 * string with a character past U+00FF, V8's search for U+0000 stops at the high byte of every ASCII
 * character (1.8 µs on average, 4–5 µs for such files). The bytes are walked only when one turns up.
 */
export function textKind(bytes: Uint8Array, length: number, text: string): TextKind {
  if (length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return utf16(bytes, length, bytes[0] === 0xff ? 'le' : 'be');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1 && nul < Math.min(length, SNIFF)) {
    const endian = utf16Pattern(bytes, Math.min(length, SNIFF));
    return endian === null ? { kind: 'binary' } : utf16(bytes, length, endian);
  }
  return text.indexOf('\ufffd') === -1 ? UTF8 : invalidUtf8(bytes, length, text);
}

function utf16(bytes: Uint8Array, length: number, endian: 'le' | 'be'): TextKind {
  return { kind: 'utf16', endian, text: new TextDecoder(endian === 'le' ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(0, length)) };
}

/**
 * UTF-16 without a BOM: mostly ASCII text has a NUL in every other byte (the high byte of each code
 * unit) and almost none in between. Binary data has NULs in both places; null then.
 */
function utf16Pattern(bytes: Uint8Array, end: number): 'le' | 'be' | null {
  const pairs = end >> 1;
  if (pairs === 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < end; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (odd >= pairs / 2 && even <= pairs / 20) return 'le';
  if (even >= pairs / 2 && odd <= pairs / 20) return 'be';
  return null;
}

/**
 * The first U+FFFD of `text` that the bytes do not spell (a U+FFFD written in the file is EF BF BD
 * and is text). The decoding before it is exact, so its UTF-8 length is the byte offset: no UTF-8
 * validator of our own to keep in step with the decoder.
 */
function invalidUtf8(bytes: Uint8Array, length: number, text: string): TextKind {
  const encoder = new TextEncoder();
  let byteOffset = 0;
  let from = 0;
  for (let at = text.indexOf('\ufffd'); at !== -1; at = text.indexOf('\ufffd', at + 1)) {
    byteOffset += encoder.encode(text.slice(from, at)).length;
    from = at;
    if (!(byteOffset + 2 < length && bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd)) {
      return { kind: 'invalid-utf8', byteOffset, line: lineOfOffset(text, at), column: at - (text.lastIndexOf('\n', at) + 1) };
    }
  }
  return UTF8;
}
