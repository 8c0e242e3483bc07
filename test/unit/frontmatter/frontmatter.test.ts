import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { splitFrontmatter } from '../../../src/core/frontmatter/splitFrontmatter';
import { readSimpleYaml } from '../../../src/core/frontmatter/yamlSubset';
import { parseYamlHeader } from '../../../src/core/frontmatter/parseYaml';
import { readFrontmatter } from '../../../src/core/frontmatter/readFrontmatter';
import { headerKeyLines } from '../../../src/core/frontmatter/headerLines';

const KB = '---\nstatus: not-started\ngoal: Prove it works\ndepends-on: ["010"]\ndeliverables:\n  - "git partial init - write .git/hunks.d/{file}.patch"\n  - \'it\'\'s done: really\'\n---\n\n# Milestone 020\n';
const EXECPLAN = "---\nid: EP-20260117-014/MS003\nexecplan_id: EP-20260117-014\nms: 3\ntitle: \"Prototype streaming\"\nstatus: in_progress\nowner: '@codex'\ncreated: 2026-01-17\nupdated: '2026-01-18'\ntags:\n- streaming\n- sse\nrisk: med # to review\nlinks:\n  issue: \"\"\n  docs: ''\n  pr:\n---\n# Title\n";

export const FIXTURE_HEADERS = [
  KB, EXECPLAN,
  '---\na: 1\nb: -0\nc: 010\nd: true\ne: ~\nf: Null\ng: 12:30\nh: 2026-05-05 10:00\ni: x #c\nj: a#b\nk: [1, two, "3", \'4\', null]\nl: []\n---\n',
  '---\n# only a comment\n---\n',
  '---\nweird: &anchor value\nother: *anchor\n---\n',
  '---\nblock: |\n  line one\n  line two\n---\n',
  '---\nflow: [a,\n  b]\n---\n',
  '---\nf: 1.5\ng: 0x1F\nh: .inf\ni: 1e3\n---\n',
  '---\nesc: "tab\\tnew\\nquote\\" slash\\/ \\u0041"\n---\n',
];

