import { test } from 'node:test';
import assert from 'node:assert/strict';
import execplan from '../../../schemas/execplan-milestone.schema.json';
import kb from '../../../schemas/kb-milestone.schema.json';
import session from '../../../schemas/session-milestone.schema.json';
import { compileLinearPattern, linearRegExp, MAX_PATTERN_PROGRAM_SIZE } from '../../../src/core/schema/linearRegExp';
import { createAjv } from '../../../src/core/schema/schemaAjv';

/** The pattern compiled, or a failed assertion with the reason. */
function run(pattern: string): { test(s: string): boolean } {
  const compiled = compileLinearPattern(pattern, 'u');
  assert.equal(compiled.kind, 'ok', compiled.kind === 'ok' ? '' : compiled.reason);
  return (compiled as { regExp: { test(s: string): boolean } }).regExp;
}

function reasonOf(pattern: string): string {
  const compiled = compileLinearPattern(pattern, 'u');
  assert.notEqual(compiled.kind, 'ok', `${pattern} compiled`);
  return (compiled as { reason: string }).reason;
}

test('a pattern that backtracks for ever in JavaScript answers at once, and correctly', () => {
  const redos = run('^(a+)+$');
  const started = Date.now();
  assert.equal(redos.test(`${'a'.repeat(32)}!`), false);
  assert.equal(redos.test('a'.repeat(100_000) + '!'), false);
  assert.equal(redos.test('a'.repeat(100_000)), true);
  // A hang detector, not a speed test: JavaScript's engine needs hours for the first input alone.
  assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
});

test('JavaScript pattern syntax runs the same on the linear engine', () => {
  assert.equal(run('^\\d{3}$').test('010'), true);
  assert.equal(run('^\\d{3}$').test('10'), false);
  assert.equal(run('^caf\\u00e9$').test('café'), true);
  assert.equal(run('^(?<year>\\d{4})-\\d{2}$').test('2026-05'), true);
  assert.equal(run('^a/b$').test('a/b'), true);
  assert.equal(run('^\\p{Lu}').test('Élan'), true);
  assert.equal(run('^.$').test('😀'), true, 'one code point, as with the u flag');
  assert.equal(run('[^]').test('x'), true);
  assert.equal(run('').test('anything'), true);
  assert.equal(run('^@').test('x@y'), false, 'anchored at the start');
  assert.equal(run('b').test('abc'), true, 'unanchored, like RegExp#test');
});

test('backreferences and lookaround are unsupported, with the construct named', () => {
  assert.equal(reasonOf('(a)\\1'), 'pattern "(a)\\\\1" uses a backreference (\\1), which Milestones cannot run in linear time');
  assert.match(reasonOf('(?<x>a)\\k<x>'), /uses a backreference \(\\k<x>\)/);
  assert.match(reasonOf('a(?=b)'), /uses a lookahead \(\(\?=\)/);
  assert.match(reasonOf('a(?!b)'), /uses a lookahead \(\(\?!\)/);
  assert.match(reasonOf('(?<=a)b'), /uses a lookbehind \(\(\?<=\)/);
  assert.match(reasonOf('(?<!a)b'), /uses a lookbehind \(\(\?<!\)/);
  assert.equal(run('[(?=]').test('('), true, 'inside a character class it is plain characters');
});

test('what RE2 refuses is unsupported with its reason; a pattern too large to run fast is too', () => {
  assert.match(reasonOf('a{1001}'), /^pattern "a\{1001\}" cannot be run in linear time \(invalid repeat count/);
  const big = '[\\s\\S]{1000}[\\s\\S]{1000}[\\s\\S]{1000}x';
  assert.match(reasonOf(big), new RegExp(`too large to run in linear time \\([\\d,]+ steps, over ${MAX_PATTERN_PROGRAM_SIZE.toLocaleString('en-US')}\\)`));
});

test('a pattern that is not a JavaScript regular expression is invalid, not unsupported', () => {
  const compiled = compileLinearPattern('(unclosed', 'u');
  assert.equal(compiled.kind, 'invalid');
});

test('as ajv\'s engine, each pattern keeps its own matcher and an unsupported one throws', () => {
  const ajv = createAjv('07');
  const validate = ajv.compile({ type: 'object', properties: { a: { pattern: '^a+$' }, b: { pattern: '^b+$' } }, patternProperties: { '^x-': { type: 'integer' } }, propertyNames: { pattern: '^[abx0-9-]+$' } });
  assert.equal(validate({ a: 'aaa', b: 'bbb', 'x-1': 1 }), true);
  assert.equal(validate({ a: 'bbb' }), false);
  assert.equal(validate({ 'x-1': 'one' }), false);
  assert.equal(validate({ zzz: 1 }), false);
  assert.throws(() => linearRegExp('(a)\\1', 'u'), /backreference/);
  assert.throws(() => createAjv('07').compile({ pattern: '(?=a)' }), /lookahead/);
});

test('every pattern of the built-in schemas runs on the linear engine', () => {
  const patterns: string[] = [];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v) as [string, unknown][]) {
      if (k === 'pattern' && typeof x === 'string') patterns.push(x);
      if (k === 'patternProperties' && x !== null && typeof x === 'object') patterns.push(...Object.keys(x));
      walk(x);
    }
  };
  for (const schema of [execplan, kb, session]) walk(schema);
  assert.ok(patterns.length > 0);
  for (const p of patterns) run(p);
});
