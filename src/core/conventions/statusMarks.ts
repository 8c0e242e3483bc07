/**
 * The status emoji of ExecPlan tables and STATUS headings, also in their mojibake forms: real files
 * (seed 001) carry UTF-8 emoji that were decoded as latin1 / windows-1252 and saved again, so `✅`
 * appears as `âœ…`. Recognising those keeps such files' counts right.
 */
export type StatusMark = '✅' | '⏳' | '⚠' | '❌' | '🚧';

const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

function mojibake(s: string, table: Record<number, string> | null): string {
  return Array.from(new TextEncoder().encode(s), (b) => (table?.[b] ?? String.fromCharCode(b))).join('');
}

const MARKS: readonly (readonly [StatusMark, readonly string[]])[] = (['✅', '⏳', '⚠', '❌', '🚧'] as const).map(
  (m) => [m, [m, mojibake(m, null), mojibake(m, CP1252)]] as const,
);

/** The distinct status marks a cell holds, in a fixed order. */
export function marksIn(cell: string): StatusMark[] {
  const out: StatusMark[] = [];
  for (const [mark, forms] of MARKS) if (forms.some((f) => cell.includes(f))) out.push(mark);
  return out;
}

/** True when the text holds a ✅ in any of its forms. */
export function hasDoneMark(text: string): boolean {
  return MARKS[0]![1].some((f) => text.includes(f));
}
