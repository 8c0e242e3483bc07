// The language server's part of `npm run bench`: its first scan of the bench workspace (both passes:
// every file read into the index, then each file's own checks and the checks across files, with
// the scope `workspace` as in VS Code), in this process, and the heap its state keeps afterwards.
import { pathToFileURL } from 'node:url';
import { ServerWorkspace } from '../src/server/serverWorkspace';
import { nodePlatform } from '../src/server/nodePlatform';
import { setServerPlatform } from '../src/server/serverPlatform';

setServerPlatform(nodePlatform);

/** What one scan cost and kept. */
export interface ServerScan {
  readonly ms: number;
  readonly files: number;
  /** Files whose problems were published. */
  readonly published: number;
  /** V8 heap kept by the server's state after a full collection. */
  readonly retainedBytes: number;
}

/** Scans `root` as the language server does at start-up; `gc` runs a full collection. */
export async function serverScan(root: string, gc: () => void): Promise<ServerScan> {
  gc();
  const before = process.memoryUsage().heapUsed;
  let published = 0;
  const workspace = new ServerWorkspace({ publish: () => { published++; }, fail: (what, error) => { throw new Error(`${what}: ${String(error)}`); } });
  const uri = pathToFileURL(root).href;
  workspace.start([uri], { scope: 'workspace', workspaceSchemas: true, folders: [{ uri, schemas: [], include: ['**/*.md', '**/*.json'], exclude: ['**/node_modules/**'], maxFileSize: 1_000_000 }] });
  const start = process.hrtime.bigint();
  const files = await workspace.scan();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  gc();
  const retainedBytes = process.memoryUsage().heapUsed - before;
  workspace.dispose();
  return { ms, files, published, retainedBytes };
}
