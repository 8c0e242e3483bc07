import { nextMilestones, type NextItemKind, type NextMilestone } from '../../core/lifecycle/next/nextMilestones';
import { checkFolder, collectMilestones } from '../collectMilestones';
import type { CliCommand } from './cliCommand';

/** Milestones in progress of one folder argument. */
interface FolderNext {
  readonly folder: string;
  readonly milestones: readonly NextMilestone[];
}

/**
 * `milestones next [--json] [folder…]`: what to pick up next in each folder (default: `--root`, else
 * the current folder), read-only. Every folder must exist (else exit 2, nothing on stdout); files
 * that cannot be read are left out (`list` and `validate` report them). Exit 0.
 */
export const nextCommand: CliCommand = {
  name: 'next',
  flags: ['--json'],
  valued: [],
  usage: `  next [--json] [folder…]   What to pick up next in each folder (default: the current folder):
                            every milestone in progress, blocked ones first, with its blockers
                            (!), what the last session asked the next one to do (→) and its first
                            open step (○). --json prints {"milestones":[…]} for scripts.
`,
  run(args, io) {
    const given = args.positionals.length > 0 ? args.positionals : [args.options.get('--root') ?? '.'];
    const targets = [...new Set(given)];
    for (const folder of targets) {
      const problem = checkFolder(folder);
      if (problem) {
        io.err(`milestones: ${problem}\n`);
        return 2;
      }
    }
    const texts = new Map<string, string>();
    const key = (folder: string, file: string): string => `${folder}\u0000${file}`;
    const { readings } = collectMilestones(targets, (folder, reading, text) => { if (text !== null) texts.set(key(folder, reading.file), text); });
    const found: FolderNext[] = targets.map((folder) => ({
      folder,
      milestones: nextMilestones(readings
        .filter((r) => r.folder === folder)
        .map((r) => ({ reading: r.reading, text: texts.get(key(folder, r.reading.file)) ?? '' }))),
    }));
    io.out(args.flags.has('--json') ? nextJson(found, targets.length > 1) : nextText(found, targets.length > 1));
    return 0;
  },
};

/** The `--json` document, on one line; lines 1-based, `folder` only when several folders were given. */
function nextJson(found: readonly FolderNext[], severalFolders: boolean): string {
  const milestones = found.flatMap(({ folder, milestones: list }) => list.map((m) => ({
    ...(severalFolders ? { folder } : {}),
    file: m.file,
    convention: m.convention,
    id: m.id,
    title: m.title,
    status: m.status,
    line: m.line + 1,
    owner: m.owner,
    progress: { done: m.progress.done, total: m.progress.total },
    items: m.items.map((i) => ({ kind: i.kind, text: i.text, line: i.line + 1 })),
  })));
  return JSON.stringify({ milestones }) + '\n';
}

const MARK: Readonly<Record<NextItemKind, string>> = { blocker: '!', next: '→', step: '○' };

/**
 * For people: a block per milestone, `file:line  Title  (status, done/total, owner)` leaving out
 * what the milestone lacks, then one indented line per item, `! 12  text`, its 1-based line
 * padded so the texts align; blocks apart by a blank line.
 */
function nextText(found: readonly FolderNext[], severalFolders: boolean): string {
  const blocks: string[] = [];
  for (const { folder, milestones } of found) {
    for (const m of milestones) {
      const file = severalFolders ? `${folder.replace(/\\/g, '/').replace(/\/$/, '')}/${m.file}` : m.file;
      const facts = [m.status, m.progress.total > 0 ? `${m.progress.done}/${m.progress.total}` : null, m.owner].filter((f): f is string => f !== null && f !== '');
      let block = `${file}:${m.line + 1}  ${m.title.replace(/\s+/g, ' ')}${facts.length > 0 ? `  (${facts.join(', ')})` : ''}\n`;
      const width = Math.max(0, ...m.items.map((i) => String(i.line + 1).length));
      for (const item of m.items) block += `  ${MARK[item.kind]} ${String(item.line + 1).padStart(width)}  ${item.text}\n`;
      blocks.push(block);
    }
  }
  return blocks.length > 0 ? blocks.join('\n') : 'Nothing in progress.\n';
}
