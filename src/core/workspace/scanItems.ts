/**
 * What a scan of a folder yields, whichever host lists and reads the files (Node's file system in
 * `scanFolder`, the web's mirror in `server/mirrorPlatform.ts`), and the rules they share.
 */
import type { FoundFile } from '../conventions/readFoundFile';
import { classifyPath } from '../conventions/readMilestoneFile';
import { isApprovalLog } from '../lifecycle/approval/approvalGate';
import { matcher } from './globs';

/** Files larger than this are not read by default (setting `milestones.maxFileSize`, `--max-file-size`). */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface ScanOptions {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Bytes; larger files are reported as `too-large`, not read. */
  readonly maxFileSize?: number;
  /** Decides from the path whether a file is worth reading; default the readers' `classifyPath`. */
  readonly classify?: (file: string) => unknown;
}

/**
 * What the scan found for one candidate file (`readFoundFile` reads it), or a folder it could not
 * list. `file` is relative to the folder, `/`-separated.
 */
export type ScanItem =
  | ({ readonly file: string } & FoundFile)
  | { readonly kind: 'unreadable-folder'; readonly file: string; readonly message: string };

/**
 * The exclude test for files. A glob `X/**` matches a file either as `X` itself or as a path below a
 * folder matching `X`; the walk never enters such a folder (`folderMatcher` prunes it), so for files
 * only `X` is left to test. Same answers as `matcher(excludes)` on every file the walk reaches, without
 * running `(?:[^/]*\/)*dir(?:\/.*)?` for each of the nine default globs on every path (measured: the
 * full exclude regex was ~2 µs a file, 20 ms of a 10k-file scan).
 */
export function fileExcludeMatcher(excludes: readonly string[]): (file: string) => boolean {
  return matcher(excludes.map((g) => (g.endsWith('/**') && g.length > 3 ? g.slice(0, -3) : g)));
}


/**
 * Whether a scan reads the bytes of `file` (relative, `/`-separated): a possible milestone file
 * (`classifyPath`) or an approval log (DECISIONS.md, read for the milestones beside it). On the web
 * the extension sends the language server these files' bytes and only the names of the others.
 */
export function readsBytes(file: string): boolean {
  return classifyPath(file) !== null || isApprovalLog(file);
}
