// `npm run bench`: the time to index a 10,000-file workspace, as a ratio to the bare cost of walking
// and reading the same files, both measured in this process in interleaved rounds (the machines this
// runs on are noisy: a fixed CPU loop varies ~2× between rounds, so only the ratio is comparable).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readMilestoneFile } from '../src/core/conventions/readMilestoneFile';
import { MilestoneIndex } from '../src/core/index/milestoneIndex';
import { scanFolder } from '../src/core/workspace/scanFolder';
import { generateWorkspace } from './generateWorkspace';

const FILES = 10_000;
const ROUNDS = 5;
const root = path.resolve(process.cwd(), '.bench/workspace');

/** The floor: the same recursive `readdirSync` walk and `readFileSync(…, 'utf8')` of every file, nothing else. */
function floor(dir: string): { files: number; chars: number } {
  let files = 0;
  let chars = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = floor(abs);
      files += sub.files;
      chars += sub.chars;
    } else if (entry.isFile() && entry.name !== 'VERSION') {
      chars += readFileSync(abs, 'utf8').length;
      files++;
    }
  }
  return { files, chars };
}

/** The real pipeline: scan (globs, classifyPath, size limit) + read every file into the model + upsert. */
function indexAll(): { index: MilestoneIndex; files: number; readings: number } {
  const index = new MilestoneIndex();
  let files = 0;
  let readings = 0;
  index.batch(() => {
    for (const item of scanFolder(root)) {
      if (item.kind !== 'file') continue;
      files++;
      const reading = readMilestoneFile(item.file, item.text);
      if (reading) readings++;
      index.set('bench', item.file, reading);
    }
  });
  return { index, files, readings };
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A `gc()` even without `--expose-gc` on the command line, so heap numbers are after collection. */
function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function main(): void {
  const genStart = Date.now();
  generateWorkspace(root, FILES);
  const genMs = Date.now() - genStart;
  const gc = gcFunction();

  // Warm the page cache and the JIT for both paths before measuring.
  const ref = floor(root);
  indexAll();

  const floorMs: number[] = [];
  const indexMs: number[] = [];
  let last = { files: 0, readings: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['floor', 'index'] : ['index', 'floor'];
    for (const which of order) {
      gc();
      if (which === 'floor') floorMs.push(time(() => floor(root)).ms);
      else {
        const t = time(indexAll);
        indexMs.push(t.ms);
        last = t.result;
      }
    }
  }

  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = indexAll();
  gc();
  const after = process.memoryUsage().heapUsed;
  const retained = after - before;

  const f = median(floorMs);
  const x = median(indexMs);
  const us = (ms: number, n: number): string => ((ms * 1000) / n).toFixed(1);
  const out = [
    `workspace: ${ref.files} files, ${(ref.chars / 1e6).toFixed(1)} M chars in ${path.relative(process.cwd(), root)}${genMs > 1000 ? ` (generated in ${(genMs / 1000).toFixed(1)} s)` : ' (cached)'}`,
    `rounds: ${ROUNDS}, interleaved; medians`,
    `floor  (walk + readFileSync utf8):          ${f.toFixed(1).padStart(8)} ms  ${us(f, ref.files).padStart(6)} µs/file   [${floorMs.map((v) => v.toFixed(0)).join(', ')}]`,
    `index  (scan + readMilestoneFile + upsert): ${x.toFixed(1).padStart(8)} ms  ${us(x, last.files || ref.files).padStart(6)} µs/file   [${indexMs.map((v) => v.toFixed(0)).join(', ')}]`,
    `files read by the index: ${last.files}; milestone files: ${last.readings}; indexed milestones: ${kept.index.milestones().length}`,
    `heap retained by the index: ${(Math.max(0, retained) / 1048576).toFixed(1)} MB, ${Math.round(Math.max(0, retained) / Math.max(1, kept.files))} B/file`,
    `ratio: ${(x / f).toFixed(2)} (aim ≤ 2)`,
  ];
  if (last.files !== ref.files) out.push(`warning: the index read ${last.files} files, the floor ${ref.files}: classifyPath skipped some`);
  if (last.readings === 0) out.push('warning: no file was read as a milestone (are the readers still a stub?)');
  process.stdout.write(out.join('\n') + '\n');
  // Keep the index alive until after the heap was measured.
  void kept.index.size;
}

main();
