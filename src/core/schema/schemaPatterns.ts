import { compileLinearPattern } from './linearRegExp';

/** A place in a schema file Milestones reports on: a JSON path to a value (or to a key, `onKey`), and why. */
export interface SchemaIssue {
  /** Absolute path of the schema file. */
  readonly file: string;
  readonly path: readonly string[];
  readonly onKey: boolean;
  readonly message: string;
}

/**
 * Leaves out of `out` (the prepared copy of the schema object `node`, at `at` in `file`) the
 * patterns RE2 cannot run (`compileLinearPattern`): a `pattern` keyword, a `patternProperties`
 * entry (and then the `additionalProperties` / `unevaluatedProperties` beside it, which would
 * otherwise call every key that entry matched unknown: a check is lost, none is invented).
 * `propertyNames` holds a schema, whose `pattern` is met when that schema is prepared. Patterns
 * that are not valid JavaScript stay: ajv's check of the schema reports them. Returns the issues.
 */
export function leaveOutUnrunnablePatterns(file: string, node: Readonly<Record<string, unknown>>, out: Record<string, unknown>, at: readonly string[]): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const pattern = node['pattern'];
  if (typeof pattern === 'string') {
    const reason = unrunnable(pattern);
    if (reason !== null) {
      issues.push({ file, path: [...at, 'pattern'], onKey: false, message: reason });
      delete out['pattern'];
    }
  }
  const props = out['patternProperties'];
  if (props !== null && typeof props === 'object' && !Array.isArray(props)) {
    for (const key of Object.keys(props)) {
      const reason = unrunnable(key);
      if (reason === null) continue;
      issues.push({ file, path: [...at, 'patternProperties', key], onKey: true, message: reason });
      delete (props as Record<string, unknown>)[key];
      delete out['additionalProperties'];
      delete out['unevaluatedProperties'];
    }
  }
  return issues;
}

function unrunnable(pattern: string): string | null {
  const compiled = compileLinearPattern(pattern, 'u');
  return compiled.kind === 'unsupported' ? compiled.reason : null;
}
