import type { FixHint, Problem, Severity } from '../problems';
import { normaliseStatus } from '../conventions/status';
import type { JsonSchema, SchemaError } from '../schema/schemaTypes';
import { didYouMean, MAX_SUGGESTION_CANDIDATES } from './didYouMean';
import { placeholderFor } from './placeholders';
import { pathOf, typedPath, valueAt, type ProblemLocator } from './problemLocator';
import { describeValue, formatWords, kebab, labelOf, quote, typeWords, type Flavor } from './schemaWording';
import type { KeyTypo } from './typoKeys';

/** What turning schema errors into problems needs to know about the file. */
export interface SchemaProblemContext {
  readonly file: string;
  readonly data: unknown;
  readonly locator: ProblemLocator;
  readonly flavor: Flavor;
  /** The root's name in messages: `the header`, `the file`. */
  readonly where: string;
  readonly today: string;
}

/** Allowed values listed in full up to this many (as `additionalProperties` lists known keys); past it, the first `SHOWN_OF_LONG_LIST` and the count. */
const LISTED_VALUES = 12;
const SHOWN_OF_LONG_LIST = 5;

/**
 * Schema errors as problems for people, each on its key or value: one problem per (place, rule);
 * errors from inside an `anyOf` / `oneOf` are folded into that one problem (the branches' own
 * complaints contradict each other); `if` errors are dropped (the `then` errors say it).
 */
export function schemaProblems(errors: readonly SchemaError[], ctx: SchemaProblemContext): Problem[] {
  const composites = errors.filter((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && e.schemaPath !== undefined).map((e) => `${e.schemaPath}/`);
  // A value of the wrong type (an empty `status:` is null) also fails its enum, format or pattern;
  // the type problem says it all, so those are left out for that place.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: Problem[] = [];
  // An enum's params hold all its values: written out, a 20,000-value enum made every key of every
  // failing entry 150 KB. A long list is keyed by which list it is instead.
  const lists = new Map<unknown, number>();
  const listKey = (_: string, v: unknown): unknown => {
    if (!Array.isArray(v) || v.length <= LISTED_VALUES) return v;
    if (!lists.has(v)) lists.set(v, lists.size);
    return `list ${lists.get(v)!}`;
  };
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (wrongType.has(e.instancePath) && (e.keyword === 'enum' || e.keyword === 'format' || e.keyword === 'pattern' || e.keyword === 'const')) continue;
    if (e.schemaPath !== undefined && composites.some((c) => e.schemaPath!.startsWith(c))) continue;
    const key = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params, listKey)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problemOf(e, ctx));
  }
  return out;
}

/** A near-miss unknown key (built-in schemas) as a `schema-additional` warning on the key. */
export function typoProblem(t: KeyTypo, ctx: SchemaProblemContext): Problem {
  return {
    file: ctx.file, severity: 'warning', code: 'schema-additional',
    message: `unknown key ${quote(t.key)} — did you mean ${quote(t.suggestion)}?`,
    range: ctx.locator.key([...t.path, t.key]),
  };
}

