import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MilestoneIndex } from '../../../src/core/index/milestoneIndex';
import type { FileReading } from '../../../src/core/model';
import { record } from './recordEvents';

function readingOf(file: string, titles: string[] = ['M']): FileReading {
  return {
    file, convention: 'kb', notes: [],
    milestones: titles.map((title) => ({
      convention: 'kb' as const, file, id: null, title, status: null, statusCategory: 'unknown' as const, line: 0, endLine: 0,
      group: 'g', fields: {}, steps: [], health: [], progress: { done: 0, total: 0 },
    })),
  };
}

test('set stores a reading under its folder and file and says so', () => {
  const index = new MilestoneIndex();
  const events = record(index);
  index.set('A', 'x.md', readingOf('x.md'));
  assert.equal(index.get('A', 'x.md')?.file, 'x.md');
  assert.equal(index.get('B', 'x.md'), undefined);
  assert.deepEqual(events, [{ changes: [{ folder: 'A', file: 'x.md', kind: 'set' }] }]);
});

test('the same relative file in two folders is two entries', () => {
  const index = new MilestoneIndex();
  index.set('A', 'x.md', readingOf('x.md', ['a']));
  index.set('B', 'x.md', readingOf('x.md', ['b', 'c']));
  assert.equal(index.size, 2);
  assert.deepEqual(index.milestones().map((m) => `${m.folder}:${m.milestone.title}`), ['A:a', 'B:b', 'B:c']);
  assert.deepEqual([...index.entries()].map((e) => `${e.folder}/${e.file}`), ['A/x.md', 'B/x.md']);
});

test('setting null or deleting removes the file; deleting a missing file is silent', () => {
  const index = new MilestoneIndex();
  index.set('A', 'x.md', readingOf('x.md'));
  const events = record(index);
  index.set('A', 'x.md', null);
  assert.equal(index.get('A', 'x.md'), undefined);
  assert.equal(index.delete('A', 'x.md'), false);
  assert.deepEqual(events, [{ changes: [{ folder: 'A', file: 'x.md', kind: 'delete' }] }]);
  assert.deepEqual(index.folderKeys(), []);
});

test('rename moves the entry, rewrites its file fields, and reports both paths in one event', () => {
  const index = new MilestoneIndex();
  index.set('A', 'old.md', readingOf('old.md'));
  const events = record(index);
  assert.equal(index.rename('A', 'old.md', 'new.md'), true);
  assert.equal(index.get('A', 'old.md'), undefined);
  assert.equal(index.get('A', 'new.md')?.milestones[0]?.file, 'new.md');
  assert.deepEqual(events, [{ changes: [{ folder: 'A', file: 'old.md', kind: 'delete' }, { folder: 'A', file: 'new.md', kind: 'set' }] }]);
  assert.equal(index.rename('A', 'missing.md', 'x.md'), false);
  index.rename('A', 'new.md', 'not-a-milestone.txt', null);
  assert.equal(index.size, 0);
});

test('deleteFolder and clear remove everything they cover in one event', () => {
  const index = new MilestoneIndex();
  index.set('A', 'a.md', readingOf('a.md'));
  index.set('A', 'b.md', readingOf('b.md'));
  index.set('B', 'c.md', readingOf('c.md'));
  const events = record(index);
  index.deleteFolder('A');
  assert.deepEqual(index.folderKeys(), ['B']);
  index.clear();
  assert.equal(index.size, 0);
  assert.deepEqual(events.map((e) => e.changes.map((c) => `${c.kind} ${c.folder}/${c.file}`)), [['delete A/a.md', 'delete A/b.md'], ['delete B/c.md']]);
});

test('a batch reports all its changes once, at the end', () => {
  const index = new MilestoneIndex();
  const events = record(index);
  index.batch(() => {
    index.set('A', 'a.md', readingOf('a.md'));
    index.batch(() => index.set('A', 'b.md', readingOf('b.md')));
    assert.equal(events.length, 0);
  });
  assert.equal(events.length, 1);
  assert.equal(events[0]!.changes.length, 2);
});

test('a disposed listener hears nothing; a throwing listener does not silence the others', () => {
  const index = new MilestoneIndex();
  let heard = 0;
  const sub = index.onDidChange(() => { heard++; });
  index.onDidChange(() => { throw new Error('view bug'); });
  let other = 0;
  index.onDidChange(() => { other++; });
  assert.throws(() => index.set('A', 'a.md', readingOf('a.md')), /view bug/);
  assert.equal(heard, 1);
  assert.equal(other, 1);
  sub.dispose();
  assert.throws(() => index.set('A', 'b.md', readingOf('b.md')));
  assert.equal(heard, 1);
  assert.equal(other, 2);
});

test('two indexes share nothing', () => {
  const a = new MilestoneIndex();
  const b = new MilestoneIndex();
  a.set('A', 'a.md', readingOf('a.md'));
  assert.equal(b.size, 0);
});
