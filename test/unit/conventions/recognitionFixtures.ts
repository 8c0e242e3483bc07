// Files that describe a convention, and milestone files that were missed, written for these tests
// (modeled on what real repositories keep beside their milestones). Shared by the core and CLI tests.

/** A legend of the markers, in a file whose heading names milestones: no milestone at all. */
export const LEGEND_ONLY = [
  '# Milestone tracking',
  '',
  'How the checkboxes in our milestone files read:',
  '',
  '- [ ] -> Not started',
  '- [~] -> In progress',
  '- [x] -> Done',
  '',
].join('\n');

/** A STATUS.md with a legend section, a legend written as a plain list, and one real milestone. */
export const STATUS_WITH_LEGEND = [
  '# Status',
  '',
  '## Legend',
  '- [ ] open',
  '- [x] finished',
  '',
  '## Milestone: Beta',
  '',
  '- [ ] Not started',
  '- [~] In progress',
  '- [x] Done',
  '',
  '- [x] Installer builds',
  '- [ ] Docs written',
  '',
].join('\n');

/** A template: its milestone's name and status are placeholders to fill in. */
export const TEMPLATE = [
  '# How to write a milestone',
  '',
  '## Milestone: <name>',
  '',
  '**Status:** [Not started | In progress]',
  '**Goal:** [One sentence outcome]',
  '',
  '- [ ] Functional criterion 1',
  '- [ ] Testing criterion',
  '',
].join('\n');

/** A KB file that is a template by its placeholders. */
export const KB_TEMPLATE = '---\nstatus: "{{status}}"\ngoal: "{{goal}}"\n---\n\n# Milestone {{number}}: {{title}}\n\n- [ ] {{criterion}}\n';

/** A STATUS.md with a real milestone and the team's template block appended for copying. */
export const STATUS_WITH_TEMPLATE_BLOCK = [
  '# Status',
  '',
  '## Milestone: Search',
  '**Status:** In progress',
  '- [x] Index built',
  '- [ ] Ranking',
  '',
  '## Milestone: [Name]',
  '**Status:** Not started / In progress / Complete',
  '- [ ] Criterion',
  '',
].join('\n');

/** An index ("manager") file: it only links to the milestone files. */
export const INDEX = [
  '# Milestones',
  '',
  '## Phase 1',
  '- [x] [M1: Setup](milestones/M1-setup.md)',
  '- [ ] [M2: Payments](milestones/M2-payments.md) — in progress',
  '',
  '## Phase 2',
  '- [ ] [[milestones/M3-search]]',
  '',
].join('\n');

/** Steps that link the documents they are about: a milestone, not an index. */
export const LINKED_STEPS = '# Roadmap\n\n## Milestone: Docs\n\n- [ ] [README](README.md)\n- [x] [API guide](docs/api.md)\n';

/** A milestone file of a `milestones/` folder whose status is only in a table. */
export const TABLE_STATUS = [
  '# M2: Payments',
  '',
  '| Field | Value |',
  '|-------|-------|',
  '| Status | **In Progress** |',
  '| Owner | Ana |',
  '',
  'Card payments through the provider.',
  '',
].join('\n');

/** The same in Spanish: the key and the value in another language. */
export const TABLE_STATUS_ES = '# Hito 3: Facturación\n\n| Estado | En curso |\n|---|---|\n| Responsable | Luis |\n';

/** Notes kept in a `milestones/` folder: no status, no item, no milestone heading. */
export const FOLDER_NOTES = '# Meeting notes\n\nWe talked about payments.\n';

/** A KB milestone of a `todo.kb/` folder, named with a date prefix. */
export const DATED_KB = '---\nstatus: in-progress\n---\n\n# Lexer\n\n- [ ] Tokens carry their line\n';

/** A workspace schema whose `$ref` uses the author's own scheme. */
export const SKILL_REF_SCHEMA = [
  'type: object',
  'properties:',
  '  status:',
  '    enum: [not-started, in-progress, completed]',
  '  plan:',
  '    $ref: skill://planning/plan.schema.json',
  '',
].join('\n');
