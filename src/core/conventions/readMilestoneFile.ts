import type { ConventionId, FileReading } from '../model';

/**
 * Decides from the path alone (relative to the workspace folder, `/`-separated) whether a file can
 * be a milestone file: its convention when the path says so, `'markdown'` for any other markdown
 * file that is a milestone file only if its content says so (status-md sniffing), null otherwise.
 * STUB: implemented by the core readers.
 */
export function classifyPath(file: string): ConventionId | 'markdown' | null {
  void file;
  return null;
}

/**
 * Reads one file into milestones. Returns null when the file is not a milestone file of any
 * convention. Never throws on bad content: problems become `notes`, and what could be read is kept.
 * STUB: implemented by the core readers.
 */
export function readMilestoneFile(file: string, text: string): FileReading | null {
  void file; void text;
  return null;
}
