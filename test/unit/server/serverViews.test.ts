// The views the language server serves the extension (viewProtocol.ts), in plain Node: the tree's
// rows asked level by level as VS Code asks for them, a row found again by its id after a change,
// the path to a milestone's row, the Next list, and the notices of what changed in the index.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MilestoneIndex } from '../../../src/core/index/milestoneIndex';
import { nextMilestones } from '../../../src/core/lifecycle/next/nextMilestones';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import type { IndexChange, TreeRow } from '../../../src/protocol/viewProtocol';
import { GROUP_PAGE } from '../../../src/core/views/treeRows';
import { ServerViews } from '../../../src/server/serverViews';
import { ServerWorkspace } from '../../../src/server/serverWorkspace';
import { nodePlatform } from '../../../src/server/nodePlatform';
import { setServerPlatform } from '../../../src/server/serverPlatform';

setServerPlatform(nodePlatform);

const options = { groupBy: 'convention', hideCompleted: false, filter: '' } as const;

/** A copy of examples/ with a server workspace on it, its first scan done; `changes` collects its notices. */
async function served(): Promise<{ dir: string; uri: string; workspace: ServerWorkspace; changes: IndexChange[]; done: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ms-views-'));
  cpSync(path.resolve('examples'), dir, { recursive: true });
  const uri = pathToFileURL(dir).href;
  const changes: IndexChange[] = [];
  const workspace = new ServerWorkspace({ publish: () => undefined, fail: (what, error) => { throw new Error(`${what}: ${String(error)}`); }, indexChanged: (c) => changes.push(c) });
  workspace.start([uri], { scope: 'workspace', workspaceSchemas: true, folders: [{ uri, schemas: [], include: ['**/*.md', '**/*.json'], exclude: ['**/node_modules/**'], maxFileSize: 1_000_000 }] });
  await workspace.scan();
  return { dir, uri, workspace, changes, done: () => { workspace.dispose(); rmSync(dir, { recursive: true, force: true }); } };
}

const labelOf = (row: TreeRow): string => {
  if (row.kind === 'group') return `${row.label} (${row.rollup.label})`;
  if (row.kind === 'milestone') return `${row.title} ${row.description}`;
  if (row.kind === 'step') return `${row.step.state === 'done' ? '☑' : '☐'} ${row.step.text}`;
  return row.kind;
};

/** Resolves with the first notice that `holds`, as the server sends them (it gathers changes for a moment first). */
function notice(changes: IndexChange[], holds: (c: IndexChange) => boolean): Promise<IndexChange> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const look = () => {
      const found = changes.find(holds);
      if (found) return resolve(found);
      if (Date.now() - started > 5000) return reject(new Error(`no such notice among ${JSON.stringify(changes)}`));
      setImmediate(look);
    };
    look();
  });
}

test('the tree is served level by level: groups with roll-ups, milestones with done/total, steps; a row is found again by its id', async () => {
  const { workspace, changes, done } = await served();
  try {
    assert.ok(changes.some((c) => c.scanned && c.ready), 'the end of the scan is told');
    const roots = workspace.views.children({ parent: null, options });
    assert.deepEqual(roots.map(labelOf), [
      'KB milestones (1/3 done · 33%)', 'Session milestones (JSON) (0/1 done · 0%)', 'Handoffs (1/3 done · 33%)',
      'ExecPlan milestones (2/4 done · 50%)', 'STATUS / ROADMAP milestones (1/3 done · 33%)',
      'Codex ExecPlans (0/1 done · 0%)', 'Kiro specs (0/1 done · 0%)', 'Spec Kit tasks (0/1 done · 0%)',
    ]);
    const status = roots.find((r) => r.kind === 'group' && r.label.startsWith('STATUS'))!;
    const milestones = workspace.views.children({ parent: status.id, options });
    assert.deepEqual(milestones.map(labelOf), ['Foundation Complete 3/3', 'Core Pipeline 3/5', 'Search MVP 0/3']);
    const core = milestones[1]!;
    assert.equal(core.kind === 'milestone' && core.file, 'STATUS.md');
    assert.match(core.kind === 'milestone' ? core.contextValue : '', /^milestone status-md notdone\b/);
    const steps = workspace.views.children({ parent: core.id, options });
    assert.ok(steps.some((s) => labelOf(s) === '☐ Incremental rebuild under 200 ms for 1,000 pages'), steps.map(labelOf).join(' | '));
    // A fresh server state (another generation) still finds a row by its id, from the top down.
    workspace.views.invalidate();
    assert.deepEqual(workspace.views.rows({ ids: [steps[0]!.id, 'f:nowhere/g:none'], options }).map((r) => r && labelOf(r)), [labelOf(steps[0]!), null]);
    assert.deepEqual(workspace.views.children({ parent: 'no such row', options }), []);
  } finally {
    done();
  }
});

