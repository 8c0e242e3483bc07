// Writes the synthetic bench workspace: 10,000 milestone files of 3–8 KB in the five conventions.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bump when the generated content changes, so a cached workspace is rebuilt. */
const VERSION = 'bench-workspace v3';

/** A small seeded PRNG (mulberry32): the same workspace on every machine and run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'index parser schema deploy session handoff milestone review stream token health config release cache worker queue retry metric dashboard gateway storage migrate rollout runbook contract fixture'.split(' ');

/**
 * Creates (once) `count` files under `root`, reusing them while `root/VERSION` matches. Mix:
 * 43% ExecPlan, 34% KB (77% markdown with YAML frontmatter), 20% session JSON, 2% handoffs,
 * 1% STATUS.md. A few % carry schema problems, so validation places ranges: ExecPlan files with a
 * status outside the enum (3%) or without the required `domain` (2%), KB files without `goal` (3%).
 * Returns the number of files.
 */
export function generateWorkspace(root: string, count: number): number {
  const stamp = `${VERSION} ${count}\n`;
  const stampFile = path.join(root, 'VERSION');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return count;
  rmSync(root, { recursive: true, force: true });
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = (): string => { const s = words(8 + Math.floor(rnd() * 10)); return s[0]!.toUpperCase() + s.slice(1) + '.'; };
  const paragraph = (target: number): string => { let p = ''; while (p.length < target) p += sentence() + ' '; return p.trim(); };
  const size = (): number => 3000 + Math.floor(rnd() * 5000);
  const date = (): string => `2026-0${1 + Math.floor(rnd() * 9)}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const box = (): string => (rnd() < 0.5 ? '[x]' : '[ ]');

  for (let i = 0; i < count; i++) {
    const r = (i * 7919) % 100; // a fixed interleaving of conventions
    const folder = Math.floor(i / 50);
    let file: string;
    let text: string;
    if (r < 43) {
      const ms = String((i % 50) + 1).padStart(3, '0');
      const ep = `EP-2026${String(1 + (folder % 12)).padStart(2, '0')}01-${String(folder % 1000).padStart(3, '0')}`;
      file = `.agent/exec_plans/plan-${folder}/milestones/active/${ep}_MS${ms}_${pick(WORDS)}-${pick(WORDS)}.md`;
      const target = size();
      const flaw = rnd();
      const status = flaw < 0.03 ? pick(['done', 'in-progress', 'complete']) : pick(['planned', 'in_progress', 'completed', 'blocked']);
      const domain = flaw >= 0.03 && flaw < 0.05 ? '' : 'domain: backend\n';
      text = `---\nid: ${ep}/MS${ms}\nexecplan_id: ${ep}\nms: ${i % 50 + 1}\ntitle: "${words(4)}"\nstatus: ${status}\n${domain}owner: "@agent"\ncreated: ${date()}\nupdated: '${date()}'\ntags: [${pick(WORDS)}, ${pick(WORDS)}]\nrisk: low\nlinks:\n  issue: ""\n  docs: ""\n---\n\n# ${words(4)}\n\n## Objective\n\n${paragraph(300)}\n\n## Definition of Done\n\n`;
      for (let k = 0; k < 5; k++) text += `- ${box()} ${sentence()}\n`;
      text += `- ${sentence()}\n\n## Current Health Snapshot\n\n| Area | Status | Notes |\n| --- | --- | --- |\n| Implementation | ${pick(['✅', '⚠️', '⏳'])} | ${words(5)} |\n| Tests & QA | ${pick(['✅', '⏳'])} | ${words(5)} |\n\n## Workstreams & Tasks\n\n`;
      for (const ws of ['A', 'B']) {
        text += `### Workstream ${ws} – ${pick(WORDS)}\n\n| ID | Area | Description | Status |\n|----|------|-------------|-------|\n`;
        for (let k = 1; k <= 4; k++) text += `| ${ws}${k} | ${pick(WORDS)} | ${words(6)} | ${pick(['✅', '⏳', '⚠️'])} |\n`;
        text += '\n';
      }
      text += '## Changelog\n\n';
      while (text.length < target) text += `- ${date()} — ${sentence()}\n`;
    } else if (r < 77) {
      file = `docs/area-${folder}/milestones.kb/${String(((i % 50) + 1) * 10).padStart(3, '0')}-${pick(WORDS)}.md`;
      const target = size();
      const goal = rnd() < 0.03 ? '' : `goal: "${sentence()}"\n`;
      text = `---\nstatus: ${pick(['not-started', 'in-progress', 'completed'])}\n${goal}depends-on: ["${String((i % 50) * 10).padStart(3, '0')}"]\ndeliverables:\n  - "${words(5)}: ${words(3)}"\n  - "${words(6)}"\n---\n\n# ${words(3)}\n\n${paragraph(400)}\n\n## Tasks\n\n`;
      for (let k = 0; k < 6; k++) text += `- ${box()} ${sentence()}\n`;
      text += '\n## Notes\n\n```bash\n# not a heading\nmake test\n```\n\n';
      while (text.length < target) text += paragraph(400) + '\n\n';
    } else if (r < 97) {
      file = `sessions/s-${folder}/MILESTONES/${pick(WORDS)}-${i}.json`;
      const target = size();
      const steps = [];
      for (let k = 1; steps.length < 30; k++) {
        const done = rnd() < 0.5;
        steps.push(done
          ? { step: k, description: sentence(), status: 'completed', completed_by: 'session-3', completed_at: '2025-11-15 00:21:00 UTC', notes: words(6) }
          : { step: k, description: sentence(), status: pick(['pending', 'in_progress']), notes: words(4) });
        if (JSON.stringify(steps).length > target - 700) break;
      }
      text = JSON.stringify({
        milestone_id: `m-${i}`, title: words(4), priority: 'HIGH', owner: 'session-3', status: 'in_progress', progress: 50,
        created_at: '2025-11-15 00:20:00 UTC', updated_at: '2025-11-15 00:25:00 UTC',
        context: { why: sentence(), related_files: ['a/', 'b.sh'], dependencies: [sentence()], success_criteria: sentence() },
        steps, next_session_should: [sentence(), sentence()], blockers: [], handoff_notes: sentence(),
      }, null, 2) + '\n';
    } else if (r < 99) {
      file = `team-${folder}/handoffs/${i % 50 + 1}-${pick(WORDS)}.md`;
      const target = size();
      text = `# Handoff ${i % 50 + 1}: ${words(3)}\n\nDate: ${date()}\n\n## Summary\n\n${paragraph(300)}\n\n## Changes\n\n`;
      while (text.length < target) text += `- ${sentence()}\n`;
    } else {
      file = `projects/p-${i}/STATUS.md`;
      const target = size();
      text = '# Project status\n\n';
      for (let m = 1; text.length < target; m++) {
        text += `## Milestone: ${words(3)}\n\n**Status:** In Progress\n\n### Acceptance criteria\n\n`;
        for (let k = 0; k < 5; k++) text += `- ${box()} ${sentence()}\n`;
        text += `\n${paragraph(300)}\n\n`;
      }
    }
    const abs = path.join(root, file);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  writeFileSync(stampFile, stamp);
  return count;
}
