import type { Problem } from '../../problems';
import type { ProblemView } from '../../../protocol/formProtocol';

/** A problem as the form shows it: plain data, its 0-based start line for "show in text". */
export function problemView(p: Problem): ProblemView {
  return { severity: p.severity, code: p.code, message: p.message, line: p.range.start.line };
}

/**
 * Hands each problem to the first field or row that claims it; what nobody claims is left for the
 * file-level list. Claims go by start line (a key's lines, a step's line or its JSON element).
 */
export class ProblemClaims {
  private readonly left: (Problem | null)[];

  constructor(problems: readonly Problem[]) {
    this.left = [...problems];
  }

  /** Takes the problems that start on a line in [from, to]. */
  lines(from: number, to: number): ProblemView[] {
    return this.take((p) => p.range.start.line >= from && p.range.start.line <= to);
  }

  /** Takes the problems `match` accepts. */
  take(match: (p: Problem) => boolean): ProblemView[] {
    const out: ProblemView[] = [];
    for (let i = 0; i < this.left.length; i++) {
      const p = this.left[i];
      if (p !== null && p !== undefined && match(p)) { out.push(problemView(p)); this.left[i] = null; }
    }
    return out;
  }

  /** The `schema-required` problems about the missing top-level key `key`. */
  missingKey(key: string): ProblemView[] {
    const quoted = JSON.stringify(key);
    return this.take((p) => p.code === 'schema-required'
      && ((p.fixes ?? []).some((f) => f.kind === 'add-key' && f.key === key) || p.message === `missing required key ${quoted}`));
  }

  /** Every problem nobody claimed, in their order. */
  rest(): ProblemView[] {
    return this.take(() => true);
  }
}
