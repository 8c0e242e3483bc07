/**
 * Re-rendering without losing what the person is typing. A new state is rendered into a fresh
 * tree; then, if a keyed control of the page has focus and the fresh tree has a control with the
 * same key at the same depth, the page's focused control is kept in place (with its caret and any
 * text not yet committed) and everything around it is swapped for the fresh nodes, level by level
 * up its ancestor chain. Without a focused control the page's content is simply replaced.
 */
import { adopt, adoptHandlers, syncAttributes } from './dom';

/** The keyed element under `root` holding focus (a component host, for shadow-DOM controls). */
function focusedKeyed(root: Element): HTMLElement | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active)) return null;
  return active.closest<HTMLElement>('[data-key]');
}

function chain(from: Element, to: Element): Element[] {
  const out: Element[] = [];
  for (let n: Element | null = from; n; n = n.parentElement) {
    out.unshift(n);
    if (n === to) return out;
  }
  return [];
}

function sameChildren(a: Element, b: Element): boolean {
  if (a.childNodes.length !== b.childNodes.length) return false;
  for (let i = 0; i < a.childNodes.length; i++) if (!a.childNodes[i]!.isEqualNode(b.childNodes[i]!)) return false;
  return true;
}

/**
 * Replaces the content of `root` by the children of `fresh`, keeping the focused control.
 * `focusKey`, when given, is focused afterwards (a row moved by Alt+Up/Down follows the focus).
 */
export function patch(root: HTMLElement, fresh: HTMLElement, focusKey?: string): void {
  const focused = focusedKeyed(root);
  const key = focused?.dataset['key'];
  const twin = key !== undefined ? fresh.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : null;
  const oldPath = focused ? chain(focused, root) : [];
  const newPath = twin ? chain(twin, fresh) : [];
  const graftable = focused && twin && oldPath.length === newPath.length && oldPath.length > 1
    && oldPath.every((n, i) => i === 0 || n.localName === newPath[i]!.localName);
  if (!graftable) {
    root.replaceChildren(...Array.from(fresh.childNodes));
    const target = focusKey ?? key;
    if (target !== undefined) focusKeyed(root, target);
    return;
  }
  for (let i = 0; i < oldPath.length - 1; i++) {
    const keptParent = oldPath[i]!;
    const keptChild = oldPath[i + 1]!;
    const freshParent = newPath[i]!;
    const freshChild = newPath[i + 1]!;
    if (i > 0) { syncAttributes(keptParent, freshParent); adoptHandlers(keptParent, freshParent); }
    const before: Node[] = [];
    const after: Node[] = [];
    let seen = false;
    for (const n of Array.from(freshParent.childNodes)) {
      if (n === freshChild) seen = true;
      else (seen ? after : before).push(n);
    }
    for (const n of Array.from(keptParent.childNodes)) if (n !== keptChild) n.remove();
    keptChild.before(...before);
    keptChild.after(...after);
  }
  const kept = oldPath[oldPath.length - 1]!;
  const fresher = newPath[newPath.length - 1]!;
  adopt(kept, fresher);
  if (!sameChildren(kept, fresher)) kept.replaceChildren(...Array.from(fresher.childNodes));
  if (focusKey !== undefined && focusKey !== key) focusKeyed(root, focusKey);
}

/** Focuses the control with `key`; a component just created renders its inner input first. */
function focusKeyed(root: HTMLElement, key: string): void {
  const target = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  if (!target) return;
  const pending = (target as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  if (pending) void pending.then(() => target.focus()); else target.focus();
}
