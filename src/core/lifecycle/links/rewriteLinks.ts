/**
 * Keeping links working when a file moves: the links of other files to it, and the relative links
 * of the moved file itself. Only the path part of a destination changes; its style stays (relative
 * or `/`-rooted, a `./` prefix, angle brackets or percent-encoding, the file name as written), and
 * so do the fragment, the title and every other byte.
 */
import { baseOf, dirOf } from '../../conventions/paths';
import { splitFrontmatter } from '../../frontmatter/splitFrontmatter';
import type { TextEdit } from '../../model';
import { decodeDestination, encodeDestination, linkTargets, relativeLinkPath, type LinkTarget } from './linkTargets';

/**
 * The edits of `text` (the file `fromFile`) that point its links to `oldPath` at `newPath` instead
 * (all workspace-relative): inline links, images and reference definitions, and frontmatter string
 * values that are exactly `oldPath`. One edit a link.
 */
export function rewriteLinksTo(text: string, fromFile: string, oldPath: string, newPath: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const target of linkTargets(text, fromFile)) {
    if (target.path !== oldPath) continue;
    const written = destinationFor(target, fromFile, newPath);
    if (written !== target.written) edits.push(pathEdit(target, written));
  }
  return [...frontmatterPathEdits(text, oldPath, newPath), ...edits];
}

/**
 * The edits of `text` that keep its relative links pointing at the same files once the file moves
 * from `oldFile` to `newFile`; a link to itself follows it, and so does a link to any file `moved`
 * along with it (old path → new path, e.g. the other notes of a distillation), rooted or not.
 * Other `/`-rooted links and URLs stay.
 */
export function rebaseRelativeLinks(text: string, oldFile: string, newFile: string, moved: ReadonlyMap<string, string> = new Map()): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const target of linkTargets(text, oldFile)) {
    const to = target.path === oldFile ? newFile : moved.get(target.path);
    if (target.rooted && to === undefined) continue;
    const written = destinationFor(target, newFile, to ?? target.path);
    if (written !== target.written) edits.push(pathEdit(target, written));
  }
  return edits;
}

/**
 * The edits replacing every frontmatter string value that is exactly `oldPath` by `newPath`, quoted
 * or bare, as a key's value, a list item or a flow-list item (YAML; quoted values in TOML).
 */
export function frontmatterPathEdits(text: string, oldPath: string, newPath: string): TextEdit[] {
  const split = splitFrontmatter(text);
  if (split.kind !== 'yaml' && split.kind !== 'toml') return [];
  const edits: TextEdit[] = [];
  const header = text.slice(0, split.contentEnd);
  for (let at = header.indexOf(oldPath, split.contentStart); at !== -1; at = header.indexOf(oldPath, at + oldPath.length)) {
    const lineStart = header.lastIndexOf('\n', at - 1) + 1;
    const nl = header.indexOf('\n', at);
    const before = header.slice(lineStart, at);
    const after = header.slice(at + oldPath.length, nl < 0 ? header.length : nl).replace(/\r$/, '');
    const quote = before.at(-1);
    const quoted = (quote === '"' || quote === "'") && after.startsWith(quote);
    const bare = /(?::[ \t]+|^[ \t]*-[ \t]+|[[,][ \t]*)$/.test(before) && /^[ \t]*(?:#.*|[,\]].*)?$/.test(after);
    if (quoted || bare) edits.push({ start: at, end: at + oldPath.length, newText: newPath });
  }
  return edits;
}

function pathEdit(target: LinkTarget, written: string): TextEdit {
  return { start: target.link.start, end: target.link.start + target.written.length, newText: written };
}

/**
 * The path part of a destination in `fromFile` pointing at `target`, written like `old`: rooted or
 * relative, with its `./` prefix, its file name as written when that name is kept, a folder link
 * keeping its trailing `/`.
 */
function destinationFor(old: LinkTarget, fromFile: string, target: string): string {
  const { written, link } = old;
  const enc = (path: string) => encodeDestination(path, link.angle);
  const dotSlash = (path: string) => (written.startsWith('./') && !path.startsWith('../') && path !== '.' ? `./${path}` : path);
  const name = written.slice(written.lastIndexOf('/') + 1);
  if (name !== '' && name !== '.' && name !== '..' && decodeDestination(name) === baseOf(target)) {
    const dir = dirOf(target);
    if (old.rooted) return `/${dir === '' ? '' : `${enc(dir)}/`}${name}`;
    const rel = relativeLinkPath(dirOf(fromFile), dir);
    return dotSlash(`${rel === '.' ? '' : `${enc(rel)}/`}${name}`);
  }
  const path = old.rooted ? `/${enc(target)}` : dotSlash(enc(relativeLinkPath(dirOf(fromFile), target)));
  return written.endsWith('/') && !path.endsWith('/') ? `${path}/` : path;
}
