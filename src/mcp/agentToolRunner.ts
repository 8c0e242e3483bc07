// The agents' tools over folders on disk, for `milestones mcp`: the same readers, checks and
// lifecycle plans as the command line, one call at a time. Writes hold the folder's lock.
import path from 'node:path';
import { listMilestonesResult, milestoneResult, nextStepsResult, validateResult, errorResult, listFilterOf, type AgentResult } from '../core/agent/agentReads';
import { AGENT_TOOLS, type AgentToolName } from '../core/agent/agentToolSpecs';
import { inputProblem, planToolWrite, refusalResult, writeResult } from '../core/agent/agentWrites';
import { findMilestoneByTitle } from '../core/lifecycle/findMilestone';
import { nextMilestones } from '../core/lifecycle/next/nextMilestones';
import { readyMilestones } from '../core/lifecycle/next/readyMilestones';
import { actingContext, openFolderWorkspace } from '../cli/commands/cliWorkspace';
import { writePlan } from '../cli/commands/writePlan';
import { collectMilestones } from '../cli/collectMilestones';
import { localToday } from '../cli/validateCommand';
import { validateFolders } from '../cli/validateFolders';

/** A workspace folder the tools act in: as given, its absolute path, and how its files are printed. */
interface ToolFolder {
  readonly given: string;
  readonly root: string;
  /** '' with one folder; `given/` with several, so every printed path names its folder. */
  readonly prefix: string;
}

export class AgentToolRunner {
  private readonly folders: readonly ToolFolder[];

  /** `folders` as given on the command line (they must exist); none: the current folder. */
  constructor(folders: readonly string[]) {
    const given = folders.length > 0 ? [...new Set(folders)] : ['.'];
    this.folders = given.map((g) => ({ given: g, root: path.resolve(g), prefix: given.length > 1 ? `${g.replace(/\\/g, '/').replace(/\/+$/, '')}/` : '' }));
  }

  /** Runs tool `name` with `input`: never throws; a bad input, a refusal or a failure is an error result saying why. */
  run(name: string, input: unknown): AgentResult {
    const spec = AGENT_TOOLS.find((t) => t.name === name);
    if (spec === undefined) return errorResult(`there is no tool ${name}; the tools are ${AGENT_TOOLS.map((t) => t.name).join(', ')}`);
    const args = input ?? {};
    const problem = inputProblem(spec.name, args);
    if (problem !== null) return errorResult(problem);
    try {
      return this.dispatch(spec.name, args as Readonly<Record<string, unknown>>);
    } catch (error) {
      return errorResult(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private dispatch(name: AgentToolName, input: Readonly<Record<string, unknown>>): AgentResult {
    const givens = this.folders.map((f) => f.given);
    const prefixOf = new Map(this.folders.map((f) => [f.given, f.prefix]));
    switch (name) {
      case 'list_milestones': {
        const { readings } = collectMilestones(givens);
        return listMilestonesResult(readings.map((r) => ({ prefix: prefixOf.get(r.folder)!, milestones: r.reading.milestones })), listFilterOf(input));
      }
      case 'get_milestone': {
        const target = this.fileOf(input['file'] as string);
        if (typeof target === 'string') return errorResult(target);
        const workspace = openFolderWorkspace(target.folder.root);
        if (typeof workspace === 'string') return errorResult(workspace);
        const found = findMilestoneByTitle(workspace.snapshot, target.file, typeof input['milestone'] === 'string' ? input['milestone'] : null);
        if (found.kind === 'refused') return refusalResult(found);
        const shown = target.folder.prefix + target.file;
        const problems = validateFolders(givens, localToday()).problems.filter((p) => p.file === shown);
        return milestoneResult(found.milestone, target.folder.prefix, problems);
      }
      case 'next_steps': {
        const texts = new Map<string, string>();
        const key = (folder: string, file: string) => `${folder}\u0000${file}`;
        const { readings } = collectMilestones(givens, (folder, reading, text) => { if (text !== null) texts.set(key(folder, reading.file), text); });
        const next = this.folders.flatMap((f) => nextMilestones(readings.filter((r) => r.folder === f.given)
          .map((r) => ({ reading: r.reading, text: texts.get(key(f.given, r.reading.file)) ?? '' })))
          .map((milestone) => ({ prefix: f.prefix, milestone })));
        const ready = this.folders.flatMap((f) => readyMilestones(readings.filter((r) => r.folder === f.given).flatMap((r) => r.reading.milestones))
          .map((milestone) => ({ prefix: f.prefix, milestone })));
        return nextStepsResult(next, ready);
      }
      case 'validate': {
        const run = validateFolders(givens, localToday());
        const file = typeof input['file'] === 'string' ? this.fileOf(input['file']) : null;
        if (typeof file === 'string') return errorResult(file);
        const shown = file === null ? null : file.folder.prefix + file.file;
        return validateResult(shown === null ? run.problems : run.problems.filter((p) => p.file === shown), shown === null ? run.filesChecked : 1);
      }
      case 'tick_step': case 'set_status': case 'claim_milestone': case 'complete_milestone': case 'new_milestone':
        return this.write(name, input);
    }
  }

  private write(name: AgentToolName, input: Readonly<Record<string, unknown>>): AgentResult {
    let folder = this.folders[0]!;
    let args = input;
    if (name !== 'new_milestone') {
      const target = this.fileOf(input['file'] as string);
      if (typeof target === 'string') return errorResult(target);
      folder = target.folder;
      args = { ...input, file: target.file };
    } else if (this.folders.length > 1) {
      const where = typeof input['folder'] === 'string' ? this.fileOf(input['folder']) : null;
      if (where === null || typeof where === 'string') return errorResult(`there are ${this.folders.length} workspace folders; start folder with one of ${this.folders.map((f) => f.prefix).join(', ')}`);
      folder = where.folder;
      args = { ...input, folder: where.file };
    }
    const outcome = writePlan(folder.root, (workspace) => planToolWrite(name, args, workspace, actingContext(undefined, workspace.root)), false);
    if (outcome.kind === 'written') return writeResult(outcome.plan, (file) => outcome.workspace.snapshot.text(file), folder.prefix);
    if (outcome.kind === 'failed') return errorResult(outcome.message);
    return refusalResult(outcome);
  }

  /** A printed path as a folder and a path relative to it; a message when it names no folder or leaves it. */
  private fileOf(printed: string): { readonly folder: ToolFolder; readonly file: string } | string {
    const clean = printed.replace(/\\/g, '/').replace(/^\.\//, '');
    const folder = this.folders.length === 1 ? this.folders[0]! : this.folders.find((f) => clean.startsWith(f.prefix));
    if (folder === undefined) return `${printed} is in none of the workspace folders; start it with one of ${this.folders.map((f) => f.prefix).join(', ')}`;
    const file = path.posix.normalize(clean.slice(folder.prefix.length));
    if (file === '.' || file.startsWith('../') || file === '..' || path.posix.isAbsolute(file)) return `${printed} is not a file inside the workspace folder ${folder.root}`;
    return { folder, file };
  }
}
