/**
 * What a handoff note says under the three headings of a milestone summary (seed 002): the list
 * items under "Changes", "Decisions" and "Discoveries" (any heading naming them: "Changes made",
 * "Key decisions", "What we discovered"), nested items kept one level deeper.
 */
import { readFrontmatter } from '../../frontmatter/readFrontmatter';
import type { ScanHeading } from '../../markdown/markdownScan';
import { scanMarkdown } from '../../markdown/scanMarkdown';

export type SummarySection = 'changes' | 'decisions' | 'discoveries';

export const SUMMARY_SECTIONS: readonly SummarySection[] = ['changes', 'decisions', 'discoveries'];

const NAMES: Readonly<Record<SummarySection, RegExp>> = {
  changes: /\bchange[sd]?\b/i,
  decisions: /\bdecisions?\b/i,
  discoveries: /\bdiscover(?:y|ies|ed)\b/i,
};

/** A list item to copy: its text as written (checkbox dropped) and its nesting below the section's list. */
export interface NoteItem {
  readonly text: string;
  readonly depth: number;
}

/** What one note gives the summary. */
export interface NoteSections {
  readonly items: Readonly<Record<SummarySection, readonly NoteItem[]>>;
  /** True when the note has at least one heading naming a summary section. */
  readonly hasSections: boolean;
  /** The note's `##` headings, in order (what the summary lists when it has none of the sections). */
  readonly sections: readonly string[];
}

/** The summary items of the note `text`: each item counts under the nearest heading above it that names a section. */
export function noteSections(text: string): NoteSections {
  const fm = readFrontmatter(text);
  const scan = scanMarkdown(text, fm.bodyStart, fm.bodyLine);
  const sectionOf = (h: number): SummarySection | null => {
    for (let a = h; a >= 0; a = scan.headings[a]!.parent) {
      const found = SUMMARY_SECTIONS.find((s) => NAMES[s].test(scan.headings[a]!.text));
      if (found !== undefined) return found;
    }
    return null;
  };
  const items: Record<SummarySection, NoteItem[]> = { changes: [], decisions: [], discoveries: [] };
  const listed = [...scan.bullets, ...scan.tasks].sort((a, b) => a.line - b.line);
  for (const item of listed) {
    const section = sectionOf(item.heading);
    if (section !== null && item.text.trim() !== '') items[section].push({ text: item.text.trim(), depth: item.depth });
  }
  return {
    items,
    hasSections: scan.headings.some((h: ScanHeading) => SUMMARY_SECTIONS.some((s) => NAMES[s].test(h.text))),
    sections: scan.headings.filter((h) => h.level === 2).map((h) => h.text),
  };
}
