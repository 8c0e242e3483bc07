import type { FileNote } from './collectMilestones';
import { isCounted, type FileReading } from '../core/model';

/**
 * Writes the `list --json` document to `out`, from the `milestonesJson` of each file in order and the
 * notes. The keys of the contract come first and exactly as specified (`file`, `convention`,
 * `id`, `title`, `status`, `progress`, `steps` — counted steps only, lines 1-based); extras follow:
 * `folder` (when several folders were given), `statusCategory` (`awaiting-approval` for a milestone
 * that waits for its logged approval), `line`, `storedProgress` (session JSON), `approval`
 * (`{ required: true, logged }`, only where an approval is required), `nonstandard` (markers GitHub
 * does not render, never counted). A top-level `notes` array holds what was noticed per file (reader
 * notes, skipped files). The same text as `JSON.stringify` of the whole document, on one line.
 *
 * Written in pieces of about `CHUNK` characters. Why: the document of the 10k-file bench is 16.8 M
 * characters; joining it into one string and then adding its frame copied it twice, ~300 ms of CPU
 * (more than the read floor itself), where the pieces cost one copy in small allocations.
 */
export function writeListJson(files: readonly string[], notes: readonly FileNote[], severalFolders: boolean, out: (text: string) => void): void {
  const list = notes.map((n) => ({
    ...(severalFolders ? { folder: n.folder } : {}),
    file: n.file, line: n.line, severity: n.severity, code: n.code, message: n.message,
  }));
  // One line: the document is for programs, and `jq` pretty-prints it for people.
  let piece: string[] = ['{"milestones":['];
  let size = 0;
  let first = true;
  for (const f of files) {
    if (f === '') continue;
    if (!first) piece.push(',');
    first = false;
    piece.push(f);
    size += f.length;
    if (size >= CHUNK) {
      out(piece.join(''));
      piece = [];
      size = 0;
    }
  }
  piece.push('],"notes":', JSON.stringify(list), '}\n');
  out(piece.join(''));
}

/** About how many characters `writeListJson` writes at a time. */
const CHUNK = 1 << 20;

/**
 * The entries of `writeListJson`'s `milestones` array for one file's reading, joined by commas ('' when it
 * has none); `folder` is given when several folders were. Made while the scan goes on, so `list`
 * keeps this one string per file instead of the reading (see `collectSummaries`).
 */
export function milestonesJson(reading: FileReading, folder: string | null): string {
  const milestones = reading.milestones.map((m) => {
    const counted = m.steps.filter(isCounted);
    const nonstandard = m.steps.filter((s) => s.state === 'nonstandard');
    return {
      file: m.file,
      convention: m.convention,
      id: m.id,
      title: m.title,
      status: m.status,
      progress: { done: m.progress.done, total: m.progress.total },
      steps: counted.map((s) => ({ text: s.text, done: s.state === 'done', line: s.line + 1 })),
      ...(folder !== null ? { folder } : {}),
      statusCategory: m.statusCategory,
      line: m.line + 1,
      ...(m.storedProgress !== undefined ? { storedProgress: m.storedProgress } : {}),
      ...(m.approval !== undefined ? { approval: { required: m.approval.required, logged: m.approval.logged } } : {}),
      ...(nonstandard.length > 0
        ? { nonstandard: nonstandard.map((s) => ({ text: s.text, marker: s.source.kind === 'task' ? s.source.marker : null, line: s.line + 1 })) }
        : {}),
    };
  });
  // `JSON.stringify` of the array without its brackets: the entries as the whole document writes them.
  return milestones.length === 0 ? '' : JSON.stringify(milestones).slice(1, -1);
}
