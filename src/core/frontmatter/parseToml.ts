import type grayMatter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';

// The bundler's `require` (esbuild bundles the module and runs it on the first call); declared here
// because the webview's type check, which reaches this file, has no Node types.
declare const require: (id: string) => unknown;

let loaded: typeof grayMatter | undefined;
/**
 * gray-matter, loaded with the first TOML header. Why not imported: loading it (and the js-yaml 3
 * it brings) took 18 ms of every start of the language server and of the extension (a fifth of the
 * server's bundle), for headers that are rare.
 */
function matter(): typeof grayMatter {
  loaded ??= require('gray-matter') as typeof grayMatter;
  return loaded;
}

/** The parsed TOML header, or an error with a 0-based line/column in the file. */
export type TomlOutcome =
  | { readonly kind: 'ok'; readonly data: Record<string, unknown> }
  | { readonly kind: 'error'; readonly message: string; readonly line: number; readonly column: number };

const TOML_OPTIONS = {
  language: 'toml',
  delimiters: '+++',
  engines: { toml: (s: string): object => parseToml(s) },
};

/**
 * Parses a `+++` TOML header with gray-matter (the design card's package) and smol-toml.
 *
 * Why gray-matter only here, not on the YAML hot path: it costs 60–120 µs a file, reports no
 * positions, and — called WITHOUT an options object — caches every input forever
 * (`matter.cache[content]`, ~17 KB per 6 KB file, growing with every keystroke). Passing options
 * (always, as below) turns that cache off. TOML headers are rare, so the cost does not matter.
 *
 * `block` is the header from its opening `+++` through the closing line; `openLine` is the line of
 * the opening `+++` in the file.
 */
export function parseTomlHeader(block: string, openLine: number): TomlOutcome {
  try {
    const file = matter()(block, TOML_OPTIONS);
    return { kind: 'ok', data: file.data };
  } catch (e) {
    const ex = e as { message?: string; line?: unknown; column?: unknown };
    // smol-toml counts 1-based from the text after `+++`, which starts with the opening line break.
    const line = typeof ex.line === 'number' ? openLine + Math.max(0, ex.line - 1) : openLine;
    const column = typeof ex.column === 'number' ? Math.max(0, ex.column - 1) : 0;
    const msg = (ex.message ?? String(e)).split('\n')[0] ?? 'invalid TOML';
    return { kind: 'error', message: `TOML syntax error: ${msg}`, line, column };
  }
}
