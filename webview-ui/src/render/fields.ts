/** Frontmatter / JSON / `**Key:** value` fields, typed by the schema. Hook: `[data-field="<key>"]`. */
import type { FieldValue, FieldView, MilestoneView } from '../../../src/protocol/formProtocol';
import type { RenderContext } from '../context';
import { assertNever } from '../context';
import { el, idFor, inlineMarkdown } from '../dom';
import { clearControl, humanize, iconButton, labelFor, problemList, refusalFor, selectControl, textControl } from './controls';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function display(value: FieldValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value.join(', ');
}

export function renderFields(ctx: RenderContext, m: MilestoneView): HTMLElement | null {
  if (m.fields.length === 0) return null;
  return el('div', { cls: 'fields' }, ...m.fields.map((f) => renderField(ctx, m.index, f)));
}

function renderField(ctx: RenderContext, milestone: number, f: FieldView): HTMLElement {
  const rowKey = `m${milestone}:f:${f.key}`;
  const controlKey = `${rowKey}:control`;
  const label = humanize(f.key);
  const set = (value: FieldValue): void => ctx.edit({ kind: 'setField', milestone, key: f.key, value }, rowKey);
  const control = f.editable ? editor(f, controlKey, rowKey, label, set) : el('div', {
    key: controlKey, cls: 'readonly', attrs: { id: idFor(controlKey), tabindex: 0, role: 'textbox', 'aria-readonly': 'true', 'aria-label': `${label} (read-only)` },
    text: f.value !== null && typeof f.value === 'object' && !Array.isArray(f.value) ? JSON.stringify(f.value) : display(f.value),
  });
  return el('div', { cls: `field kind-${f.kind}`, attrs: { 'data-field': f.key } },
    f.kind === 'boolean' && f.editable ? null : labelFor(controlKey, label, f.required),
    control,
    f.description ? el('vscode-form-helper', {}, el('p', {}, ...inlineMarkdown(f.description))) : null,
    f.editable ? null : el('p', { cls: 'hint', text: 'Read-only here: edit it in the text.' }),
    problemList(ctx, rowKey, f.problems),
    refusalFor(ctx, rowKey));
}

function editor(f: FieldView, key: string, rowKey: string, label: string, set: (value: FieldValue) => void): HTMLElement {
  switch (f.kind) {
    case 'text':
    case 'longText':
      return textControl({ key, label, value: display(f.value), multiline: f.kind === 'longText', commit: (v) => set(v === '' && !f.required ? null : v) });
    case 'date': {
      const value = display(f.value);
      return textControl({ key, label, value, type: value === '' || DATE.test(value) ? 'date' : 'text', placeholder: 'YYYY-MM-DD', commit: (v) => set(v === '' ? null : v) });
    }
    case 'number':
      return textControl({ key, label, value: display(f.value), type: 'number', commit: (v) => {
        const n = Number(v);
        if (v.trim() === '') set(null); else if (Number.isFinite(n)) set(n);
      } });
    case 'boolean':
      return el('vscode-checkbox', { key, props: { checked: f.value === true }, on: { change: (ev) => set((ev.currentTarget as HTMLElement & { checked: boolean }).checked) } }, label);
    case 'enum':
      return selectControl({ key, label, value: display(f.value), options: [...(f.required ? [] : [{ value: '', label: '(not set)' }]), ...(f.options ?? []).map((o) => ({ value: o, label: o }))],
        change: (v) => set(v === '' ? null : v) });
    case 'list':
      return chips(f, key, rowKey, label, set);
    default:
      return assertNever(f.kind);
  }
}

/** A list value as removable chips plus an input that adds one on Enter. */
function chips(f: FieldView, key: string, rowKey: string, label: string, set: (value: FieldValue) => void): HTMLElement {
  const items: readonly string[] = Array.isArray(f.value) ? f.value : f.value === null || f.value === '' ? [] : [display(f.value)];
  return el('div', { cls: 'chips', attrs: { role: 'group', 'aria-label': label } },
    el('ul', { cls: 'chip-list' }, ...items.map((item, i) => el('li', { cls: 'chip', attrs: { 'data-item': item } },
      el('span', { cls: 'chip-text', text: item }),
      iconButton(`${rowKey}:chip:${i}:remove`, '✕', `Remove ${item} from ${label}`, () => set(items.filter((_, j) => j !== i)), { 'data-role': 'remove' })))),
    textControl({ key, label: `Add to ${label}`, value: '', placeholder: 'Add… (Enter)', hook: { 'data-role': 'add' }, commit: (v, control) => {
      const item = v.trim();
      clearControl(control);
      if (item !== '') set([...items, item]);
    } }));
}
