/** The whole form: file-level problems, then one section per milestone. Hook: `section[data-milestone]`. */
import type { FormState, MilestoneView } from '../../../src/protocol/formProtocol';
import type { RenderContext } from '../context';
import { el } from '../dom';
import { renderFields } from './fields';
import { renderHealth } from './health';
import { renderLists } from './lists';
import { problemList } from './controls';
import { renderSections } from './sections';
import { renderStepGroups } from './steps';

export function renderForm(ctx: RenderContext, state: Extract<FormState, { kind: 'form' }>): HTMLElement {
  return el('div', { cls: 'form', attrs: { 'data-convention': state.convention } },
    el('header', { cls: 'file-header' }, el('p', { cls: 'file', text: state.file })),
    problemList(ctx, 'file', state.problems),
    ...(state.milestones.length ? state.milestones.map((m) => renderMilestone(ctx, m)) : [el('p', { cls: 'empty', text: 'No milestone in this file.' })]));
}

function renderMilestone(ctx: RenderContext, m: MilestoneView): HTMLElement {
  const titleId = `m-${m.index}-title`;
  const { done, total } = m.progress;
  return el('section', { cls: 'milestone', attrs: { 'data-milestone': m.index, 'aria-labelledby': titleId } },
    el('header', { cls: 'milestone-header' },
      // Focusable by script only: `reveal` puts the focus here.
      el('h2', { attrs: { id: titleId, tabindex: -1 }, text: m.title === '' ? `Milestone ${m.index + 1}` : m.title }),
      m.status !== null ? el('span', { cls: 'status-pill', attrs: { 'data-role': 'status-pill' } }, el('span', { cls: 'sr-only', text: 'Status: ' }), m.status) : null,
      el('span', { cls: 'progress', attrs: { 'data-role': 'progress' } },
        el('progress', { attrs: { max: Math.max(total, 1), value: done, 'aria-label': `Progress: ${done} of ${total} done` } }),
        el('span', { attrs: { 'aria-hidden': 'true' }, text: ` ${done}/${total}` }))),
    renderFields(ctx, m),
    renderStepGroups(ctx, m),
    renderHealth(ctx, m),
    renderLists(ctx, m),
    renderSections(ctx, m));
}
