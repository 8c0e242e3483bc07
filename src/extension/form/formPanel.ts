import * as vscode from 'vscode';
import { applyFormEdit } from '../../core/form/applyFormEdit';
import type { HostMessage, WebviewMessage } from '../../protocol/formProtocol';
import { resolveIdentity } from '../config';
import { formHtml, localResourceRoots } from './formHtml';
import { assertNever, describe, parseWebviewMessage, STALE_EDIT } from './formMessages';
import { fileOf, type FormStateSource } from './formStateSource';

/** A milestone of the document a form is opened at: where it was when asked, and its title to find it again. */
export interface MilestoneAt {
  /** 0-based line of its heading when the form was asked for. */
  readonly line: number;
  /** Its position among the file's milestones (`MilestoneView.index`). */
  readonly index: number;
  readonly title: string;
}

/** What a panel needs from the extension. */
export interface FormPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly source: FormStateSource;
  readonly log: vscode.LogOutputChannel;
  /** Told of every message posted (the test API keeps the last state of each document). */
  readonly onPosted: (document: vscode.TextDocument, message: HostMessage) => void;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One Milestone Form panel over a `TextDocument`, the model: it posts the document's form state
 * after the webview said `ready` and whenever the text or its problems change, and turns each edit
 * from the webview into a `WorkspaceEdit` (never a save: dirty marker, undo, save and hot exit are
 * VS Code's, as for any text editor).
 */
export class FormPanel implements vscode.Disposable {
  /**
   * The webview listens: set by the first `ready`. A hidden panel's page is dropped and what is
   * posted meanwhile is lost; the page loaded when it shows again says `ready` and gets the state.
   */
  private ready = false;
  private lastPosted: { readonly version: number; readonly problemsKey: string } | undefined;
  /** The milestone the form was opened at; shown again whenever the page is rebuilt. */
  private shown: MilestoneAt | undefined;
  /** Edits run one after another, in the order the webview sent them. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly subscriptions: vscode.Disposable[];

  constructor(readonly document: vscode.TextDocument, private readonly panel: vscode.WebviewPanel, private readonly deps: FormPanelDeps) {
    panel.webview.options = { enableScripts: true, localResourceRoots: localResourceRoots(deps.extensionUri) };
    this.subscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === document) this.postState(); }),
      deps.source.onDidChange(() => this.postState()),
    ];
    panel.webview.html = formHtml(panel.webview, deps.extensionUri);
  }

  /** Handles a message as if the webview sent it; resolves when it was handled (an edit applied). */
  async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.deps.log.warn(`Milestone Form: ignored a message that is not of the protocol: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    this.deps.log.trace(`form ← ${describe(message)} (${fileOf(this.document.uri)})`);
    try {
      await this.handle(message);
    } catch (error) {
      this.fail(`handle "${message.type}"`, error);
    }
  }

  /** Whether the panel is the active editor. */
  get active(): boolean {
    return this.panel.active;
  }

  /** The milestone the form was last opened at, if any. */
  get milestoneShown(): MilestoneAt | undefined {
    return this.shown;
  }

  /** Scrolls the form to the milestone `at`: now, or once the page has said `ready`. */
  revealMilestone(at: MilestoneAt): void {
    this.shown = at;
    this.postReveal();
  }

  dispose(): void {
    this.ready = false;
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.lastPosted = undefined; // a new page: it has nothing yet
        this.postState();
        this.postReveal();
        return;
      case 'edit': {
        const run = this.queue.then(() => this.edit(message.version, message.edit));
        this.queue = run.catch(() => undefined);
        return run;
      }
      case 'openAsText':
        await vscode.commands.executeCommand('vscode.openWith', this.document.uri, 'default');
        return;
      case 'revealLine': {
        const line = Math.min(message.line, this.document.lineCount - 1);
        const selection = this.document.lineAt(line).range;
        await vscode.window.showTextDocument(this.document, { viewColumn: vscode.ViewColumn.Beside, selection });
        return;
      }
      default:
        assertNever(message, 'webview message');
    }
  }

  private async edit(version: number, edit: Extract<WebviewMessage, { type: 'edit' }>['edit']): Promise<void> {
    const doc = this.document;
    const identity = await resolveIdentity();
    if (version !== doc.version) return this.refuse(STALE_EDIT, `stale edit ${edit.kind} (version ${version}, document ${doc.version})`, true);
    // No await between reading the text and building the edit: the offsets stay valid.
    const outcome = applyFormEdit(fileOf(doc.uri), doc.getText(), edit, { identity, now: new Date() });
    if (outcome.kind === 'refused') return this.refuse(outcome.reason, `refused ${edit.kind}: ${outcome.reason}`, false);
    if (outcome.edits.length === 0) return;
    const change = new vscode.WorkspaceEdit();
    for (const e of outcome.edits) change.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    if (!(await vscode.workspace.applyEdit(change))) {
      return this.refuse('VS Code did not apply the change (the file may have changed); try again.', `applyEdit returned false for ${edit.kind}`, true);
    }
    this.deps.log.info(`Milestone Form: ${edit.kind} in ${fileOf(doc.uri)} (${outcome.edits.length} edit(s), version ${doc.version}).`);
  }

  /** Tells the webview why an edit was not made; with `resend`, posts the current state too. */
  private refuse(message: string, logLine: string, resend: boolean): void {
    this.deps.log.warn(`Milestone Form: ${logLine} in ${fileOf(this.document.uri)}`);
    this.post({ type: 'editRefused', version: this.document.version, message });
    if (resend) this.postState(true);
  }

  /** Posts the current state unless the webview already shows it (or is not listening). */
  private postState(force = false): void {
    if (!this.ready || this.document.isClosed) return;
    try {
      const current = this.deps.source.stateOf(this.document);
      const last = this.lastPosted;
      if (!force && last && last.version === current.version && last.problemsKey === current.problemsKey) return;
      this.lastPosted = { version: current.version, problemsKey: current.problemsKey };
      this.post({ type: 'state', version: current.version, state: current.state });
    } catch (error) {
      this.fail('show the form', error);
    }
  }

  /** Posts `reveal` for the milestone the form was opened at, found again by its title when the text moved it. */
  private postReveal(): void {
    const at = this.shown;
    if (!this.ready || this.document.isClosed || !at) return;
    const state = this.deps.source.stateOf(this.document).state;
    if (state.kind !== 'form') return;
    const same = state.milestones.filter((m) => m.title === at.title);
    const found = same.find((m) => m.index === at.index) ?? same[0] ?? state.milestones[at.index];
    if (found) this.post({ type: 'reveal', milestone: found.index });
  }

  private post(message: HostMessage): void {
    if (!this.ready) return;
    this.deps.log.trace(`form → ${describe(message)} (${fileOf(this.document.uri)})`);
    this.deps.onPosted(this.document, message);
    void this.panel.webview.postMessage(message).then(undefined, (error: unknown) => this.deps.log.warn(`Milestone Form: post failed: ${errorText(error)}`));
  }

  private fail(action: string, error: unknown): void {
    this.deps.log.error(`Milestone Form: could not ${action} for ${this.document.uri.toString()}`, error instanceof Error ? error : String(error));
    void vscode.window.showErrorMessage(vscode.l10n.t('Milestone Form: could not {0}: {1}. See the Milestones output for details.', action, errorText(error)));
  }
}