test('the path to a nested milestone names each row above it; a hidden milestone has none', async () => {
  const { uri, workspace, done } = await served();
  try {
    const found = workspace.views.path({ folder: uri, file: 'handoffs/1-core-pipeline/1-project-setup.md', line: 0, options });
    assert.ok(found && found.ids.length === 3, JSON.stringify(found));
    assert.deepEqual(found.pages, {}, 'no group is long enough to show only some rows');
    const path = found.ids;
    const [group, summary, setup] = path;
    assert.ok(summary!.startsWith(`${group!}/`) && setup!.startsWith(`${summary!}/`), 'each id starts with its parent\'s');
    const rows = workspace.views.rows({ ids: path, options });
    assert.deepEqual(rows.map((r) => (r?.kind === 'milestone' ? r.title : r && labelOf(r))), ['Handoffs (1/3 done · 33%)', 'Milestone 1: Core pipeline — 2026-11-14', 'Project setup — 2026-11-10']);
    const hidden = { ...options, hideCompleted: true };
    const foundation = workspace.views.reading(uri, 'STATUS.md')?.milestones.find((m) => m.title === 'Foundation Complete');
    assert.equal(foundation?.statusCategory, 'done');
    assert.ok(workspace.views.path({ folder: uri, file: 'STATUS.md', line: foundation.line, options }));
    assert.equal(workspace.views.path({ folder: uri, file: 'STATUS.md', line: foundation.line, options: hidden }), null);
  } finally {
    done();
  }
});

test('the server keeps files without their steps, reads them again for a row opened, the filter and the list asked in full; an open file keeps its steps', async () => {
  const { uri, workspace, done } = await served();
  try {
    const core = (list: ReturnType<ServerViews['list']>) => list.find((f) => f.folder === uri)?.milestones.find((m) => m.title === 'Core Pipeline');
    const kept = core(workspace.views.list());
    assert.deepEqual([kept?.steps.length, kept?.slim], [0, { steps: 5, health: 0 }]);
    assert.deepEqual(kept?.progress, { done: 3, total: 5 });
    assert.equal(core(workspace.views.list(true))?.steps.length, 5);
    assert.equal(workspace.views.reading(uri, 'STATUS.md')?.milestones.find((m) => m.title === 'Core Pipeline')?.steps.length, 5);
    // The filter reads step texts: a step of a file kept slim is found.
    const filtered = { ...options, filter: 'incremental rebuild' };
    const status = workspace.views.children({ parent: null, options: filtered }).find((r) => r.kind === 'group' && r.label.startsWith('STATUS'))!;
    const [row] = workspace.views.children({ parent: status.id, options: filtered });
    assert.equal(row?.kind === 'milestone' && row.children, 'expanded');
    assert.deepEqual(workspace.views.children({ parent: row!.id, options: filtered }).map(labelOf), ['☐ Incremental rebuild under 200 ms for 1,000 pages']);
    // An open document's reading is kept whole.
    const file = path.join(fileURLToPath(uri), 'STATUS.md');
    workspace.opened(TextDocument.create(pathToFileURL(file).href, 'markdown', 1, readFileSync(file, 'utf8')));
    const open = core(workspace.views.list());
    assert.deepEqual([open?.steps.length, open?.slim], [5, undefined]);
  } finally {
    done();
  }
});

