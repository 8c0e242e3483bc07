import type { HostMessage, WebviewMessage } from '../../protocol/formProtocol';

/** The compile-time end of every `switch` on a message type: a new variant is a type error here. */
export function assertNever(value: never, what: string): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A message from the webview, checked at runtime (the webview is another program: its messages are
 * data, not types). Null when it is not one of the protocol's messages. The `edit` payload is checked
 * by `applyFormEdit`, which refuses what it cannot apply.
 */
export function parseWebviewMessage(value: unknown): WebviewMessage | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'ready':
    case 'openAsText':
      return { type: value.type };
    case 'revealLine':
      return typeof value.line === 'number' && Number.isInteger(value.line) && value.line >= 0 ? { type: 'revealLine', line: value.line } : null;
    case 'edit':
      return typeof value.version === 'number' && isRecord(value.edit) && typeof value.edit.kind === 'string'
        ? { type: 'edit', version: value.version, edit: value.edit as unknown as Extract<WebviewMessage, { type: 'edit' }>['edit'] }
        : null;
    default:
      return null;
  }
}

/** One line for the log: the message type and, for an edit, its kind. */
export function describe(message: WebviewMessage | HostMessage): string {
  if (message.type === 'edit') return `edit ${message.edit.kind} @${message.version}`;
  if (message.type === 'state') return `state @${message.version} (${message.state.kind})`;
  return message.type;
}

export const STALE_EDIT = 'The file changed while you were editing; the form shows the current text now.';
