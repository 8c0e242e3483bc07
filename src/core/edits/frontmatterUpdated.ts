import type { TextEdit } from '../model';

/**
 * The edit that sets the YAML frontmatter's top-level `updated:` value to `day` (`YYYY-MM-DD`),
 * keeping how it is quoted (`'…'`, `"…"` or bare) and any trailing comment. Empty when there is no
 * frontmatter, no `updated` key (the key is never added) or it already says `day`.
 *
 * A line scan rather than a YAML parse: the value is a scalar on one line in every convention that
 * has the key, and the scan cannot disturb anything else in the header.
 */
export function frontmatterUpdatedEdits(text: string, day: string): TextEdit[] {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(start, start + 8));
  if (!open) return [];
  let at = start + open[0].length;
  let found: TextEdit[] = [];
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    // Only a closed header is edited: in an unclosed one the "header" may be the whole document.
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) return found;
    const m = /^(updated[ \t]*:[ \t]*)('([^'\n]*)'|"([^"\n]*)"|([^#\s][^#]*?))?[ \t]*(?:#.*)?$/.exec(line);
    if (m) {
      const valueStart = at + m[1]!.length;
      if (m[2] === undefined) {
        found = [{ start: valueStart, end: valueStart, newText: (/[ \t]$/.test(m[1]!) ? '' : ' ') + day }];
      } else {
        const quoted = m[3] ?? m[4];
        const inner = quoted !== undefined ? quoted : m[5]!;
        const innerStart = quoted !== undefined ? valueStart + 1 : valueStart;
        found = inner === day ? [] : [{ start: innerStart, end: innerStart + inner.length, newText: day }];
      }
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  return [];
}
