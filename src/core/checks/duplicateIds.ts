import type { Problem } from '../problems';
import { lineRange } from '../problems';
import { headerValueSpan } from './headerSpans';
import { sessionTokens } from './sessionJsonTokens';
import { groupBy, type CheckedFile, type Placers } from './workspaceFiles';

interface IdCopy {
  readonly folder: string;
  readonly file: string;
  readonly id: string;
  /** Where the id is written: a frontmatter key, or the JSON top-level key. */
  readonly key: { readonly kind: 'yaml' | 'json'; readonly name: string };
}

/**
 * `duplicate-id` (error) on each copy of an id written by two or more files across all folders:
 * a frontmatter `id` (ExecPlan and any other header that has one) or a session JSON `milestone_id`.
 * Ids made up by the readers (a KB file number, a handoff number, a heading's number) are not
 * compared: KB numbers have their own check, and the others are not ids the files state.
 */
export function duplicateIdProblems(files: readonly CheckedFile[], placers: Placers): { folder: string; problem: Problem }[] {
  const copies: IdCopy[] = [];
  for (const { folder, reading } of files) {
    for (const m of reading.milestones) {
      if (reading.convention === 'session-json') {
        if (m.id !== null && m.id.length > 0) copies.push({ folder, file: reading.file, id: m.id, key: { kind: 'json', name: 'milestone_id' } });
      } else if (reading.convention !== 'status-md') {
        const id = m.fields['id'];
        if (typeof id === 'string' && id.trim().length > 0) copies.push({ folder, file: reading.file, id: id.trim(), key: { kind: 'yaml', name: 'id' } });
      }
    }
  }
  const out: { folder: string; problem: Problem }[] = [];
  const multiFolder = new Set(files.map((f) => f.folder)).size > 1;
  for (const [id, group] of groupBy(copies, (c) => c.id)) {
    if (group.length < 2) continue;
    for (const c of group) {
      // Named by the folder's last segment and sorted, so the CLI (folder paths) and the extension
      // (folder URIs, files in index order) write the same sentence.
      const others = group.filter((o) => o !== c)
        .map((o) => (multiFolder && o.folder !== c.folder ? `${o.file} (in ${folderName(o.folder)})` : o.file))
        .sort();
      const place = placers.of(c.folder, c.file);
      let range = lineRange(0, null);
      if (place !== null) {
        const span = c.key.kind === 'json' ? sessionTokens(place.text).top.get(c.key.name) : headerValueSpan(place.text, c.key.name);
        range = span !== undefined && span !== null ? place.range(span) : place.line(0);
      }
      out.push({
        folder: c.folder,
        problem: {
          file: c.file, severity: 'error', code: 'duplicate-id', range,
          message: `id "${id}" is also used by ${others.join(', ')}: milestone ids must be unique`,
        },
      });
    }
  }
  return out;
}

/** The last segment of a folder key: a path or a URI (`file:///…/lantern/` → `lantern`). */
function folderName(folder: string): string {
  const trimmed = folder.replace(/[\\/]+$/, '');
  const last = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(folder)) return last;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
