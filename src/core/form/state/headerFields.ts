import type { FieldView } from '../../../protocol/formProtocol';
import type { FrontmatterReading } from '../../frontmatter/readFrontmatter';
import { headerKeyLines } from '../../frontmatter/headerLines';
import { fieldView, missingRequired, type SchemaFacts } from './fieldViews';
import type { ProblemClaims } from './problemViews';

/**
 * The fields of a markdown file's header, in the file's key order, each with the problems that
 * start on its lines (its key line up to the next key); then the schema's required keys the header
 * lacks, shown empty with their `schema-required` problem. Nothing for a file without a header.
 */
export function headerFields(text: string, fm: FrontmatterReading, facts: SchemaFacts, claims: ProblemClaims): FieldView[] {
  const split = fm.split;
  if (split.kind !== 'yaml' && split.kind !== 'toml') return [];
  const data = fm.data ?? {};
  const content = text.slice(split.contentStart, split.contentEnd);
  const lines = split.kind === 'yaml' ? yamlKeyLines(content, split.contentLine) : tomlKeyLines(content, split.contentLine);
  const lastLine = split.closeLine - 1;
  const keys = Object.keys(data).sort((a, b) => (lines.get(a) ?? lastLine) - (lines.get(b) ?? lastLine));
  const starts = keys.map((k) => lines.get(k)).filter((l): l is number => l !== undefined).sort((a, b) => a - b);
  // First: a `schema-required` problem may start on the first key's line, and belongs to the missing key.
  const missing = missingRequired(keys, facts, claims);
  const out: FieldView[] = [];
  for (const key of keys) {
    const line = lines.get(key);
    const next = line !== undefined ? starts.find((l) => l > line) : undefined;
    const problems = line !== undefined ? claims.lines(line, next !== undefined ? next - 1 : lastLine) : [];
    out.push(fieldView(key, data[key], facts, problems));
  }
  return [...out, ...missing];
}

function yamlKeyLines(content: string, firstLine: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of headerKeyLines(content, firstLine)) out.set(k, v.line);
  return out;
}

/** Lines of the top-level `key = value` lines of a TOML header (before its first `[table]`). */
function tomlKeyLines(content: string, firstLine: number): Map<string, number> {
  const out = new Map<string, number>();
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s*\[/.test(l)) break;
    const m = /^\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*=/.exec(l);
    const key = m?.[1] ?? m?.[2] ?? m?.[3];
    if (key !== undefined && !out.has(key)) out.set(key, firstLine + i);
  }
  return out;
}
