/** Lists of strings kept in the file (next_session_should, blockers) and long texts (handoff_notes). */
import type { MilestoneView, TextListView } from '../../../src/protocol/formProtocol';
import type { RenderContext } from '../context';
import { el } from '../dom';
import { clearControl, humanize, iconButton, labelFor, refusalFor, textControl } from './controls';

export function renderLists(ctx: RenderContext, m: MilestoneView): HTMLElement | null {
  if (m.lists.length === 0 && m.texts.length === 0) return null;
  return el('div', { cls: 'lists' },
    ...m.lists.map((l) => renderList(ctx, m.index, l)),
    ...m.texts.map((t) => {
      const rowKey = `m${m.index}:text:${t.key}`;
      return el('div', { cls: 'field kind-longText', attrs: { 'data-field': t.key } },
        labelFor(`${rowKey}:control`, humanize(t.key)),
        textControl({ key: `${rowKey}:control`, label: humanize(t.key), value: t.value, multiline: true,
          commit: (v) => ctx.edit({ kind: 'setField', milestone: m.index, key: t.key, value: v }, rowKey) }),
        el('p', { cls: 'hint', text: 'Saved when you leave the field (or Ctrl+Enter).' }),
        refusalFor(ctx, rowKey));
    }));
}

function renderList(ctx: RenderContext, mi: number, l: TextListView): HTMLElement {
  const rowKey = `m${mi}:list:${l.key}`;
  const name = humanize(l.key);
  const headingId = `list-${mi}-${l.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const set = (items: readonly string[]): void => ctx.edit({ kind: 'setList', key: l.key, items }, rowKey);
  return el('section', { cls: 'text-list', attrs: { 'data-list': l.key, 'aria-labelledby': headingId } },
    el('h3', { attrs: { id: headingId }, text: name }),
    el('ol', { cls: 'items' }, ...l.items.map((item, i) => el('li', { attrs: { 'data-item-index': i } },
      textControl({ key: `${rowKey}:${i}`, label: `${name}, item ${i + 1}`, value: item, hook: { 'data-role': 'text' },
        commit: (v) => set(v.trim() === '' ? l.items.filter((_, j) => j !== i) : l.items.map((x, j) => (j === i ? v : x))) }),
      iconButton(`${rowKey}:${i}:remove`, '✕', `Remove ${name} item ${i + 1}: ${item}`, () => set(l.items.filter((_, j) => j !== i)), { 'data-role': 'remove' })))),
    textControl({ key: `${rowKey}:add`, label: `Add to ${name}`, value: '', placeholder: `Add to ${name}… (Enter)`, hook: { 'data-role': 'add' },
      commit: (v, control) => { const item = v.trim(); clearControl(control); if (item !== '') set([...l.items, item]); } }),
    refusalFor(ctx, rowKey));
}
