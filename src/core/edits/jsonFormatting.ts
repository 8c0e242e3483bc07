// The ESM build: esbuild bundles the package's UMD `main` with a `require('./impl/format')` it cannot
// see, which fails at run time.
import type { FormattingOptions } from 'jsonc-parser/lib/esm/main.js';

/**
 * The formatting a JSON file already uses, so text that jsonc-parser inserts matches its neighbours:
 * line ending (the first one in the file), tabs or spaces, and the indent unit (the indentation of the
 * first indented line, which in a pretty-printed file is one level deep).
 */
export function inferJsonFormatting(text: string): FormattingOptions {
  const eol = /\r\n|\n/.exec(text)?.[0] ?? '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent.length, eol };
}
