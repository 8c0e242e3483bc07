import type { Fix, FixHint } from '../problems';
import { jsonAddKey, jsonReplaceValue, jsonSetKey, jsonTextValue } from './jsonKeyFixes';
import { closeFrontmatterEdit, standardMarkerEdits } from './lineFixes';
import { yamlAddKey, yamlReplaceValue, yamlSetKey, yamlTextValue } from './yamlKeyFixes';

/**
 * Turns a problem's fix hint into a concrete quick fix on the current `text` of `file` (relative to
 * its workspace folder): minimal edits that change nothing else (line endings, BOM, quoting style,
 * indentation, comments and key order survive), or null when the text no longer allows it (the file
 * changed since the problem was found, or the fix is already applied): never a wrong edit.
 *
 * Edit offsets index `text` exactly as given: with its BOM when it has one (the CLI's raw read),
 * without when it has none (VS Code's `document.getText()`). `file` decides the language: `.json`
 * / `.jsonc` files are edited as JSON, anything else through its YAML frontmatter.
 */
export function fixEdits(file: string, text: string, hint: FixHint): Fix | null {
  const json = /\.jsonc?$/i.test(file);
  switch (hint.kind) {
    case 'replace-value': {
      const done = json ? jsonReplaceValue(text, hint.path, hint.value) : yamlReplaceValue(text, hint.path, hint.value);
      if (!done) return null;
      return { title: `Change ${shown(done.old)} to ${shown(hint.value)}`, edits: 'edits' in done ? done.edits : [done.edit], isPreferred: true };
    }
    case 'add-key': {
      const edits = json ? jsonAddKey(text, hint.key, hint.value)?.edits : maybe(yamlAddKey(text, hint.key, hint.value));
      return edits ? { title: `Add required key "${hint.key}"`, edits, isPreferred: true } : null;
    }
    case 'set-key': {
      const edits = json ? jsonSetKey(text, hint.key, hint.value)?.edits : maybe(yamlSetKey(text, hint.key, hint.value)?.edit ?? null);
      if (!edits) return null;
      const value = json ? jsonTextValue(hint.value) : yamlTextValue(hint.value);
      const title = hint.key === 'progress' ? `Recompute progress: ${String(value)}` : `Set ${hint.key} to ${shownBare(value)}`;
      return { title, edits, isPreferred: true };
    }
    case 'rename-file': {
      if (hint.to === file || hint.to === '') return null;
      return { title: `Rename file to ${hint.to.slice(hint.to.lastIndexOf('/') + 1)}`, edits: [], renameTo: hint.to };
    }
    case 'close-frontmatter': {
      if (json) return null;
      const edit = closeFrontmatterEdit(text, hint.line, hint.fence);
      if (!edit) return null;
      const where = edit.start === text.length && edit.newText.endsWith(hint.fence) ? 'at the end of the file' : closeWhere(text, edit.start, hint.line);
      return { title: `Close the frontmatter ${where}`, edits: [edit], isPreferred: true };
    }
    case 'standard-marker': {
      if (json) return null;
      const done = standardMarkerEdits(text, hint.line, hint.marker);
      if (!done) return null;
      const title = done.madeItem ? `Make it a task item: - ${hint.marker}` : `Use the standard marker ${hint.marker}`;
      return { title, edits: done.edits, isPreferred: true };
    }
    default: {
      const never: never = hint;
      void never;
      return null;
    }
  }
}

function maybe<T>(edit: T | null): T[] | null {
  return edit === null ? null : [edit];
}

/** A value for a title: strings in quotes, other values as JSON. */
function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/** Like `shown`, but dates and numbers bare: `Set updated to 2026-11-21`, `Set id to "EP-…/MS003"`. */
function shownBare(value: unknown): string {
  return typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$|^-?\d+(?:\.\d+)?$/.test(value) ? `"${value}"` : String(value);
}

/** Says where a closing fence goes, in the words a person checks it by: the blank line or heading it stands before. */
function closeWhere(text: string, offset: number, line: number): string {
  const eol = text.indexOf('\n', offset);
  const there = text.slice(offset, eol < 0 ? text.length : eol).replace(/\r$/, '');
  if (there.trim() === '') return `at the blank line ${line + 1}, where the keys end`;
  if (/^#{1,6}(?:\s|$)/.test(there)) return `before the heading on line ${line + 1}`;
  return `before line ${line + 1}`;
}
