import * as vscode from 'vscode';
import { AGENT_TOOLS } from '../../core/agent/agentToolSpecs';
import type { LifecycleDeps } from '../lifecycle/lifecycleRunner';
import { VscodeAgentTools } from './vscodeAgentTools';

/**
 * The agents' tools for VS Code's agent mode (`languageModelTools` in package.json, the same as
 * `milestones mcp` serves). A write asks first (unless `milestones.agents.confirmWrites` is off),
 * saying what it will change; in the chat the person can approve it for the session.
 */
export function registerAgentTools(deps: LifecycleDeps): vscode.Disposable {
  const tools = new VscodeAgentTools(deps);
  return vscode.Disposable.from(...AGENT_TOOLS.map((spec) => vscode.lm.registerTool<Record<string, unknown>>(spec.name, {
    async prepareInvocation(options) {
      const invocationMessage = vscode.l10n.t('Milestones: {0}', spec.title);
      if (spec.readOnly || !vscode.workspace.getConfiguration('milestones').get<boolean>('agents.confirmWrites', true)) return { invocationMessage };
      const change = await tools.preview(spec.name, options.input);
      if (change === null) return { invocationMessage };
      return { invocationMessage, confirmationMessages: { title: spec.title, message: new vscode.MarkdownString(change) } };
    },
    async invoke(options) {
      const result = await tools.run(spec.name, options.input);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(result.text)]);
    },
  })));
}
