/** The Current Health Snapshot: one row per area (status select + notes), add and remove rows. */
import type { HealthRowView, HealthStatus, MilestoneView } from '../../../src/protocol/formProtocol';
import type { RenderContext } from '../context';
import { el } from '../dom';
import { clearControl, iconButton, refusalFor, selectControl, textControl } from './controls';

export const HEALTH_OPTIONS: readonly { readonly value: HealthStatus; readonly label: string }[] = [
  { value: '✅', label: '✅ done' },
  { value: '⚠️', label: '⚠️ at risk' },
  { value: '⏳', label: '⏳ pending' },
];

/** The select value for a status cell as written: ⚠ with or without its emoji selector is ⚠️. */
export function healthValue(status: string): string {
  const bare = status.trim().replace(/\uFE0F/g, '');
  return HEALTH_OPTIONS.find((o) => o.value.replace(/\uFE0F/g, '') === bare)?.value ?? status;
}

function asHealth(value: string): HealthStatus | null {
  return HEALTH_OPTIONS.find((o) => o.value === value)?.value ?? null;
}

export function renderHealth(ctx: RenderContext, m: MilestoneView): HTMLElement | null {
  if (m.health === null) return null;
  const mi = m.index;
  const addKey = `m${mi}:health:add`;
  const headingId = `health-${mi}`;
  // The add row's controls are read through the DOM at the time of the click: a re-render may have
  // kept the page's own (focused) control in place of the one created here.
  const add = (ev: Event): void => {
    const row = (ev.currentTarget as HTMLElement).closest('tr');
    const get = (role: string): (HTMLElement & { value: string }) | null => row?.querySelector(`[data-role="${role}"]`) ?? null;
    const area = get('new-area');
    const notes = get('new-notes');
    const status = asHealth(get('new-status')?.value ?? '') ?? '⏳';
    const a = area?.value.trim() ?? '';
    if (!area || a === '') { area?.focus(); return; }
    const n = notes?.value.trim() ?? '';
    clearControl(area);
    if (notes) clearControl(notes);
    ctx.edit({ kind: 'addHealthRow', milestone: mi, area: a, status, notes: n }, addKey);
  };
  const enterAdds = (ev: Event): void => { if ((ev as KeyboardEvent).key === 'Enter') add(ev); };
  const area = textControl({ key: `${addKey}:area`, label: 'New area', value: '', placeholder: 'Area', hook: { 'data-role': 'new-area' }, commit: () => undefined });
  const notes = textControl({ key: `${addKey}:notes`, label: 'Notes for the new area', value: '', placeholder: 'Notes', hook: { 'data-role': 'new-notes' }, commit: () => undefined });
  return el('section', { cls: 'health', attrs: { 'aria-labelledby': headingId } },
    el('h3', { attrs: { id: headingId }, text: 'Health snapshot' }),
    el('table', { cls: 'health-table' },
      el('thead', {}, el('tr', {},
        el('th', { attrs: { scope: 'col' }, text: 'Area' }),
        el('th', { attrs: { scope: 'col' }, text: 'Status' }),
        el('th', { attrs: { scope: 'col' }, text: 'Notes' }),
        el('th', { attrs: { scope: 'col' } }, el('span', { cls: 'sr-only', text: 'Actions' })))),
      el('tbody', {}, ...m.health.map((r, i) => renderRow(ctx, mi, r, i))),
      el('tfoot', {}, el('tr', { cls: 'health-add', attrs: { 'data-role': 'health-add' } },
        el('td', { on: { keydown: enterAdds } }, area),
        el('td', {}, selectControl({ key: `${addKey}:status`, label: 'Status of the new area', value: '⏳', options: HEALTH_OPTIONS, hook: { 'data-role': 'new-status' },
          change: () => undefined })),
        el('td', { on: { keydown: enterAdds } }, notes),
        el('td', {}, el('vscode-button', { key: `${addKey}:button`, attrs: { secondary: true, 'data-role': 'add' }, on: { click: add } }, 'Add row'))))),
    refusalFor(ctx, addKey));
}

function renderRow(ctx: RenderContext, mi: number, r: HealthRowView, i: number): HTMLElement {
  const rowKey = `m${mi}:health:${i}`;
  const refusal = refusalFor(ctx, rowKey);
  return el('tr', { attrs: { 'data-health-area': r.area, 'data-health-line': r.ref.line } },
    el('th', { attrs: { scope: 'row' }, text: r.area }),
    el('td', {}, selectControl({
      key: `${rowKey}:status`, label: `Status of ${r.area}`, value: healthValue(r.status), options: HEALTH_OPTIONS, hook: { 'data-role': 'status' },
      change: (v) => { const status = asHealth(v); if (status) ctx.edit({ kind: 'setHealthStatus', ref: r.ref, status }, rowKey); },
    })),
    el('td', {}, textControl({
      key: `${rowKey}:notes`, label: `Notes on ${r.area}`, value: r.notes, hook: { 'data-role': 'notes' },
      commit: (v) => ctx.edit({ kind: 'setHealthNotes', ref: r.ref, notes: v }, rowKey),
    }), refusal),
    el('td', {}, iconButton(`${rowKey}:remove`, '✕', `Remove the row ${r.area}`, () => ctx.edit({ kind: 'removeHealthRow', ref: r.ref }, rowKey), { 'data-role': 'remove' })));
}
