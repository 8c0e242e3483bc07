import type { FileReading } from '../model';
import { dirOf } from './paths';

/**
 * A text that is one link and at most a short remark: `[Setup](milestones/01-setup.md)`,
 * `**[M2](m2.md)** — in progress`, `[[m3]]`. Group 1 or 2 is the target.
 */
const LINK_ONLY = /^(?:\*\*|__)?(?:\[[^\]]*\]\(\s*<?([^)>\s]+)>?(?:\s+"[^"]*")?\s*\)|\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\])(?:\*\*|__)?(?:\s*[-–—:(|].{0,60})?$/;

/**
 * The workspace path a relative link in `file` points at (fragment dropped, `%20` decoded, `./`
 * and `../` resolved), or null for a URL, an anchor or a link that leaves the workspace.
 */
function linkTarget(file: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('/')) return null;
  let t = target.replace(/#.*$/, '');
  try { t = decodeURI(t); } catch { /* as written */ }
  const out = dirOf(file) === '' ? [] : dirOf(file).split('/');
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { if (out.pop() === undefined) return null; } else out.push(seg);
  }
  return out.length === 0 ? null : out.join('/');
}

/**
 * True when a STATUS-style reading only points at other milestone files (an index or "manager"
 * file): every task item is a link to a file `isMilestoneFile` accepts (wiki links `[[m3]]` name
 * one without its `.md`), every milestone either has such items, is titled by a link, or holds
 * nothing (no item, no field), and there is at least one link. A milestone whose steps merely link
 * the documents they are about (`- [ ] [API guide](docs/api.md)`) is not an index: `docs/api.md`
 * is no milestone file.
 */
export function isLinkIndex(reading: FileReading, isMilestoneFile: (file: string) => boolean): boolean {
  const points = (text: string): boolean => {
    const m = LINK_ONLY.exec(text.trim());
    if (m === null) return false;
    const target = linkTarget(reading.file, m[1] ?? `${m[2]!.trim()}.md`);
    return target !== null && isMilestoneFile(target);
  };
  let links = 0;
  for (const m of reading.milestones) {
    const titled = points(m.title);
    if (titled) links++;
    for (const s of m.steps) {
      if (s.source.kind !== 'task' || !points(s.text)) return false;
      links++;
    }
    if (!titled && m.steps.length === 0 && Object.keys(m.fields).length > 0) return false;
  }
  return links > 0;
}
