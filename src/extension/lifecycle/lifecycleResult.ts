import type { RefusalCode } from '../../core/lifecycle/changePlan';

/** What became of a lifecycle command: returned to callers (tests, other commands), shown to the user. */
export type LifecycleResult =
  /** Done: `changed` lists the workspace-relative files created, edited or moved (new paths). */
  | { readonly kind: 'ok'; readonly summary: string; readonly changed: readonly string[]; readonly primary?: string }
  | { readonly kind: 'refused'; readonly reason: string; readonly code?: RefusalCode; readonly items?: readonly string[] }
  /** The user closed a prompt. */
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

export const CANCELLED: LifecycleResult = { kind: 'cancelled' };
