import * as vscode from 'vscode';
import type { HostMessage } from '../../protocol/formProtocol';
import type { FormFocus } from '../milestoneStatusBar';
import { FormPanel, type FormPanelDeps, type MilestoneAt } from './formPanel';

/** What the integration tests see of the form (on the extension's API as `form`). */
export interface FormApi {
  /** The last state posted to a panel of the document `uri`, with its version; undefined before any. */
  lastState(uri: vscode.Uri): Extract<HostMessage, { type: 'state' }> | undefined;
  /** Fires after each message posted to a form panel. */
  readonly onDidPost: vscode.Event<{ readonly uri: vscode.Uri; readonly message: HostMessage }>;
  /**
   * Handles `message` in the newest panel of `uri` as if its webview had sent it, and resolves when
   * it was handled (an edit applied or refused); false when no panel of `uri` is open.
   */
  send(uri: vscode.Uri, message: unknown): Promise<boolean>;
}

/**
 * The "Milestone Form" custom text editor: one `FormPanel` per opened editor (several per document
 * are fine, they share the document and the cached state).
 */
export class FormEditorProvider implements vscode.CustomTextEditorProvider, FormApi, FormFocus, vscode.Disposable {
  static readonly viewType = 'milestones.form';
  private readonly panels = new Set<FormPanel>();
  private readonly states = new Map<string, Extract<HostMessage, { type: 'state' }>>();
  private readonly posted = new vscode.EventEmitter<{ readonly uri: vscode.Uri; readonly message: HostMessage }>();
  readonly onDidPost = this.posted.event;
  private readonly showed = new vscode.EventEmitter<void>();
  readonly onDidShowMilestone = this.showed.event;
  private readonly deps: FormPanelDeps;
  private readonly closing: vscode.Disposable;

  constructor(deps: Omit<FormPanelDeps, 'onPosted'>) {
    this.deps = {
      ...deps,
      onPosted: (document, message) => {
        if (message.type === 'state') this.states.set(document.uri.toString(), message);
        this.posted.fire({ uri: document.uri, message });
      },
    };
    this.closing = vscode.workspace.onDidCloseTextDocument((doc) => this.states.delete(doc.uri.toString()));
  }

  resolveCustomTextEditor(document: vscode.TextDocument, webviewPanel: vscode.WebviewPanel): void {
    const panel = new FormPanel(document, webviewPanel, this.deps);
    this.panels.add(panel);
    webviewPanel.onDidDispose(() => {
      this.panels.delete(panel);
      panel.dispose();
    });
  }

  /**
   * Opens `uri` in the form (a new panel, or the one already open, made active) scrolled to the
   * milestone `at` when given.
   */
  async open(uri: vscode.Uri, at?: MilestoneAt): Promise<void> {
    await vscode.commands.executeCommand('vscode.openWith', uri, FormEditorProvider.viewType);
    if (!at) return;
    const panels = this.panelsOf(uri);
    (panels.find((p) => p.active) ?? panels[panels.length - 1])?.revealMilestone(at);
    this.showed.fire();
  }

  activeFormUri(): vscode.Uri | undefined {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return input instanceof vscode.TabInputCustom && input.viewType === FormEditorProvider.viewType ? input.uri : undefined;
  }

  milestoneLineShown(uri: vscode.Uri): number | undefined {
    const panels = this.panelsOf(uri);
    return (panels.find((p) => p.active) ?? panels[panels.length - 1])?.milestoneShown?.line;
  }

  lastState(uri: vscode.Uri): Extract<HostMessage, { type: 'state' }> | undefined {
    return this.states.get(uri.toString());
  }

  async send(uri: vscode.Uri, message: unknown): Promise<boolean> {
    const panel = this.panelsOf(uri).pop();
    if (!panel) return false;
    await panel.receive(message);
    return true;
  }

  /** The open panels of `uri`, oldest first. */
  private panelsOf(uri: vscode.Uri): FormPanel[] {
    const key = uri.toString();
    return [...this.panels].filter((p) => p.document.uri.toString() === key);
  }

  dispose(): void {
    for (const panel of this.panels) panel.dispose();
    this.panels.clear();
    this.states.clear();
    this.closing.dispose();
    this.posted.dispose();
    this.showed.dispose();
  }
}
