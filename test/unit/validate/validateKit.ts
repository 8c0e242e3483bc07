import { readMilestoneFile } from '../../../src/core/conventions/readMilestoneFile';
import type { Problem } from '../../../src/core/problems';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import type { SchemaSetting } from '../../../src/core/schema/schemaTypes';
import { validateFile } from '../../../src/core/validate/validateFile';
import { MemoryHost } from '../schema/memoryHost';

export const TODAY = '2026-05-05';

/** Validates `text` as `file` of the workspace folder `/ws`, with in-memory schema files. */
export function validate(file: string, text: string, schemaFiles: Record<string, string> = {}, settings: SchemaSetting[] = []): Problem[] {
  const schemas = new SchemaRegistry(new MemoryHost(schemaFiles), settings);
  return validateFile(file, text, readMilestoneFile(file, text), { schemas, folderRoot: '/ws', today: TODAY });
}

/** [code, startLine, startChar, endLine, endChar] of each problem, sorted by position. */
export function placed(problems: readonly Problem[]): [string, number, number, number, number][] {
  return problems
    .map((p): [string, number, number, number, number] => [p.code, p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character])
    .sort((a, b) => a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : 1));
}

/** The one problem with `code`. */
export function only(problems: readonly Problem[], code: string): Problem {
  const found = problems.filter((p) => p.code === code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${found.length}: ${JSON.stringify(problems.map((p) => p.code))}`);
  return found[0]!;
}

/** The same text with CRLF line endings and a BOM. */
export function crlfBom(text: string): string {
  return `\ufeff${text.replace(/\n/g, '\r\n')}`;
}
