import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkTargets, relativeLinkPath, resolveLinkPath } from '../../../src/core/lifecycle/links/linkTargets';
import { markdownLinks } from '../../../src/core/lifecycle/links/markdownLinks';
import { frontmatterPathEdits, rebaseRelativeLinks, rewriteLinksTo } from '../../../src/core/lifecycle/links/rewriteLinks';
import { applyEdits } from '../../../src/core/text/applyEdits';

const PLAN = '.agent/exec_plans/search/milestones';
const OLD = `${PLAN}/active/EP-1_MS002_index.md`;
const NEW = `${PLAN}/archive/2026/11/21/EP-1_MS002_index.md`;

const destinations = (text: string) => markdownLinks(text).map((l) => text.slice(l.start, l.end));

test('inline links, images, titles, angle brackets and reference definitions are found; code and the header are not', () => {
  const text = [
    '---', 'docs: "[x](header.md)"', '---', '',
    '[a](a.md) and ![img](pics/b.png "Title") and [c](<with space.md> \'t\') and [d](e.md#frag)',
    '[nested [brackets]](f(1).md) [e][ref] `[code](no.md)` \\[escaped](no2.md)',
    '```md', '[fenced](no3.md)', '```',
    '',
    '[ref]: g.md "Title"',
    '   [other]:',
    '     <h i.md>',
    '[^1]: a footnote, not a link',
  ].join('\n');
  assert.deepEqual(destinations(text), ['a.md', 'pics/b.png', 'with space.md', 'e.md#frag', 'f(1).md', 'g.md', 'h i.md']);
  assert.deepEqual(markdownLinks(text).map((l) => [l.kind, l.angle]), [
    ['inline', false], ['inline', false], ['inline', true], ['inline', false], ['inline', false], ['reference', false], ['reference', true],
  ]);
});

test('a link split over lines, an unclosed bracket and text that only looks like a link', () => {
  assert.deepEqual(destinations('[a long\ntext](x.md)\n\n[never closed\n\n](not.md) [t] (y.md) [u](z.md "unclosed title\n\nx)'), ['x.md']);
});

test('link targets resolve relative to the file, `/`-rooted to the workspace; URLs, anchors and paths above the root are no targets', () => {
  const text = '[a](../x.md) [b](/docs/y.md#h) [c](https://e.com/z.md) [d](#top) [e](mailto:a@b.c) [f](../../../../up.md) [g](./My%20File.md?v=1) [h](//host/p.md)';
  assert.deepEqual(linkTargets(text, 'docs/sub/file.md').map((t) => [t.written, t.path, t.rooted]), [
    ['../x.md', 'docs/x.md', false],
    ['/docs/y.md', 'docs/y.md', true],
    ['./My%20File.md', 'docs/sub/My File.md', false],
  ]);
});

test('paths resolve and relate both ways', () => {
  assert.equal(resolveLinkPath('a/b', '../c/./d.md'), 'a/c/d.md');
  assert.equal(resolveLinkPath('a', '../../d.md'), null);
  assert.equal(relativeLinkPath('a/b', 'a/c/d.md'), '../c/d.md');
  assert.equal(relativeLinkPath('a/b', 'a/b'), '.');
  assert.equal(relativeLinkPath('', 'a/b.md'), 'a/b.md');
});

test('links of another file to the moved file are rewritten in their own style, fragments and titles kept', () => {
  const text = [
    '# Status',
    '',
    `- [MS002](.agent/exec_plans/search/milestones/active/EP-1_MS002_index.md#definition-of-done "The builder")`,
    `- [root](/${OLD}) and [angle](<./${OLD}>) and [other](${PLAN}/active/EP-1_MS003_ui.md)`,
    '',
    `[ms2]: ./${OLD}`,
  ].join('\n');
  const out = applyEdits(text, rewriteLinksTo(text, 'STATUS.md', OLD, NEW));
  assert.equal(out, [
    '# Status',
    '',
    `- [MS002](${NEW}#definition-of-done "The builder")`,
    `- [root](/${NEW}) and [angle](<./${NEW}>) and [other](${PLAN}/active/EP-1_MS003_ui.md)`,
    '',
    `[ms2]: ./${NEW}`,
  ].join('\n'));
});

test('a link from a sibling milestone climbs out of active/ into the archive, CRLF untouched', () => {
  const text = '# MS003\r\n\r\nAfter [the builder](EP-1_MS002_index.md).\r\n';
  const edits = rewriteLinksTo(text, `${PLAN}/active/EP-1_MS003_ui.md`, OLD, NEW);
  assert.equal(applyEdits(text, edits), '# MS003\r\n\r\nAfter [the builder](../archive/2026/11/21/EP-1_MS002_index.md).\r\n');
  assert.equal(edits.length, 1);
});

test('a percent-encoded or angle-bracketed file name keeps its spelling; new folders with spaces are encoded', () => {
  const old = 'plans/my plan/milestones/active/Index Builder.md';
  const moved = 'plans/my plan/milestones/archive/2026/11/21/Index Builder.md';
  const text = '[a](plans/my%20plan/milestones/active/Index%20Builder.md) [b](<plans/my plan/milestones/active/Index Builder.md>)';
  assert.equal(applyEdits(text, rewriteLinksTo(text, 'README.md', old, moved)),
    '[a](plans/my%20plan/milestones/archive/2026/11/21/Index%20Builder.md) [b](<plans/my plan/milestones/archive/2026/11/21/Index Builder.md>)');
});

test('the moved file\'s relative links are rebased; rooted links, URLs, anchors and code stay', () => {
  const text = [
    '---', 'id: EP-1/MS002', '---', '',
    'See [MS003](EP-1_MS003_ui.md), [plan](../../PLAN.md#goals "Plan"), [folder](../), [self](./EP-1_MS002_index.md#dod).',
    '[root](/docs/x.md) [web](https://x.org/a.md) [top](#top) `[code](EP-1_MS003_ui.md)`',
    '',
    '[def]: <../../notes/a b.md>',
  ].join('\n');
  assert.equal(applyEdits(text, rebaseRelativeLinks(text, OLD, NEW)), [
    '---', 'id: EP-1/MS002', '---', '',
    'See [MS003](../../../../active/EP-1_MS003_ui.md), [plan](../../../../../PLAN.md#goals "Plan"), [folder](../../../../), [self](./EP-1_MS002_index.md#dod).',
    '[root](/docs/x.md) [web](https://x.org/a.md) [top](#top) `[code](EP-1_MS003_ui.md)`',
    '',
    '[def]: <../../../../../notes/a b.md>',
  ].join('\n'));
});

test('frontmatter values equal to the path are rewritten, quoted or bare, in lists too; a longer value is not', () => {
  const header = (path: string) => [
    '---',
    `docs: "${path}"`,
    `plain: ${path} # the builder`,
    'related:',
    `  - '${path}'`,
    `flow: [a.md, ${path}]`,
    `other: ${OLD}.bak`,
    '---',
    `Body mentions ${OLD}`,
  ].join('\n');
  assert.equal(applyEdits(header(OLD), frontmatterPathEdits(header(OLD), OLD, NEW)), header(NEW));
});
