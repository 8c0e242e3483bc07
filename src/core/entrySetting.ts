/**
 * A value an entry point sets once, before anything reads it (the platform the extension or the
 * language server runs on: desktop or web). Reading it unset is a bug of the entry, said by `unset`.
 */
export function entrySetting<T>(unset: string): { set(value: T): void; get(): T } {
  let current: T | undefined;
  return {
    set(value) {
      current = value;
    },
    get() {
      if (current === undefined) throw new Error(unset);
      return current;
    },
  };
}
