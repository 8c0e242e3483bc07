import * as vscode from 'vscode';
import { listMilestonesResult, milestoneResult, nextStepsResult, validateResult, errorResult, listFilterOf, type AgentResult } from '../../core/agent/agentReads';
import type { AgentToolName } from '../../core/agent/agentToolSpecs';
import { inputProblem, planToolWrite, refusalResult, writeResult } from '../../core/agent/agentWrites';
import { refused, type ChangePlan, type FolderSnapshot, type PlanOutcome } from '../../core/lifecycle/changePlan';
import type { UsageProblem } from '../../core/lifecycle/create/newRequest';
import { findMilestoneByTitle } from '../../core/lifecycle/findMilestone';
import { readyMilestones } from '../../core/lifecycle/next/readyMilestones';
import { compareReported, type ReportedProblem } from '../../core/reportedProblem';
import { DIAGNOSTIC_SOURCE } from '../../protocol/serverProtocol';
import { resolveIdentity } from '../config';
import { folderSnapshot, settled } from '../lifecycle/folderSnapshot';
import { runLifecycle, schemaOfData, type LifecycleDeps } from '../lifecycle/lifecycleRunner';
import { workspaceFolderOf } from '../servedIndex';
import { locate } from '../workspaceFiles';
import { folderPrefix, toolFile } from './agentToolFolders';

type Input = Readonly<Record<string, unknown>>;

/**
 * The agents' tools inside VS Code, on the same engine as `milestones mcp`: reads come from the
 * language server's index and the Problems the extension shows (unsaved editors included), writes
 * are the lifecycle actions' plans applied as one `WorkspaceEdit` (undo works, unsaved editors keep
 * their changes). Never throws: a bad input, a refusal or a failure is a result that says why.
 */
export class VscodeAgentTools {
  constructor(private readonly deps: LifecycleDeps) {}

