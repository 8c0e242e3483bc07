/** The usage text, printed for `--help` and after a usage error. */
export const USAGE = `Usage: milestones <command> [options] [folder…]

Commands:
  list [--json] [folder…]   List the milestones in each folder (default: the current folder):
                            file, convention, title, done/total steps, status, and what was
                            noticed while reading. --json prints one JSON object for scripts.

Options:
  --json      Machine-readable output (list).
  -h, --help  Show this help.

Exit status: 0 success (broken milestone files are listed with what could be read),
             2 usage error or a folder that does not exist.
`;
