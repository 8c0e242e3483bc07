import * as vscode from 'vscode';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../core/workspace/globs';
import { extensionPlatform } from './platform';

export type GroupBy = 'convention' | 'status';

/** The settings that decide which files are read. A change to any of them means a rescan. */
export interface ScanSettings {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxFileSize: number;
}

export interface TreeSettings {
  readonly groupBy: GroupBy;
  readonly hideCompleted: boolean;
}

const SECTION = 'milestones';
const SCAN_KEYS = ['include', 'exclude', 'maxFileSize'].map((k) => `${SECTION}.${k}`);
const TREE_KEYS = ['tree.groupBy', 'tree.hideCompleted'].map((k) => `${SECTION}.${k}`);

function strings(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : fallback;
}

/** Scan settings for one workspace folder (include/exclude may differ per folder). */
export function readScanSettings(folder?: vscode.WorkspaceFolder): ScanSettings {
  const config = vscode.workspace.getConfiguration(SECTION, folder);
  const maxFileSize = config.get<number>('maxFileSize', 2 * 1024 * 1024);
  return {
    include: strings(config.get('include'), DEFAULT_INCLUDE),
    exclude: strings(config.get('exclude'), DEFAULT_EXCLUDE),
    maxFileSize: typeof maxFileSize === 'number' && maxFileSize > 0 ? maxFileSize : 2 * 1024 * 1024,
  };
}

export function readTreeSettings(): TreeSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    groupBy: config.get<string>('tree.groupBy') === 'status' ? 'status' : 'convention',
    hideCompleted: config.get<boolean>('tree.hideCompleted') === true,
  };
}

export function affectsScan(e: vscode.ConfigurationChangeEvent): boolean {
  return SCAN_KEYS.some((key) => e.affectsConfiguration(key));
}

export function affectsTree(e: vscode.ConfigurationChangeEvent): boolean {
  return TREE_KEYS.some((key) => e.affectsConfiguration(key));
}

/**
 * Writes a tree setting where it is currently decided: the workspace when the workspace sets it,
 * else the user settings (so a view toggle never adds a `.vscode/settings.json` to the repository).
 */
export async function updateTreeSetting(key: 'groupBy' | 'hideCompleted', value: GroupBy | boolean): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect(`tree.${key}`);
  const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(`tree.${key}`, value, target);
}

/**
 * Who marks a step done: `milestones.identity`, else what the platform knows (the desktop: git
 * `user.name`, else the OS user name; the web has neither).
 */
export async function resolveIdentity(): Promise<string> {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('identity', '').trim();
  if (configured !== '') return configured;
  return extensionPlatform().defaultIdentity();
}
