import type { Collected } from './collectMilestones';

/**
 * The `list --json` document. The keys of the contract come first and exactly as specified
 * (`file`, `convention`, `id`, `title`, `status`, `progress`, `steps` — counted steps only, lines
 * 1-based); extras follow: `folder` (when several folders were given), `statusCategory`
 * (`awaiting-approval` for a milestone that waits for its logged approval), `line`, `storedProgress`
 * (session JSON), `approval` (`{ required: true, logged }`, only where an approval is required),
 * `nonstandard` (markers GitHub does not render, never counted).
 * A top-level `notes` array holds what was noticed per file (reader notes, skipped files).
 */
export function listJson(collected: Collected, severalFolders: boolean): string {
  const milestones = [];
  for (const { folder, reading } of collected.readings) {
    for (const m of reading.milestones) {
      const counted = m.steps.filter((s) => s.state === 'done' || s.state === 'open');
      const nonstandard = m.steps.filter((s) => s.state === 'nonstandard');
      milestones.push({
        file: m.file,
        convention: m.convention,
        id: m.id,
        title: m.title,
        status: m.status,
        progress: { done: m.progress.done, total: m.progress.total },
        steps: counted.map((s) => ({ text: s.text, done: s.state === 'done', line: s.line + 1 })),
        ...(severalFolders ? { folder } : {}),
        statusCategory: m.statusCategory,
        line: m.line + 1,
        ...(m.storedProgress !== undefined ? { storedProgress: m.storedProgress } : {}),
        ...(m.approval !== undefined ? { approval: { required: m.approval.required, logged: m.approval.logged } } : {}),
        ...(nonstandard.length > 0
          ? { nonstandard: nonstandard.map((s) => ({ text: s.text, marker: s.source.kind === 'task' ? s.source.marker : null, line: s.line + 1 })) }
          : {}),
      });
    }
  }
  const notes = collected.notes.map((n) => ({
    ...(severalFolders ? { folder: n.folder } : {}),
    file: n.file, line: n.line, severity: n.severity, code: n.code, message: n.message,
  }));
  // One line: the document is for programs, and `jq` pretty-prints it for people.
  return JSON.stringify({ milestones, notes }) + '\n';
}