function problemOf(e: SchemaError, ctx: SchemaProblemContext): Problem {
  const path = pathOf(e.instancePath);
  const typed = typedPath(ctx.data, path);
  const label = labelOf(typed, ctx.where);
  const value = valueAt(ctx.data, typed);
  const ps = e.parentSchema ?? {};
  const p = e.params;
  const make = (code: string, message: string, range = ctx.locator.value(typed), fixes?: FixHint[], severity: Severity = 'error'): Problem =>
    fixes !== undefined && fixes.length > 0
      ? { file: ctx.file, severity, code, message, range, fixes }
      : { file: ctx.file, severity, code, message, range };
  switch (e.keyword) {
    case 'required': {
      const missing = String(p['missingProperty']);
      const props = ps['properties'] as Record<string, JsonSchema> | undefined;
      const fixes: FixHint[] = path.length === 0 ? [{ kind: 'add-key', key: missing, value: placeholderFor(props?.[missing], ctx.flavor, ctx.today) }] : [];
      const message = path.length === 0 ? `missing required key ${quote(missing)}` : `${label} is missing the required key ${quote(missing)}`;
      return make('schema-required', message, ctx.locator.object(typed), fixes);
    }
    case 'enum': {
      const allowed = Array.isArray(p['allowedValues']) ? p['allowedValues'] as unknown[] : Array.isArray(ps['enum']) ? ps['enum'] as unknown[] : [];
      const suggestion = nearestAllowed(value, allowed);
      const shown = allowed.length <= LISTED_VALUES ? allowed : allowed.slice(0, SHOWN_OF_LONG_LIST);
      const list = shown.map((a) => (typeof a === 'string' ? a : quote(a))).join(', ')
        + (shown.length < allowed.length ? ` … (${allowed.length.toLocaleString('en-US')} values)` : '');
      const message = `${label} ${quote(value)} is not one of ${list}${suggestion !== null ? ` — did you mean ${quote(suggestion)}?` : ''}`;
      return make('schema-enum', message, undefined, suggestion !== null ? [{ kind: 'replace-value', path: typed, value: suggestion }] : []);
    }
    case 'type':
      return make('schema-type', `${label} must be ${typeWords(p['type'], ctx.flavor)}, not ${describeValue(value, ctx.flavor)}`);
    case 'format':
      return make('schema-format', `${label} must be ${formatWords(String(p['format']), ctx.today)}, not ${quote(value)}`);
    case 'pattern': {
      const ex = Array.isArray(ps['examples']) && typeof ps['examples'][0] === 'string' ? ps['examples'][0] : null;
      const message = ex !== null
        ? `${label} must look like ${ex} (pattern ${String(p['pattern'])}), not ${quote(value)}`
        : `${label} ${quote(value)} does not match the pattern ${String(p['pattern'])}`;
      return make('schema-pattern', message);
    }
    case 'const':
      return make('schema-const', `${label} must be ${quote(p['allowedValue'])}, not ${quote(value)}`, undefined,
        typeof p['allowedValue'] === 'string' ? [{ kind: 'replace-value', path: typed, value: p['allowedValue'] }] : []);
    case 'minimum': case 'exclusiveMinimum':
      return make('schema-minimum', `${label} must be ${e.keyword === 'minimum' ? 'at least' : 'greater than'} ${String(p['limit'])}, not ${quote(value)}`);
    case 'maximum': case 'exclusiveMaximum':
      return make('schema-maximum', `${label} must be ${e.keyword === 'maximum' ? 'at most' : 'less than'} ${String(p['limit'])}, not ${quote(value)}`);
    case 'additionalProperties': case 'unevaluatedProperties': {
      const extra = String(p['additionalProperty'] ?? p['unevaluatedProperty']);
      const known = Object.keys((ps['properties'] as object | undefined) ?? {});
      const suggestion = didYouMean(extra, known);
      const tail = suggestion !== null ? ` — did you mean ${quote(suggestion)}?`
        : known.length > 0 && known.length <= LISTED_VALUES ? ` (allowed: ${known.join(', ')})` : '';
      return make('schema-additional', `unknown key ${quote(extra)}${tail}`, ctx.locator.key([...typed, extra]), undefined, 'warning');
    }
    case 'minItems': case 'maxItems': case 'minLength': case 'maxLength': case 'minProperties': case 'maxProperties': {
      const what = e.keyword.endsWith('Length') ? 'characters' : e.keyword.endsWith('Items') ? 'entries' : 'keys';
      return make(`schema-${kebab(e.keyword)}`, `${label} must have ${e.keyword.startsWith('min') ? 'at least' : 'at most'} ${String(p['limit'])} ${what}`);
    }
    case 'uniqueItems':
      return make('schema-unique-items', `${label} has the same entry twice (entries ${Number(p['j']) + 1} and ${Number(p['i']) + 1})`);
    case 'anyOf': case 'oneOf':
      return make(`schema-${kebab(e.keyword)}`, p['passingSchemas'] !== undefined && p['passingSchemas'] !== null
        ? `${label} matches more than one of the allowed forms`
        : `${label} does not match any of the allowed forms${describeBranches(ps, e.keyword, ctx.flavor)}`);
    case 'dependencies': case 'dependentRequired':
      return make('schema-required', `${label === ctx.where ? 'a' : `${label} has`} ${quote(p['property'])} ${label === ctx.where ? 'key needs' : 'which needs'} ${quote(p['missingProperty'])} too`, ctx.locator.object(typed));
    default:
      return make(`schema-${kebab(e.keyword)}`, `${label} ${e.message ?? `breaks the schema rule "${e.keyword}"`}`);
  }
}

/**
 * The allowed value nearest to `value`: by spelling (`complete` → `completed`), else by meaning
 * for status words (`done` → the first allowed value that also means done). None among more than
 * `MAX_SUGGESTION_CANDIDATES` values.
 */
function nearestAllowed(value: unknown, allowed: readonly unknown[]): string | null {
  if (typeof value !== 'string' || allowed.length > MAX_SUGGESTION_CANDIDATES) return null;
  const strings = allowed.filter((a): a is string => typeof a === 'string');
  const bySpelling = didYouMean(value, strings);
  if (bySpelling !== null) return bySpelling;
  const category = normaliseStatus(value);
  if (category === 'unknown') return null;
  return strings.find((s) => normaliseStatus(s) === category) ?? null;
}

/** `: a string or a list` when every branch names a type. */
function describeBranches(schema: JsonSchema, keyword: string, flavor: Flavor): string {
  const branches = schema[keyword];
  if (!Array.isArray(branches)) return '';
  const types = branches.map((b) => (b !== null && typeof b === 'object' ? (b as JsonSchema)['type'] : undefined));
  if (types.some((t) => typeof t !== 'string')) return '';
  return ` (${types.map((t) => typeWords(t, flavor)).join(', or ')})`;
}
