/**
 * Steps by section: tick, edit text (Enter/blur), remove, reorder (Alt+Up/Alt+Down anywhere in a
 * row, or drag the ⋮⋮ handle), add (Enter in the group's "Add" field). Session JSON steps also get
 * a status select and a notes field.
 */
import type { MilestoneView, StepGroupView, StepView } from '../../../src/protocol/formProtocol';
import type { RenderContext } from '../context';
import { assertNever } from '../context';
import { el, srOnly } from '../dom';
import { clearControl, iconButton, problemList, refusalFor, selectControl, textControl } from './controls';

const JSON_STATUSES = ['pending', 'in_progress', 'completed', 'blocked'] as const;

/** The row being dragged: only one drag at a time, in one document. */
let dragging: { readonly group: string; readonly from: number; readonly step: StepView } | null = null;

export function renderStepGroups(ctx: RenderContext, m: MilestoneView): HTMLElement | null {
  if (m.stepGroups.length === 0) return null;
  let jsonIndex = 0;
  return el('div', { cls: 'step-groups' }, ...m.stepGroups.map((g, gi) => {
    const first = jsonIndex;
    jsonIndex += g.steps.filter((s) => s.ref.kind === 'json-step').length;
    return renderGroup(ctx, m.index, g, gi, first);
  }));
}

function renderGroup(ctx: RenderContext, mi: number, g: StepGroupView, gi: number, firstJson: number): HTMLElement {
  const group = `m${mi}:g${gi}`;
  const title = g.section ?? 'Steps';
  const counted = g.steps.filter((s) => s.state === 'done' || s.state === 'open');
  const done = counted.filter((s) => s.state === 'done').length;
  let json = firstJson;
  const headingId = `h-${mi}-${gi}`;
  return el('section', { cls: 'step-group', attrs: { 'aria-labelledby': headingId, 'data-section': g.section ?? '' } },
    el('h3', { attrs: { id: headingId } }, title, counted.length ? el('span', { cls: 'count', text: ` ${done}/${counted.length}` }) : null),
    g.steps.length === 0 ? el('p', { cls: 'empty', text: 'No steps yet.' }) : el('ul', { cls: 'steps' },
      ...g.steps.map((s, si) => renderStep(ctx, group, g, s, si, s.ref.kind === 'json-step' ? json++ : -1))),
    g.canAdd ? textControl({
      key: `${group}:add`, label: `Add a step to ${title}`, value: '', placeholder: `Add to ${title}… (Enter)`,
      hook: { 'data-add-step': `${mi}:${g.section ?? ''}` },
      commit: (v, control) => {
        const text = v.trim();
        clearControl(control);
        if (text !== '') ctx.edit({ kind: 'addStep', milestone: mi, section: g.section, text }, `${group}:add`);
      },
    }) : null,
    refusalFor(ctx, `${group}:add`));
}

