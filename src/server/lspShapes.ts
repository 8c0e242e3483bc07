/** The core's problems, completions, hovers and fixes in the Language Server Protocol's shapes. */
import path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, DiagnosticSeverity, MarkupKind, type CompletionItem, type Diagnostic, type Hover, type WorkspaceEdit } from 'vscode-languageserver';
import type { FrontmatterCompletion, FrontmatterHover } from '../core/complete/frontmatterCompletion';
import type { Fix, FixHint, Problem, Severity } from '../core/problems';
import { DIAGNOSTIC_SOURCE } from '../protocol/serverProtocol';
import { fileUri } from './serverFolders';


const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries to the code-action request: its problem's fix hints. */
export interface DiagnosticData {
  readonly fixes: readonly FixHint[];
}

export function toDiagnostic(problem: Problem): Diagnostic {
  const diagnostic: Diagnostic = { range: problem.range, severity: SEVERITY[problem.severity], source: DIAGNOSTIC_SOURCE, code: problem.code, message: problem.message };
  if (problem.fixes?.length) diagnostic.data = { fixes: problem.fixes } satisfies DiagnosticData;
  return diagnostic;
}

/** The fix hints a diagnostic of ours carries; [] for any other. */
export function fixHintsOf(diagnostic: Diagnostic): readonly FixHint[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const fixes = data?.fixes;
  return Array.isArray(fixes) ? (fixes as readonly FixHint[]) : [];
}

/** A completion; `order` keeps the core's order (required keys first, then schema order). */
export function toCompletionItem(document: TextDocument, completion: FrontmatterCompletion, order: number): CompletionItem {
  const range = { start: document.positionAt(completion.replaceStart), end: document.positionAt(completion.replaceEnd) };
  return {
    label: completion.label,
    kind: completion.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.Value,
    textEdit: { range, newText: completion.insertText },
    detail: completion.detail,
    documentation: completion.documentation === undefined ? undefined : { kind: MarkupKind.Markdown, value: completion.documentation },
    sortText: String(order).padStart(4, '0'),
  };
}

export function toHover(document: TextDocument, hover: FrontmatterHover): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: { start: document.positionAt(hover.start), end: document.positionAt(hover.end) } };
}

/** What the client can apply in a workspace edit (its `workspace.workspaceEdit` capabilities). */
export interface EditSupport {
  /** Versioned `documentChanges` (else the plain `changes` map). */
  readonly documentChanges: boolean;
  /** A `rename` resource operation inside `documentChanges`. */
  readonly rename: boolean;
}

/**
 * A fix as a workspace edit: its text edits on the document (at its version when the client takes
 * `documentChanges`), then the rename when there is one (`folderRoot` + `renameTo`). Null when the
 * fix renames and the client cannot.
 */
export function toWorkspaceEdit(document: TextDocument, folderRoot: string, fix: Fix, support: EditSupport): WorkspaceEdit | null {
  const edits = fix.edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText }));
  const textChange = { textDocument: { uri: document.uri, version: document.version }, edits };
  if (fix.renameTo === undefined) return support.documentChanges ? { documentChanges: [textChange] } : { changes: { [document.uri]: edits } };
  if (!support.documentChanges || !support.rename) return null;
  const newUri = fileUri(path.join(folderRoot, ...fix.renameTo.split('/')));
  return { documentChanges: [...(edits.length ? [textChange] : []), { kind: 'rename', oldUri: document.uri, newUri, options: { overwrite: false } }] };
}
