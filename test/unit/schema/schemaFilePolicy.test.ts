import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_SCHEMA_FILE_BYTES, readSchemaFile } from '../../../src/core/schema/schemaFilePolicy';
import type { SchemaFileFacts, SchemaHost, SchemaHostRead } from '../../../src/core/schema/schemaTypes';
import { nodeSchemaHost } from '../../../src/core/workspace/nodeSchemaHost';

const posix = process.platform !== 'win32';

/** A host that reports what it is told and counts reads. */
function fakeHost(facts: Record<string, SchemaFileFacts>, read: SchemaHostRead = { kind: 'text', text: 'type: object\n' }): SchemaHost & { reads: number } {
  const host = {
    reads: 0,
    stat: (p: string) => facts[p] ?? null,
    readText: () => { host.reads++; return read; },
  };
  return host;
}

const regular = (realPath: string, size = 10): SchemaFileFacts => ({ regular: true, size, realPath });

test('a regular file inside the folder and under the size bound is read', () => {
  const host = fakeHost({ '/ws': { regular: false, size: 0, realPath: '/ws' }, '/ws/s.yaml': regular('/ws/s.yaml') });
  assert.deepEqual(readSchemaFile(host, '/ws', '/ws/s.yaml'), { kind: 'text', text: 'type: object\n' });
  assert.deepEqual(readSchemaFile(host, '/ws', '/ws/none.yaml'), { kind: 'missing' });
});

test('each rule broken is named, and nothing is read', () => {
  const host = fakeHost({
    '/ws/pipe.yaml': { regular: false, size: 0, realPath: '/ws/pipe.yaml' },
    '/dev/zero': { regular: false, size: 0, realPath: '/dev/zero' },
    '/etc/passwd': regular('/etc/passwd'),
    '/ws/link.yaml': regular('/elsewhere/x.yaml'),
    '/ws/big.yaml': regular('/ws/big.yaml', 5 * 1024 * 1024),
    '/ws-other/s.yaml': regular('/ws-other/s.yaml'),
  });
  const message = (p: string): string => {
    const r = readSchemaFile(host, '/ws', p);
    assert.equal(r.kind, 'refused');
    return (r as { message: string }).message;
  };
  assert.equal(message('/ws/pipe.yaml'), 'pipe.yaml is not a regular file');
  assert.equal(message('/dev/zero'), '/dev/zero is not a regular file');
  assert.equal(message('/etc/passwd'), '/etc/passwd is outside the workspace folder; Milestones reads schemas only from inside it');
  assert.equal(message('/ws-other/s.yaml'), '/ws-other/s.yaml is outside the workspace folder; Milestones reads schemas only from inside it');
  assert.equal(message('/ws/link.yaml'), 'link.yaml links to /elsewhere/x.yaml, outside the workspace folder; Milestones reads schemas only from inside it');
  assert.equal(message('/ws/big.yaml'), 'big.yaml is 5.0 MB, over the 256 KB limit for schema files');
  assert.equal(host.reads, 0);
});

test('a file that grows past the bound between stat and read is refused', () => {
  const host = fakeHost({ '/ws/s.yaml': regular('/ws/s.yaml') }, { kind: 'too-large' });
  assert.deepEqual(readSchemaFile(host, '/ws', '/ws/s.yaml'), { kind: 'refused', message: 's.yaml grew past the 256 KB limit for schema files while it was read' });
});

test('a host that throws is a missing file', () => {
  const fire = (): never => { throw new Error('disk on fire'); };
  assert.deepEqual(readSchemaFile({ stat: fire, readText: fire }, '/ws', '/ws/s.yaml'), { kind: 'missing' });
});

const roots: string[] = [];
after(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });

function tempFolder(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'milestones-policy-'));
  roots.push(root);
  return root;
}

