/**
 * The views the language server serves the extension: the Milestones tree's rows (children on
 * request), the Next view, the milestones of a file or of the workspace, and what changed in its
 * index. The server owns the index (each file read and parsed once, there); the extension keeps
 * only the rows VS Code shows. Type-only, like serverProtocol.ts.
 *
 * Files are named by their workspace folder's URI exactly as the client sent it in the settings
 * (`FolderSettings.uri`) and the `/`-separated path in it, never by a URI the server built: the
 * client builds its own URIs, so both sides agree on how a path is encoded.
 */
import type { NextMilestone } from '../core/lifecycle/next/nextMilestones';
import type { FileReading, HealthRow, Milestone, StatusCategory, Step } from '../core/model';
import type { PhaseRollup } from '../core/rollups/progressRollups';
import type { TreeOptions } from '../core/views/treeRows';

/** A file of a workspace folder: the folder's URI as the client gave it, and the path in it. */
export interface FolderFile {
  readonly folder: string;
  readonly file: string;
}

/** What a folder or group row shows: its roll-up and what its tooltip says of it. */
export interface RollupView {
  /** `2/5 done · 40%`. */
  readonly label: string;
  readonly explanation: readonly string[];
  /** Milestones awaiting their approval. */
  readonly awaiting: number;
  readonly phases: readonly PhaseRollup[];
}

interface RowBase {
  /** Stable across repaints; a row's parent's id is a prefix of it (`parent/…`). */
  readonly id: string;
}
export interface FolderRow extends RowBase { readonly kind: 'folder'; readonly folder: string; readonly rollup: RollupView }
export interface GroupRow extends RowBase {
  readonly kind: 'group';
  readonly folder: string;
  readonly label: string;
  readonly rollup: RollupView;
  /** Shown open; a group of very many milestones starts closed (see `serverTree`). */
  readonly expanded: boolean;
}
export interface MilestoneRow extends RowBase, FolderFile {
  readonly kind: 'milestone';
  readonly line: number;
  readonly title: string;
  readonly statusCategory: StatusCategory;
  /** `3/7 · 2 problems`. */
  readonly description: string;
  readonly accessibleLabel: string;
  /** The tooltip's lines after the title. */
  readonly details: readonly (readonly [string, string])[];
  /** The menus' `viewItem` (`milestoneContext`). */
  readonly contextValue: string;
  /** none: no rows under it; expanded: the filter kept only some of its steps. */
  readonly children: 'none' | 'collapsed' | 'expanded';
  /** How many problems are shown on its lines, and the first few as lines for the tooltip. */
  readonly problemCount: number;
  readonly problemLines: readonly string[];
}
export interface StepRow extends RowBase, FolderFile {
  readonly kind: 'step';
  readonly step: Step;
  /** Task items nested under it are its rows. */
  readonly nested: boolean;
}
export interface HealthGroupRow extends RowBase, FolderFile { readonly kind: 'health-group' }
export interface HealthItemRow extends RowBase, FolderFile { readonly kind: 'health'; readonly row: HealthRow }
export interface MessageRow extends RowBase { readonly kind: 'message'; readonly reason: 'no-match' | 'all-hidden' }
/** The last row of a group that shows only some of its milestones: it shows more (`core/views/treeRows.GROUP_PAGE`). */
export interface MoreRow extends RowBase {
  readonly kind: 'more';
  readonly folder: string;
  /** Milestone rows shown above it, and in the group. */
  readonly shown: number;
  readonly total: number;
}

export type TreeRow = FolderRow | GroupRow | MilestoneRow | MoreRow | StepRow | HealthGroupRow | HealthItemRow | MessageRow;

/** Request, client → server: the rows under `parent` (the top rows when null); [] when `parent` is gone. */
export const TREE_CHILDREN_REQUEST = 'milestones/treeChildren';
export interface TreeChildrenParams {
  readonly parent: string | null;
  readonly options: TreeOptions;
}

/** Request, client → server: the rows with these ids as they are now (null where one is gone). */
export const TREE_ROWS_REQUEST = 'milestones/treeRows';
export interface TreeRowsParams {
  readonly ids: readonly string[];
  readonly options: TreeOptions;
}

/**
 * Request, client → server: the ids from a top row down to the row of the milestone of `file` at
 * `line` (a `TreePath`); null when it is not shown.
 */
export const TREE_PATH_REQUEST = 'milestones/treePath';
export interface TreePathParams extends FolderFile {
  readonly line: number;
  readonly options: TreeOptions;
}
export interface TreePath {
  readonly ids: readonly string[];
  /** The groups on the path that must show more rows for it (`TreeOptions.pages`); {} when none. */
  readonly pages: Readonly<Record<string, number>>;
}

/** Notification, server → client: the index changed. */
export const INDEX_CHANGED_NOTIFICATION = 'milestones/indexChanged';
export interface IndexChange {
  /** Files read again, added or removed (their rows, their groups' roll-ups and the Next view change). */
  readonly files: readonly FolderFile[];
  /** Files whose shown problems changed, and only those (their rows change). */
  readonly problems: readonly FolderFile[];
  /**
   * Every file of `files` kept its milestones (`core/views/sameRows`): no row came or went, none
   * moved to another group; only what their rows and their groups' roll-ups show may differ.
   */
  readonly rowsOnly: boolean;
  /** A scan of the workspace ended with this change. */
  readonly scanned: boolean;
  /** The server has ended its first scan (the tree shows "no milestone files" only then). */
  readonly ready: boolean;
  /** Milestone files in the index. */
  readonly milestoneFiles: number;
}

/** Request, client → server: answered once no scan, no read and no typing pause is pending; the index state then. */
export const WHEN_INDEXED_REQUEST = 'milestones/whenIndexed';

/**
 * Request, client → server: read these files again now (from their open document, else from disk),
 * without waiting for the file watcher; answered once they are in the index. `uris` are the client's.
 */
export const REFRESH_FILES_REQUEST = 'milestones/refreshFiles';
export interface RefreshFilesParams {
  readonly files: readonly FolderFile[];
}

/** Request, client → server: the reading of one file as the index holds it (approvals applied); null when it holds none. */
export const FILE_READING_REQUEST = 'milestones/fileReading';

/**
 * Request, client → server: every milestone of every folder (the pickers' lists), folder by folder;
 * without their steps and health rows (`Milestone.slim`) unless `full`.
 */
export const MILESTONE_LIST_REQUEST = 'milestones/list';
export interface MilestoneListParams {
  readonly full?: boolean;
}
export interface FolderMilestoneList {
  readonly folder: string;
  readonly milestones: readonly Milestone[];
}

/** Request, client → server (params `{ folder }`): the milestone files of a folder whose text the index read (sorted). */
export const FOLDER_FILES_REQUEST = 'milestones/folderFiles';

/** Request, client → server: the Next view's milestones in progress, folder by folder. */
export const NEXT_REQUEST = 'milestones/next';
export interface FolderNext {
  readonly folder: string;
  readonly milestones: readonly NextMilestone[];
}

export type { FileReading };
