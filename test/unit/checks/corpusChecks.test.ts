import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { conventionProblems } from '../../../src/core/checks/conventionProblems';
import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import { workspaceProblems, type IndexedFile } from '../../../src/core/validate/workspaceProblems';
import { at, variants } from './checkKit';
import { CORPUS, needsCorpus } from '../support/corpus';


/** Every file of every repository folder of the corpus, read in place. */
function corpus(): { folder: string; file: string; text: string }[] {
  const out: { folder: string; file: string; text: string }[] = [];
  for (const repo of readdirSync(CORPUS, { withFileTypes: true })) {
    if (!repo.isDirectory()) continue;
    const folder = path.join(CORPUS, repo.name);
    for (const e of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const abs = path.join(e.parentPath, e.name);
      out.push({ folder, file: path.relative(folder, abs).split(path.sep).join('/'), text: readFileSync(abs, 'utf8') });
    }
  }
  return out;
}

test('the corpus: the checks never throw, and report only what its files really say', needsCorpus, () => {
  const files = corpus();
  assert.ok(files.length >= 20);
  const indexed: IndexedFile[] = [];
  const found: string[] = [];
  for (const { folder, file, text } of files) {
    for (const v of variants(text)) {
      const reading = readMilestoneFile(file, v.text);
      if (reading === null) continue;
      const problems = conventionProblems(file, v.text, reading, () => '2026-06-01');
      if (v.name === 'LF') {
        indexed.push({ folder, reading });
        for (const p of problems) found.push(`${path.basename(folder)}/${file} ${p.code} ${at(p)}`);
      } else {
        // CRLF and a BOM move nothing an editor shows.
        const lf = conventionProblems(file, text, readMilestoneFile(file, text)!, () => '2026-06-01');
        assert.deepEqual(problems.map(at), lf.map(at), `${file} ${v.name}`);
      }
    }
  }
  const texts = new Map(files.map((f) => [`${f.folder}\u0000${f.file}`, f.text]));
  const cross = workspaceProblems(indexed, (folder, file) => texts.get(`${folder}\u0000${file}`) ?? null, {
    exists: (folder, file) => texts.has(`${folder}\u0000${file}`),
  });
  for (const { folder, problem: p } of cross) found.push(`${path.basename(folder)}/${p.file} ${p.code} ${at(p)}`);
  // Decided by reading the files:
  // - bukzor's later docs/dev/milestones.kb holds only 040, whose depends-on names "030" (left behind
  //   in docs/milestones.kb): on `"030"` in `depends-on: ["030"]`, line 4.
  // - Nothing else: the ExecPlans' ids match their files (MS003_… without the EP prefix, MS004 under
  //   milestones/complete/ with status completed and every box ticked), updated = created; the
  //   STATUS-like files mark ✅ only milestones whose items are all ticked and state no percentage of
  //   a milestone; BondBridge's handoffs are 1 and 2; 0-instructions is no milestone folder;
  //   Kiro's tasks.md (with `[-]`) is not a milestone file by path or content.
  assert.deepEqual(found.sort(), [
    'bukzor__git-partial.prototyping/docs/dev/milestones.kb/040-polish.md kb-depends-missing 3:13-3:18',
  ]);
});
