// A workspace of markdown and JSON files none of which is a milestone file (`bench:vscode --plain N`):
// docs pages with ordinary frontmatter and JSON data files, in folders of 100, named so that no
// activation pattern of the extension (package.json `workspaceContains:`) matches.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `count` files under `root`: 4 in 5 markdown pages, 1 in 5 JSON files. */
export function generatePlainWorkspace(root: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, i % 5 === 4 ? 'data' : 'docs', `section-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0 || i % 100 === 4) mkdirSync(dir, { recursive: true });
    if (i % 5 === 4) {
      writeFileSync(path.join(dir, `item-${i}.json`), `${JSON.stringify({ id: i, name: `Item ${i}`, tags: ['alpha', 'beta'], size: i * 7 % 1000 }, null, 2)}\n`);
    } else {
      writeFileSync(path.join(dir, `page-${i}.md`), `---\ntitle: Page ${i}\ntags: [guide, reference]\n---\n\n# Page ${i}\n\nSome text about topic ${i}.\n\n- a list item\n- another one\n`);
    }
  }
}
