import path from 'node:path';
import type { Problem } from '../core/problems';
import { kbSchemaFiles } from '../core/schema/schemaLocations';
import { folderFileUri, type ServerFolders } from './serverFolders';
import { serverPlatform } from './serverPlatform';

/**
 * The schema files' own problems, by file URI (the `schema` problem layer): each KB folder's
 * schema (`NAME.jsonschema.yaml` beside `NAME.kb/`) and each schema the settings name, in every
 * folder. Only files that exist are checked (an open one counts): most candidate names of a `.kb`
 * folder do not. `filesOf` lists a folder's milestone files; a check that throws is reported to
 * `fail` and the others go on.
 */
export function schemaFileLayer(
  folders: ServerFolders, filesOf: (root: string) => readonly string[], isOpen: (uri: string) => boolean,
  fail: (what: string, error: unknown) => void,
): Map<string, readonly Problem[]> {
  const layer = new Map<string, readonly Problem[]>();
  for (const folder of folders.all) {
    const candidates = new Set([...kbSchemaFiles(filesOf(folder.root)), ...folders.configuredSchemaFiles(folder)]);
    const registry = folders.schemasOf(folder.root);
    for (const file of candidates) {
      const uri = folderFileUri(folder.root, file);
      if (!isOpen(uri) && serverPlatform().schemaHost.stat(path.join(folder.root, ...file.split('/'))) === null) continue;
      try {
        const problems = registry.schemaFileProblems(folder.root, file);
        if (problems.length > 0) layer.set(uri, problems);
      } catch (error) {
        fail(`Checking the schema file ${file} failed`, error);
      }
    }
  }
  return layer;
}
