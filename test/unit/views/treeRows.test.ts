// The Milestones tree's shape, in plain Node: the rows the view shows for the bundled examples/
// workspace (every convention), grouped by convention or by status, with completed milestones
// hidden, filtered, and with two folders open. Labels as a person reads them, one row a line.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { collectMilestones } from '../../../src/cli/collectMilestones';
import type { Milestone } from '../../../src/core/model';
import { childNodes, GROUP_PAGE, pageHolding, rootNodes, type TreeHost, type TreeNode, type TreeOptions } from '../../../src/core/views/treeRows';

interface Folder { readonly name: string }
const host: TreeHost<Folder, string> = { folderKey: (f) => f.name, fileUri: (f, file) => `${f.name}/${file}` };
const examples = path.resolve('examples');
const milestones: Milestone[] = collectMilestones([examples]).readings.flatMap((r) => r.reading.milestones);
const defaults: TreeOptions = { groupBy: 'convention', hideCompleted: false, filter: '' };

function label(node: TreeNode<Folder, string>): string {
  switch (node.kind) {
    case 'folder': return `[${node.folder.name}]`;
    case 'group': return `${node.label}/`;
    case 'milestone': return node.milestone.title;
    case 'step': return `${node.step.state === 'done' ? '☑' : '☐'} ${node.step.text}`;
    case 'health-group': return 'Health snapshot';
    case 'health': return `${node.row.area} ${node.row.status}`;
    case 'more': return `… ${node.shown} of ${node.total} shown`;
    case 'message': return `(${node.reason})`;
  }
}

/** The whole tree, every row opened, as indented lines; `depth` limits how deep it goes. */
function outline(roots: readonly TreeNode<Folder, string>[], options: TreeOptions, depth = Infinity): string {
  const lines: string[] = [];
  const walk = (nodes: readonly TreeNode<Folder, string>[], level: number) => {
    for (const node of nodes) {
      lines.push(`${'  '.repeat(level)}${label(node)}`);
      if (level + 1 < depth) walk(childNodes(host, node, options), level + 1);
    }
  };
  walk(roots, 0);
  return lines.join('\n');
}

const one = (options: TreeOptions) => rootNodes(host, [{ folder: { name: 'examples' }, milestones }], options, true);

test('grouped by convention: the conventions in order, steps nested, an ExecPlan level per plan, its health snapshot, a distilled milestone\'s notes under it', () => {
  assert.equal(outline(one(defaults), defaults, 2), [
    'KB milestones/',
    '  Milestone 010: Parser',
    '  Milestone 020: Renderer',
    '  Milestone 030: Plugins',
    'Session milestones (JSON)/',
    '  Deploy the preview site',
    'Handoffs/',
    '  Milestone 1: Core pipeline — 2026-11-14',
    '  Search index handoff — 2026-11-19',
    'ExecPlan milestones/',
    '  EP-20261102-001/',
    '  EP-20261120-001/',
    'STATUS / ROADMAP milestones/',
    '  Foundation Complete',
    '  Core Pipeline',
    '  Search MVP',
    'Codex ExecPlans/',
    '  Make search work offline',
    'Kiro specs/',
    '  offline-preview',
    'Spec Kit tasks/',
    '  Search filters',
  ].join('\n'));
  const full = outline(one(defaults), defaults);
  // Sorted by file: active/ before archive/.
  assert.match(full, /\n  EP-20261102-001\/\n    Index builder\n(.*\n)*    Query box\n(.*\n)*    Tokenizer for the search index\n/);
  assert.match(full, /\n      Health snapshot\n        Architecture\/design ✅\n        Implementation ⚠️\n        Tests & QA ⏳\n        Docs & runbooks ⏳\n/);
  // The distilled milestone's notes (here the setup note) under it, after its steps.
  assert.match(full, /\n    ☐ 3% of real pages have a BOM before their front matter\n    Project setup — 2026-11-10\n  Search index handoff/);
  assert.match(full, /\n  Core Pipeline\n    ☑ Markdown files render to HTML\n/);
});

