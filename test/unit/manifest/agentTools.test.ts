// VS Code's agent mode and MCP clients see the same tools: the manifest's languageModelTools are
// the core's AGENT_TOOLS (name, what the model reads, input schema), and the MCP server is declared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AGENT_TOOLS } from '../../../src/core/agent/agentToolSpecs';

const root = process.cwd();
const contributes = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: Record<string, unknown> }).contributes;
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

interface ToolContribution { name: string; displayName: string; modelDescription: string; inputSchema: unknown; tags: string[] }

test('the manifest declares each agent tool as the core specifies it', () => {
  const tools = contributes['languageModelTools'] as ToolContribution[];
  assert.deepEqual(tools.map((t) => t.name), AGENT_TOOLS.map((t) => t.name));
  for (const spec of AGENT_TOOLS) {
    const tool = tools.find((t) => t.name === spec.name)!;
    assert.equal(nls[tool.displayName.slice(1, -1)], spec.title, spec.name);
    assert.equal(tool.modelDescription, spec.description, spec.name);
    assert.deepEqual(tool.inputSchema, spec.inputSchema, spec.name);
    assert.equal(tool.tags.includes('milestones-write'), !spec.readOnly, spec.name);
  }
});

test('the MCP server is declared for VS Code\'s agents', () => {
  assert.deepEqual(contributes['mcpServerDefinitionProviders'], [{ id: 'milestones.mcpServer', label: '%mcp.label%' }]);
});
