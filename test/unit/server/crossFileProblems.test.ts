// The language server's checks across files (ServerIndex): a file read again with the same facts
// (ids, depends-on) keeps every file's problems, placed again in its own new text only; a change of
// facts checks everything again.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { ServerIndex } from '../../../src/server/serverIndex';
import { nodePlatform } from '../../../src/server/nodePlatform';
import { setServerPlatform } from '../../../src/server/serverPlatform';

setServerPlatform(nodePlatform);

const A = 'docs/milestones.kb/010-parser.md';
const B = 'docs/milestones.kb/020-renderer.md';
const kb = (dependsOn: string, extra = '') => `---\nstatus: in-progress\n${extra}depends-on: [${dependsOn}]\n---\n\n# Milestone: work\n\n- [ ] One\n- [ ] Two\n`;

test('a tick keeps the problems across files; a line added above moves the file\'s own; new facts are checked again', () => {
  const texts = new Map<string, string>([[A, kb('"099"')], [B, kb('"098"')]]);
  const asked: string[] = [];
  const index = new ServerIndex((_root, file) => {
    asked.push(file);
    return texts.get(file) ?? null;
  }, () => Infinity);
  const set = (file: string, text: string) => {
    texts.set(file, text);
    index.set('/w', file, readMilestoneFile(file, text));
  };
  set(A, texts.get(A)!);
  set(B, texts.get(B)!);
  const missing = (file: string) => index.problemsOf('/w', file).filter((p) => p.code === 'kb-depends-missing').map((p) => `${p.range.start.line}:${p.range.start.character}`);
  assert.deepEqual(missing(A), ['2:13']);
  assert.deepEqual(missing(B), ['2:13']);

  // A step ticked: the same problems, and B's text is not read again to place its own.
  set(A, texts.get(A)!.replace('- [ ] One', '- [x] One'));
  asked.length = 0;
  assert.deepEqual(missing(A), ['2:13']);
  assert.deepEqual(missing(B), ['2:13']);
  assert.deepEqual(asked, [A]);

  // A header line added above depends-on: A's problem moves down a line.
  set(A, kb('"099"', 'owner: me\n'));
  assert.deepEqual(missing(A), ['3:13']);
  assert.deepEqual(missing(B), ['2:13']);

  // depends-on now names B's id: A's problem is gone (every file checked again).
  set(A, kb('"020"', 'owner: me\n'));
  assert.deepEqual(missing(A), []);
  assert.deepEqual(missing(B), ['2:13']);
});
