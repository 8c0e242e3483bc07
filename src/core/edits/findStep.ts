import type { FileReading, Milestone, Step, StepRef } from '../model';

/** A step found again in a fresh reading, with the milestone it belongs to. */
export interface FoundStep {
  readonly step: Step;
  readonly milestone: Milestone;
}

export type FindStepOutcome =
  | { readonly kind: 'found'; readonly found: FoundStep }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Finds the step `ref` points at in `reading`: the step with the same text, section and kind on
 * `ref.line`; else the only such step anywhere (lines shift when a file is edited above the step).
 * Refuses, with a sentence for a person, when there is none or more than one: never guesses.
 */
export function findStep(reading: FileReading, ref: StepRef): FindStepOutcome {
  const matches: FoundStep[] = [];
  for (const milestone of reading.milestones) {
    for (const step of milestone.steps) {
      if (step.text === ref.text && step.section === ref.section && step.source.kind === ref.kind) {
        matches.push({ step, milestone });
      }
    }
  }
  const onLine = matches.filter((m) => m.step.line === ref.line);
  if (onLine.length === 1) return { kind: 'found', found: onLine[0]! };
  if (matches.length === 1) return { kind: 'found', found: matches[0]! };
  const name = quote(ref.text);
  if (matches.length === 0) {
    return { kind: 'refused', reason: `the step ${name} is no longer in the file; it may have changed on disk` };
  }
  const where = ref.section !== null ? ` under "${ref.section}"` : '';
  return {
    kind: 'refused',
    reason: `the step ${name} appears ${matches.length} times${where} and none of them is on line ${ref.line + 1} any more; edit the file by hand`,
  };
}

/** A step's text in quotes for a message, shortened when long. */
export function quote(text: string): string {
  return `"${text.length > 60 ? text.slice(0, 57) + '…' : text}"`;
}
