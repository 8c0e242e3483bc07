/** One file whose entry in the index changed. */
export interface IndexFileChange {
  /** The workspace folder key the file belongs to (the host uses the folder's URI string). */
  readonly folder: string;
  /** Path relative to the folder, `/`-separated. */
  readonly file: string;
  /** `set`: added or replaced; `delete`: gone from the index. */
  readonly kind: 'set' | 'delete';
}

/** What one change to the index did; a batch reports all its files in one event. */
export interface IndexChangeEvent {
  readonly changes: readonly IndexFileChange[];
}

export type IndexListener = (event: IndexChangeEvent) => void;

/** The handle `onDidChange` returns; structurally a `vscode.Disposable`. */
export interface Disposable {
  dispose(): void;
}
