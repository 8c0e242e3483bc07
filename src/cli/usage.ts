import { LIFECYCLE_COMMANDS } from './commands';

/** The usage text, printed for `--help` and after a usage error. */
export const USAGE = `Usage: milestones <command> [options] [folder…]

Commands:
  list [options] [folder…]  List the milestones in each folder (default: the current folder):
                            file, convention, title, done/total steps, status, and what was
                            noticed while reading. --json prints one JSON object for scripts;
                            --verbose also says why files that look like milestone files were
                            skipped. Options: --json, -v/--verbose, --max-file-size.
  validate [--json] [--format human|json|github] [--max-file-size BYTES] [folder…]
                            Check every milestone file in each folder (default: the current
                            folder) as the extension does: schemas (NAME.jsonschema.yaml beside
                            NAME.kb/, \`milestones.schemas\` in .vscode/settings.json, \`$schema\`,
                            the built-in ones), header syntax, convention checks, duplicate ids.
                            Prints \`file:line:col severity code message\` (1-based), then a summary.
${LIFECYCLE_COMMANDS.map((c) => c.usage).join('').replace(/\n$/, '')}
  lsp --stdio               Run the language server over standard input and output, for editors
                            other than VS Code (Neovim, Helix, Zed, Emacs): the same diagnostics,
                            completion and hover in YAML headers, and quick fixes.
  mcp [folder…]             Serve the agents' tools (list_milestones, get_milestone, next_steps,
                            validate, tick_step, set_status, claim_milestone, complete_milestone,
                            new_milestone) as an MCP server over stdin and stdout, for the folders
                            given (default: the current folder). See README "Use with agents".

Options:
  --json             Machine-readable output: list's milestones; validate's
                     {"problems":[{file,line,column,endLine,endColumn,severity,code,message}]}.
  -v, --verbose      list only: also say why each file that looks like a milestone file was
                     skipped: a folder's guide (README.md in milestones/), a template, an index
                     that only links to milestone files, a legend of the task markers.
  --format FORMAT    validate only: human (default), json (= --json), or github (GitHub Actions
                     annotations: ::error file=…,line=…,col=…::message).
  --max-file-size BYTES
                     list and validate: read milestone files up to this size (default 2097152,
                     2 MB; the editor's setting milestones.maxFileSize). A larger one is not read
                     and is a problem (file-too-large).
  --root FOLDER      Lifecycle commands: the workspace folder (default: the current folder).
  --as NAME          Who acts (owner, completed_by); default MILESTONES_IDENTITY, git user.name,
                     then the OS user.
  --dry-run          Lifecycle commands that change files: print what would change, write nothing.
  --stdio            lsp only: talk the Language Server Protocol over stdin and stdout.
  -h, --help         Show this help.

Exit status: 0 success (list: broken milestone files are listed with what could be read;
               validate: no problem of severity error),
             1 validate found at least one error,
             1 a lifecycle command refused (the reason is printed),
             2 usage error or a folder that does not exist.
`;