  async run(name: AgentToolName, input: unknown): Promise<AgentResult> {
    const problem = inputProblem(name, input ?? {});
    if (problem !== null) return errorResult(problem);
    try {
      return await this.dispatch(name, (input ?? {}) as Input);
    } catch (error) {
      return errorResult(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * What a write would change, for the confirmation: the plan's summary and its files; null when
   * the call would change nothing or be refused (the call then says why without asking first).
   */
  async preview(name: AgentToolName, input: unknown): Promise<string | null> {
    if (inputProblem(name, input ?? {}) !== null) return null;
    const target = this.writeTarget(name, (input ?? {}) as Input);
    if (typeof target === 'string') return null;
    const snapshot = await folderSnapshot(this.deps.index, target.folder);
    const context = { identity: await resolveIdentity(), now: new Date() };
    const outcome = await settled(snapshot, (s) => this.plan(name, target.args, target.folder, s, context));
    if (outcome.kind !== 'ok' || outcome.plan.changes.length === 0) return null;
    const prefix = folderPrefix(target.folder);
    const files = outcome.plan.changes.map((c) => c.kind === 'create' ? `create ${prefix}${c.file}` : c.kind === 'edit' ? `edit ${prefix}${c.file}` : `move ${prefix}${c.from} to ${prefix}${c.to}`);
    return `${outcome.plan.summary}\n\n${files.map((f) => `- ${f}`).join('\n')}`;
  }

  private async dispatch(name: AgentToolName, input: Input): Promise<AgentResult> {
    const index = this.deps.index;
    switch (name) {
      case 'list_milestones': {
        await index.whenIndexed();
        return listMilestonesResult((await index.list()).map(({ folder, milestones }) => ({ prefix: folderPrefix(folder), milestones })), listFilterOf(input));
      }
      case 'get_milestone': {
        const target = toolFile(input['file'] as string);
        if (typeof target === 'string') return errorResult(target);
        const snapshot = await folderSnapshot(index, target.folder);
        const found = await settled(snapshot, (s) => findMilestoneByTitle(s, target.file, typeof input['milestone'] === 'string' ? input['milestone'] : null));
        if (found.kind === 'refused') return refusalResult(found);
        const uri = vscode.Uri.joinPath(target.folder.uri, ...target.file.split('/'));
        return milestoneResult(found.milestone, folderPrefix(target.folder), problemsOf([[uri, vscode.languages.getDiagnostics(uri)]]));
      }
      case 'next_steps': {
        await index.whenIndexed();
        const next = (await index.next()).flatMap(({ folder, milestones }) => {
          const open = workspaceFolderOf(folder);
          return open === undefined ? [] : milestones.map((milestone) => ({ prefix: folderPrefix(open), milestone }));
        });
        const ready = (await index.list()).flatMap(({ folder, milestones }) => readyMilestones(milestones).map((milestone) => ({ prefix: folderPrefix(folder), milestone })));
        return nextStepsResult(next, ready);
      }
      case 'validate': {
        await index.whenIndexed();
        const files = (await index.list()).reduce((n, { milestones }) => n + new Set(milestones.map((m) => m.file)).size, 0);
        if (typeof input['file'] === 'string') {
          const target = toolFile(input['file']);
          if (typeof target === 'string') return errorResult(target);
          const uri = vscode.Uri.joinPath(target.folder.uri, ...target.file.split('/'));
          return validateResult(problemsOf([[uri, vscode.languages.getDiagnostics(uri)]]), 1);
        }
        return validateResult(problemsOf(vscode.languages.getDiagnostics()), files);
      }
      case 'tick_step': case 'set_status': case 'claim_milestone': case 'complete_milestone': case 'new_milestone':
        return this.write(name, input);
    }
  }

  private async write(name: AgentToolName, input: Input): Promise<AgentResult> {
    const target = this.writeTarget(name, input);
    if (typeof target === 'string') return errorResult(target);
    let planned: { readonly plan: ChangePlan; readonly snapshot: FolderSnapshot } | undefined;
    const result = await runLifecycle(this.deps, target.folder, name.replace(/_/g, ' '), (snapshot, ctx) => {
      const outcome = this.plan(name, target.args, target.folder, snapshot, ctx);
      if (outcome.kind === 'ok') planned = { plan: outcome.plan, snapshot };
      return outcome.kind === 'usage' ? refused(outcome.message, 'invalid-input') : outcome;
    }, { showRefusal: false, announce: false });
    switch (result.kind) {
      case 'ok': return writeResult(planned!.plan, (file) => planned!.snapshot.text(file), folderPrefix(target.folder));
      case 'refused': return refusalResult(result);
      case 'failed': return errorResult(result.message);
      case 'cancelled': return errorResult('cancelled');
    }
  }

  private plan(name: AgentToolName, args: Input, folder: vscode.WorkspaceFolder, snapshot: FolderSnapshot, ctx: { identity: string; now: Date }): PlanOutcome | UsageProblem {
    return planToolWrite(name, args, { snapshot, schemaOf: (file, convention, data) => schemaOfData(this.deps, folder, file, convention, data) }, ctx);
  }

  /** The folder a write acts in and its input with `file` (or `folder`) relative to it. */
  private writeTarget(name: AgentToolName, input: Input): { readonly folder: vscode.WorkspaceFolder; readonly args: Input } | string {
    if (name !== 'new_milestone') {
      const target = toolFile(input['file'] as string);
      return typeof target === 'string' ? target : { folder: target.folder, args: { ...input, file: target.file } };
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) return { folder: folders[0]!, args: input };
    if (folders.length === 0) return 'no folder is open in VS Code';
    const where = typeof input['folder'] === 'string' ? toolFile(input['folder']) : null;
    if (where === null || typeof where === 'string') return `there are ${folders.length} workspace folders; give folder, starting with one of ${folders.map((f) => `${f.name}/`).join(', ')}`;
    return { folder: where.folder, args: { ...input, folder: where.file } };
  }
}

/** Milestones' own diagnostics of the files given, as the tools report problems (sorted). */
function problemsOf(entries: readonly (readonly [vscode.Uri, readonly vscode.Diagnostic[]])[]): ReportedProblem[] {
  const out: ReportedProblem[] = [];
  for (const [uri, diagnostics] of entries) {
    const place = locate(uri);
    if (place === null) continue;
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      out.push({
        file: folderPrefix(place.folder) + place.file,
        line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        severity: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info',
        code: typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''),
        message: d.message,
      });
    }
  }
  return out.sort(compareReported);
}
