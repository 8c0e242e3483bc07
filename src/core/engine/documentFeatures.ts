/**
 * What an editor asks of one milestone document, from its text: its problems, completion and hover
 * in its YAML header, and its quick fixes. One rule each, shared by the extension's providers and
 * the language server (`milestones lsp --stdio`); no `vscode`, no file system.
 */
import { frontmatterCompletions, frontmatterHover, type FrontmatterCompletion, type FrontmatterHover } from '../complete/frontmatterCompletion';
import { classifyPath, readMilestoneFile } from '../conventions/readMilestoneFile';
import { fixEdits } from '../fixes/fixEdits';
import { readFrontmatter } from '../frontmatter/readFrontmatter';
import type { ConventionId } from '../model';
import type { Fix, FixHint, Problem } from '../problems';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import type { JsonSchema } from '../schema/schemaTypes';
import { validateFile, type ValidationEnv } from '../validate/validateFile';

/** A document of a workspace folder: the folder's root (a file-system path) and the file's path in it. */
export interface DocumentPlace {
  readonly folderRoot: string;
  /** Relative to the folder, `/`-separated. */
  readonly file: string;
  /** The convention the index read the file as, when it has; else the file's path (or, for a markdown file, its text) decides. */
  readonly convention?: ConventionId | null;
}

/** The problems of `text` as the milestone file `place`; null when the path is no milestone file. */
export function documentProblems(place: DocumentPlace, text: string, env: ValidationEnv): Problem[] | null {
  if (classifyPath(place.file) === null) return null;
  const reading = readMilestoneFile(place.file, text);
  return reading ? validateFile(place.file, text, reading, env) : [];
}

/**
 * The schema of the milestone file `place` when `offset` is inside the body of its closed YAML
 * header (after the opening fence, up to the start of the closing one); null otherwise (no header,
 * the body, a JSON or plain markdown file, no schema applies).
 */
export function headerSchemaAt(place: DocumentPlace, text: string, offset: number, schemas: SchemaRegistry): JsonSchema | null {
  const header = readFrontmatter(text);
  const split = header.split;
  if (split.kind !== 'yaml' || offset < split.contentStart || offset > split.contentEnd) return null;
  const kind = place.convention ?? conventionOf(place.file, text);
  if (kind === null) return null;
  return schemas.resolve(place.folderRoot, place.file, kind, header.data).use?.schema ?? null;
}

/** The convention of `text` as `file`: by its path, or for a markdown file that only its content can tell, by reading it. */
function conventionOf(file: string, text: string): ConventionId | null {
  const kind = classifyPath(file);
  return kind === 'markdown' ? readMilestoneFile(file, text)?.convention ?? null : kind;
}

/** Completions at `offset` in the YAML header of the milestone file `place` (offsets into `text`). */
export function documentCompletions(place: DocumentPlace, text: string, offset: number, schemas: SchemaRegistry, today: string): FrontmatterCompletion[] {
  const schema = headerSchemaAt(place, text, offset, schemas);
  return schema ? frontmatterCompletions(text, offset, schema, today) : [];
}

/** The hover at `offset` in the YAML header of the milestone file `place`, or null. */
export function documentHover(place: DocumentPlace, text: string, offset: number, schemas: SchemaRegistry): FrontmatterHover | null {
  const schema = headerSchemaAt(place, text, offset, schemas);
  return schema ? frontmatterHover(text, offset, schema) : null;
}

/**
 * The quick fixes of a problem's hints made concrete on the current `text`, best first; hints that
 * give nothing to do (already fixed) are left out, and so is a hint whose fix throws (a bug, passed
 * to `failed`). `isPreferred` defaults to the first hint's fix.
 */
export function documentFixes(file: string, text: string, hints: readonly FixHint[], failed: (hint: FixHint, error: unknown) => void): Fix[] {
  const out: Fix[] = [];
  hints.forEach((hint, i) => {
    let fix: Fix | null = null;
    try {
      fix = fixEdits(file, text, hint);
    } catch (error) {
      failed(hint, error);
    }
    if (!fix || (fix.edits.length === 0 && fix.renameTo === undefined)) return;
    out.push({ ...fix, isPreferred: fix.isPreferred ?? i === 0 });
  });
  return out;
}
