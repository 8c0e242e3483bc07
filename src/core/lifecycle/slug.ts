/**
 * A file-name slug from a title: lower case, accents dropped, every run of other characters one
 * dash, at most 48 characters cut at a dash; `milestone` when nothing is left.
 * `Prototype Streaming (v2)` → `prototype-streaming-v2`.
 */
export function slugOf(title: string): string {
  let slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > 48) {
    const cut = slug.lastIndexOf('-', 48);
    slug = slug.slice(0, cut > 16 ? cut : 48).replace(/-+$/, '');
  }
  return slug === '' ? 'milestone' : slug;
}
