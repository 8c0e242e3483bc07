import type { ReadOnlySectionView } from '../../../protocol/formProtocol';
import type { FrontmatterReading } from '../../frontmatter/readFrontmatter';
import { scanMarkdown } from '../../markdown/scanMarkdown';
import { findHeading, isUnder } from '../../conventions/readerKit';

/** The ExecPlan sections the form shows without editing them. */
const READ_ONLY = [/^risks?\b/i, /^change\s?log\b/i];

/**
 * The ExecPlan "Risks & Mitigations" and "Changelog" sections as read-only views: each table under
 * the heading (columns and rows), then its list items. The reader keeps neither, so the body is
 * scanned again here (a few µs). Sections with no rows are left out.
 */
export function execplanSections(text: string, fm: FrontmatterReading): ReadOnlySectionView[] {
  const scan = scanMarkdown(text, fm.bodyStart, fm.bodyLine);
  const out: ReadOnlySectionView[] = [];
  for (const pattern of READ_ONLY) {
    const h = findHeading(scan, pattern);
    if (h < 0) continue;
    const heading = scan.headings[h]!;
    for (const table of scan.tables) {
      if (!isUnder(scan, table.heading, h) || table.rows.length === 0) continue;
      out.push({
        title: heading.text, line: heading.line,
        columns: table.header.map((c) => c.text),
        rows: table.rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.text) })),
      });
    }
    const items = scan.bullets.filter((b) => isUnder(scan, b.heading, h));
    if (items.length > 0) out.push({ title: heading.text, line: heading.line, rows: items.map((b) => ({ line: b.line, cells: [b.text] })) });
  }
  return out;
}
