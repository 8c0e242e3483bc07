/** Sections the form shows but does not edit (ExecPlan Risks table, Changelog): plain text. Hook: `[data-readonly-section]`. */
import type { MilestoneView, ReadOnlySectionView } from '../../../src/protocol/formProtocol';
import type { RenderContext } from '../context';
import { el } from '../dom';

export function renderSections(ctx: RenderContext, m: MilestoneView): HTMLElement | null {
  const sections = m.sections ?? [];
  if (sections.length === 0) return null;
  return el('div', { cls: 'readonly-sections' }, ...sections.map((s, i) => renderSection(ctx, m.index, s, i)));
}

function renderSection(ctx: RenderContext, mi: number, s: ReadOnlySectionView, i: number): HTMLElement {
  const headingId = `ro-${mi}-${i}`;
  const body = s.columns
    ? el('table', { cls: 'readonly-table' },
      el('thead', {}, el('tr', {}, ...s.columns.map((c) => el('th', { attrs: { scope: 'col' }, text: c })))),
      el('tbody', {}, ...s.rows.map((r) => el('tr', { attrs: { 'data-line': r.line } }, ...r.cells.map((c) => el('td', { text: c }))))))
    : el('ul', { cls: 'readonly-list' }, ...s.rows.map((r) => el('li', { attrs: { 'data-line': r.line }, text: r.cells.join(' ') })));
  return el('section', { cls: 'readonly-section', attrs: { 'data-readonly-section': s.title, 'aria-labelledby': headingId } },
    el('h3', { attrs: { id: headingId } }, s.title, ' ',
      el('a', {
        key: `m${mi}:ro:${i}:show`, cls: 'line-link', attrs: { href: '#', 'aria-label': `Show ${s.title} in the text (read-only here)` },
        on: { click: (ev) => { ev.preventDefault(); ctx.revealLine(s.line); } }, text: 'edit in text',
      })),
    s.rows.length ? body : el('p', { cls: 'empty', text: 'Empty.' }));
}