test('grouped by status: the groups in status order, only those with milestones, each sorted by file', () => {
  const byStatus = { ...defaults, groupBy: 'status' as const };
  const groups = one(byStatus).map(label);
  assert.deepEqual(groups, ['Active/', 'Planned/', 'Done/']);
  const done = outline(one(byStatus).filter((n) => label(n) === 'Done/'), byStatus, 2).split('\n').slice(1).map((l) => l.trim());
  // By file path: .agent/…, STATUS.md, docs/…, handoffs/….
  assert.deepEqual(done, ['Preview server', 'Tokenizer for the search index', 'Foundation Complete', 'Milestone 010: Parser', 'Milestone 1: Core pipeline — 2026-11-14']);
});

test('hiding completed milestones leaves them out of the rows, not out of the roll-up counts', () => {
  const hide = { ...defaults, hideCompleted: true };
  const roots = one(hide);
  const kb = roots.find((n) => label(n) === 'KB milestones/');
  assert.ok(kb && kb.kind === 'group');
  assert.deepEqual(kb.milestones.map((m) => m.title), ['Milestone 020: Renderer', 'Milestone 030: Plugins']);
  assert.equal(kb.all.length, 3);
  assert.doesNotMatch(outline(roots, hide), /Tokenizer|Foundation Complete|Parser/);
  // Everything done and hidden: one message row, which offers to show them.
  const allDone = milestones.map((m) => ({ ...m, statusCategory: 'done' as const }));
  assert.deepEqual(rootNodes(host, [{ folder: { name: 'examples' }, milestones: allDone }], hide, true).map(label), ['(all-hidden)']);
});

test('a filter keeps the milestones it names and, of the others, only the matching steps, shown open under their own row id', () => {
  const filtered = { ...defaults, filter: 'gzip' };
  assert.equal(outline(one(filtered), filtered), ['Handoffs/', '  Search index handoff — 2026-11-19', '    ☐ Compress the index with gzip'].join('\n'));
  const row = childNodes(host, one(filtered)[0]!, filtered)[0]!;
  assert.match(row.id, /\/filtered$/);
  const byTitle = { ...defaults, filter: 'query box' };
  assert.equal(outline(one(byTitle), byTitle, 3), ['ExecPlan milestones/', '  EP-20261102-001/', '    Query box', 'STATUS / ROADMAP milestones/', '  Search MVP', '    ☐ Query box returns results in under 50 ms',
    'Spec Kit tasks/', '  Search filters', '    ☐ T004 [US1] Show the tag chips under the query box in src/ui/filters.ts'].join('\n'));
  assert.equal(childNodes(host, childNodes(host, one(byTitle)[0]!, byTitle)[0]!, byTitle).map((n) => childNodes(host, n, byTitle).length)[0], 4, 'all its steps');
  const none = { ...defaults, filter: 'no such words' };
  assert.deepEqual(one(none).map(label), ['(no-match)']);
});

