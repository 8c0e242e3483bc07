import type { Milestone } from '../model';
import { kbNameOf, type KbName } from './kb';

/** A KB milestone's `depends-on` (or `depends_on`) items as strings, in order; '' for an item that is neither string nor number. */
export function dependsOn(m: Milestone): string[] {
  const v = m.fields['depends-on'] ?? m.fields['depends_on'];
  const list = Array.isArray(v) ? v : typeof v === 'string' || typeof v === 'number' ? [v] : [];
  return list.map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x).trim() : ''));
}

/** What makes two KB ids one milestone: a number's value (`010` and `10` → `10`), a dated id as it is. */
export function idKey(name: KbName): string {
  return name.dated ? name.id : String(Number(name.id));
}

/**
 * The key of the milestone a `depends-on` item names (read as a file name is, `kbNameOf`):
 * `"030"`, `30`, `M030`, `030-production-hardening` → `30`; `2026-04-20-002(-slug)` →
 * `2026-04-20-002`; anything else → null.
 */
export function itemKey(item: string): string | null {
  const name = kbNameOf(item.replace(/^ms?-?(?=\d)/i, ''));
  return name === null ? null : idKey(name);
}

/** The key (`idKey`) a KB milestone is named by in its folder, or null when its id is not a KB file name's. */
export function kbKeyOf(m: Milestone): { readonly id: string; readonly key: string; readonly dated: boolean } | null {
  const name = m.id == null ? null : kbNameOf(m.id);
  return name !== null && name.id === m.id ? { id: name.id, key: idKey(name), dated: name.dated } : null;
}
