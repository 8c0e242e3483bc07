// Every status action on every milestone of the real files in ../shared/corpus (read in place), as
// written and as CRLF + BOM: a plan or a refusal with a reason, never a throw; what a plan writes
// is read back; line endings and the BOM survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readMilestoneFile } from '../../../../src/core/conventions/readMilestoneFile';
import { applyPlanToTexts } from '../../../../src/core/lifecycle/applyPlanToTexts';
import type { MilestoneRef, PlanOutcome } from '../../../../src/core/lifecycle/changePlan';
import { logApproval } from '../../../../src/core/lifecycle/approval/logApproval';
import { claimMilestone } from '../../../../src/core/lifecycle/status/claimMilestone';
import { completeMilestone } from '../../../../src/core/lifecycle/status/completeMilestone';
import { reopenMilestone } from '../../../../src/core/lifecycle/status/reopenMilestone';
import { setMilestoneStatus } from '../../../../src/core/lifecycle/status/setMilestoneStatus';
import { statusValues } from '../../../../src/core/lifecycle/status/statusValues';
import { crlfBom, ctx, memory } from './lifecycleKit';
import { CORPUS, needsCorpus } from '../../support/corpus';


/** Each corpus file read as a milestone file: its path inside its repository and its text. */
function corpusFiles(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const repo of readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const base = path.join(CORPUS, repo.name);
    for (const e of readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const file = path.relative(base, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/');
      const text = readFileSync(path.join(base, file), 'utf8');
      if (readMilestoneFile(file, text) !== null) out.push({ file, text });
    }
  }
  return out;
}

test('the corpus is there to act on', needsCorpus, () => {
  assert.ok(corpusFiles().length >= 12, `only ${corpusFiles().length} milestone files found in ${CORPUS}`);
});

test('every action on every corpus milestone gives a plan that applies or a refusal, keeping line endings and BOM', needsCorpus, () => {
  let plans = 0;
  let refusals = 0;
  for (const { file, text: lf } of corpusFiles()) {
    for (const text of [lf, crlfBom(lf)]) {
      const folder = memory({ [file]: text });
      const reading = readMilestoneFile(file, text)!;
      for (const m of reading.milestones) {
        const ref: MilestoneRef = { file, line: m.line, title: m.title };
        const where = `${file} "${m.title}"${text === lf ? '' : ' (CRLF + BOM)'}`;
        const outcomes: [string, PlanOutcome, string | null][] = [
          ['claim', claimMilestone(folder, ref, ctx), null],
          ['complete', completeMilestone(folder, ref, { force: true }, null, ctx), null],
          ['reopen', reopenMilestone(folder, ref, null, ctx), null],
          ['approve', logApproval(folder, ref, {}, ctx), null],
          ...statusValues(m.convention, null).map((v): [string, PlanOutcome, string | null] => [`status ${v}`, setMilestoneStatus(folder, ref, v, null, ctx), v]),
        ];
        for (const [action, outcome, status] of outcomes) {
          if (outcome.kind === 'refused') {
            refusals++;
            assert.ok(outcome.reason.length > 0 && !outcome.reason.endsWith('.'), `${action} ${where}: ${outcome.reason}`);
            continue;
          }
          plans++;
          // A file may only leave its path by a move (agentrules' complete moves it to milestones/complete/).
          const moves = new Map(outcome.plan.changes.flatMap((c): [string, string][] => (c.kind === 'rename' ? [[c.from, c.to]] : [])));
          for (const [changed, after] of applyPlanToTexts(folder, outcome.plan)) {
            if (after === null && moves.has(changed)) continue;
            assert.notEqual(after, null, `${action} ${where} removed ${changed}`);
            if (text !== lf) {
              if (changed === file || changed === moves.get(file)) assert.ok(after!.startsWith('\uFEFF'), `${action} ${where} lost the BOM`);
              assert.doesNotMatch(after!, /[^\r]\n/, `${action} ${where} wrote a bare LF`);
            }
            if (status !== null && changed === file && outcome.plan.changes.length > 0) {
              const again = readMilestoneFile(file, after!)!.milestones.find((x) => x.title === m.title);
              assert.equal(again?.status, status, `${action} ${where} is not read back`);
            }
          }
        }
      }
    }
  }
  assert.ok(plans > 50 && refusals > 10, `${plans} plans, ${refusals} refusals`);
});
