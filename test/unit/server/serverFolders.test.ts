import * as assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileUri, folderFileUri } from '../../../src/server/serverFolders';
import { nodePlatform } from '../../../src/server/nodePlatform';
import { setServerPlatform } from '../../../src/server/serverPlatform';

setServerPlatform(nodePlatform);

test('a file URI made from its folder root is the one made from the whole path, whatever its characters', () => {
  const roots = ['/work/repo', '/', '/tmp/a b', '/tmp/100%', '/tmp/#1'];
  const files = [
    'docs/milestones.kb/010-slug.md', 'a.md', 'with space/x.md', 'ünïcode/ß.md', '50%.md', 'a#b.md', 'q?.md',
    'a/../b.md', './a.md', 'a/./b.md', '..md', 'a..b/c.md', '.agent/exec_plans/p/milestones/active/EP-1_MS001_x.md',
  ];
  for (const root of roots) {
    for (const file of files) assert.equal(folderFileUri(root, file), fileUri(path.join(root, ...file.split('/'))), `${root} + ${file}`);
  }
});
