import type { RegExpEngine, RegExpLike } from 'ajv/dist/types';
import { RE2JS } from 're2js';

/**
 * The largest compiled pattern run, in RE2 program instructions.
 *
 * Why: RE2 is linear in the input, but its cost per character grows with the program. Measured with
 * re2js 2.10 on a 2 MB string (the largest milestone file read): `a[\s\S]{1000}[\s\S]{1000}[\s\S]{500}[yz]`
 * (2,504 instructions) took 0.3 s, the same with `{1000}` thrice (3,004) took 35 s and with four
 * (4,004) 47 s: past about 2,500 instructions re2js's DFA gives up and its NFA runs. Real patterns
 * compile to a few dozen instructions; `^.{1,1000}$` is 2,003. 2,000 keeps every measured case
 * under half a second; a length limit belongs in `maxLength` anyway.
 */
export const MAX_PATTERN_PROGRAM_SIZE = 2_000;

/**
 * A pattern compiled for linear-time matching, or why it cannot be: `invalid` when it is not a
 * JavaScript regular expression at all, `unsupported` when it is one RE2 cannot run.
 */
export type LinearPattern =
  | { readonly kind: 'ok'; readonly regExp: RegExpLike }
  | { readonly kind: 'invalid' | 'unsupported'; readonly reason: string };

/**
 * Compiles a JSON Schema `pattern` (ECMA-262 syntax, as ajv reads it with the `u` flag) for RE2,
 * whose matching time is linear in the input: `^(a+)+$` against 32 `a`s and a `!` answers at once
 * where a backtracking engine never finishes. A pattern that is not valid JavaScript is `invalid`
 * (ajv's own check of the schema, `format: regex`, reports it before any pattern is compiled).
 *
 * Unsupported, with a reason for people: backreferences (`\1`, `\k<name>`) and lookaround
 * (`(?=`, `(?!`, `(?<=`, `(?<!`), which RE2 does not run (a backreference cannot be matched in
 * linear time at all); what RE2 itself refuses (a repeat count over 1000, `\p{Script=…}`); a
 * program over `MAX_PATTERN_PROGRAM_SIZE`. `\k<name>` is caught here because re2js's translation
 * of JavaScript syntax would silently read it as the letters `k<name>`.
 *
 * Known differences from JavaScript, left as they are (translating them would need a parser of
 * our own): `\s` is `[\t\n\f\r ]` only (JavaScript adds `\v` and the Unicode spaces), and `.`
 * matches `\r`, U+2028 and U+2029, which JavaScript's `.` does not. Never throws.
 */
export function compileLinearPattern(pattern: string, flags = ''): LinearPattern {
  try {
    new RegExp(pattern, flags.includes('u') ? 'u' : '');
  } catch (e) {
    return { kind: 'invalid', reason: `pattern ${JSON.stringify(pattern)} is not a valid regular expression (${e instanceof Error ? e.message : String(e)})` };
  }
  const construct = nonLinearConstruct(pattern);
  if (construct !== null) return { kind: 'unsupported', reason: `pattern ${JSON.stringify(pattern)} uses ${construct}, which Milestones cannot run in linear time` };
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(pattern), re2Flags(flags));
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
    return { kind: 'unsupported', reason: `pattern ${JSON.stringify(pattern)} cannot be run in linear time (${why})` };
  }
  const size = re.programSize();
  if (size > MAX_PATTERN_PROGRAM_SIZE) {
    return { kind: 'unsupported', reason: `pattern ${JSON.stringify(pattern)} is too large to run in linear time (${size.toLocaleString('en-US')} steps, over ${MAX_PATTERN_PROGRAM_SIZE.toLocaleString('en-US')}); use maxLength for long lengths` };
  }
  const shown = `/${pattern}/${flags}`;
  return { kind: 'ok', regExp: { test: (s: string) => re.test(s), toString: () => shown } as RegExpLike };
}

/**
 * ajv's `code.regExp`: every `pattern`, `patternProperties` and `propertyNames` pattern of a schema
 * compiled with it runs on RE2. An invalid or unsupported pattern throws (ajv then refuses the schema), so a
 * pattern is never run on a backtracking engine; workspace schemas have such patterns removed and
 * reported before they reach ajv (`prepareClosure`). ajv keys its cache of compiled patterns by
 * `toString()`: each pattern answers its own source and flags.
 */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string): RegExpLike => {
    const compiled = compileLinearPattern(pattern, flags);
    if (compiled.kind !== 'ok') throw new Error(compiled.reason);
    return compiled.regExp;
  },
  // Only read for standalone code, which Milestones never generates; says where the engine lives.
  { code: 'require("re2js").RE2JS' },
);

/** The first backreference or lookaround in `pattern` (outside character classes), in words; null if none. */
function nonLinearConstruct(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `a backreference (\\${/^\d+/.exec(pattern.slice(i + 1))![0]})`;
      if (!inClass && next === 'k' && pattern[i + 2] === '<') return `a backreference (\\k<${pattern.slice(i + 3).split('>')[0]}>)`;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && pattern[i + 1] === '?') {
      const kind = pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i) ? 'a lookahead'
        : pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i) ? 'a lookbehind' : null;
      if (kind !== null) return `${kind} (${pattern.slice(i, pattern[i + 2] === '<' ? i + 4 : i + 3)})`;
    }
  }
  return null;
}

function re2Flags(flags: string): number {
  return (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0) | (flags.includes('s') ? RE2JS.DOTALL : 0);
}
