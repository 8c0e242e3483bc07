/**
 * The two files of a distilled milestone folder (seed 002), in the seed's writing style: short
 * bullets under `## Changes` / `## Decisions` / `## Discoveries` / `## Current State`, and
 * `## <topic>` sections with `**Problem:**` / `**Solution:**`. Pre-filled from the notes, each
 * bullet linked to the note it comes from; what the notes do not say is left as a placeholder
 * comment (which the readers skip). LF line endings.
 */
import { SUMMARY_SECTIONS, type NoteItem, type NoteSections, type SummarySection } from './noteSections';
import type { ProblemSolution } from './problemSolutions';

/** One note as the texts use it. */
export interface DistilledNote {
  /** Its file name (it moves next to the summary, so this is also the link to it). */
  readonly name: string;
  readonly sections: NoteSections;
  readonly pairs: readonly ProblemSolution[];
}

const HEADINGS: Readonly<Record<SummarySection, string>> = { changes: 'Changes', decisions: 'Decisions', discoveries: 'Discoveries', state: 'Current State' };

const NONE: Readonly<Record<SummarySection, string>> = {
  changes: '<!-- What was built or changed, one fact a line. -->',
  decisions: '<!-- Decisions made, and why. -->',
  discoveries: '<!-- What was found out about the system or the data. -->',
  state: '<!-- What works now and what is left to do, one line each. -->',
};

/** A note's item with the note it comes from. */
interface SourcedItem extends NoteItem {
  readonly note: string;
}

/**
 * `0-milestone-summary.md`: `# Milestone N: <name> — <day>`, the notes it was distilled from (linked),
 * then Changes, Decisions and Discoveries with what every note says under them (`noteSections`), and
 * Current State with what the latest note that says anything about it says (earlier ones are out of
 * date by then). Each top-level bullet ends with a link to its note; a text two notes share is kept once.
 */
export function summaryText(n: number, name: string, day: string, notes: readonly DistilledNote[]): string {
  const collected: Record<SummarySection, SourcedItem[]> = { changes: [], decisions: [], discoveries: [], state: [] };
  for (const note of notes) {
    for (const s of SUMMARY_SECTIONS) {
      const items = note.sections.items[s].map((item) => ({ ...item, note: note.name }));
      if (s === 'state' && items.length > 0) collected.state = items;
      else collected[s].push(...items);
    }
  }
  const out = [`# Milestone ${n}: ${name} — ${day}`, '', `Distilled from ${joinAnd(notes.map((note) => noteLink(note.name)))}.`];
  for (const s of SUMMARY_SECTIONS) {
    const items = bulletLines(collected[s]);
    out.push('', `## ${HEADINGS[s]}`, ...(items.length > 0 ? items : [NONE[s]]));
  }
  return out.join('\n') + '\n';
}

/** `0-lessons-learned.md`: one section a Problem / Solution pair of the notes, or a template section when there is none. */
export function lessonsText(name: string, notes: readonly DistilledNote[]): string {
  const out = [`# Lessons learned: ${name}`];
  const seen = new Set<string>();
  for (const pair of notes.flatMap((note) => note.pairs)) {
    if (seen.has(pair.problem)) continue;
    seen.add(pair.problem);
    out.push('', `## ${pair.topic ?? topicOf(pair.problem)}`, '', `**Problem:** ${pair.problem}`, '', '**Solution:**');
    out.push(...(pair.solution.length > 0 ? pair.solution.map((s) => `- ${s}`) : ['- <!-- Not recorded in the notes. -->']));
    for (const block of pair.code) out.push('', ...block);
  }
  if (seen.size === 0) {
    out.push('', '## Topic', '', '**Problem:** <!-- The error or obstacle, e.g. `Cannot import Settings from library`. -->', '', '**Solution:**', '- <!-- What worked. -->');
  }
  return out.join('\n') + '\n';
}

/**
 * List lines for the items: a top-level text once (with its nested items) and a link to its note,
 * nesting never deeper than one level below the line before.
 */
function bulletLines(items: readonly SourcedItem[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let previous = -1;
  let skipping = false;
  for (const item of items) {
    const depth = Math.min(item.depth, previous + 1);
    if (depth === 0) {
      skipping = seen.has(item.text);
      seen.add(item.text);
    }
    if (skipping) continue;
    out.push(`${'  '.repeat(depth)}- ${item.text}${depth === 0 ? ` (${noteLink(item.note)})` : ''}`);
    previous = depth;
  }
  return out;
}

/** A heading for a problem: its text, cut at a word before 60 characters. */
function topicOf(problem: string): string {
  const text = problem.replace(/[.:;,]+$/, '');
  if (text.length <= 60) return text;
  const cut = text.lastIndexOf(' ', 60);
  return `${text.slice(0, cut > 20 ? cut : 60).replace(/[\s.:;,]+$/, '')}…`;
}

/** A link to a file in the same folder: angle brackets when the name has spaces or parentheses. */
function noteLink(name: string): string {
  return `[${name}](${/[\s()<>]/.test(name) ? `<${name}>` : name})`;
}

function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}
