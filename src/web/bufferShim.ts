/**
 * The one use of Node's `Buffer` left in the web bundles: gray-matter (TOML headers) copies a
 * file's content with `Buffer.from(string)` into `file.orig`, which Milestones never reads. A web
 * worker has no `Buffer`, and without this every TOML header on the web was "Buffer is not
 * defined". scripts/build.mjs injects this module where a web bundle names the global `Buffer`.
 */
export const Buffer = {
  from: (text: string): Uint8Array => new TextEncoder().encode(text),
};
