import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, folderMatcher, globToRegExp, matcher } from '../../../src/core/workspace/globs';

function yes(glob: string, ...paths: string[]): void {
  for (const p of paths) assert.equal(globToRegExp(glob).test(p), true, `${glob} should match ${p}`);
}
function no(glob: string, ...paths: string[]): void {
  for (const p of paths) assert.equal(globToRegExp(glob).test(p), false, `${glob} should not match ${p}`);
}

test('`**/` matches any number of folders, none included', () => {
  yes('**/*.md', 'a.md', 'x/a.md', 'x/y/z/a.md', '.agent/exec_plans/a.md');
  no('**/*.md', 'a.mdx', 'a.md/b.json', 'amd');
  yes('docs/**/*.md', 'docs/a.md', 'docs/x/y/a.md');
  no('docs/**/*.md', 'other/docs/a.md');
});

test('`*` and `?` stay within one segment', () => {
  yes('*.md', 'a.md', '.md', 'with space - and é.md');
  no('*.md', 'x/a.md');
  yes('MS???_*.md', 'MS003_slug.md');
  no('MS???_*.md', 'MS03_slug.md', 'MS0/3_slug.md');
});

test('a trailing `/**` matches the folder itself and everything below it', () => {
  yes('**/node_modules/**', 'node_modules', 'node_modules/x/a.md', 'pkg/node_modules/a.json');
  no('**/node_modules/**', 'node_modules_old/a.md', 'my-node_modules/a.md');
  yes('**', 'a', 'a/b/c');
});

test('braces give alternatives, may hold globs and nest', () => {
  yes('**/*.{md,json}', 'a.md', 'b/c.json');
  no('**/*.{md,json}', 'a.yml');
  yes('{STATUS,ROADMAP}.md', 'STATUS.md', 'ROADMAP.md');
  yes('{a/**,b/*.{md,txt}}', 'a/x/y', 'b/c.txt');
  no('{a/**,b/*.{md,txt}}', 'b/x/c.txt');
});

test('brackets match one character of a class, negated with ! or ^, never a slash', () => {
  yes('[0-9][0-9]0-*.md', '010-core.md');
  no('[0-9][0-9]0-*.md', 'a10-core.md');
  yes('[!a]*.md', 'b.md');
  no('[!a]*.md', 'a.md', '/x.md');
  yes('[^a]*.md', 'b.md');
});

test('regex characters in a glob are literal', () => {
  yes('a+b(1).md', 'a+b(1).md');
  no('a+b(1).md', 'aab1.md');
  yes('a.b', 'a.b');
  no('a.b', 'axb');
});

test('the default globs read markdown and JSON and prune dependency and build folders', () => {
  const include = matcher(DEFAULT_INCLUDE);
  const prune = folderMatcher(DEFAULT_EXCLUDE);
  assert.equal(include('docs/milestones.kb/010-x.md'), true);
  assert.equal(include('MILESTONES/deploy.json'), true);
  assert.equal(include('src/a.ts'), false);
  for (const folder of ['node_modules', 'a/node_modules', '.git', 'dist', 'x/out', 'build', '.vscode-test', 'coverage', '.next', 'target']) {
    assert.equal(prune(folder), true, folder);
  }
  for (const folder of ['src', 'docs', 'outline', 'distant', 'MILESTONES']) assert.equal(prune(folder), false, folder);
});
