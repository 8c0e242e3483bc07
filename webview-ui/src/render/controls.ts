/** Shared building blocks: text controls that commit on Enter/blur, selects, buttons, problems. */
import type { ProblemView } from '../../../src/protocol/formProtocol';
import type { RenderContext } from '../context';
import { assertNever } from '../context';
import { el, idFor, markCommitted, renderedProps, srOnly } from '../dom';

export interface TextOptions {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly multiline?: boolean;
  readonly type?: 'text' | 'date' | 'number';
  readonly placeholder?: string;
  readonly hook?: Readonly<Record<string, string>>;
  /** Called with the new value on Enter (Ctrl+Enter in a textarea) or blur, when it changed. */
  readonly commit: (value: string, control: HTMLElement) => void;
}

/** A vscode-textfield / vscode-textarea that commits once per change; Escape restores the value. */
export function textControl(o: TextOptions): HTMLElement {
  const commit = (ev: Event): void => {
    const control = ev.currentTarget as HTMLElement & { value: string };
    if (control.value === renderedProps(control)['value']) return;
    markCommitted(control, control.value);
    o.commit(control.value, control);
  };
  const keydown = (ev: Event): void => {
    const k = ev as KeyboardEvent;
    const control = k.currentTarget as HTMLElement & { value: string };
    if (k.key === 'Enter' && (!o.multiline || k.ctrlKey || k.metaKey)) {
      k.preventDefault();
      commit(k);
    } else if (k.key === 'Escape') {
      const was = renderedProps(control)['value'];
      if (typeof was === 'string' && control.value !== was) { control.value = was; k.stopPropagation(); }
    }
  };
  const opts = {
    key: o.key,
    attrs: { id: idFor(o.key), placeholder: o.placeholder, type: o.multiline ? undefined : (o.type ?? 'text'), ...o.hook },
    props: { value: o.value, label: o.label },
    on: { change: commit, keydown },
  };
  return o.multiline ? el('vscode-textarea', { ...opts, attrs: { ...opts.attrs, rows: 3, resize: 'vertical' } }) : el('vscode-textfield', opts);
}

/** Empties an "add" input after its item was sent. */
export function clearControl(control: HTMLElement): void {
  (control as HTMLElement & { value: string }).value = '';
  markCommitted(control, '');
}

export interface SelectOption { readonly value: string; readonly label: string }

/** A vscode-single-select; a value not among the options is shown as written. */
export function selectControl(o: {
  readonly key: string; readonly label: string; readonly value: string; readonly options: readonly SelectOption[];
  readonly hook?: Readonly<Record<string, string>>; readonly change: (value: string) => void;
}): HTMLElement {
  const options = [...o.options];
  if (!options.some((op) => op.value === o.value)) options.unshift({ value: o.value, label: o.value === '' ? '(not set)' : `${o.value} (as written)` });
  return el('vscode-single-select', {
    key: o.key,
    attrs: { id: idFor(o.key), ...o.hook },
    props: { value: o.value, label: o.label },
    on: { change: (ev) => o.change((ev.currentTarget as HTMLElement & { value: string }).value) },
  }, ...options.map((op) => el('vscode-option', { props: { value: op.value, selected: op.value === o.value }, text: op.label })));
}

/** A small secondary button with a visible glyph and an aria-label. */
export function iconButton(key: string, glyph: string, label: string, click: () => void, hook?: Readonly<Record<string, string>>): HTMLElement {
  return el('vscode-button', {
    key,
    cls: 'icon-button',
    attrs: { secondary: true, 'aria-label': label, title: label, ...hook },
    on: { click: () => click() },
  }, el('span', { attrs: { 'aria-hidden': 'true' }, text: glyph }));
}

export function button(key: string, text: string, click: () => void, hook?: Readonly<Record<string, string>>): HTMLElement {
  return el('vscode-button', { key, attrs: { secondary: true, ...hook }, on: { click: () => click() } }, text);
}

const SEVERITY = { error: { glyph: '⊗', word: 'Error' }, warning: { glyph: '⚠', word: 'Warning' }, info: { glyph: 'ℹ', word: 'Info' } } as const;

/** The problems of a field or row, each with its severity and a link to its line. */
export function problemList(ctx: RenderContext, keyPrefix: string, problems: readonly ProblemView[]): HTMLElement | null {
  if (problems.length === 0) return null;
  return el('ul', { cls: 'problems' }, ...problems.map((p, i) => {
    switch (p.severity) {
      case 'error': case 'warning': case 'info': break;
      default: assertNever(p.severity);
    }
    const s = SEVERITY[p.severity];
    return el('li', { cls: `problem ${p.severity}`, attrs: { 'data-problem': p.code } },
      el('span', { cls: 'glyph', attrs: { 'aria-hidden': 'true' }, text: s.glyph }),
      srOnly(`${s.word}: `),
      el('span', { cls: 'message', text: p.message }),
      ' ',
      el('a', {
        key: `${keyPrefix}:problem:${i}`, cls: 'line-link',
        attrs: { href: '#', 'aria-label': `Show line ${p.line + 1} in the text` },
        on: { click: (ev) => { ev.preventDefault(); ctx.revealLine(p.line); } },
        text: `line ${p.line + 1}`,
      }));
  }));
}

/** The inline message of a refused edit, when the last refusal belongs to `rowKey`. */
export function refusalFor(ctx: RenderContext, rowKey: string): HTMLElement | null {
  if (!ctx.refusal || ctx.refusal.rowKey !== rowKey) return null;
  return el('p', { cls: 'refusal', attrs: { 'data-role': 'refusal' } },
    el('span', { cls: 'glyph', attrs: { 'aria-hidden': 'true' }, text: '⚠' }), srOnly('Not applied: '), ctx.refusal.message);
}

/** A label for `key`'s control, shown above it. */
export function labelFor(controlKey: string, text: string, required = false): HTMLElement {
  return el('vscode-label', { attrs: { for: idFor(controlKey), required } }, text);
}

/** `target_date` → `Target date`. */
export function humanize(key: string): string {
  const s = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
