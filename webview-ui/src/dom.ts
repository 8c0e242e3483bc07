/**
 * A tiny DOM helper. File content only ever reaches the page through `textContent`, attribute
 * values and element properties — never through `innerHTML` — so a milestone titled
 * `<img src=x onerror=…>` or `</script>` shows as literal text.
 *
 * Event handlers are kept per element in a table rather than bound directly, so that when a
 * re-render keeps the element the person is typing in (see patch.ts) it can take over the new
 * element's handlers (which carry the new step refs) without being replaced.
 */

import { inlineSpans } from '../../src/core/text/inlineMarkdown';

export type Child = Node | string | null | undefined | false;
export type Handler = (ev: Event) => void;

export interface ElOptions {
  /** Identifies a control across renders (patch.ts keeps the focused one). */
  readonly key?: string;
  readonly cls?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  /** Element properties (value, checked, label …), applied again on a kept element. */
  readonly props?: Readonly<Record<string, unknown>>;
  readonly on?: Readonly<Record<string, Handler>>;
}

interface ElData {
  handlers: Map<string, Handler>;
  attached: Set<string>;
  props: Readonly<Record<string, unknown>>;
}

const data = new WeakMap<Element, ElData>();

function dataOf(el: Element): ElData {
  let d = data.get(el);
  if (!d) {
    d = { handlers: new Map(), attached: new Set(), props: {} };
    data.set(el, d);
  }
  return d;
}

function attach(el: Element, type: string): void {
  const d = dataOf(el);
  if (d.attached.has(type)) return;
  d.attached.add(type);
  el.addEventListener(type, (ev) => data.get(el)?.handlers.get(type)?.(ev));
}

/** Sets (or replaces) the handler of `type` on `el`. */
export function on(el: Element, type: string, handler: Handler): void {
  dataOf(el).handlers.set(type, handler);
  attach(el, type);
}

/** Creates an element; strings among `children` become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, opts: ElOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (opts.key !== undefined) node.dataset['key'] = opts.key;
  if (opts.cls) node.className = opts.cls;
  for (const [name, value] of Object.entries(opts.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  if (opts.props) {
    Object.assign(node, opts.props);
    dataOf(node).props = opts.props;
  }
  for (const [type, handler] of Object.entries(opts.on ?? {})) on(node, type, handler);
  if (opts.text !== undefined) node.textContent = opts.text;
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/**
 * A short markdown text (a schema's description) as nodes: code spans, strong and emphasis become
 * `code`, `strong` and `em` elements holding text; everything else, HTML included, is text.
 */
export function inlineMarkdown(text: string): Node[] {
  return inlineSpans(text).map((s) => (s.kind === 'text' ? document.createTextNode(s.text) : el(s.kind, { text: s.text })));
}

/** Text hidden visually but read by screen readers. */
export function srOnly(text: string): HTMLSpanElement {
  return el('span', { cls: 'sr-only', text });
}

/** A deterministic element id (a valid CSS identifier) for a key. */
export function idFor(key: string): string {
  return 'k-' + key.replace(/[^A-Za-z0-9_-]/g, (c) => '_' + c.codePointAt(0)!.toString(16));
}

/** The value the element was rendered with (what "not typed in" looks like). */
export function renderedProps(node: Element): Readonly<Record<string, unknown>> {
  return data.get(node)?.props ?? {};
}

/** Controls a person types into; a select or checkbox always shows the state. */
const TYPED = new Set(['vscode-textfield', 'vscode-textarea', 'input', 'textarea']);

/**
 * Makes `kept` (an element staying in the page) behave like `fresh` (its counterpart in a new
 * render): `data-*` and the other attributes of `fresh`, its handlers, and its properties — except
 * a `value` the person has typed and not yet committed.
 */
export function adopt(kept: Element, fresh: Element): void {
  syncAttributes(kept, fresh);
  const k = dataOf(kept);
  const f = dataOf(fresh);
  const typed = TYPED.has(kept.localName) && 'value' in k.props && (kept as unknown as { value: unknown }).value !== k.props['value'];
  for (const [name, value] of Object.entries(f.props)) {
    if (name === 'value' && typed) continue;
    if ((kept as unknown as Record<string, unknown>)[name] !== value) (kept as unknown as Record<string, unknown>)[name] = value;
  }
  k.props = f.props;
  adoptHandlers(kept, fresh);
}

/** The handlers of `fresh` (which close over the new state) replace those of `kept`. */
export function adoptHandlers(kept: Element, fresh: Element): void {
  const f = data.get(fresh);
  const k = dataOf(kept);
  k.handlers = new Map(f?.handlers ?? []);
  for (const type of k.handlers.keys()) attach(kept, type);
}

/**
 * Attributes of `fresh` onto `kept`. Only our own `data-*` attributes are removed when missing:
 * the components set attributes of their own (tabindex, role, focused …) that must stay.
 */
export function syncAttributes(kept: Element, fresh: Element): void {
  for (const attr of Array.from(kept.attributes)) {
    if (attr.name.startsWith('data-') && !fresh.hasAttribute(attr.name)) kept.removeAttribute(attr.name);
  }
  for (const attr of Array.from(fresh.attributes)) {
    if (kept.getAttribute(attr.name) !== attr.value) kept.setAttribute(attr.name, attr.value);
  }
}

/** Records `value` as what `node` now shows as committed (so blur after Enter sends nothing twice). */
export function markCommitted(node: Element, value: unknown): void {
  const d = dataOf(node);
  d.props = { ...d.props, value };
}
