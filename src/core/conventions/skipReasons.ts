/**
 * Files that *describe* a convention instead of holding milestones: a folder's guide, a template, an
 * index that links to the milestone files, a legend of the markers. Real repositories keep them next
 * to their milestones; read as milestones they doubled the tree with placeholders.
 */
import { baseOf, inMilestonesFolder, segmentsOf, stemOf } from './paths';

/** Why a file a path or its content could take for a milestone file is not read as one. */
export type SkipReason = 'legend' | 'template' | 'index' | 'guide';

/** A file that is not read as a milestone file, and why, for `milestones list --verbose`. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: SkipReason;
  /** One sentence for people: what the file is and what made it so. */
  readonly message: string;
  /** 0-based line that shows it (the legend item, the placeholder), or null for the whole file. */
  readonly line: number | null;
}

/**
 * Names of the files that explain a folder of milestones to people and agents (any case, `.md`):
 * never milestones when they lie in a `.kb` folder or a `milestones/` folder.
 */
const GUIDE_STEMS = new Set(['readme', 'claude', 'agents', 'gemini', 'copilot-instructions', 'index', 'decisions', 'changelog', 'contributing', 'conventions', 'license']);

/** A template's name: `TEMPLATE.md`, `MILESTONE_TEMPLATE.md`, `milestone-template.md`, `_template.md`; not `010-template.md` (a numbered milestone about templates). */
const TEMPLATE_STEM = /^(?:[a-z_.][\w.-]*?[-_.]|[-_.])?template$/i;

/**
 * What a path alone says a file describes: `guide` for a folder guide (README.md, CLAUDE.md,
 * AGENTS.md, DECISIONS.md, index.md …) directly in a `NAME.kb/` folder or anywhere in a
 * `milestones/` folder; `template` for a file named as a template anywhere; else null.
 */
export function describedByPath(file: string): 'guide' | 'template' | null {
  if (!/\.(?:md|markdown)$/i.test(file)) return null;
  const stem = stemOf(file);
  if (TEMPLATE_STEM.test(stem)) return 'template';
  if (!GUIDE_STEMS.has(stem.toLowerCase())) return null;
  const segs = segmentsOf(file);
  return (segs.length >= 2 && /.\.kb$/i.test(segs[segs.length - 2]!)) || inMilestonesFolder(file) ? 'guide' : null;
}

/** The `list --verbose` note of a file skipped for its path (`describedByPath`), or null. */
export function skippedByPath(file: string): SkippedFile | null {
  const reason = describedByPath(file);
  if (reason === null) return null;
  const message = reason === 'template'
    ? `not read as a milestone file: its name, ${baseOf(file)}, says it is a template`
    : `not read as a milestone file: ${baseOf(file)} in a ${/\.kb\/[^/]+$/i.test(file) ? '.kb' : 'milestones'} folder is the folder's guide`;
  return { file, reason, message, line: null };
}
