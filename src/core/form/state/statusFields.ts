import type { FieldView } from '../../../protocol/formProtocol';
import { milestoneIndexAtLine } from '../../milestoneAtLine';
import type { Milestone } from '../../model';
import { readFrontmatter } from '../../frontmatter/readFrontmatter';
import { scanMarkdownKeeping, noBullets } from '../../markdown/scanMarkdown';
import type { ProblemClaims } from './problemViews';

/**
 * The `**Key:** value` fields of each STATUS.md milestone (Goal, Phase, Target, Approval Required …),
 * in file order, keyed as written (`Approval Required`, not the model's `approval-required`), all
 * plain text. A field belongs to the innermost milestone whose lines hold it, and only when the
 * reader kept it (first of its key, non-empty). A field's problems are those on its line.
 */
export function statusFields(text: string, milestones: readonly Milestone[], claims: ProblemClaims): FieldView[][] {
  const fm = readFrontmatter(text);
  const scan = scanMarkdownKeeping(text, fm.bodyStart, fm.bodyLine, noBullets);
  const out: FieldView[][] = milestones.map(() => []);
  const taken: Set<string>[] = milestones.map(() => new Set());
  for (const f of scan.fields) {
    const m = milestoneIndexAtLine(milestones, f.line);
    if (m < 0) continue;
    const norm = f.key.toLowerCase().replace(/\s+/g, '-');
    if (taken[m]!.has(norm) || milestones[m]!.fields[norm] !== f.value) continue;
    taken[m]!.add(norm);
    out[m]!.push({ key: f.key, kind: 'text', value: f.value, required: false, editable: true, problems: claims.lines(f.line, f.line) });
  }
  return out;
}