function renderStep(ctx: RenderContext, group: string, g: StepGroupView, s: StepView, si: number, jsonIndex: number): HTMLElement {
  const rowKey = `${group}:s${si}`;
  const ref = s.ref;
  const name = s.text === '' ? `step ${si + 1}` : s.text;
  const move = (to: number, focusRole?: string): void => {
    if (to < 0 || to >= g.steps.length || to === si) return;
    if (focusRole) ctx.focusAfterRender(`${group}:s${to}:${focusRole}`);
    ctx.edit({ kind: 'moveStep', ref, to }, `${group}:s${to}`);
  };
  let check: HTMLElement | null;
  switch (s.state) {
    case 'done': case 'open': case 'nonstandard':
      check = el('vscode-checkbox', {
        key: `${rowKey}:check`, attrs: { 'data-role': 'check' }, props: { checked: s.state === 'done' },
        on: { change: (ev) => ctx.edit({ kind: 'toggleStep', ref, done: (ev.currentTarget as HTMLElement & { checked: boolean }).checked }, rowKey) },
      }, srOnly(`Done: ${name}`));
      break;
    case 'info':
      check = el('span', { cls: 'bullet', attrs: { 'aria-hidden': 'true' }, text: '•' });
      break;
    default:
      return assertNever(s.state);
  }
  return el('li', {
    cls: `step state-${s.state}`,
    attrs: { 'data-step-line': s.ref.line, 'data-step-text': s.text, 'data-depth': Math.min(s.depth, 6), 'data-state': s.state },
    on: {
      keydown: (ev) => {
        const k = ev as KeyboardEvent;
        if (!k.altKey || (k.key !== 'ArrowUp' && k.key !== 'ArrowDown')) return;
        k.preventDefault();
        const focusedKey = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-key]')?.dataset['key'] ?? '';
        move(k.key === 'ArrowUp' ? si - 1 : si + 1, focusedKey.startsWith(`${rowKey}:`) ? focusedKey.slice(rowKey.length + 1) : 'text');
      },
      dragover: (ev) => {
        if (!dragging || dragging.group !== group) return;
        ev.preventDefault();
        (ev as DragEvent).dataTransfer!.dropEffect = 'move';
        (ev.currentTarget as HTMLElement).classList.add('drop-target');
      },
      dragleave: (ev) => (ev.currentTarget as HTMLElement).classList.remove('drop-target'),
      drop: (ev) => {
        (ev.currentTarget as HTMLElement).classList.remove('drop-target');
        if (!dragging || dragging.group !== group) return;
        ev.preventDefault();
        const from = dragging;
        dragging = null;
        if (from.from !== si) ctx.edit({ kind: 'moveStep', ref: from.step.ref, to: si }, rowKey);
      },
    },
  },
  el('span', {
    cls: 'handle', attrs: { draggable: 'true', 'aria-hidden': 'true', title: 'Drag to reorder (or Alt+Up / Alt+Down)', 'data-role': 'handle' },
    on: {
      dragstart: (ev) => {
        dragging = { group, from: si, step: s };
        const dt = (ev as DragEvent).dataTransfer;
        if (dt) { dt.effectAllowed = 'move'; dt.setData('text/plain', s.text); }
        (ev.currentTarget as HTMLElement).closest('li')?.classList.add('dragging');
      },
      dragend: (ev) => { dragging = null; (ev.currentTarget as HTMLElement).closest('li')?.classList.remove('dragging'); },
    },
    text: '⋮⋮',
  }),
  check,
  el('div', { cls: 'step-main' },
    el('div', { cls: 'step-line' },
      textControl({
        key: `${rowKey}:text`, label: `Step ${si + 1} of ${g.section ?? 'steps'}`, value: s.text, hook: { 'data-role': 'text', 'aria-keyshortcuts': 'Alt+ArrowUp Alt+ArrowDown' },
        commit: (v) => { if (v.trim() !== '') ctx.edit({ kind: 'setStepText', ref, text: v.trim() }, rowKey); },
      }),
      s.state === 'nonstandard' ? el('span', { cls: 'nonstandard', attrs: { 'data-role': 'nonstandard' } },
        el('span', { attrs: { 'aria-hidden': 'true' }, text: '⚠ ' }), 'non-standard marker, not counted') : null,
      jsonIndex >= 0 ? selectControl({
        key: `${rowKey}:status`, label: `Status of ${name}`, value: s.status ?? '', options: JSON_STATUSES.map((v) => ({ value: v, label: v.replace('_', ' ') })),
        hook: { 'data-role': 'status' }, change: (v) => { if (v !== '') ctx.edit({ kind: 'setJsonStep', index: jsonIndex, status: v }, rowKey); },
      }) : null,
      iconButton(`${rowKey}:remove`, '✕', `Remove ${name}`, () => ctx.edit({ kind: 'removeStep', ref }, rowKey), { 'data-role': 'remove' })),
    jsonIndex >= 0 ? textControl({
      key: `${rowKey}:notes`, label: `Notes on ${name}`, value: s.notes ?? '', placeholder: 'Notes', hook: { 'data-role': 'notes' },
      commit: (v) => ctx.edit({ kind: 'setJsonStep', index: jsonIndex, notes: v }, rowKey),
    }) : null,
    problemList(ctx, rowKey, s.problems),
    refusalFor(ctx, rowKey)));
}
