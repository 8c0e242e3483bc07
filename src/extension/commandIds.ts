/** Every command id the extension registers; package.json `contributes.commands` lists the same ids. */
export const CommandId = {
  refresh: 'milestones.refresh',
  hideCompleted: 'milestones.hideCompleted',
  showCompleted: 'milestones.showCompleted',
  groupByStatus: 'milestones.groupByStatus',
  groupByConvention: 'milestones.groupByConvention',
  toggleStep: 'milestones.toggleStep',
  openLocation: 'milestones.openLocation',
  validateWorkspace: 'milestones.validateWorkspace',
  openForm: 'milestones.openForm',
  revealInTree: 'milestones.revealInTree',
  newMilestone: 'milestones.newMilestone',
  claim: 'milestones.claim',
  setStatus: 'milestones.setStatus',
  complete: 'milestones.complete',
  reopen: 'milestones.reopen',
  logApproval: 'milestones.logApproval',
  archive: 'milestones.archive',
  distillHandoffs: 'milestones.distillHandoffs',
  filter: 'milestones.filter',
  clearFilter: 'milestones.clearFilter',
  /** The last row of a long group: shows more of its milestones. */
  showMore: 'milestones.showMore',
} as const;

/** Context keys set with `setContext`, used by `when` clauses in package.json. */
export const ContextKey = {
  /** True once the first scan finished and found no milestone file. */
  empty: 'milestones.empty',
  hideCompleted: 'milestones.hideCompleted',
  /** `convention` | `status`. */
  groupBy: 'milestones.groupBy',
  /** True while the active text editor shows a milestone file the index holds (the editor title's Open in Form). */
  activeEditorIsMilestone: 'milestones.activeEditorIsMilestone',
  /** True once a step was ticked or unticked in this window: completes the walkthrough's step. */
  steppedOnce: 'milestones.steppedOnce',
  /** True while the Milestones tree is filtered (Clear Filter in the title bar, Escape). */
  filtered: 'milestones.filtered',
} as const;

export const ViewId = {
  container: 'milestones',
  tree: 'milestones.tree',
  /** The "Next" view: what to pick up across milestones in progress. */
  next: 'milestones.next',
} as const;
