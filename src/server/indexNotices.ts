/**
 * The notices of index changes the language server sends the extension (`milestones/indexChanged`):
 * which files changed, whether they kept their rows, which files' rows show other problems, and the
 * end of a scan. Changes are gathered for a moment (a save and its watcher event are one notice),
 * and during a scan sent at most once a second: each notice repaints the tree.
 */
import type { FolderFile, IndexChange } from '../protocol/viewProtocol';

/** Quiet time that gathers index changes (a save and its watcher event) into one notification. */
const NOTIFY_DELAY_MS = 20;
/** During a scan, the client hears of its progress at most this often: each notice repaints the tree. */
const SCAN_NOTIFY_MS = 1000;

/** What a notice says of the whole index when it is sent. */
export interface IndexState {
  readonly scanning: boolean;
  readonly ready: boolean;
  readonly milestoneFiles: number;
}

export class IndexNotices {
  /** Changes not yet sent (`root\0file` → file), and the problem lines each file's rows show. */
  private readonly files = new Map<string, FolderFile>();
  private readonly problems = new Map<string, FolderFile>();
  private readonly problemLines = new Map<string, string>();
  /** Whether a change since the last notice may have added, removed or regrouped rows. */
  private reshaped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** @param send Sends a notice; undefined: the client asked for none (another editor). */
  constructor(private readonly send: ((change: IndexChange) => void) | undefined, private readonly state: () => IndexState) {}

  /** `key` (`root\0file`) of `file` was stored, removed or gated again; `keptRows`: its rows are the same (`sameRows`). */
  fileChanged(key: string, file: FolderFile | null, keptRows: boolean): void {
    if (!keptRows) this.reshaped = true;
    if (file) this.files.set(key, file);
    this.soon();
  }

  /** The problems `uri`'s rows show are at `lines` now (sorted, joined); told only when they moved. */
  problemsShown(uri: string, file: FolderFile | null, lines: string): void {
    if ((this.problemLines.get(uri) ?? '') === lines) return;
    if (lines === '') this.problemLines.delete(uri);
    else this.problemLines.set(uri, lines);
    if (!file) return;
    this.problems.set(uri, file);
    this.soon();
  }

  /** Sends what was gathered now; `scanned`: a scan ended (the client shows everything again). */
  flush(scanned: boolean): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.send) return;
    if (!scanned && this.files.size === 0 && this.problems.size === 0) return;
    const { ready, milestoneFiles } = this.state();
    // After a scan the client shows everything again: the list of every file would only cost time.
    const change: IndexChange = {
      files: scanned ? [] : [...this.files.values()], problems: scanned ? [] : [...this.problems.values()],
      rowsOnly: !scanned && !this.reshaped, scanned, ready, milestoneFiles,
    };
    this.reshaped = false;
    this.files.clear();
    this.problems.clear();
    this.send(change);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  /** Sends the gathered changes soon: after a short pause, or during a scan at most each `SCAN_NOTIFY_MS`. */
  private soon(): void {
    if (this.timer !== undefined || !this.send) return;
    this.timer = setTimeout(() => this.flush(false), this.state().scanning ? SCAN_NOTIFY_MS : NOTIFY_DELAY_MS);
  }
}
