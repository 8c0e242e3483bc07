import type { FileReading, Milestone } from '../model';
import type { Problem } from '../problems';
import type { JsonSchema } from '../schema/schemaTypes';
import type { FieldView, FormState, MilestoneView } from '../../protocol/formProtocol';
import { readFrontmatter, type FrontmatterReading } from '../frontmatter/readFrontmatter';
import { schemaFacts } from './state/fieldViews';
import { execplanSections } from './state/execplanSections';
import { headerFields } from './state/headerFields';
import { ProblemClaims } from './state/problemViews';
import { sessionJsonParts, type SessionJsonParts } from './state/sessionJsonParts';
import { statusFields } from './state/statusFields';
import { healthRows, stepGroups } from './state/stepGroups';
import { unsupportedReason } from './state/unsupportedReason';

/**
 * What the Milestone Form shows for `file`: per milestone its fields (from the frontmatter / JSON /
 * `**Key:** value` lines, typed by `schema` when there is one: enum → select, `format: date` → date,
 * array → list, else text; with the schema's description and the field's problems), its steps by
 * section, its health rows, and (session JSON) its lists and long texts. `unsupported` with a
 * reason when the form cannot represent the file (unclosed or broken header, unreadable JSON, not
 * a milestone file). Pure; never throws.
 *
 * Fields are the keys present in the file, in its order, then the schema's required keys it lacks
 * (empty, with their problem). Nested maps (ExecPlan `links`) are one read-only text summary.
 * STATUS.md fields are keyed as written (`Approval Required`). KB `deliverables` are a list field,
 * not also a group of steps. Problems go to the field whose key lines, or the step whose line, they
 * start on; the rest are the file's.
 */
export function formStateOf(file: string, text: string, reading: FileReading | null, schema: JsonSchema | null, problems: readonly Problem[]): FormState {
  try {
    const reason = unsupportedReason(reading, problems);
    if (reason !== null || reading === null) return { kind: 'unsupported', file, reason: reason ?? '' };
    return formOf(file, text, reading, schema, problems);
  } catch (e) {
    // A bug here must not leave the editor blank: say so, and the person can still edit the text.
    const detail = e instanceof Error ? e.message : String(e);
    return { kind: 'unsupported', file, reason: `The form could not read this file (${detail}). Open it as text.` };
  }
}

function formOf(file: string, text: string, reading: FileReading, schema: JsonSchema | null, problems: readonly Problem[]): FormState {
  const claims = new ProblemClaims(problems);
  const facts = schemaFacts(schema);
  let milestones: MilestoneView[];
  switch (reading.convention) {
    case 'session-json': {
      const parts = sessionJsonParts(text, facts, claims);
      if (parts === null) {
        return { kind: 'unsupported', file, reason: 'This JSON file is not an object with milestone keys (milestone_id, title, status, steps), so the form has nothing to show. Open it as text.' };
      }
      milestones = reading.milestones.map((m, i) => view(m, i, i === 0 ? parts : EMPTY_PARTS, claims));
      break;
    }
    case 'status-md': {
      const fields = statusFields(text, reading.milestones, claims);
      milestones = reading.milestones.map((m, i) => view(m, i, { ...EMPTY_PARTS, fields: fields[i] ?? [] }, claims));
      break;
    }
    case 'codex-plan': case 'kiro': case 'spec-kit':
      // No header: the tasks are the whole form.
      milestones = reading.milestones.map((m, i) => view(m, i, EMPTY_PARTS, claims));
      break;
    case 'execplan': case 'kb': case 'handoff': {
      const fm = readFrontmatter(text);
      const fields: FieldView[] = headerFields(text, fm, facts, claims);
      milestones = reading.milestones.map((m, i) => {
        // KB deliverables live in the header: the `deliverables` list field shows them.
        const shown = reading.convention === 'kb' ? { ...m, steps: m.steps.filter((s) => s.line >= fm.bodyLine || s.source.kind !== 'criterion') } : m;
        const v = view(shown, i, { ...EMPTY_PARTS, fields: i === 0 ? fields : [] }, claims);
        return reading.convention === 'execplan' ? execplanExtras(v, text, fm) : v;
      });
      break;
    }
  }
  return { kind: 'form', file, convention: reading.convention, milestones, problems: claims.rest() };
}

/** An ExecPlan's read-only Risks / Changelog sections, and an empty health table's (empty) place. */
function execplanExtras(v: MilestoneView, text: string, fm: FrontmatterReading): MilestoneView {
  const sections = execplanSections(text, fm);
  const health = v.health === null && HEALTH_HEADING.test(text) ? [] : v.health;
  return { ...v, health, ...(sections.length > 0 ? { sections } : {}) };
}

const EMPTY_PARTS: SessionJsonParts = { fields: [], lists: [], texts: [], steps: [] };
/** An ExecPlan health table with no rows yet still gets its (empty) place in the form. */
const HEALTH_HEADING = /^#{1,6}[ \t]+current health snapshot/im;

function view(m: Milestone, index: number, parts: SessionJsonParts, claims: ProblemClaims): MilestoneView {
  return {
    index,
    title: m.title,
    status: m.status,
    progress: { done: m.progress.done, total: m.progress.total },
    fields: parts.fields,
    stepGroups: stepGroups(m.steps, parts.steps, claims),
    health: healthRows(m),
    lists: parts.lists,
    texts: parts.texts,
  };
}
