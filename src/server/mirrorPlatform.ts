/**
 * The language server in a browser's web worker (vscode.dev, github.dev): the workspace as the
 * extension sent it (`milestones/mirror`, mirrorProtocol.ts), read synchronously as the engine reads
 * the disk on the desktop. Paths are made of the URI: `/<scheme>/<authority><path>`, so folders of
 * several schemes (a GitHub repository and a local folder) never meet, and a path maps back to the
 * very URI VS Code wrote (vscode-uri is VS Code's own URI code).
 */
import { URI } from 'vscode-uri';
import { errorReason } from '../core/conventions/readFoundFile';
import { classifyPath } from '../core/conventions/readMilestoneFile';
import type { SchemaHost } from '../core/schema/schemaTypes';
import { textKind } from '../core/text/textKind';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, folderMatcher, matcher } from '../core/workspace/globs';
import { DEFAULT_MAX_FILE_SIZE, fileExcludeMatcher, type ScanItem, type ScanOptions } from '../core/workspace/scanItems';
import type { MirrorFile, MirrorParams } from '../protocol/mirrorProtocol';
import type { ServerPlatform } from './serverPlatform';

/** An authority that is empty (`memfs:/x`): a segment no encoded authority can be. */
const NO_AUTHORITY = '%';

/**
 * The path the engine keys `uri` by; null for a URI with a query or fragment (a version of a file,
 * such as git's `?ref`, not the workspace's file).
 */
export function mirrorPathOf(uri: string): string | null {
  try {
    const u = URI.parse(uri, true);
    if (u.query !== '' || u.fragment !== '') return null;
    const authority = u.authority === '' ? NO_AUTHORITY : encodeURIComponent(u.authority);
    const rest = u.path === '/' ? '' : u.path.replace(/\/+$/, '');
    return `/${u.scheme}/${authority}${rest.startsWith('/') || rest === '' ? rest : `/${rest}`}`;
  } catch {
    return null;
  }
}

/** The URI of a path made by `mirrorPathOf`. */
export function mirrorUriOf(abs: string): string {
  const [, scheme = 'file', authority = NO_AUTHORITY, ...rest] = abs.split('/');
  return URI.from({ scheme, authority: authority === NO_AUTHORITY ? '' : decodeURIComponent(authority), path: `/${rest.join('/')}` }).toString();
}

interface Entry {
  readonly bytes: Uint8Array | undefined;
  /** The file's size: of its bytes, or as sent for a file too large to send. */
  readonly size: number | undefined;
  readonly reason: string | undefined;
}

// Keep a BOM as U+FEFF, as `readFileSync(…, 'utf8')` does for the scan on the desktop.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The files the extension sent, by path, and the folders they make. */
export class MirrorFiles {
  private readonly files = new Map<string, Entry>();
  /** Folder path → files below it (at any depth). */
  private readonly folders = new Map<string, number>();

  /**
   * Takes in a notification; the URIs of what changed: files and folders gone, and files whose
   * entry differs from the one held (a listing sent again after a settings change resends mostly
   * the same bytes: those files are not read again).
   */
  apply(params: MirrorParams): string[] {
    const changed: string[] = [];
    for (const uri of params.gone) {
      const abs = mirrorPathOf(uri);
      if (abs === null || !this.exists(abs)) continue;
      if (this.folders.has(abs)) for (const file of [...this.files.keys()]) if (file.startsWith(`${abs}/`)) this.remove(file);
      this.remove(abs);
      changed.push(uri);
    }
    for (const file of params.files) {
      const abs = mirrorPathOf(file.uri);
      if (abs === null) continue;
      if (this.set(abs, file)) changed.push(file.uri);
    }
    return changed;
  }

  get size(): number {
    return this.files.size;
  }

  /** Whether a file or a folder is at `abs`. */
  exists(abs: string): boolean {
    return this.files.has(abs) || this.folders.has(abs);
  }

  isFolder(abs: string): boolean {
    return this.folders.has(abs);
  }

  /** The files below `root`, relative to it. */
  *below(root: string): Generator<string> {
    const prefix = root.endsWith('/') ? root : `${root}/`;
    for (const abs of this.files.keys()) if (abs.startsWith(prefix)) yield abs.slice(prefix.length);
  }

  /** The size of the file at `abs`, when it is one and its size is known. */
  sizeOf(abs: string): number | undefined {
    return this.files.get(abs)?.size;
  }

