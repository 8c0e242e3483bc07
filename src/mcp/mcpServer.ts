// `milestones mcp [folder…]`: the agents' tools as a Model Context Protocol server over standard
// input and output (the SDK's low-level `Server`: the tools' JSON Schemas live in the core, and the
// extension declares the same ones to VS Code, so no second schema language is involved).
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { AGENT_TOOLS } from '../core/agent/agentToolSpecs';
import { version } from '../../package.json';
import { AgentToolRunner } from './agentToolRunner';

/** Serves the tools for `folders` (none: the current folder) until the client closes the connection. */
export async function startMcpServer(folders: readonly string[]): Promise<void> {
  const runner = new AgentToolRunner(folders);
  const server = new Server({ name: 'milestones', version }, {
    capabilities: { tools: {} },
    instructions: 'Milestones: the project\'s milestone files (KB, session JSON, handoffs, ExecPlan, STATUS.md). Start a session with next_steps; tick steps with tick_step instead of editing checkboxes by hand; paths are relative to the workspace folder.',
  });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: AGENT_TOOLS.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema as { type: 'object'; properties?: Record<string, object>; required?: string[] },
      annotations: { title: tool.title, readOnlyHint: tool.readOnly, destructiveHint: false, openWorldHint: false },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    const result = runner.run(request.params.name, request.params.arguments);
    return { content: [{ type: 'text' as const, text: result.text }], structuredContent: { ...result.structured }, ...(result.isError === true ? { isError: true } : {}) };
  });
  await server.connect(new StdioServerTransport());
}
