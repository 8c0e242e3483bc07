/**
 * Node's `url.fileURLToPath` and `url.pathToFileURL` for posix paths, on the global `URL`: what the
 * web bundles get for `node:url` (scripts/build.mjs aliases it here). The shared schema code names
 * schema files by file URL; on the web no workspace schema is read, so this only keeps that code
 * whole, with Node's answers for posix paths.
 */
export function fileURLToPath(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (u.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
  if (u.hostname !== '') throw new TypeError('File URL host must be "localhost" or empty');
  if (/%2f/i.test(u.pathname)) throw new TypeError('File URL path must not include encoded / characters');
  return decodeURIComponent(u.pathname);
}

export function pathToFileURL(path: string): URL {
  const encoded = path.split('/').map((part) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
  return new URL(`file://${encoded.startsWith('/') ? '' : '/'}${encoded}`);
}
