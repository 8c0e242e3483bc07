/**
 * Rows a tree asked for ahead of the editor, by parent id, each with the number of the request
 * that got them. Why the number: two repaints can ask for the same rows at once (a tick's and
 * the problems of a first scan's), and the answers can be taken in another order than they were
 * asked; the server answers in order, so rows asked later show a later index, and an earlier
 * answer never replaces them (it would show a step ticked as not done again).
 */
export class RowsAhead<T> {
  private readonly byParent = new Map<string, { readonly rows: readonly T[]; readonly asked: number }>();

  get(parent: string): readonly T[] | undefined {
    return this.byParent.get(parent)?.rows;
  }

  /** The request number `parent`'s rows were asked in; -1 when none are kept. */
  askedOf(parent: string): number {
    return this.byParent.get(parent)?.asked ?? -1;
  }

  /** Keeps `rows` under `parent`, asked in request `asked`, unless rows asked later are kept; whether they were kept. */
  set(parent: string, rows: readonly T[], asked: number): boolean {
    if (this.askedOf(parent) > asked) return false;
    this.byParent.set(parent, { rows, asked });
    return true;
  }

  clear(): void {
    this.byParent.clear();
  }
}
