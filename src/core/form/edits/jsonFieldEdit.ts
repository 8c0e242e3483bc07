/**
 * Setting a top-level field or a string list of a session JSON milestone through jsonc-parser, in
 * the file's own formatting. A list changes element by element (replaced, appended, removed from the
 * end), so unchanged elements and the list's layout stay.
 */
import type { FieldValue } from '../../../protocol/formProtocol';
import type { EditOutcome } from '../../model';
import { openJson, valueOf } from './jsonEditor';

/** Sets top-level `key` to `value` (added at the end of the object when missing). */
export function setJsonField(text: string, key: string, value: FieldValue): EditOutcome {
  if (Array.isArray(value)) return setJsonList(text, key, value);
  const editor = openJson(text);
  if (!('set' in editor)) return editor;
  if (editor.root.type !== 'object') return { kind: 'refused', reason: 'the file is JSON but not an object; edit it in the text editor' };
  const node = editor.node([key]);
  if (node && (node.type === 'object' || node.type === 'array')) {
    return { kind: 'refused', reason: `"${key}" holds a list or an object the form cannot set to one value` };
  }
  if (node ? node.value === value : value === null) return { kind: 'ok', edits: [] };
  editor.set([key], value);
  return editor.outcome();
}

/** Sets the top-level string list `key` to `items` (created when missing). */
export function setJsonList(text: string, key: string, items: readonly string[]): EditOutcome {
  const editor = openJson(text);
  if (!('set' in editor)) return editor;
  if (editor.root.type !== 'object') return { kind: 'refused', reason: 'the file is JSON but not an object; edit it in the text editor' };
  const node = editor.node([key]);
  if (!node || node.type !== 'array') {
    if (node && node.type !== 'null') return { kind: 'refused', reason: `"${key}" is not a list; edit it in the text editor` };
    editor.set([key], [...items]);
    return editor.outcome();
  }
  const old = valueOf(node) as unknown[];
  const common = Math.min(old.length, items.length);
  for (let i = 0; i < common; i++) if (old[i] !== items[i]) editor.set([key, i], items[i]);
  for (let i = old.length - 1; i >= items.length; i--) editor.set([key, i], undefined);
  for (let i = old.length; i < items.length; i++) editor.set([key, i], items[i], { insert: true });
  return editor.outcome();
}
