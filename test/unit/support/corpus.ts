// The shared real-file corpus (../shared/corpus beside the clone): present in CI and in the
// project's sessions, absent for someone who clones the repository alone.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

/** Whether the corpus is there to read. */
export const corpusPresent = existsSync(CORPUS);

/**
 * The reason a corpus test is not run; scripts/test.mjs counts the tests skipped with exactly this
 * reason and reports them in its summary as not run, never as passed or failed.
 */
export const CORPUS_ABSENT = 'corpus: ../shared/corpus absent';

/** node:test options for a test that reads the corpus: run when it is present, else not run, with the reason. */
export const needsCorpus: { skip?: string } = corpusPresent ? {} : { skip: CORPUS_ABSENT };
