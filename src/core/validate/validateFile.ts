import { conventionProblems } from '../checks/conventionProblems';
import { sharedFrontmatter } from '../frontmatter/sharedFrontmatter';
import type { ConventionId, FileReading } from '../model';
import type { Problem } from '../problems';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import { LineIndex } from '../text/lineIndex';
import { sharedJsonParse } from '../text/sharedJson';
import { JsonLocator } from './jsonLocator';
import { noteProblems } from './noteProblems';
import type { ProblemLocator } from './problemLocator';
import { schemaProblems, typoProblem, type SchemaProblemContext } from './schemaProblems';
import type { Flavor } from './schemaWording';
import { TomlLocator } from './tomlLocator';
import { keyTypos } from './typoKeys';
import { YamlLocator } from './yamlLocator';

/** What validating one file needs besides its text. */
export interface ValidationEnv {
  readonly schemas: SchemaRegistry;
  /** Absolute path of the workspace folder the file belongs to. */
  readonly folderRoot: string;
  /** Today as `YYYY-MM-DD` (local date), for fixes that set `updated`. */
  readonly today: string;
  /** Milliseconds of a monotonic clock, for the check budget (default `Date.now`; tests pass their own). */
  readonly clock?: () => number;
}

/**
 * The schema errors of one file that are turned into problems; the rest are counted in one more.
 *
 * Why: ajv reports every error (`allErrors`), and placing each costs a lookup in the header or
 * JSON; a session file of 17,000 steps with a wrong `status` each gave 17,000 problems in 1.7 s.
 * Nobody reads past the first few hundred; the count says how many more there are.
 */
export const MAX_SCHEMA_PROBLEMS = 500;

/**
 * How long checking one file may take before the remaining checks are skipped, in milliseconds.
 *
 * Why: every cost that content controls is bounded where it arises (file and header size, YAML
 * aliases, linear-time patterns, schema size and references), and real files check in well under
 * a millisecond; this is the guard for a cost nobody predicted, so that one file can never hold
 * the extension host for seconds. The check is between stages (it cannot stop a stage midway).
 */
export const CHECK_BUDGET_MS = 1500;

/**
 * Every problem of one file that needs only that file: header syntax (unclosed, not at start, YAML /
 * TOML / JSON syntax at their position), schema problems on the exact key or value, the convention
 * checks no schema can express, non-standard task markers. Never throws on bad content.
 * Cross-file checks (duplicate ids, depends-on, handoff numbering) are in `workspaceProblems`.
 *
 * `reading` is the file's reading (null: a file of no convention, which is checked only against a
 * schema its `$schema` or the `milestones.schemas` setting gives). Positions are editor positions
 * (BOM not counted). Cost: the header is parsed again with the fast reader and checked with a
 * compiled validator; a parse with positions happens only when there is a problem to place.
 */
export function validateFile(file: string, text: string, reading: FileReading | null, env: ValidationEnv): Problem[] {
  const clock = env.clock ?? Date.now;
  const started = clock();
  let stopped = false;
  const overBudget = (): boolean => (stopped ||= clock() - started > CHECK_BUDGET_MS);
  let index: LineIndex | undefined;
  const lines = (): LineIndex => (index ??= new LineIndex(text));
  const out: Problem[] = [];
  const json = reading?.convention === 'session-json' || (reading === null && /\.json$/i.test(file));
  const subject = guarded(() => json ? jsonSubject(text, lines) : headerSubject(text, lines), null);
  const convention: ConventionId | null = reading?.convention ?? null;
  let hasSchema = false;
  if (subject !== null) {
    out.push(...guarded(() => {
      const resolution = env.schemas.resolve(env.folderRoot, file, convention, isRecord(subject.data) ? subject.data : null);
      hasSchema = resolution.use !== null;
      const ctx: SchemaProblemContext = { file, data: subject.data, locator: subject.locator, flavor: subject.flavor, where: subject.where, today: env.today };
      const found: Problem[] = resolution.problems.map((p) => (p.code === 'schema-source' ? { ...p, range: subject.locator.value(['$schema']) } : p));
      const use = resolution.use;
      if (use === null) return found;
      const errors = use.validate(subject.data);
      if (overBudget()) return [...found, budgetProblem(file, 'its schema check')];
      if (errors.length > 0) found.push(...schemaProblems(errors.slice(0, MAX_SCHEMA_PROBLEMS), ctx));
      if (errors.length > MAX_SCHEMA_PROBLEMS) {
        found.push({
          file, severity: 'warning', code: 'schema-too-many', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: `${(errors.length - MAX_SCHEMA_PROBLEMS).toLocaleString('en-US')} more schema problems are not shown (at most ${MAX_SCHEMA_PROBLEMS} a file); fix these and check again.`,
        });
      }
      // Built-in schemas let real files add keys; a key that is a near-miss of a known one is a typo.
      if (use.source === 'builtin') for (const t of keyTypos(subject.data, use.schema)) found.push(typoProblem(t, ctx));
      return found;
    }, []));
  }
  if (reading !== null && !stopped) {
    if (overBudget()) return [...out, budgetProblem(file, 'placing its problems')];
    out.push(...guarded(() => noteProblems(file, text, lines, reading, hasSchema), []));
    if (overBudget()) return [...out, budgetProblem(file, 'its header notes')];
    out.push(...guarded(() => conventionProblems(file, text, reading, () => env.today), []));
  }
  return out;
}

/** The problem of a file whose checks stopped at the budget: on line 1, saying what was skipped. */
function budgetProblem(file: string, stage: string): Problem {
  return {
    file, severity: 'warning', code: 'not-checked', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `Not fully checked: ${stage} took longer than ${CHECK_BUDGET_MS / 1000} s, so the remaining checks of this file were skipped.`,
  };
}

/** The data a schema checks, and where its problems go. */
interface Subject {
  readonly data: unknown;
  readonly locator: ProblemLocator;
  readonly flavor: Flavor;
  readonly where: string;
}

/** The header of a markdown file, when it has one that parses. */
function headerSubject(text: string, lines: () => LineIndex): Subject | null {
  // The reader's own rules (size bound, alias bound, YAML/TOML) decide what the header holds; the
  // reader of this text has just parsed it.
  const { split, data } = sharedFrontmatter(text);
  if (data === null) return null;
  if (split.kind === 'yaml') {
    return { data, flavor: 'yaml', where: 'the header', locator: lazy(() => new YamlLocator(text, lines(), split.contentStart, split.contentEnd, 0)) };
  }
  if (split.kind === 'toml') {
    return { data, flavor: 'yaml', where: 'the header', locator: lazy(() => new TomlLocator(text, lines(), 0, split.closeLine)) };
  }
  return null;
}

/** A JSON file's value, when it parses. */
function jsonSubject(text: string, lines: () => LineIndex): Subject | null {
  // The session reader of this text has just parsed it.
  const parsed = sharedJsonParse(text);
  if (!parsed.ok) return null; // the reader's json-syntax note says where
  const data = parsed.value;
  return { data, flavor: 'json', where: 'the file', locator: lazy(() => new JsonLocator(text, lines())) };
}

/** A locator made on its first use: most files have no problem to place. */
function lazy(make: () => ProblemLocator): ProblemLocator {
  let real: ProblemLocator | undefined;
  const get = (): ProblemLocator => (real ??= make());
  return { value: (p) => get().value(p), key: (p) => get().key(p), object: (p) => get().object(p) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Runs one part of the validation; a bug in it loses that part's problems, not the file's. */
function guarded<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}