/** The YAML headers found in a text: `---` blocks whose first line is a key. */
function headersIn(text: string): string[] {
  const out: string[] = [];
  const re = /^---\r?\n((?:[A-Za-z_#][^\n]*\n|[ -][^\n]*\n)*?)---\s*$/gm;
  for (const m of text.matchAll(re)) out.push(m[1]!);
  return out;
}

function allHeaderSources(): [string, string][] {
  const sources: [string, string][] = FIXTURE_HEADERS.map((t, i) => [`fixture ${i}`, t]);
  const seeds = path.resolve(process.cwd(), '../shared/seeds');
  const corpus = path.resolve(process.cwd(), '../shared/corpus');
  const examples = path.resolve(process.cwd(), 'examples');
  for (const dir of [seeds, corpus, examples]) {
    if (!existsSync(dir)) continue;
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !/\.(md|txt)$/.test(e.name)) continue;
      const abs = path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
      sources.push([abs, readFileSync(abs, 'utf8')]);
    }
  }
  return sources;
}

test('the hand-written YAML reader deep-equals js-yaml on every header it accepts', () => {
  let accepted = 0;
  let seen = 0;
  for (const [name, text] of allHeaderSources()) {
    for (const header of headersIn(text)) {
      seen++;
      const fast = readSimpleYaml(header);
      if (fast === undefined) continue;
      accepted++;
      let expected: unknown;
      try { expected = load(header); } catch { expected = {}; }
      assert.deepStrictEqual(fast, expected ?? {}, `${name}:\n${header}`);
    }
  }
  assert.ok(seen >= 12, `headers seen: ${seen}`);
  assert.ok(accepted >= 8, `headers accepted: ${accepted}`);
});

test('the real milestone headers take the fast path', () => {
  for (const t of [KB, EXECPLAN]) {
    const s = splitFrontmatter(t);
    assert.ok(s.kind === 'yaml');
    const r = parseYamlHeader(t.slice(s.contentStart, s.contentEnd));
    assert.ok(r.kind === 'ok' && r.fast, JSON.stringify(r));
  }
});

test('dates stay strings, quoted or not', () => {
  const r = readFrontmatter(EXECPLAN);
  assert.equal(r.data?.['created'], '2026-01-17');
  assert.equal(r.data?.['updated'], '2026-01-18');
  assert.equal(r.data?.['ms'], 3);
  assert.deepEqual(r.data?.['links'], { issue: '', docs: '', pr: null });
});

test('anchors, block scalars and multi-line flow go to js-yaml and still parse', () => {
  for (const t of FIXTURE_HEADERS.slice(4)) {
    const r = readFrontmatter(t);
    assert.deepEqual(r.notes, [], t);
    assert.ok(r.data !== null);
  }
  assert.equal(readFrontmatter(FIXTURE_HEADERS[5]!).data?.['block'], 'line one\nline two\n');
});

test('a header after a BOM and with CRLF line endings is split', () => {
  const t = '\uFEFF' + KB.replace(/\n/g, '\r\n');
  const s = splitFrontmatter(t);
  assert.equal(s.kind, 'yaml');
  const r = readFrontmatter(t);
  assert.equal(r.data?.['status'], 'not-started');
  assert.equal(r.bodyLine, 8);
});

test('`...` closes a YAML header; `+++` opens a TOML one', () => {
  assert.equal(splitFrontmatter('---\na: 1\n...\nbody').kind, 'yaml');
  const toml = readFrontmatter('+++\ntitle = "T"\ndate = 2026-05-05\n+++\n# body\n');
  assert.equal(toml.split.kind, 'toml');
  assert.equal(toml.data?.['title'], 'T');
});

test('an unclosed header is reported on line 1, not thrown', () => {
  const r = readFrontmatter('---\nstatus: active\n# Title\n- [ ] a\n');
  assert.equal(r.notes[0]?.code, 'frontmatter-unclosed');
  assert.equal(r.notes[0]?.line, 0);
  assert.equal(readFrontmatter('+++\ntitle = 1\n').notes[0]?.code, 'frontmatter-unclosed');
});

test('broken YAML becomes a note with the file line and column', () => {
  const r = readFrontmatter('---\nstatus: active\ntags: [a,\n  b\nowner: x\n---\n');
  assert.equal(r.data, null);
  assert.equal(r.notes[0]?.code, 'yaml-syntax');
  assert.ok(r.notes[0].line >= 2, JSON.stringify(r.notes[0]));
  const dup = readFrontmatter('---\na: 1\na: 2\n---\n');
  assert.equal(dup.notes[0]?.code, 'yaml-syntax');
  assert.equal(dup.notes[0]?.line, 2);
});

test('broken TOML becomes a note', () => {
  const r = readFrontmatter('+++\ntitle = \n+++\n');
  assert.equal(r.notes[0]?.code, 'toml-syntax');
  assert.equal(r.notes[0]?.line, 1);
});

test('a header that is not a mapping is reported', () => {
  assert.equal(readFrontmatter('---\njust text\n---\n').notes[0]?.code, 'frontmatter-not-mapping');
});

test('no header: a thematic break, `----`, or text first', () => {
  assert.equal(splitFrontmatter('# T\n---\na: 1\n---\n').kind, 'none');
  assert.equal(splitFrontmatter('----\na: 1\n----\n').kind, 'none');
  assert.equal(splitFrontmatter('\n---\na: 1\n---\n').kind, 'none');
});

test('header key lines give the line of each list entry', () => {
  const s = splitFrontmatter(KB);
  assert.ok(s.kind === 'yaml');
  const lines = headerKeyLines(KB.slice(s.contentStart, s.contentEnd), s.contentLine);
  assert.deepEqual(lines.get('deliverables'), { line: 4, itemLines: [5, 6] });
  assert.equal(lines.get('goal')?.line, 2);
});
