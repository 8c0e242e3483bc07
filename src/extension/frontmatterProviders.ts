import * as vscode from 'vscode';
import { frontmatterCompletions, frontmatterHover } from '../core/complete/frontmatterCompletion';
import { classifyPath } from '../core/conventions/readMilestoneFile';
import { readFrontmatter } from '../core/frontmatter/readFrontmatter';
import type { JsonSchema } from '../core/schema/schemaTypes';
import type { SchemaService } from './schemaService';
import { todayLocal } from './validationConfig';
import { locate } from './workspaceFiles';
import type { WorkspaceIndexService } from './workspaceIndexService';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown', scheme: 'file' };

/**
 * The YAML header of `document` when `offset` is inside it, and the schema of the file; null
 * otherwise (no header, the body, not a milestone file, no schema).
 */
function headerSchema(document: vscode.TextDocument, offset: number, index: WorkspaceIndexService, schemas: SchemaService): { text: string; schema: JsonSchema } | null {
  const place = locate(document.uri);
  if (!place) return null;
  const text = document.getText();
  const header = readFrontmatter(text);
  const split = header.split;
  // Inside a closed YAML header: after the opening fence, up to the start of the closing one.
  if (split.kind !== 'yaml' || offset < split.contentStart || offset > split.contentEnd) return null;
  const kind = index.index.get(place.folder.uri.toString(), place.file)?.convention ?? classifyPath(place.file);
  if (kind === null || kind === 'markdown') return null;
  const resolution = schemas.registryFor(place.folder).resolve(place.folder.uri.fsPath, place.file, kind, header.data);
  return resolution.use ? { text, schema: resolution.use.schema } : null;
}

class FrontmatterCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly index: WorkspaceIndexService, private readonly schemas: SchemaService, private readonly log: vscode.LogOutputChannel) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    try {
      const offset = document.offsetAt(position);
      const found = headerSchema(document, offset, this.index, this.schemas);
      if (!found) return [];
      return frontmatterCompletions(found.text, offset, found.schema, todayLocal()).map((c, i) => {
        const item = new vscode.CompletionItem(c.label, c.kind === 'key' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.Value);
        item.insertText = c.insertText;
        item.range = new vscode.Range(document.positionAt(c.replaceStart), document.positionAt(c.replaceEnd));
        item.detail = c.detail;
        if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
        item.sortText = String(i).padStart(4, '0');
        return item;
      });
    } catch (error) {
      this.log.error('Frontmatter completion failed', error instanceof Error ? error : String(error));
      return [];
    }
  }
}

class FrontmatterHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: WorkspaceIndexService, private readonly schemas: SchemaService, private readonly log: vscode.LogOutputChannel) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      const offset = document.offsetAt(position);
      const found = headerSchema(document, offset, this.index, this.schemas);
      const hover = found && frontmatterHover(found.text, offset, found.schema);
      if (!hover) return undefined;
      return new vscode.Hover(new vscode.MarkdownString(hover.markdown), new vscode.Range(document.positionAt(hover.start), document.positionAt(hover.end)));
    } catch (error) {
      this.log.error('Frontmatter hover failed', error instanceof Error ? error : String(error));
      return undefined;
    }
  }
}

/** Completion (triggered by `:` and space too) and hover in the YAML header of markdown milestone files. */
export function registerFrontmatterProviders(index: WorkspaceIndexService, schemas: SchemaService, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new FrontmatterCompletionProvider(index, schemas, log), ':', ' '),
    vscode.languages.registerHoverProvider(MARKDOWN, new FrontmatterHoverProvider(index, schemas, log)),
  );
}
