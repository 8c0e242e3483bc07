/**
 * Setting a STATUS.md milestone's own `**Key:** value` (or `**Key**: value`, `- **Key**: value`)
 * field: only the value after the key changes. A missing key is added after the milestone's last
 * field line that has a value, written like it.
 */
import type { FieldValue } from '../../../protocol/formProtocol';
import { ownedByMilestone } from '../../milestoneAtLine';
import type { EditOutcome, FileReading } from '../../model';
import type { ScanField } from '../../markdown/markdownScan';
import { scanBody } from './tableRows';
import { TextLines } from './textLines';

/** The reader's field name: lower case, spaces as dashes (`Approval Required` → `approval-required`). */
function fieldKey(key: string): string {
  return key.trim().toLowerCase().replace(/\s+/g, '-');
}

/** The value of a form field as text after a bold key: a list joined by commas, null as nothing. */
function valueText(value: FieldValue): string {
  if (value === null) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function fieldValue(v: unknown): FieldValue {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

/** Where the value of the field on a line starts (after `**Key:**` or `**Key**:`), or -1. */
function valueAt(content: string): number {
  const p = content.indexOf('**');
  if (p < 0) return -1;
  const k = content.indexOf('**', p + 2);
  if (k < 0) return -1;
  if (content[k - 1] === ':' || content[k - 1] === '：') return k + 2;
  return content[k + 2] === ':' || content[k + 2] === '：' ? k + 3 : -1;
}

/** The edits setting field `key` of milestone `index` to `value`. */
export function setBoldField(text: string, reading: FileReading, index: number, key: string, value: FieldValue): EditOutcome {
  const milestone = reading.milestones[index];
  if (!milestone) return { kind: 'refused', reason: 'the milestone is no longer in the file; it may have changed on disk' };
  if (/[\r\n]/.test(valueText(value))) return { kind: 'refused', reason: 'a field holds one line; remove the line break' };
  // The milestone's own fields: in its lines, and not in a milestone that starts inside it.
  const own = ownedByMilestone(reading.milestones, milestone, scanBody(text).fields, (f: ScanField) => f.line);
  const lines = new TextLines(text);
  const wanted = valueText(value);
  const field = own.find((f) => fieldKey(f.key) === fieldKey(key));
  if (field) {
    const l = lines.line(field.line)!;
    const content = lines.content(field.line);
    const at = valueAt(content);
    if (at < 0) return { kind: 'refused', reason: `the field "${field.key}" is not where it was read from; reload and retry` };
    let start = l.start + at;
    let end = l.end;
    while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    if (text.slice(start, end) === wanted) return { kind: 'ok', edits: [] };
    // `**Goal:**` with nothing after it gets its value after one space.
    const newText = start === end && start === l.start + at && wanted !== '' ? ' ' + wanted : wanted;
    return { kind: 'ok', edits: [{ start, end, newText }] };
  }
  // A field the reader derives from the heading (`date` from `(2026-01-28)`) already says it: nothing to write.
  if (value === null || valueText(value) === valueText(fieldValue(milestone.fields[fieldKey(key)]))) return { kind: 'ok', edits: [] };
  // After the last field that has a value: a label such as `**Acceptance Criteria:**` owns the list below it.
  const last = own.filter((f) => f.value.trim() !== '').at(-1) ?? own.at(-1);
  if (!last) return { kind: 'refused', reason: `the milestone has no **Key:** value lines to add "${key}" next to; add it in the text editor` };
  const content = lines.content(last.line).replace(/^\uFEFF/, '');
  const p = content.indexOf('**');
  const k = content.indexOf('**', p + 2);
  const colonInside = content[k - 1] === ':' || content[k - 1] === '：';
  const name = key.includes(' ') || /[A-Z]/.test(key) ? key : key.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  const bold = colonInside ? `**${name}:**` : `**${name}**:`;
  return { kind: 'ok', edits: [lines.insertAfter(last.line, [`${content.slice(0, p)}${bold} ${wanted}`.trimEnd()])] };
}