test('a file changed on disk is told as a changed file; its rows, the reading and Next show it', async () => {
  const { dir, uri, workspace, changes, done } = await served();
  try {
    const file = 'STATUS.md';
    const before = readFileSync(path.join(dir, file), 'utf8');
    const open = '- [ ] Incremental rebuild under 200 ms for 1,000 pages';
    assert.ok(before.includes(open));
    writeFileSync(path.join(dir, file), before.replace(open, open.replace('[ ]', '[x]')));
    changes.length = 0;
    workspace.refreshFiles([{ folder: uri, file }]);
    const change = await notice(changes, (c) => c.files.some((f) => f.file === file));
    assert.deepEqual(change.files, [{ folder: uri, file }]);
    assert.equal(change.scanned, false);
    assert.equal(change.rowsOnly, true, 'a box ticked keeps the file\'s rows: only they are repainted');
    const core = workspace.views.reading(uri, file)?.milestones.find((m) => m.title === 'Core Pipeline');
    assert.deepEqual(core?.progress, { done: 4, total: 5 });
    const status = workspace.views.children({ parent: null, options }).find((r) => r.kind === 'group' && r.label.startsWith('STATUS'))!;
    assert.ok(workspace.views.children({ parent: status.id, options }).some((r) => labelOf(r) === 'Core Pipeline 4/5'));
    // Next names the first step still open: the one after the step ticked.
    const next = workspace.views.next().find((f) => f.folder === uri)?.milestones.find((m) => m.title === 'Core Pipeline');
    assert.deepEqual(next?.items.map((i) => i.text), ['Docs list every template helper']);
    // Worked out file by file (and kept while a file stays the same): the same list, in the same
    // order, as from every file at once.
    const all = workspace.views.list(true).find((f) => f.folder === uri)!.milestones;
    const byFile = [...new Set(all.map((m) => m.file))].map((f) => ({ reading: workspace.views.reading(uri, f)!, text: readFileSync(path.join(dir, f), 'utf8') }));
    const expected = nextMilestones(byFile);
    assert.ok(expected.length >= 3, `${expected.length} milestones in progress`);
    assert.deepEqual(workspace.views.next().find((f) => f.folder === uri)?.milestones, expected);
    assert.deepEqual(workspace.views.next().find((f) => f.folder === uri)?.milestones, expected);
  } finally {
    done();
  }
});

test('a change that adds, removes or regroups rows is told as such (the tree repaints all of it)', async () => {
  const { dir, uri, workspace, changes, done } = await served();
  try {
    const file = 'STATUS.md';
    const before = readFileSync(path.join(dir, file), 'utf8');
    const cases: [string, string][] = [
      ['a milestone added', `${before}\n## Milestone 9: Later\n\n**Status:** Planned\n\n- [ ] something\n`],
      ['a milestone renamed', before.replace('Search MVP', 'Search beta')],
      ['the file emptied of milestones', '# Nothing here\n'],
    ];
    for (const [what, text] of cases) {
      writeFileSync(path.join(dir, file), text);
      changes.length = 0;
      workspace.refreshFiles([{ folder: uri, file }]);
      const change = await notice(changes, (c) => c.files.some((f) => f.file === file));
      assert.equal(change.rowsOnly, false, what);
    }
  } finally {
    done();
  }
});

