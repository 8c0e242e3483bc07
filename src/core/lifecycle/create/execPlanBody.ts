/**
 * The body of a new ExecPlan milestone: seed 003's template sections with their `<!-- SECTION: … -->`
 * comments, guidance as HTML comments (never shown, never read as steps), the seed's generic
 * Definition of Done items as open task items, a health table of real statuses (⏳ Not started:
 * the template's `✅ / ⚠️ / ⏳` placeholder is flagged by the checks), empty task and risk tables,
 * and a first changelog line. The optional sections (smoke, phases, deferred) are left out.
 */
export function execPlanBody(title: string, day: string): string {
  const sections: (readonly [string, string, readonly string[]])[] = [
    ['Objective', '## Objective', ['<!-- 1–3 sentences on what changes in the world when this milestone is done: the outcome, not a task list. -->']],
    ['Definition of Done', '## Definition of Done', [
      '- [ ] Lint, type-check and tests all pass (or the project’s equivalent)',
      '- [ ] Any new or changed run instructions are documented',
      '- [ ] Milestone status is updated to `completed` (and then archived when appropriate)',
    ]],
    ['Scope', '## Scope', ['### In Scope', '', '<!-- What this milestone changes. -->', '', '### Out of Scope', '', '<!-- What it deliberately leaves alone. -->']],
    ['Current Health Snapshot', '## Current Health Snapshot', [
      '| Area | Status | Notes |',
      '| --- | --- | --- |',
      ...['Architecture/design', 'Implementation', 'Tests & QA', 'Docs & runbooks'].map((area) => `| ${area} | ⏳ | Not started |`),
    ]],
    ['Architecture / Design', '## Architecture / Design Snapshot', ['<!-- Key decisions, new modules, how this plugs into what exists; link a design doc in `links.docs`. -->']],
    ['Workstreams & Tasks', '## Workstreams & Tasks', [
      '<!-- One table a workstream (### Workstream A – Name); Status: ✅ done, ⏳ open, ⚠️ at risk. -->',
      '',
      '| ID | Area | Description | Status |',
      '|----|------|-------------|--------|',
    ]],
    ['Dependencies', '## Dependencies', ['<!-- Milestones or issues that must land first; external systems. -->']],
    ['Risks', '## Risks & Mitigations', ['| Risk | Impact | Mitigation |', '| --- | --- | --- |']],
    ['Validation / QA Plan', '## Validation / QA Plan', ['<!-- Commands to run, smoke or manual checks, what "green" looks like. -->']],
    ['Rollout / Ops Notes', '## Rollout / Ops Notes', ['<!-- How it is enabled, migrations, rollback. -->']],
    ['Changelog', '## Changelog', [`- ${day} — Milestone created.`]],
  ];
  const metadata = [
    '<!-- SECTION: Metadata -->',
    `# ${title}`,
    '',
    'This milestone is a living document. Keep the YAML front matter accurate. Whenever you materially change the milestone content, update `updated` and add a note in `Changelog`.',
  ];
  const blocks = [metadata.join('\n'), ...sections.map(([name, heading, lines]) => [`<!-- SECTION: ${name} -->`, heading, '', ...lines].join('\n'))];
  return `${blocks.join('\n\n---\n\n')}\n`;
}
