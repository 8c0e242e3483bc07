/** The language server on the desktop (and `milestones lsp`): Node's file system and `file:` URIs. */
import { statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readSchemaSettings } from '../cli/folderSettings';
import { nodeSchemaHost } from '../core/workspace/nodeSchemaHost';
import { scanFolder, scanOneFile } from '../core/workspace/scanFolder';
import type { ServerPlatform } from './serverPlatform';

export const nodePlatform: ServerPlatform = {
  pathOf(uri) {
    if (!uri.startsWith('file:')) return null;
    try {
      return fileURLToPath(uri);
    } catch {
      return null;
    }
  },
  uriOf: (abs) => pathToFileURL(abs).href,
  scanFolder,
  scanOneFile,
  exists(abs) {
    try {
      statSync(abs);
      return true;
    } catch {
      return false;
    }
  },
  schemaHost: nodeSchemaHost,
  readSchemaSettings,
  memory() {
    const { heapUsed, rss } = process.memoryUsage();
    return { heapUsed, rss };
  },
  yieldTurn: (then) => setImmediate(then),
};
