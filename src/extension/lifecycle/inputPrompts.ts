import * as vscode from 'vscode';

/** One line of text; undefined when the user closes the box. Empty answers are refused when `required`. */
export function askText(title: string, prompt: string, options: { value?: string; required?: boolean; placeHolder?: string } = {}): Promise<string | undefined> {
  return Promise.resolve(vscode.window.showInputBox({
    title, prompt, value: options.value, placeHolder: options.placeHolder, ignoreFocusOut: true,
    validateInput: (v) => (options.required !== false && v.trim() === '' ? 'Please enter a value' : undefined),
  })).then((v) => v?.trim());
}

/**
 * Several lines, one input box each ("one per line"): an empty answer ends the list. Undefined
 * when the user closes a box (Escape), so a half-entered list is never used.
 */
export async function askLines(title: string, what: string): Promise<string[] | undefined> {
  const lines: string[] = [];
  for (;;) {
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('{0} — {1} {2}', title, what, lines.length + 1),
      prompt: lines.length === 0 ? vscode.l10n.t('Enter the first {0}; press Enter on an empty box to finish', what) : vscode.l10n.t('{0} so far (last: {1}); Enter on an empty box to finish', lines.length, lines.at(-1) ?? ''),
      ignoreFocusOut: true,
    });
    if (value === undefined) return undefined;
    if (value.trim() === '') return lines;
    lines.push(value.trim());
  }
}

/** A quick pick of plain strings with optional descriptions; undefined when closed. */
export async function askPick<T extends vscode.QuickPickItem>(title: string, items: readonly T[], placeHolder?: string): Promise<T | undefined> {
  return vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true, matchOnDescription: true });
}
