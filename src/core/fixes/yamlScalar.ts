/**
 * Reading and writing one YAML scalar token in place: where it starts and ends on its line, how it
 * is quoted, what it says, and how a new value is written so that it reads back as intended while
 * looking like the old one. Line scans only (no YAML parse), for the simple headers milestones use.
 */

export type QuoteStyle = '"' | "'" | '';

/** A scalar as written: [start, end) covers the quotes; `value` is what it says. */
export interface ScalarToken {
  readonly start: number;
  readonly end: number;
  readonly quote: QuoteStyle;
  readonly value: string;
}

/**
 * Reads the scalar at `p` of `text`, whose line content ends at `end`. In a flow list (`inFlow`) a
 * plain scalar stops at `,` or `]`. Null when there is none (empty value, block scalar, flow
 * collection, anchor …) or a quoted one is not closed on the line.
 */
export function readScalar(text: string, p: number, end: number, inFlow = false): ScalarToken | null {
  const c = text[p];
  if (p >= end || c === undefined) return null;
  if (c === "'") {
    for (let i = p + 1; i < end; i++) {
      if (text[i] !== "'") continue;
      if (text[i + 1] === "'" && i + 1 < end) { i++; continue; }
      return { start: p, end: i + 1, quote: "'", value: text.slice(p + 1, i).replace(/''/g, "'") };
    }
    return null;
  }
  if (c === '"') {
    for (let i = p + 1; i < end; i++) {
      if (text[i] === '\\') { i++; continue; }
      if (text[i] !== '"') continue;
      const raw = text.slice(p, i + 1);
      let value: string;
      try { value = JSON.parse(raw) as string; } catch { value = raw.slice(1, -1); }
      return { start: p, end: i + 1, quote: '"', value };
    }
    return null;
  }
  if ('[]{}|>&*!#,'.includes(c)) return null;
  let q = p;
  while (q < end) {
    const ch = text[q]!;
    if (ch === '#' && (text[q - 1] === ' ' || text[q - 1] === '\t')) break;
    if (inFlow && (ch === ',' || ch === ']')) break;
    q++;
  }
  while (q > p && (text[q - 1] === ' ' || text[q - 1] === '\t')) q--;
  return q > p ? { start: p, end: q, quote: '', value: text.slice(p, q) } : null;
}

/** True when YAML reads the plain scalar `s` as something other than a string (number, boolean, null). */
export function looksTyped(s: string): boolean {
  return /^(?:true|false|True|False|TRUE|FALSE|null|Null|NULL|~|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(s)
    || /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(s)
    || /^0x[0-9a-fA-F]+$|^0o[0-7]+$/.test(s);
}

/** True when `s` cannot be written as a plain scalar without changing what it says or breaking the line. */
export function plainNeedsQuotes(s: string, inFlow = false): boolean {
  if (s === '' || s !== s.trim() || /[\x00-\x1f]/.test(s)) return true;
  if (/^[,[\]{}#&*!|>'"%@`]/.test(s) || /^[-?:](?:\s|$)/.test(s)) return true;
  if (/:(?:\s|$)|\s#/.test(s)) return true;
  return inFlow && /[,[\]{}]/.test(s);
}

/**
 * Writes `value` in the style of the token it replaces: inside the same quotes when it was quoted,
 * bare when it was bare and can stay bare. A bare token keeps its kind: a bare word replaced by
 * `true` or `3` is quoted so it stays a string (unless `asString` is false: the caller means the typed value).
 */
export function writeScalar(value: string, style: QuoteStyle, old: string | null, inFlow = false, asString?: boolean): string {
  if (style === "'") return `'${value.replace(/'/g, "''")}'`;
  if (style === '"') return JSON.stringify(value);
  const keepString = asString ?? (old !== null && !looksTyped(old));
  if (plainNeedsQuotes(value, inFlow) || (keepString && looksTyped(value))) return JSON.stringify(value);
  return value;
}

/** The value a piece of YAML text says, and whether it was quoted (`"60"` means the string, `60` the number). */
export function decodeYamlText(text: string): { readonly value: string; readonly quoted: boolean } {
  const t = text.trim();
  const token = t.length > 1 && (t[0] === '"' || t[0] === "'") ? readScalar(t, 0, t.length) : null;
  if (token && token.end === t.length) return { value: token.value, quoted: true };
  return { value: t, quoted: false };
}