test('two folders: a row per folder with milestones shown, ids stable and unique across the tree', () => {
  const two = rootNodes(host, [{ folder: { name: 'a' }, milestones }, { folder: { name: 'b' }, milestones: milestones.filter((m) => m.convention === 'kb') }, { folder: { name: 'empty' }, milestones: [] }], defaults, true);
  assert.deepEqual(two.map(label), ['[a]', '[b]']);
  assert.equal(outline(two.slice(1), defaults, 3), ['[b]', '  KB milestones/', '    Milestone 010: Parser', '    Milestone 020: Renderer', '    Milestone 030: Plugins'].join('\n'));
  const ids: string[] = [];
  const walk = (nodes: readonly TreeNode<Folder, string>[]) => { for (const n of nodes) { ids.push(n.id); walk(childNodes(host, n, defaults)); } };
  walk(two);
  assert.equal(new Set(ids).size, ids.length);
  const again: string[] = [];
  const walkAgain = (nodes: readonly TreeNode<Folder, string>[]) => { for (const n of nodes) { again.push(n.id); walkAgain(childNodes(host, n, defaults)); } };
  walkAgain(rootNodes(host, [{ folder: { name: 'a' }, milestones: [...milestones] }, { folder: { name: 'b' }, milestones: milestones.filter((m) => m.convention === 'kb') }], defaults, true));
  assert.deepEqual(again, ids);
  const parser = childNodes(host, childNodes(host, two[1]!, defaults)[0]!, defaults)[0]!;
  assert.ok(parser.kind === 'milestone');
  assert.equal(parser.uri, 'b/docs/milestones.kb/010-parser.md');
});

test('nothing before the first scan ends, and nothing for a workspace without milestones', () => {
  assert.deepEqual(rootNodes(host, [{ folder: { name: 'examples' }, milestones }], defaults, false), []);
  assert.deepEqual(rootNodes(host, [{ folder: { name: 'x' }, milestones: [] }], defaults, true), []);
});

test(`a group shows its milestones ${GROUP_PAGE} at a time, then a row that shows more; the pages asked for show more`, () => {
  const template = milestones.find((m) => m.convention === 'kb')!;
  const many = Array.from({ length: 2 * GROUP_PAGE + 1 }, (_, i): Milestone => ({ ...template, file: `docs/milestones.kb/${String(i + 1).padStart(4, '0')}-m.md`, id: String(i + 1), title: `M${i + 1}` }));
  const [group] = rootNodes(host, [{ folder: { name: 'w' }, milestones: many }], defaults, true);
  assert.ok(group?.kind === 'group');
  const page = (options: TreeOptions) => childNodes(host, group, options).map(label);
  const first = page(defaults);
  assert.equal(first.length, GROUP_PAGE + 1);
  assert.deepEqual(first.slice(0, 2), ['M1', 'M2']);
  assert.equal(first.at(-1), `… ${GROUP_PAGE} of ${2 * GROUP_PAGE + 1} shown`);
  const more = childNodes(host, group, defaults).at(-1)!;
  assert.equal(more.id, `${group.id}/more`);
  assert.deepEqual(page({ ...defaults, pages: { [group.id]: 2 * GROUP_PAGE } }).slice(-2), [`M${2 * GROUP_PAGE}`, `… ${2 * GROUP_PAGE} of ${2 * GROUP_PAGE + 1} shown`]);
  assert.deepEqual(page({ ...defaults, pages: { [group.id]: 3 * GROUP_PAGE } }).slice(-1), [`M${2 * GROUP_PAGE + 1}`], 'all shown: no row for more');
  // A row's id does not depend on the page it is shown on.
  assert.equal(childNodes(host, group, { ...defaults, pages: { [group.id]: 2 * GROUP_PAGE } })[3]!.id, childNodes(host, group, defaults)[3]!.id);
  // The rows a group must show to hold a milestone: a whole number of pages.
  const at = (title: string) => pageHolding(host, group, defaults, (n) => n.milestone.title === title);
  assert.deepEqual([at('M1'), at(`M${GROUP_PAGE}`), at(`M${GROUP_PAGE + 1}`), at(`M${2 * GROUP_PAGE + 1}`), at('nobody')], [GROUP_PAGE, GROUP_PAGE, 2 * GROUP_PAGE, 3 * GROUP_PAGE, null]);
  // A filter pages what it leaves: the milestones titled "M1…" fit on one page.
  const filtered = { ...defaults, filter: 'm1' };
  const [narrow] = rootNodes(host, [{ folder: { name: 'w' }, milestones: many }], filtered, true);
  assert.ok(narrow && !childNodes(host, narrow, filtered).some((n) => n.kind === 'more'));
});
