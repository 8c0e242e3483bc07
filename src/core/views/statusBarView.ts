/**
 * What the status bar item shows of the active editor's milestone, as plain data: its text, a
 * plain-text accessible label (a markdown tooltip is not read out as markdown), and the tooltip's
 * lines. Nothing here imports `vscode`.
 */
import type { Milestone } from '../model';
import { progressText, progressWords, statusText } from './milestoneWords';

const TITLE_MAX = 30;

export interface StatusBarView {
  /** `Index builder 3/7`: the title shortened to fit, and the progress when there is one. */
  readonly text: string;
  /** `Milestone Index builder: 3 of 7 steps done, status in_progress (Active)`. */
  readonly accessibleLabel: string;
  /** The tooltip's lines after the title: file, status, progress. */
  readonly details: readonly string[];
}

/** `title` cut to `max` characters with an ellipsis. */
export function shortTitle(title: string, max = TITLE_MAX): string {
  return title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
}

export function statusBarView(milestone: Milestone): StatusBarView {
  const progress = progressText(milestone);
  return {
    text: `${shortTitle(milestone.title)}${progress === '' ? '' : ` ${progress}`}`,
    accessibleLabel: `Milestone ${milestone.title}: ${progressWords(milestone)}, status ${statusText(milestone)}`,
    details: [`File: ${milestone.file}:${milestone.line + 1}`, `Status: ${statusText(milestone)}`, `Progress: ${progressWords(milestone)}`],
  };
}
