import type { FormEdit } from '../../src/protocol/formProtocol';

/** What the renderers need from the page: posting edits, and the last refusal to show inline. */
export interface RenderContext {
  /** Posts `edit` with the version shown; `rowKey` is where a refusal will be shown. */
  edit(edit: FormEdit, rowKey: string): void;
  revealLine(line: number): void;
  /** Focus the control with this key after the next render (a moved row keeps the focus). */
  focusAfterRender(key: string): void;
  readonly refusal: { readonly rowKey: string; readonly message: string } | null;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}