test('on disk: regular files, symlinks resolved, and the bound read without reading the rest', () => {
  const root = tempFolder();
  const ws = path.join(root, 'ws');
  mkdirSync(path.join(ws, 'docs'), { recursive: true });
  writeFileSync(path.join(ws, 'docs/s.yaml'), 'type: object\n');
  writeFileSync(path.join(root, 'outside.yaml'), 'type: object\n');
  writeFileSync(path.join(ws, 'docs/big.yaml'), Buffer.alloc(MAX_SCHEMA_FILE_BYTES + 10, 0x20));
  assert.deepEqual(readSchemaFile(nodeSchemaHost, ws, path.join(ws, 'docs/s.yaml')), { kind: 'text', text: 'type: object\n' });
  assert.deepEqual(nodeSchemaHost.readText(path.join(ws, 'docs/big.yaml'), MAX_SCHEMA_FILE_BYTES), { kind: 'too-large' });
  // The bound itself: a file of exactly that many bytes is read, one byte more is too large.
  assert.deepEqual(nodeSchemaHost.readText(path.join(ws, 'docs/s.yaml'), 13), { kind: 'text', text: 'type: object\n' });
  assert.deepEqual(nodeSchemaHost.readText(path.join(ws, 'docs/s.yaml'), 12), { kind: 'too-large' });
  assert.deepEqual(nodeSchemaHost.readText(path.join(ws, 'docs/s.yaml'), Infinity), { kind: 'text', text: 'type: object\n' });
  if (posix && existsSync('/proc/self/status')) {
    // A file larger than its size says (as one that grows while it is read): read to its end, within the bound.
    const status = nodeSchemaHost.readText('/proc/self/status', 1 << 20);
    assert.ok(status.kind === 'text' && status.text.startsWith('Name:') && status.text.length > 200, JSON.stringify(status).slice(0, 80));
    assert.deepEqual(nodeSchemaHost.readText('/proc/self/status', 100), { kind: 'too-large' });
  }
  assert.match((readSchemaFile(nodeSchemaHost, ws, path.join(ws, 'docs')) as { message: string }).message, /^docs is not a regular file$/);
  if (!posix) return;
  symlinkSync(path.join(root, 'outside.yaml'), path.join(ws, 'docs/link.yaml'));
  symlinkSync(path.join(ws, 'docs/s.yaml'), path.join(ws, 'inside-link.yaml'));
  assert.match((readSchemaFile(nodeSchemaHost, ws, path.join(ws, 'docs/link.yaml')) as { message: string }).message, /^docs\/link\.yaml links to .*outside\.yaml, outside the workspace folder/);
  assert.equal(readSchemaFile(nodeSchemaHost, ws, path.join(ws, 'inside-link.yaml')).kind, 'text');
  // The folder itself behind a symlink: what counts is where files really are.
  symlinkSync(ws, path.join(root, 'ws-link'));
  assert.equal(readSchemaFile(nodeSchemaHost, path.join(root, 'ws-link'), path.join(root, 'ws-link/docs/s.yaml')).kind, 'text');
});

test('on disk: a FIFO and /dev/zero are refused by stat, and reading them anyway neither blocks nor runs on', { skip: !posix }, () => {
  const ws = tempFolder();
  const fifo = path.join(ws, 'pipe.yaml');
  execFileSync('mkfifo', [fifo]);
  assert.deepEqual(readSchemaFile(nodeSchemaHost, ws, fifo), { kind: 'refused', message: 'pipe.yaml is not a regular file' });
  assert.deepEqual(readSchemaFile(nodeSchemaHost, ws, '/dev/zero'), { kind: 'refused', message: '/dev/zero is not a regular file' });
  // As if the path had changed after stat: the host opens without blocking and checks again.
  assert.deepEqual(nodeSchemaHost.readText(fifo, MAX_SCHEMA_FILE_BYTES), { kind: 'unreadable' });
  assert.deepEqual(nodeSchemaHost.readText('/dev/zero', MAX_SCHEMA_FILE_BYTES), { kind: 'unreadable' });
});
