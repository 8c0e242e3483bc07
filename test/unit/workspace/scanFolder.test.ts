import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scanFolder } from '../../../src/core/workspace/scanFolder';
import type { ScanItem } from '../../../src/core/workspace/scanFolder';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'milestones-scan-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const anyFile = (): string => 'markdown';
const byFile = (items: Iterable<ScanItem>) => [...items].sort((a, b) => (a.file < b.file ? -1 : 1));

test('the scan yields included files with their text, relative and /-separated, and prunes excluded folders', () => {
  const root = workspace({
    'STATUS.md': '# S\n',
    'docs/m.kb/010-a.md': 'é\r\n',
    'MILESTONES/x.json': '{}',
    'src/a.ts': 'no',
    'node_modules/p/README.md': 'no',
    'pkg/dist/b.md': 'no',
  });
  try {
    const seen: string[] = [];
    const items = byFile(scanFolder(root, { classify: (f) => { seen.push(f); return 'markdown'; } }));
    assert.deepEqual(items, [
      { kind: 'text', file: 'MILESTONES/x.json', text: '{}', textKind: { kind: 'utf8' } },
      { kind: 'text', file: 'STATUS.md', text: '# S\n', textKind: { kind: 'utf8' } },
      { kind: 'text', file: 'docs/m.kb/010-a.md', text: 'é\r\n', textKind: { kind: 'utf8' } },
    ]);
    assert.equal(seen.some((f) => f.includes('node_modules') || f.includes('dist')), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a file the classifier rejects is not read', () => {
  const root = workspace({ 'a.md': 'x', 'b.md': 'y' });
  try {
    assert.deepEqual([...scanFolder(root, { classify: (f) => (f === 'a.md' ? 'kb' : null) })].map((i) => i.file), ['a.md']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('files over the size limit are reported, not read', () => {
  const root = workspace({ 'big.md': 'x'.repeat(101), 'small.md': 'x'.repeat(100) });
  try {
    assert.deepEqual(byFile(scanFolder(root, { classify: anyFile, maxFileSize: 100 })), [
      { kind: 'too-large', file: 'big.md', size: 101, limit: 100 },
      { kind: 'text', file: 'small.md', text: 'x'.repeat(100), textKind: { kind: 'utf8' } },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a file deleted while the scan runs is left out, never thrown', () => {
  const root = workspace({ 'a.md': 'x', 'b.md': 'y', 'c.md': 'z' });
  try {
    const seen: string[] = [];
    let removed = '';
    for (const item of scanFolder(root, { classify: anyFile })) {
      seen.push(`${item.kind} ${item.file}`);
      // The walk reads lazily, one file per step: removing a file not read yet is what a user
      // deleting it mid-scan does (the listing order of a folder is the file system's).
      if (!removed) {
        removed = ['a.md', 'b.md', 'c.md'].find((f) => f !== item.file) ?? '';
        rmSync(path.join(root, removed));
      }
    }
    assert.deepEqual(seen.sort(), ['a.md', 'b.md', 'c.md'].filter((f) => f !== removed).map((f) => `text ${f}`));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a link to a file inside is read; links to folders are not followed; dangling links, links outside and pipes are unreadable', () => {
  const root = workspace({ 'a.md': 'x', 'sub/b.md': 'y' });
  const outside = workspace({ 'o.md': 'secret' });
  try {
    symlinkSync(root, path.join(root, 'loop'));
    symlinkSync(path.join(root, 'a.md'), path.join(root, 'link.md'));
    symlinkSync('sub', path.join(root, 'folder.md'));
    symlinkSync(path.join(root, 'gone.md'), path.join(root, 'dangling.md'));
    symlinkSync(path.join(outside, 'o.md'), path.join(root, 'out.md'));
    const fifo = spawnSync('mkfifo', [path.join(root, 'pipe.md')]).status === 0;
    const items = byFile(scanFolder(root, { classify: anyFile })).map((i) => (i.kind === 'text' ? `${i.file} ${i.text}` : i.kind === 'unreadable' ? `${i.file}: ${i.reason}` : i.kind));
    assert.deepEqual(items, [
      'a.md x',
      'dangling.md: a symbolic link to a file that does not exist',
      'link.md x',
      'out.md: a symbolic link to a file outside the folder, which is not followed',
      ...(fifo ? ['pipe.md: not a regular file but a named pipe'] : []),
      'sub/b.md y',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('custom include and exclude globs are honoured', () => {
  const root = workspace({ 'a.md': '', 'notes/b.md': '', 'c.json': '' });
  try {
    const files = [...scanFolder(root, { classify: anyFile, include: ['**/*.md'], exclude: ['notes/**'] })].map((i) => i.file);
    assert.deepEqual(files, ['a.md']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
