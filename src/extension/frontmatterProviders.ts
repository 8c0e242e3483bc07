import * as vscode from 'vscode';
import { documentCompletions, documentHover, type DocumentPlace } from '../core/engine/documentFeatures';
import type { SchemaRegistry } from '../core/schema/schemaRegistry';
import type { SchemaService } from './schemaService';
import { todayLocal } from './validationConfig';
import { locate } from './workspaceFiles';
import type { WorkspaceIndexService } from './workspaceIndexService';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown', scheme: 'file' };

/**
 * Where `document` is in the workspace (with the convention the index read it as) and the schemas
 * of its folder; null outside the workspace folders.
 */
function placeOf(document: vscode.TextDocument, index: WorkspaceIndexService, schemas: SchemaService): { place: DocumentPlace; schemas: SchemaRegistry } | null {
  const found = locate(document.uri);
  if (!found) return null;
  const convention = index.index.get(found.folder.uri.toString(), found.file)?.convention ?? null;
  return { place: { folderRoot: found.folder.uri.fsPath, file: found.file, convention }, schemas: schemas.registryFor(found.folder) };
}

class FrontmatterCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly index: WorkspaceIndexService, private readonly schemas: SchemaService, private readonly log: vscode.LogOutputChannel) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    try {
      const at = placeOf(document, this.index, this.schemas);
      if (!at) return [];
      return documentCompletions(at.place, document.getText(), document.offsetAt(position), at.schemas, todayLocal()).map((c, i) => {
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
      const at = placeOf(document, this.index, this.schemas);
      const hover = at && documentHover(at.place, document.getText(), document.offsetAt(position), at.schemas);
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