test('the first scan tells the tree it is full before it checks any file\'s own problems', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ms-views-'));
  cpSync(path.resolve('examples'), dir, { recursive: true });
  // A milestone file whose header does not parse: a problem of its own, found by the second pass.
  writeFileSync(path.join(dir, 'docs/milestones.kb/040-broken.md'), '---\nstatus: [in-progress\n---\n\n# Milestone 040: Broken\n\n- [ ] One\n');
  const uri = pathToFileURL(dir).href;
  const events: string[] = [];
  const workspace = new ServerWorkspace({
    publish: (_at, problems) => { if (problems.length > 0) events.push('problems'); },
    fail: (what, error) => { throw new Error(`${what}: ${String(error)}`); },
    indexChanged: (c) => {
      if (c.scanned) events.push(`full tree of ${c.milestoneFiles} files`);
      else if (c.problems.length > 0) events.push(`problems of ${c.problems.map((f) => f.file).join(' ')} on their rows`);
    },
  });
  try {
    workspace.start([uri], { scope: 'workspace', workspaceSchemas: true, folders: [{ uri, schemas: [], include: ['**/*.md', '**/*.json'], exclude: ['**/node_modules/**'], maxFileSize: 1_000_000 }] });
    await workspace.scan();
    const told = 'problems of docs/milestones.kb/040-broken.md on their rows';
    for (const started = Date.now(); !events.includes(told) && Date.now() - started < 5000;) await new Promise((resolve) => setImmediate(resolve));
    const first = events.findIndex((e) => e.startsWith('full tree'));
    assert.ok(first >= 0 && events.includes('problems'), events.join(', '));
    assert.ok(first < events.indexOf('problems'), `the tree was told full only after problems were sent: ${events.join(', ')}`);
    // The rows of the files with problems are then told to show them (not the whole tree again).
    assert.ok(events.includes(told), events.join(', '));
    assert.equal(events.filter((e) => e.startsWith('full tree')).length, 1, events.join(', '));
    assert.equal(events[first], `full tree of ${workspace.views.list().reduce((n, f) => n + new Set(f.milestones.map((m) => m.file)).size, 0)} files`);
  } finally {
    workspace.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A server's views over `count` KB milestones (`0001-m.md` …), all in one group; `scanned`: the first scan has ended. */
function kbViews(count: number, scanned = true): ServerViews {
  const readings = new MilestoneIndex();
  for (let i = 1; i <= count; i++) {
    const file = `docs/milestones.kb/${String(i).padStart(4, '0')}-m.md`;
    readings.set('/w', file, readMilestoneFile(file, `---\nid: ${i}\ntitle: M${i}\nstatus: planned\n---\n# M${i}\n\n- [ ] one\n`));
  }
  return new ServerViews({ folders: () => [{ uri: 'file:///w', root: '/w' }], readings, ready: () => scanned, problemsOf: () => [], textOf: () => null, full: (root, file) => readings.get(root, file) });
}

const isOpen = (row: TreeRow | undefined): boolean => row?.kind === 'group' && row.expanded;

test(`a group of more than ${GROUP_PAGE} milestones starts closed; one of ${GROUP_PAGE} starts open`, () => {
  for (const count of [GROUP_PAGE, GROUP_PAGE + 1]) {
    const [group] = kbViews(count).children({ parent: null, options });
    assert.equal(isOpen(group), count <= GROUP_PAGE, `${count} milestones`);
  }
});

test(`while the first scan reads, a group starts closed once more than ${GROUP_PAGE} milestones are read (it would stay open as it grew)`, () => {
  assert.equal(isOpen(kbViews(GROUP_PAGE, false).children({ parent: null, options })[0]), true);
  // 501 read so far: the group may end with thousands; VS Code would keep it as first shown.
  assert.equal(isOpen(kbViews(GROUP_PAGE + 1, false).children({ parent: null, options })[0]), false);
});

test(`the plans of an ExecPlan group of more than ${GROUP_PAGE} milestones start closed; those of a smaller one open`, () => {
  for (const [plans, each] of [[3, 4], [30, 20]] as const) {
    const readings = new MilestoneIndex();
    for (let p = 0; p < plans; p++) {
      for (let m = 1; m <= each; m++) {
        const file = `.agent/exec_plans/plan-${p}/milestones/active/EP-20260101-${String(p).padStart(3, '0')}_MS${String(m).padStart(3, '0')}_m.md`;
        readings.set('/w', file, readMilestoneFile(file, `---\nid: EP-20260101-${String(p).padStart(3, '0')}/MS${m}\nexecplan_id: EP-20260101-${String(p).padStart(3, '0')}\nms: ${m}\ntitle: M${p}.${m}\nstatus: planned\n---\n# M\n`));
      }
    }
    const views = new ServerViews({ folders: () => [{ uri: 'file:///w', root: '/w' }], readings, ready: () => true, problemsOf: () => [], textOf: () => null, full: (root, file) => readings.get(root, file) });
    const [group] = views.children({ parent: null, options });
    const planRows = views.children({ parent: group!.id, options });
    assert.equal(planRows.length, plans);
    const small = plans * each <= GROUP_PAGE;
    assert.equal(isOpen(group), small, `${plans * each} milestones`);
    assert.deepEqual(planRows.map(isOpen), planRows.map(() => small), `plans of ${plans * each} milestones`);
  }
});

test('revealing a milestone past the rows a long group shows says how many rows the group must show for it', () => {
  const views = kbViews(1_201);
  const [group] = views.children({ parent: null, options });
  const titles = (rows: readonly TreeRow[]) => rows.map((r) => (r.kind === 'milestone' ? r.title : r.kind === 'more' ? `more ${r.shown}/${r.total}` : r.kind));
  const first = views.children({ parent: group!.id, options });
  assert.deepEqual(titles(first).slice(-2), ['M500', 'more 500/1201']);
  // M700 is on the second page: the group must show 1,000 rows.
  const found = views.path({ folder: 'file:///w', file: 'docs/milestones.kb/0700-m.md', line: 0, options });
  assert.deepEqual(found?.pages, { [group!.id]: 1_000 });
  const paged = { ...options, pages: found.pages };
  const rows = views.children({ parent: group!.id, options: paged });
  assert.deepEqual(titles(rows).slice(-2), ['M1000', 'more 1000/1201']);
  assert.ok(rows.some((r) => r.id === found.ids.at(-1)), 'the path ends at a row the group now shows');
  // Shown already: nothing more to show.
  assert.deepEqual(views.path({ folder: 'file:///w', file: 'docs/milestones.kb/0700-m.md', line: 0, options: paged })?.pages, {});
  assert.deepEqual(views.path({ folder: 'file:///w', file: 'docs/milestones.kb/0003-m.md', line: 0, options })?.pages, {});
});
