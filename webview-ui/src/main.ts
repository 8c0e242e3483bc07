/**
 * The Milestone Form's webview. Talks to the host (src/extension/form/) only through the typed
 * protocol in src/protocol/formProtocol.ts: posts `ready` once loaded, renders every `state` whose
 * version is not older than the one shown, and sends each change as an `edit` carrying that version.
 *
 * The page must load dist/webview/main.js as a module and dist/webview/main.css, and contain
 * `<div id="app"></div>` and `<div id="live" role="status" aria-live="polite"></div>` (created here
 * when missing). CSP: `default-src 'none'; script-src 'nonce-X'; style-src ${cspSource} 'nonce-X';
 * font-src ${cspSource}` (the components use adoptedStyleSheets, no inline style, no eval).
 *
 * Stable DOM hooks for tests (Playwright pierces the components' open shadow roots):
 *   #banner, #open-as-text                      the "cannot show as a form" banner and its button
 *   section[data-milestone="<index>"]           one per milestone; [data-role="progress"] inside
 *   [data-field="<key>"]                        around a field's label, control, helper and problems
 *                                               (also the session-JSON long texts, e.g. handoff_notes);
 *                                               list fields: [data-role="add"] input, [data-role="remove"] per chip
 *   [data-step-line="<0-based line>"][data-step-text="<text>"]   a step row; inside it:
 *       [data-role="check"] vscode-checkbox, [data-role="text"] vscode-textfield (Enter/blur commits),
 *       [data-role="remove"], [data-role="status"] + [data-role="notes"] (session JSON), [data-role="handle"] (drag)
 *   [data-add-step="<milestone>:<section or empty>"]  the "add a step" textfield of a group (Enter adds)
 *   [data-health-area="<area>"]                 a health row: [data-role="status"] select (✅ ⚠️ ⏳),
 *                                               [data-role="notes"], [data-role="remove"]
 *   [data-role="health-add"]                    the new-row line: new-area, new-status, new-notes, add
 *   [data-list="<key>"]                         next_session_should / blockers: [data-role="text"] per item,
 *                                               [data-role="remove"], [data-role="add"]
 *   [data-role="refusal"]                       the inline message of a refused edit; #live announces
 *                                               "Saved" / the refusal
 *   section[data-milestone] h2                  focused (and scrolled to the top) by a `reveal` message
 *
 * Keyboard: Tab through controls; Enter commits a text field (Ctrl+Enter in a textarea, blur also
 * commits), Escape restores it; Space ticks a checkbox; Alt+Up / Alt+Down in a step row moves it.
 */
import './elements';
import './styles.css';
import type { FormEdit, FormState, HostMessage, WebviewMessage } from '../../src/protocol/formProtocol';
import { assertNever, type RenderContext } from './context';
import { el } from './dom';
import { patch } from './patch';
import { renderBanner } from './render/banner';
import { renderForm } from './render/form';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: WebviewMessage): void => vscode.postMessage(m);

function ensure(id: string, make: () => HTMLElement): HTMLElement {
  const found = document.getElementById(id);
  if (found) return found;
  const made = make();
  document.body.appendChild(made);
  return made;
}
const app = ensure('app', () => el('div', { attrs: { id: 'app' } }));
const live = ensure('live', () => el('div', { attrs: { id: 'live', role: 'status', 'aria-live': 'polite' } }));
live.classList.add('live');

/** What the page shows; kept in one object owned by this module. */
const page: {
  version: number;
  state: FormState | null;
  /** The version an edit was sent from, until a newer state shows it applied. */
  pending: number | null;
  lastRow: string;
  refusal: { rowKey: string; message: string } | null;
  focusKey: string | undefined;
  /** A milestone to scroll to once it is rendered (`reveal`). */
  reveal: number | null;
} = { version: -1, state: null, pending: null, lastRow: '', refusal: null, focusKey: undefined, reveal: null };

function announce(text: string): void {
  // Clearing first makes a repeated "Saved" announced again.
  live.textContent = '';
  requestAnimationFrame(() => { live.textContent = text; });
}

const ctx: RenderContext = {
  edit(edit: FormEdit, rowKey: string): void {
    page.lastRow = rowKey;
    page.pending = page.version;
    if (page.refusal) { page.refusal = null; render(); }
    post({ type: 'edit', version: page.version, edit });
  },
  revealLine(line: number): void { post({ type: 'revealLine', line }); },
  focusAfterRender(key: string): void { page.focusKey = key; },
  get refusal() { return page.refusal; },
};

function render(): void {
  const state = page.state;
  if (!state) return;
  const fresh = el('div');
  switch (state.kind) {
    case 'unsupported':
      fresh.appendChild(renderBanner(state.file, state.reason, () => post({ type: 'openAsText' })));
      break;
    case 'form':
      fresh.appendChild(renderForm(ctx, state));
      break;
    default:
      assertNever(state);
  }
  const focusKey = page.focusKey;
  page.focusKey = undefined;
  patch(app, fresh, focusKey);
  showRevealed();
}

/**
 * Scrolls the milestone asked for by `reveal` to the top and puts the focus on its heading, so the
 * keyboard and a screen reader start there; waits for a state that holds it.
 */
function showRevealed(): void {
  if (page.reveal === null) return;
  const section = app.querySelector<HTMLElement>(`section[data-milestone="${page.reveal}"]`);
  if (!section) return;
  page.reveal = null;
  section.scrollIntoView({ block: 'start' });
  section.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
}

window.addEventListener('message', (ev: MessageEvent<HostMessage>) => {
  const msg = ev.data;
  if (typeof msg !== 'object' || msg === null || typeof msg.type !== 'string') return;
  switch (msg.type) {
    case 'state':
      stopGreeting();
      if (msg.version < page.version) return;
      page.version = msg.version;
      page.state = msg.state;
      if (page.pending !== null && msg.version > page.pending) {
        page.pending = null;
        page.refusal = null;
        announce('Saved');
      }
      render();
      break;
    case 'editRefused':
      page.pending = null;
      page.refusal = { rowKey: page.lastRow, message: msg.message };
      page.focusKey = undefined;
      announce(`Not applied: ${msg.message}`);
      render();
      break;
    case 'reveal':
      page.reveal = msg.milestone;
      showRevealed();
      break;
    default:
      assertNever(msg);
  }
});

// The handshake: say `ready` until the first state arrives. A `ready` can be lost while VS Code is
// still wiring the panel (the host is not listening yet, or the panel was hidden and shown as it
// opened); saying it again is harmless, the host answers each one with the current state.
let greetings = 0;
const greeter = setInterval(() => {
  if (++greetings > 40) return stopGreeting();
  post({ type: 'ready' });
}, 250);
function stopGreeting(): void {
  clearInterval(greeter);
}
post({ type: 'ready' });
