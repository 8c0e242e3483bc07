import type { EditOutcome } from '../model';
import type { EditContext } from '../edits/toggleStep';
import type { FormEdit } from '../../protocol/formProtocol';

/**
 * The minimal text edits for one change made in the Milestone Form, on the current `text` of `file`:
 * nothing outside the changed span moves (line endings, BOM, indentation, YAML comments, key order,
 * quoting, table alignment style and JSON formatting survive). Steps and health rows are found again
 * by line + text (refused, with a reason, when gone or ambiguous). Ticking reuses `toggleStep`, so the
 * tree and the form edit alike.
 * STUB: implemented by the form core.
 */
export function applyFormEdit(file: string, text: string, edit: FormEdit, context: EditContext): EditOutcome {
  void file; void text; void edit; void context;
  return { kind: 'refused', reason: 'not implemented' };
}
