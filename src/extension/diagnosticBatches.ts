import type * as vscode from 'vscode';

/**
 * How long the client gathers the server's diagnostics before it hands them to VS Code.
 * Why: the language client converts one file's diagnostics per turn and, left alone, sets each on
 * the collection, and every `set` is one message from the extension host to the window. The first
 * scan of 10,000 files publishes the problems of ~6,600 files at once: ~6,600 messages, which the
 * window worked through ahead of the tree's own requests. An edit's problems wait this much more
 * after the server's typing pause (200 ms).
 */
const GATHER_MS = 40;

/**
 * The most files set in one call. Why: one `set` of 6,600 files blocked the extension host 148 ms
 * (converting and serializing them for the window); 250 a turn keeps each under ~10 ms.
 */
const FILES_PER_SET = 250;

/**
 * A `handleDiagnostics` middleware that sets the server's diagnostics on `collection` in batches:
 * each file's latest diagnostics (a later publish of a file replaces the one still waiting), set
 * `FILES_PER_SET` files a turn from `GATHER_MS` after the first of them arrived.
 */
export function diagnosticBatches(collection: () => vscode.DiagnosticCollection | undefined): {
  handle(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): void;
  /** Forgets what waits (the server that sent it stopped: a new one sends every file's problems again). */
  drop(): void;
  dispose(): void;
} {
  const waiting = new Map<string, [vscode.Uri, vscode.Diagnostic[]]>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    timer = undefined;
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [key, entry] of waiting) {
      if (entries.length === FILES_PER_SET) break;
      entries.push(entry);
      waiting.delete(key);
    }
    // Each uri appears once: `set` merges the tuples of a uri given twice.
    collection()?.set(entries);
    if (waiting.size > 0) timer = setTimeout(flush, 0);
  };
  const drop = (): void => {
    clearTimeout(timer);
    timer = undefined;
    waiting.clear();
  };
  return {
    handle(uri, diagnostics) {
      const key = uri.toString();
      // A file published again goes after the others: its newest diagnostics are set last.
      waiting.delete(key);
      waiting.set(key, [uri, diagnostics]);
      timer ??= setTimeout(flush, GATHER_MS);
    },
    drop,
    dispose: drop,
  };
}
