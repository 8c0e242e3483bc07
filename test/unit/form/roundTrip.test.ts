/**
 * Issue 4, "Done when" 4: for every file of ../shared/corpus (read in place) and of examples/, in its
 * LF, CRLF, BOM and CRLF+BOM variants, (a) a no-op form save (every field, step text and health cell
 * set to its current value) changes nothing, and (b) every single-field edit changes no byte outside
 * the span it is about (the step's line, the health row, the header, the JSON step or property, plus
 * the stamps a tick refreshes), keeping line endings and the BOM.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser/lib/esm/main.js';
import { applyFormEdit } from '../../../src/core/form/applyFormEdit';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { splitFrontmatter } from '../../../src/core/frontmatter/splitFrontmatter';
import { refOf } from '../../../src/core/model';
import type { FileReading, TextEdit } from '../../../src/core/model';
import { applyEdits } from '../../../src/core/text/applyEdits';
import type { FieldValue, FormEdit } from '../../../src/protocol/formProtocol';
import { ctx } from './editsKit';
import { CORPUS, corpusPresent } from '../support/corpus';

type Range = readonly [number, number];
interface Case { readonly edit: FormEdit; readonly allowed: Range[] }

function filesUnder(root: string, skipTop: boolean): { rel: string; abs: string }[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .filter((abs) => !skipTop || path.dirname(abs) !== root)
    .map((abs) => {
      const parts = path.relative(root, abs).split(path.sep);
      return { rel: (skipTop ? parts.slice(1) : parts).join('/'), abs };
    });
}

const examples = path.resolve(process.cwd(), 'examples');
// Without the corpus (a clone on its own) the examples are still round-tripped.
const FILES = [...(corpusPresent ? filesUnder(CORPUS, true) : []), ...filesUnder(examples, false)];

function variants(lf: string): [string, string][] {
  const crlf = lf.replace(/\r?\n/g, '\r\n');
  return [['LF', lf], ['CRLF', crlf], ['BOM', '\uFEFF' + lf], ['CRLF+BOM', '\uFEFF' + crlf]];
}

/** [start, end] of line `n` including its line break. */
function lineRange(text: string, n: number): Range {
  let start = 0;
  for (let i = 0; i < n; i++) start = text.indexOf('\n', start) + 1;
  const nl = text.indexOf('\n', start);
  return [start, nl < 0 ? text.length : nl + 1];
}

function asFieldValue(v: unknown): FieldValue | undefined {
  // A bare YAML date reads as a Date; the form shows and sends it as `YYYY-MM-DD`.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  return undefined;
}

function changed(v: FieldValue): FieldValue {
  if (typeof v === 'string') return v + ' changed';
  if (typeof v === 'number') return v + 1;
  if (typeof v === 'boolean') return !v;
  if (v !== null) return [...v, 'extra item'];
  return 'set';
}

/** The form edits of one file: `same` sets every value to itself, `other` changes each one. */
function casesOf(text: string, reading: FileReading, same: boolean): Case[] {
  const out: Case[] = [];
  const split = splitFrontmatter(text);
  const header: Range = split.kind === 'yaml' ? [split.contentStart, split.contentEnd] : [0, 0];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const json = reading.convention === 'session-json' ? parseTree(text.slice(bom)) : undefined;
  const nodeRange = (p: (string | number)[]): Range[] => {
    const n = json && findNodeAtLocation(json, p);
    return n ? [[n.offset + bom, n.offset + n.length + bom]] : [];
  };
  const stamps = [...nodeRange(['progress']), ...nodeRange(['updated_at'])];
  reading.milestones.forEach((m, mi) => {
    for (const [key, raw] of Object.entries(m.fields)) {
      const value = asFieldValue(raw);
      if (value === undefined) continue;
      const allowed = reading.convention === 'session-json' ? nodeRange([key]) : reading.convention === 'status-md' ? [[lineRange(text, m.line)[0], lineRange(text, m.endLine)[1]] as Range] : [header];
      out.push({ edit: { kind: 'setField', milestone: mi, key, value: same ? value : changed(value) }, allowed });
    }
    for (const step of m.steps) {
      const ref = refOf(step);
      const src = step.source;
      const where: Range[] = src.kind === 'json-step' ? [...nodeRange(['steps', src.index]), ...stamps]
        : src.kind === 'criterion' && step.section === 'deliverables' && reading.convention === 'kb' ? [header] : [lineRange(text, step.line)];
      if (src.kind === 'json-step') {
        const node = json && findNodeAtLocation(json, ['steps', src.index]);
        const labelled = node?.type === 'string' || (node?.children ?? []).some((p) => ['description', 'title', 'name'].includes(String(p.children?.[0]?.value)) && p.children?.[1]?.type === 'string');
        if (!labelled) continue;
      }
      out.push({ edit: { kind: 'setStepText', ref, text: same ? step.text : 'A new text for this step' }, allowed: where });
      if (!same && (step.state === 'done' || step.state === 'open')) {
        const extra: Range[] = reading.convention === 'execplan' ? [header] : [];
        out.push({ edit: { kind: 'toggleStep', ref, done: step.state !== 'done' }, allowed: [...where, ...extra] });
      }
    }
    for (const row of m.health) {
      const ref = { line: row.line, area: row.area };
      const allowed = [lineRange(text, row.line)];
      const status = (['✅', '⚠️', '⏳'] as const).find((s) => (s === row.status) === same);
      if (status && (!same || row.status === status)) out.push({ edit: { kind: 'setHealthStatus', ref, status }, allowed });
      out.push({ edit: { kind: 'setHealthNotes', ref, notes: same ? row.notes : 'New notes | with a pipe' }, allowed });
    }
  });
  return out;
}