  /**
   * One file read as the scan reads it (`maxFileSize` bounds what is decoded); null when it is not
   * there, or when only its name was sent (no reader needed its bytes when it was listed; when a
   * setting changes that, the extension sends them, and the file is read then).
   */
  read(abs: string, file: string, maxFileSize: number): ScanItem | null {
    const entry = this.files.get(abs);
    if (entry === undefined) return null;
    if (entry.size !== undefined && entry.size > maxFileSize) return { kind: 'too-large', file, size: entry.size, limit: maxFileSize };
    if (entry.reason !== undefined) return { kind: 'unreadable', file, reason: entry.reason };
    if (entry.bytes === undefined) return null;
    try {
      const text = decoder.decode(entry.bytes);
      return { kind: 'text', file, text, textKind: textKind(entry.bytes, entry.bytes.length, text) };
    } catch (error) {
      return { kind: 'unreadable', file, reason: errorReason(error) };
    }
  }

  /** Holds `file` at `abs`; false when it holds that already. */
  private set(abs: string, file: MirrorFile): boolean {
    const before = this.files.get(abs);
    const entry: Entry = { bytes: file.bytes, size: file.bytes?.length ?? file.size, reason: file.reason };
    if (before !== undefined && sameEntry(before, entry)) return false;
    if (before === undefined) for (const folder of foldersOf(abs)) this.folders.set(folder, (this.folders.get(folder) ?? 0) + 1);
    this.files.set(abs, entry);
    return true;
  }

  private remove(abs: string): void {
    if (!this.files.delete(abs)) return;
    for (const folder of foldersOf(abs)) {
      const left = (this.folders.get(folder) ?? 1) - 1;
      if (left === 0) this.folders.delete(folder);
      else this.folders.set(folder, left);
    }
  }
}

function sameEntry(a: Entry, b: Entry): boolean {
  if (a.size !== b.size || a.reason !== b.reason || (a.bytes === undefined) !== (b.bytes === undefined)) return false;
  if (a.bytes === undefined || b.bytes === undefined) return true;
  for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] !== b.bytes[i]) return false;
  return true;
}

/** The folders above a path (not the root). */
function foldersOf(abs: string): string[] {
  const out: string[] = [];
  for (let i = abs.indexOf('/', 1); i !== -1; i = abs.indexOf('/', i + 1)) out.push(abs.slice(0, i));
  return out;
}

/** A turn of the event loop without the 4 ms a nested `setTimeout` waits in a browser. */
function turnQueue(): (then: () => void) => void {
  const waiting: (() => void)[] = [];
  const channel = new MessageChannel();
  // The DOM's MessagePort (a web worker's); Node's types do not declare `onmessage`.
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => waiting.shift()?.();
  // In Node (the tests) an open port would keep the process alive; a browser has no `unref`.
  (channel.port1 as unknown as { unref?: () => void }).unref?.();
  return (then) => {
    waiting.push(then);
    channel.port2.postMessage(null);
  };
}

/** The platform of a web worker's server over `mirror`. */
export function mirrorPlatform(mirror: MirrorFiles): ServerPlatform {
  const schemaHost: SchemaHost = {
    stat(abs) {
      if (mirror.isFolder(abs)) return { regular: false, size: 0, realPath: abs };
      return mirror.exists(abs) ? { regular: true, size: mirror.sizeOf(abs) ?? 0, realPath: abs } : null;
    },
    readText(abs, maxBytes) {
      const item = mirror.read(abs, abs, maxBytes);
      if (item === null || (item.kind !== 'text' && item.kind !== 'too-large')) return { kind: 'unreadable' };
      return item.kind === 'text' ? { kind: 'text', text: item.text } : { kind: 'too-large' };
    },
  };
  return {
    pathOf: mirrorPathOf,
    uriOf: mirrorUriOf,
    *scanFolder(root: string, options: ScanOptions): Generator<ScanItem> {
      const included = matcher(options.include ?? DEFAULT_INCLUDE);
      const excluded = fileExcludeMatcher(options.exclude ?? DEFAULT_EXCLUDE);
      const prune = folderMatcher(options.exclude ?? DEFAULT_EXCLUDE);
      const classify = options.classify ?? classifyPath;
      const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
      const candidates = [...mirror.below(root)].filter((file) => included(file) && !excluded(file) && classify(file) !== null);
      for (const file of candidates.sort()) {
        if (foldersOf(`/${file}`).some((folder) => prune(folder.slice(1)))) continue;
        const item = mirror.read(`${root}/${file}`, file, maxSize);
        if (item !== null) yield item;
      }
    },
    scanOneFile: (root, file, maxFileSize) => mirror.read(`${root}/${file}`, file, maxFileSize),
    exists: (abs) => mirror.exists(abs),
    schemaHost,
    // The workspace's own schemas are not used on the web; the client sends the settings.
    readSchemaSettings: () => [],
    memory: () => null,
    yieldTurn: turnQueue(),
  };
}
