import * as vscode from 'vscode';
import { classifyPath } from '../core/conventions/readMilestoneFile';
import { isApprovalLog } from '../core/lifecycle/approval/approvalGate';
import { affectsScan } from './config';
import { locate } from './workspaceFiles';
import { isScanned } from './workspaceScan';
import type { WorkspaceIndexService } from './workspaceIndexService';

/** Quiet time after the last keystroke before an open editor's text is read again. */
const TYPING_DELAY_MS = 150;

/**
 * A file the index reads: a milestone file of the workspace, by path and by the include/exclude
 * settings, or an approval log (DECISIONS.md), which decides whether milestones beside it are done.
 */
function isIndexedPath(uri: vscode.Uri): boolean {
  const place = locate(uri);
  return place !== null && (isApprovalLog(place.file) || (classifyPath(place.file) !== null && isScanned(place.folder, place.file)));
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

async function onCreated(service: WorkspaceIndexService, uri: vscode.Uri): Promise<void> {
  if (isIndexedPath(uri)) await service.refreshFile(uri);
  else if (locate(uri) && (await isDirectory(uri))) await service.refreshUnder(uri);
}

/**
 * Keeps the index current: files changed on disk (also by other programs), renames from the
 * explorer, open editors (their text wins over the disk), workspace folders and settings.
 */
export function registerIndexWatchers(service: WorkspaceIndexService, log: vscode.LogOutputChannel): vscode.Disposable {
  // One watcher for all folders (a string glob applies to every workspace folder, added ones too).
  // It watches everything so that a deleted or moved-in folder is seen, not only matching files.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  const dirty = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === uri.toString());
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate((uri) => { log.trace(`created ${uri.fsPath}`); void onCreated(service, uri); }),
    // A dirty editor's text wins over the disk; its close re-reads the disk.
    watcher.onDidChange((uri) => { if (isIndexedPath(uri) && !dirty(uri)) void service.refreshFile(uri); }),
    watcher.onDidDelete((uri) => { log.trace(`deleted ${uri.fsPath}`); service.removePath(uri); }),
    vscode.workspace.onDidRenameFiles((e) => {
      for (const { oldUri, newUri } of e.files) {
        service.removePath(oldUri);
        void onCreated(service, newUri);
      }
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && isIndexedPath(e.document.uri)) {
        service.refreshFileSoon(e.document.uri, TYPING_DELAY_MS);
      }
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (isIndexedPath(doc.uri)) {
        log.trace(`closed ${doc.uri.fsPath}`);
        void service.refreshFile(doc.uri);
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void service.rescan()),
    vscode.workspace.onDidChangeConfiguration((e) => { if (affectsScan(e)) void service.rescan(); }),
  );
}
