/** Small helpers over workspace-relative, `/`-separated paths. */

/** The path's segments, ignoring empty ones (a leading `./` or doubled slashes). */
export function segmentsOf(file: string): string[] {
  return file.split('/').filter((s) => s.length > 0 && s !== '.');
}

/** The folder part of a path (`a/b/c.md` → `a/b`), or `''`. */
export function dirOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i === -1 ? '' : file.slice(0, i);
}

/** The file name (`a/b/c.md` → `c.md`). */
export function baseOf(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** The file name without its last extension. */
export function stemOf(file: string): string {
  const base = baseOf(file);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** True when the name ends with `.md` / `.markdown` (any case). */
export function isMarkdownName(file: string): boolean {
  return /\.(?:md|markdown)$/i.test(file);
}

/** A slug as a readable title: `010-single-session-core` → `single session core` without the number. */
export function titleFromSlug(slug: string): string {
  const t = slug.replace(/^\d+[-_. ]*/, '').replace(/[-_]+/g, ' ').trim();
  return t.length > 0 ? t : slug;
}

/** True when a folder above the file is named `milestone` or `milestones` (any case). */
export function inMilestonesFolder(file: string): boolean {
  const segs = segmentsOf(file);
  for (let i = 0; i < segs.length - 1; i++) if (/^milestones?$/i.test(segs[i]!)) return true;
  return false;
}
