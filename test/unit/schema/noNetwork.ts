import http from 'node:http';
import https from 'node:https';

/** Every network call attempted since `forbidNetwork()`: schemas must never be downloaded. */
export const networkAttempts: string[] = [];

/** Makes `fetch`, `http(s).request` and `http(s).get` record the attempt and throw. */
export function forbidNetwork(): void {
  const refuse = (what: string) => (...args: unknown[]): never => {
    networkAttempts.push(`${what} ${String(args[0])}`);
    throw new Error(`network access in a unit test: ${what}`);
  };
  (globalThis as { fetch?: unknown }).fetch = refuse('fetch');
  for (const [name, mod] of [['http', http], ['https', https]] as const) {
    (mod as { request: unknown }).request = refuse(`${name}.request`);
    (mod as { get: unknown }).get = refuse(`${name}.get`);
  }
}
