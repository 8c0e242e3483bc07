/**
 * The problems the server has published, per document URI, in layers computed at different times:
 * `file` (the file's own checks, from its open document or from disk), `across` (the checks that
 * need several files) and `schema` (a schema file's own problems). What a client is sent for a URI
 * is all its layers together; a layer set to what it was changes nothing.
 */
import type { Problem } from '../core/problems';

export type ProblemLayer = 'file' | 'across' | 'schema';

export class ProblemLayers {
  private readonly byUri = new Map<string, Map<ProblemLayer, readonly Problem[]>>();

  /** Sets one layer of `uri`; true when what the URI shows changed. */
  set(uri: string, layer: ProblemLayer, problems: readonly Problem[]): boolean {
    let layers = this.byUri.get(uri);
    const before = layers?.get(layer) ?? [];
    if (sameProblems(before, problems)) return false;
    if (!layers) this.byUri.set(uri, (layers = new Map<ProblemLayer, readonly Problem[]>()));
    if (problems.length > 0) layers.set(layer, problems);
    else layers.delete(layer);
    if (layers.size === 0) this.byUri.delete(uri);
    return true;
  }

  /**
   * Replaces a whole layer: every URI in `next` gets its problems, every other URI loses the layer.
   * Returns the URIs whose problems changed.
   */
  replace(layer: ProblemLayer, next: ReadonlyMap<string, readonly Problem[]>): string[] {
    const changed: string[] = [];
    for (const [uri, layers] of [...this.byUri]) {
      if (layers.has(layer) && !next.has(uri) && this.set(uri, layer, [])) changed.push(uri);
    }
    for (const [uri, problems] of next) if (this.set(uri, layer, problems)) changed.push(uri);
    return changed;
  }

  /** One layer of `uri`. */
  layerOf(uri: string, layer: ProblemLayer): readonly Problem[] {
    return this.byUri.get(uri)?.get(layer) ?? [];
  }

  /** Every layer of `uri`, file problems first. */
  problemsOf(uri: string): Problem[] {
    const layers = this.byUri.get(uri);
    return layers ? [...(layers.get('file') ?? []), ...(layers.get('across') ?? []), ...(layers.get('schema') ?? [])] : [];
  }

  /** Drops every layer of `uri`; true when it had problems. */
  forget(uri: string): boolean {
    return this.byUri.delete(uri);
  }

  /** The URIs that have problems, and whether one layer of them is `layer`. */
  uris(layer?: ProblemLayer): string[] {
    return [...this.byUri].filter(([, layers]) => layer === undefined || layers.has(layer)).map(([uri]) => uri);
  }
}

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
