import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './cliHarness';

interface NextDocument {
  milestones: {
    folder?: string; file: string; convention: string; id: string | null; title: string; status: string | null;
    line: number; owner: string | null; progress: { done: number; total: number };
    items: { kind: string; text: string; line: number }[];
  }[];
}

const PLAN = '.agent/exec_plans/search/milestones/active/EP-20261102-001_MS002_index-builder.md';

/** What `next` prints for the example workspace (examples/). */
const EXAMPLES_TEXT = `docs/milestones.kb/020-renderer.md:1  Milestone 020: Renderer  (in-progress, 1/3)
  ○ 15  Partials can include other partials

SESSIONS/MILESTONES/deploy-preview-site.json:1  Deploy the preview site  (in_progress, 2/5, session-7)
  → 52  Finish step 3 (upload)
  → 53  Then post the URL (step 4)
  ○ 34  Upload to the preview bucket

handoffs/2-search-index.md:1  Search index handoff — 2026-11-19  (1/3)
  ○ 15  Compress the index with gzip

${PLAN}:1  Index builder  (in_progress, 3/7, @codex)
  ! 46  Implementation: Large sites exceed the size budget
  ! 66  B1 Golden test of a small site
  ○ 35  The index of the docs site is under 200 KB

STATUS.md:25  Core Pipeline  (3/5)
  ○ 35  Incremental rebuild under 200 ms for 1,000 pages
`;

let root = '';
let examples = '';
let blocked = '';
let empty = '';
before(() => {
  root = mkdtempSync(path.join(tmpdir(), 'milestones-next-'));
  examples = path.join(root, 'examples');
  cpSync(path.resolve('examples'), examples, { recursive: true });
  blocked = path.join(root, 'blocked');
  mkdirSync(path.join(blocked, 'MILESTONES'), { recursive: true });
  writeFileSync(path.join(blocked, 'MILESTONES', 'deploy.json'), [
    '{',
    '  "milestone_id": "deploy", "title": "Deploy", "owner": "session-2", "status": "blocked",',
    '  "steps": [',
    '    { "step": 1, "description": "Push the image", "status": "pending" }',
    '  ],',
    '  "next_session_should": ["Ask ops for access"],',
    '  "handoff_notes": "Ops answers on Mondays",',
    '  "context": {',
    '    "why": "Reviewers need a preview"',
    '  },',
    '  "blockers": [',
    '    7,',
    '    "No registry credentials"',
    '  ]',
    '}',
    '',
  ].join('\n'));
  writeFileSync(path.join(blocked, 'STATUS.md'), '# Status\n\n## Milestone: Docs\n\n- [x] Outline\n- [ ] First draft\n');
  empty = path.join(root, 'empty');
  mkdirSync(empty);
});
after(() => rmSync(root, { recursive: true, force: true }));

test('next lists the examples\' milestones in progress with what to pick up in each', () => {
  const run = runCli(['next'], examples);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, EXAMPLES_TEXT);
});

test('next --json gives the same as data, lines 1-based', () => {
  const run = runCli(['next', '--json', examples]);
  assert.equal(run.status, 0, run.stderr);
  const milestone = (file: string, convention: string, id: string | null, title: string, status: string | null, line: number, owner: string | null, done: number, total: number) =>
    ({ file, convention, id, title, status, line, owner, progress: { done, total } });
  assert.deepEqual(JSON.parse(run.stdout), {
    milestones: [
      {
        ...milestone('docs/milestones.kb/020-renderer.md', 'kb', '020', 'Milestone 020: Renderer', 'in-progress', 1, null, 1, 3),
        items: [{ kind: 'step', text: 'Partials can include other partials', line: 15 }],
      },
      {
        ...milestone('SESSIONS/MILESTONES/deploy-preview-site.json', 'session-json', 'deploy-preview-site', 'Deploy the preview site', 'in_progress', 1, 'session-7', 2, 5),
        items: [
          { kind: 'next', text: 'Finish step 3 (upload)', line: 52 },
          { kind: 'next', text: 'Then post the URL (step 4)', line: 53 },
          { kind: 'step', text: 'Upload to the preview bucket', line: 34 },
        ],
      },
      {
        ...milestone('handoffs/2-search-index.md', 'handoff', '2', 'Search index handoff — 2026-11-19', null, 1, null, 1, 3),
        items: [{ kind: 'step', text: 'Compress the index with gzip', line: 15 }],
      },
      {
        ...milestone(PLAN, 'execplan', 'EP-20261102-001/MS002', 'Index builder', 'in_progress', 1, '@codex', 3, 7),
        items: [
          { kind: 'blocker', text: 'Implementation: Large sites exceed the size budget', line: 46 },
          { kind: 'blocker', text: 'B1 Golden test of a small site', line: 66 },
          { kind: 'step', text: 'The index of the docs site is under 200 KB', line: 35 },
        ],
      },
      {
        ...milestone('STATUS.md', 'status-md', null, 'Core Pipeline', null, 25, null, 3, 5),
        items: [{ kind: 'step', text: 'Incremental rebuild under 200 ms for 1,000 pages', line: 35 }],
      },
    ],
  });
  // One line, as list --json: the document is for programs.
  assert.equal(run.stdout.indexOf('\n'), run.stdout.length - 1);
});

test('a blocked milestone comes first with its blockers; several folders are named', () => {
  const run = runCli(['next', blocked, empty]);
  assert.equal(run.status, 0, run.stderr);
  const b = blocked.replace(/\\/g, '/');
  assert.equal(run.stdout, [
    `${b}/MILESTONES/deploy.json:1  Deploy  (blocked, 0/1, session-2)`,
    '  ! 13  No registry credentials',
    '  →  6  Ask ops for access',
    '  ○  4  Push the image',
    '',
    `${b}/STATUS.md:3  Docs  (1/2)`,
    '  ○ 6  First draft',
    '',
  ].join('\n'));
  const doc = JSON.parse(runCli(['next', '--json', blocked, empty]).stdout) as NextDocument;
  assert.deepEqual(doc.milestones.map((m) => [m.folder, m.file, m.items.map((i) => i.kind)]), [
    [blocked, 'MILESTONES/deploy.json', ['blocker', 'next', 'step']],
    [blocked, 'STATUS.md', ['step']],
  ]);
  assert.deepEqual(Object.keys(doc.milestones[0] ?? {}), ['folder', 'file', 'convention', 'id', 'title', 'status', 'line', 'owner', 'progress', 'items']);
});

test('a folder with nothing in progress says so; --json gives an empty list', () => {
  assert.deepEqual(runCli(['next', empty]), { status: 0, stdout: 'Nothing in progress.\n', stderr: '' });
  assert.deepEqual(runCli(['next', '--json'], empty), { status: 0, stdout: '{"milestones":[]}\n', stderr: '' });
});

test('--root names the folder when none is given', () => {
  const run = runCli(['next', '--root', examples], empty);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, EXAMPLES_TEXT);
});

test('a folder that does not exist is a usage error and prints nothing on stdout', () => {
  const run = runCli(['next', examples, path.join(root, 'missing')]);
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, `milestones: no such folder: ${path.join(root, 'missing')}\n`);
});

test('the usage text explains next, aligned with list', () => {
  const usage = runCli(['--help']).stdout.split('\n');
  const at = usage.findIndex((l) => l.startsWith('  next [--json] [folder…]'));
  assert.ok(at > 0, 'no next line in the usage text');
  assert.equal(usage[at]!.indexOf('What to pick up next'), usage.find((l) => l.startsWith('  list '))!.indexOf('List the milestones'));
  assert.match(usage[at + 1]!, /^ {28}\S/);
});
