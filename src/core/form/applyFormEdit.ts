import { findStep } from '../edits/findStep';
import { toggleStep } from '../edits/toggleStep';
import type { EditContext } from '../edits/toggleStep';
import { readMilestoneFile } from '../conventions/readMilestoneFile';
import { splitFrontmatter } from '../frontmatter/splitFrontmatter';
import type { EditOutcome, FileReading } from '../model';
import type { FormEdit } from '../../protocol/formProtocol';
import { setBoldField } from './edits/boldFieldEdit';
import { addHealthRow, removeHealthRow, setHealthNotes, setHealthStatus } from './edits/healthEdits';
import { setJsonField, setJsonList } from './edits/jsonFieldEdit';
import { addJsonStep, moveJsonStep, removeJsonStep, setJsonStepFields, setJsonStepText } from './edits/jsonStepForm';
import { addMarkdownStep } from './edits/markdownAddStep';
import { moveMarkdownStep, removeMarkdownStep } from './edits/markdownStepLines';
import { markdownStepTextEdits } from './edits/markdownStepText';
import { setYamlField } from './edits/yamlFieldEdit';

/**
 * The minimal text edits for one change made in the Milestone Form, on the current `text` of `file`:
 * nothing outside the changed span moves (line endings, BOM, indentation, YAML comments, key order,
 * quoting, table alignment style and JSON formatting survive). Steps and health rows are found again
 * by line + text (refused, with a reason, when gone or ambiguous). Ticking reuses `toggleStep`, so the
 * tree and the form edit alike. A value already in the file gives `ok` with no edits. Refuses a
 * markdown file whose header is not closed and a JSON file that does not parse; never throws.
 */
export function applyFormEdit(file: string, text: string, edit: FormEdit, context: EditContext): EditOutcome {
  try {
    const reading = readMilestoneFile(file, text);
    if (!reading) return { kind: 'refused', reason: 'the file is no longer read as a milestone file; it may have changed on disk' };
    if (reading.convention !== 'session-json' && splitFrontmatter(text).kind === 'error') {
      return { kind: 'refused', reason: 'the frontmatter header is not closed; add its closing `---` line in the text editor first' };
    }
    return dispatch(text, reading, edit, context);
  } catch (e) {
    // A bug here must not take the form down: the person gets one sentence, the host logs the rest.
    return { kind: 'refused', reason: `the edit could not be computed (${e instanceof Error ? e.message : String(e)}); please report it` };
  }
}

const ONE_LINE: EditOutcome = { kind: 'refused', reason: 'a step is one line; remove the line break from its text' };

function dispatch(text: string, reading: FileReading, edit: FormEdit, context: EditContext): EditOutcome {
  const json = reading.convention === 'session-json';
  switch (edit.kind) {
    case 'toggleStep':
      return toggleStep(text, reading.file, edit.ref, edit.done, context);
    case 'setStepText': {
      if (/[\r\n]/.test(edit.text)) return ONE_LINE;
      const found = findStep(reading, edit.ref);
      if (found.kind === 'refused') return found;
      const source = found.found.step.source;
      return source.kind === 'json-step' ? setJsonStepText(text, source.index, edit.text) : markdownStepTextEdits(text, found.found, edit.text);
    }
    case 'addStep': {
      if (/[\r\n]/.test(edit.text)) return ONE_LINE;
      if (!json) return addMarkdownStep(text, reading, edit);
      const milestone = reading.milestones[edit.milestone];
      return milestone ? addJsonStep(text, milestone, edit.text, context) : { kind: 'refused', reason: 'the milestone is no longer in the file' };
    }
    case 'removeStep': {
      const found = findStep(reading, edit.ref);
      if (found.kind === 'refused') return found;
      const source = found.found.step.source;
      return source.kind === 'json-step' ? removeJsonStep(text, found.found.milestone, source.index, context) : removeMarkdownStep(text, found.found);
    }
    case 'moveStep': {
      const found = findStep(reading, edit.ref);
      if (found.kind === 'refused') return found;
      const source = found.found.step.source;
      return source.kind === 'json-step' ? moveJsonStep(text, source.index, edit.to) : moveMarkdownStep(text, found.found, edit.to);
    }
    case 'setJsonStep': {
      const milestone = reading.milestones[0];
      if (!json || !milestone) return { kind: 'refused', reason: 'only a session JSON milestone has step statuses and notes' };
      const change: { status?: string; notes?: string } = {};
      if (edit.status !== undefined) change.status = edit.status;
      if (edit.notes !== undefined) change.notes = edit.notes;
      return setJsonStepFields(text, milestone, edit.index, change, context);
    }
    case 'setHealthStatus':
      return setHealthStatus(text, reading, edit.ref, edit.status);
    case 'setHealthNotes':
      return setHealthNotes(text, reading, edit.ref, edit.notes);
    case 'addHealthRow':
      return reading.milestones[edit.milestone] ? addHealthRow(text, edit.area, edit.status, edit.notes) : { kind: 'refused', reason: 'the milestone is no longer in the file' };
    case 'removeHealthRow':
      return removeHealthRow(text, reading, edit.ref);
    case 'setField':
      if (json) return setJsonField(text, edit.key, edit.value);
      if (reading.convention === 'status-md') return setBoldField(text, reading, edit.milestone, edit.key, edit.value);
      return setYamlField(text, edit.key, edit.value);
    case 'setList':
      return json ? setJsonList(text, edit.key, edit.items) : { kind: 'refused', reason: 'only a session JSON milestone keeps text lists' };
    default:
      return assertNever(edit);
  }
}

function assertNever(edit: never): EditOutcome {
  return { kind: 'refused', reason: `unknown form edit ${JSON.stringify(edit)}` };
}
