// Whose code blocked the extension host: the probe says when each long block ended and how long it
// was; the host's CPU profile says which scripts were on the stack then. The extension host runs
// every extension, so its longest block is often another's (the built-in markdown or TypeScript
// extension loading its modules), which the "no block caused by the extension" excludes.
import { readFileSync } from 'node:fs';

/** A block as the probe reports it: when it ended (µs, the profile's monotonic clock) and how long it was. */
export interface ProbeBlock {
  readonly endUs: number;
  readonly ms: number;
}

/** A block with whose code ran in it. */
export interface BlockCause {
  readonly ms: number;
  /** When it ended, in ms from the start of the profile (the extension's activation). */
  readonly endMs: number;
  /** Whether Milestones' code was on the stack in at least half of the block's busy samples. */
  readonly ours: boolean;
  /** The extension (its folder's name) whose script was most often the innermost on the stack; or `the extension host`. */
  readonly top: string;
}

interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** `…/extensions/markdown-language-features/dist/extension.js` → `markdown-language-features`; node internals as they are. */
function scriptName(url: string): string {
  const parts = url.split('/');
  const dist = parts.findIndex((p) => p === 'dist' || p === 'out');
  return dist > 0 ? parts[dist - 1]! : parts.slice(-2).join('/');
}

/**
 * Each of `blocks` with its cause, from the CPU profile in `profileFile`; `isOurs(url)` tells the
 * extension's own bundle. A block with no busy sample in the profile (the profile missed it) is
 * left out.
 */
export function blockCauses(profileFile: string, blocks: readonly ProbeBlock[], isOurs: (url: string) => boolean): BlockCause[] {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const out: BlockCause[] = [];
  for (const block of blocks) {
    const from = block.endUs - block.ms * 1000;
    let busy = 0;
    let ours = 0;
    const tops = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const at = times[i]!;
      if (at < from || at > block.endUs) return;
      const leaf = byId.get(id);
      if (!leaf || leaf.callFrame.functionName === '(idle)') return;
      busy++;
      let top: string | undefined;
      let mine = false;
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
        const url = byId.get(x)?.callFrame.url ?? '';
        if (url === '') continue;
        if (isOurs(url)) mine = true;
        // The innermost extension's script: node's and the host's own frames say how, not whose.
        if (!url.startsWith('node:') && !url.includes('/vs/workbench/api/')) top ??= scriptName(url);
      }
      if (mine) ours++;
      const name = top ?? 'the extension host';
      tops.set(name, (tops.get(name) ?? 0) + 1);
    });
    if (busy === 0) continue;
    const top = [...tops].sort((a, b) => b[1] - a[1])[0]![0];
    out.push({ ms: block.ms, endMs: (block.endUs - profile.startTime) / 1000, ours: ours * 2 >= busy, top });
  }
  return out;
}
