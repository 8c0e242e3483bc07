import type { Milestone } from '../model';

/** `{{title}}`, `${name}`. */
const MUSTACHE = /\{\{[^{}]*\}\}|\$\{[^{}]*\}/;
/** `<…>` spans of a title; `hasAngleBlank` decides which are blanks to fill in. */
const ANGLE = /<([A-Za-z][^<>]{0,60})>/g;
/** HTML a title may hold (`<br>`, `<code>`): no blank. */
const HTML_TAG = /^\/?(?:br|b|i|em|strong|code|kbd|sub|sup|span|a|img|u|s|del|ins|mark|small|details|summary|p|div|script|style|iframe|svg|object|embed|video|audio|picture|source|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|pre|blockquote|hr|input|button|form|label|select|option|textarea|link|meta|html|head|body|section|article|nav|header|footer|main|aside|figure|figcaption)\b/i;
/** The words templates leave blank, in any case: `<Name>`, `<TITLE>`. */
const BLANK_WORDS = /^(?:name|title|slug|short[-_ ]?slug|description|date|owner|status|goal|topic|id|number|n|x|milestone|phase|summary|value|text)$/i;
/** A title that is, or ends in, a bracketed blank: `[Name]`, `Milestone 1: [Milestone Name]`; not `[v2]` or `[beta]`. */
const BRACKETED_TITLE = /(?:^|[:：]\s*)\[(?=[A-Z]|[^\]]*\s)[^\]\d]+\]$/;
/** `Milestone N: …`, `Phase #: …`, `Stage NNN`: the number itself left to fill in. */
const NUMBER_BLANK = /^(?:milestone|phase|stage|deliverable)\s+(?:n|#+|nnn|x{2,})(?:\s*[:：-]|$)/i;
/** A status to fill in: the choices (`[Not started | In progress]`, `planned|done`, `A / B / C`) or a blank (`<status>`). */
const CHOICES = /\||^\s*<.*>\s*$|\S\s*\/\s*\S.*\S\s*\/\s*\S/;

/**
 * The placeholder that makes `m` a template rather than a milestone, or null: a title to fill in
 * (`<name>`, `{{title}}`, `[Name]`, `Milestone N: …`; see `hasAngleBlank`) or a status that lists
 * the choices instead of making one (`[Not started | In progress]`, `<status>`,
 * `planned | in_progress | done`, `Not Started / In Progress / Done`).
 */
export function placeholderOf(m: Milestone): string | null {
  const title = m.title.trim();
  if (MUSTACHE.test(title) || hasAngleBlank(title) || BRACKETED_TITLE.test(title) || NUMBER_BLANK.test(title)) return title;
  const status = m.status?.trim() ?? '';
  if (status !== '' && (MUSTACHE.test(status) || CHOICES.test(status))) return status;
  return null;
}

/**
 * True when the title holds an angle-bracket blank: `<name>`, `<Milestone Name>`, `<short_slug>`,
 * `<Milestone: Short Name>`, `<Title>`. Not an HTML tag, and not a component a title talks about
 * (`Refactor the <Header> component`: one capitalised word that is no blank's word).
 */
function hasAngleBlank(title: string): boolean {
  for (const m of title.matchAll(ANGLE)) {
    const inner = m[1]!.trim();
    // HTML, and JSX such as `<Header />` or `<Card size="s">`: what the title is about.
    if (HTML_TAG.test(inner) || /[=/"]/.test(inner)) continue;
    if (/[\s_:]/.test(inner) || BLANK_WORDS.test(inner) || inner === inner.toLowerCase()) return true;
  }
  return false;
}
