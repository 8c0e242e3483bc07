/**
 * The inline markdown of a short text (a schema's field description): code spans, strong and
 * emphasis, as spans a renderer turns into elements. Everything else is text, as written: no HTML
 * is ever produced or passed through, so `<img onerror=…>` stays the literal text it is. Pure; runs
 * in Node and in the webview.
 */

export interface InlineSpan {
  readonly kind: 'text' | 'code' | 'strong' | 'em';
  readonly text: string;
}

// A code span (any run of backticks, closed by the same run), then **strong** / __strong__, then
// *em* / _em_; a delimiter must hug its text, and `_` only counts at word boundaries.
const INLINE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|\*\*(?=\S)([\s\S]*?\S)\*\*|(?<![\p{L}\p{N}])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}])|\*(?=[^\s*])([\s\S]*?[^\s*])\*|(?<![\p{L}\p{N}])_(?=[^\s_])([\s\S]*?[^\s_])_(?![\p{L}\p{N}])/gu;

/** Backslash escapes of markdown punctuation read as the character (`\*` is `*`). */
function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Splits `text` into text, code, strong and emphasis spans (not nested: the inside of a span is
 * text). A code span's content is kept as written, one space of padding on both sides removed.
 */
export function inlineSpans(text: string): InlineSpan[] {
  const spans: InlineSpan[] = [];
  const push = (kind: InlineSpan['kind'], value: string): void => {
    if (value === '') return;
    const last = spans[spans.length - 1];
    if (kind === 'text' && last?.kind === 'text') spans[spans.length - 1] = { kind, text: last.text + value };
    else spans.push({ kind, text: value });
  };
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    const start = m.index;
    // An escaped delimiter (`\*not em*`) is text.
    if (start > 0 && text[start - 1] === '\\' && !(start > 1 && text[start - 2] === '\\')) continue;
    push('text', unescape(text.slice(at, start)));
    if (m[2] !== undefined) push('code', /^ .* $/s.test(m[2]) && m[2].trim() !== '' ? m[2].slice(1, -1) : m[2]);
    else if (m[3] !== undefined || m[4] !== undefined) push('strong', unescape(m[3] ?? m[4]!));
    else push('em', unescape(m[5] ?? m[6]!));
    at = start + m[0].length;
  }
  push('text', unescape(text.slice(at)));
  return spans;
}
