// The three outputs of `milestones validate`: lines for people, one JSON document for programs,
// GitHub Actions workflow commands (annotations). Pure: reported problems in, text out.
import type { Severity } from '../core/problems';
import type { ReportedProblem } from '../core/reportedProblem';
export { compareReported, reported, type ReportedProblem } from '../core/reportedProblem';

export type OutputFormat = 'human' | 'json' | 'github';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['human', 'json', 'github'];

/** `problems` rendered in `format`; they must already be sorted (`compareReported`). */
export function formatProblems(problems: readonly ReportedProblem[], format: OutputFormat, filesChecked: number): string {
  switch (format) {
    case 'json': return formatJson(problems);
    case 'github': return formatGithub(problems);
    case 'human': return formatHuman(problems, filesChecked);
  }
}

/** `{"problems":[{file,line,column,endLine,endColumn,severity,code,message}]}` on one line, exactly these keys. */
export function formatJson(problems: readonly ReportedProblem[]): string {
  const list = problems.map((p) => ({
    file: p.file, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn,
    severity: p.severity, code: p.code, message: p.message,
  }));
  return JSON.stringify({ problems: list }) + '\n';
}

/** `file:line:col severity code message` a problem (message on one line), then a summary line. */
export function formatHuman(problems: readonly ReportedProblem[], filesChecked: number): string {
  let out = '';
  for (const p of problems) out += `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${oneLine(p.message)}\n`;
  return out + summaryLine(problems, filesChecked) + '\n';
}

/** E.g. `3 problems (1 error, 1 warning, 1 info) in 12 files checked.` or `No problems in 12 files checked.` */
export function summaryLine(problems: readonly ReportedProblem[], filesChecked: number): string {
  const files = `${filesChecked} file${filesChecked === 1 ? '' : 's'} checked`;
  if (problems.length === 0) return `No problems in ${files}.`;
  const count = (s: Severity): number => problems.filter((p) => p.severity === s).length;
  const e = count('error');
  const w = count('warning');
  const i = count('info');
  return `${plural(problems.length, 'problem')} (${plural(e, 'error')}, ${plural(w, 'warning')}, ${i} info) in ${files}.`;
}

const GITHUB_LEVEL: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::<message>` a problem (warning / notice for the others). */
export function formatGithub(problems: readonly ReportedProblem[]): string {
  let out = '';
  for (const p of problems) {
    const props = [`file=${escapeProperty(p.file)}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`, `endColumn=${p.endColumn}`, `title=${escapeProperty(p.code)}`];
    out += `::${GITHUB_LEVEL[p.severity]} ${props.join(',')}::${escapeData(p.message)}\n`;
  }
  return out;
}

/** GitHub's escaping of a command's message (actions/toolkit `escapeData`): `%`, CR, LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a command property (`escapeProperty`): also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
