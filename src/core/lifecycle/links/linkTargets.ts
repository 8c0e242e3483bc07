/**
 * What the links of a markdown file point at, as workspace-relative paths: a destination relative to
 * the file's folder, or `/`-rooted (read as relative to the workspace folder). URLs (`scheme:`,
 * `//host`), fragment-only links and paths that climb above the workspace folder are not file links.
 */
import { dirOf, segmentsOf } from '../../conventions/paths';
import { markdownLinks, type MarkdownLink } from './markdownLinks';

/** A link of a file to a file or folder of the workspace. */
export interface LinkTarget {
  readonly link: MarkdownLink;
  /** The path part of the destination as written (before `?` / `#`, still encoded). */
  readonly written: string;
  /** What it points at, relative to the workspace folder (`''`: the folder itself). */
  readonly path: string;
  /** Written `/`-rooted. */
  readonly rooted: boolean;
}

/** The file links of `text`, a file at `fromFile` (workspace-relative), in text order. */
export function linkTargets(text: string, fromFile: string): LinkTarget[] {
  const out: LinkTarget[] = [];
  const from = dirOf(fromFile);
  for (const link of markdownLinks(text)) {
    const dest = text.slice(link.start, link.end);
    const cut = dest.search(/[?#]/);
    const written = cut < 0 ? dest : dest.slice(0, cut);
    if (written === '' || /^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//')) continue;
    const rooted = written.startsWith('/');
    const path = resolveLinkPath(rooted ? '' : from, decodeDestination(written));
    if (path !== null) out.push({ link, written, path, rooted });
  }
  return out;
}

/** `path` (`/`-separated, `.` and `..` allowed) from the folder `dir`, or null when it climbs above the workspace folder. */
export function resolveLinkPath(dir: string, path: string): string | null {
  const out = segmentsOf(dir);
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

/** The path from the folder `dir` to `target` (both workspace-relative): `x.md`, `../a/x.md`; `.` for `dir` itself. */
export function relativeLinkPath(dir: string, target: string): string {
  const from = segmentsOf(dir);
  const to = segmentsOf(target);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const parts = [...from.slice(common).map(() => '..'), ...to.slice(common)];
  return parts.length === 0 ? '.' : parts.join('/');
}

/** A destination as the file name it means: backslash escapes and percent-encoding undone. */
export function decodeDestination(written: string): string {
  const unescaped = written.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

/** A path for a destination: `%` always encoded; spaces, `<`, `>` and parentheses too unless it goes in angle brackets. */
export function encodeDestination(path: string, angle: boolean): string {
  return path.replace(angle ? /[%<>]/g : /[%<> ()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