function eolsOf(text: string): { crlf: number; lf: number } {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  return { crlf, lf: (text.match(/\n/g) ?? []).length - crlf };
}

const counts = { files: 0, variants: 0, noop: 0, single: 0, refused: new Map<string, number>() };

function refusal(reason: string): void {
  counts.refused.set(reason, (counts.refused.get(reason) ?? 0) + 1);
}

test('a no-op form save changes nothing, in every corpus and example file and its variants', () => {
  for (const file of FILES) {
    const lf = readFileSync(file.abs, 'utf8');
    let any = false;
    for (const [name, text] of variants(lf)) {
      const reading = readMilestoneFile(file.rel, text);
      if (!reading) continue;
      any = true;
      counts.variants++;
      for (const c of casesOf(text, reading, true)) {
        const out = applyFormEdit(file.rel, text, c.edit, ctx);
        if (out.kind === 'refused') { refusal(out.reason); continue; }
        counts.noop++;
        assert.equal(applyEdits(text, out.edits), text, `${file.rel} (${name}): ${JSON.stringify(c.edit)} changed the text`);
      }
    }
    if (any) counts.files++;
  }
  assert.ok(counts.files >= (corpusPresent ? 15 : 10), `only ${counts.files} files were read`);
});

test('every single-field edit changes no byte outside its span, and keeps line endings and the BOM', () => {
  for (const file of FILES) {
    const lf = readFileSync(file.abs, 'utf8');
    for (const [name, text] of variants(lf)) {
      const reading = readMilestoneFile(file.rel, text);
      if (!reading) continue;
      for (const c of casesOf(text, reading, false)) {
        const out = applyFormEdit(file.rel, text, c.edit, ctx);
        if (out.kind === 'refused') { refusal(out.reason); continue; }
        counts.single++;
        const what = `${file.rel} (${name}): ${JSON.stringify(c.edit)}`;
        assert.ok(out.edits.length > 0, `${what} made no change`);
        const after = applyEdits(text, out.edits);
        const edits = [...out.edits].sort((a: TextEdit, b: TextEdit) => a.start - b.start);
        const first = edits[0]!.start;
        const last = edits.at(-1)!.end;
        assert.equal(after.slice(0, first), text.slice(0, first), what);
        assert.equal(after.slice(after.length - (text.length - last)), text.slice(last), what);
        for (const e of edits) {
          assert.ok(c.allowed.some(([a, b]) => e.start >= a && e.end <= b), `${what}: edit [${e.start}, ${e.end}) lies outside its span`);
        }
        assert.equal(after.charCodeAt(0) === 0xfeff, text.charCodeAt(0) === 0xfeff, `${what}: BOM`);
        const before = eolsOf(text);
        const now = eolsOf(after);
        if (before.crlf === 0) assert.equal(now.crlf, 0, `${what}: a CRLF appeared in an LF file`);
        if (before.lf === 0) assert.equal(now.lf, 0, `${what}: an LF appeared in a CRLF file`);
      }
    }
  }
  assert.ok(counts.single > 100, `only ${counts.single} single-field edits were checked`);
  console.log(`round trip: ${counts.files} files × 4 variants (${counts.variants} readings), ${counts.noop} no-op edits, ${counts.single} single-field edits; refused: ${JSON.stringify([...counts.refused])}`);
});
