import type { Progress, StatusCategory } from '../model';
import { hasDoneMark } from './statusMarks';

const WORDS: Record<string, StatusCategory> = {};
function add(category: StatusCategory, words: string): void {
  for (const w of words.split(' ')) WORDS[w] = category;
}
add('planned', 'not-started notstarted planned pending todo to-do backlog new next draft proposed open queued scheduled ready');
add('active', 'in-progress inprogress active started wip ongoing doing in-review review partial partially-done current');
add('done', 'completed complete done passed archived finished closed shipped merged resolved delivered accepted');
add('blocked', 'blocked on-hold onhold stuck waiting failed failing');
add('dropped', 'abandoned cancelled canceled dropped wontfix won\'t-fix obsolete superseded skipped rejected deferred');
// The same words in the languages real milestone files are written in (Spanish, Portuguese, French,
// German, Italian, Chinese, Japanese), so a status such as `En curso` gets its category too.
add('planned', 'pendiente por-hacer planificado no-iniciado sin-empezar pendente planejado não-iniciado a-fazer à-faire a-faire prévu planifié non-commencé offen geplant ausstehend da-fare pianificato 未开始 待办 计划中 未着手 計画中');
add('active', 'en-curso en-progreso en-proceso activo em-andamento em-progresso em-curso en-cours in-arbeit in-bearbeitung laufend in-corso 进行中 進行中 対応中');
add('done', 'completado terminado hecho finalizado concluído concluido feito terminé fini achevé erledigt abgeschlossen fertig completato finito 已完成 完成 完了');
add('blocked', 'bloqueado bloqué blockiert bloccato 阻塞 受阻 ブロック');

/**
 * Normalises a status word as written in any convention (`not-started`, `IN PROGRESS`, `COMPLETE`,
 * `PASSED`, `✅`, `BLOCKED (by #1)` …) to a category; `unknown` for anything else. Case, spaces and
 * underscores do not matter; a trailing remark after the first word group is ignored.
 */
export function normaliseStatus(status: string): StatusCategory {
  const t = status.trim().toLowerCase();
  if (t.length === 0) return 'unknown';
  if (hasDoneMark(status) || t.includes('✔') || t.includes('☑')) return 'done';
  if (t.includes('🚧')) return 'active';
  if (t.includes('⛔') || t.includes('🛑')) return 'blocked';
  const key = t.replace(/[\s_]+/g, '-');
  const direct = WORDS[key];
  if (direct !== undefined) return direct;
  // "blocked (by #1)", "complete - 2026-01-28", "in progress: 3/5", "terminé (v2)"
  const head = /^[\p{L}'-]+(?:[\s_-]+[\p{L}']+)?/u.exec(t);
  if (head !== null) {
    const words = head[0].replace(/[\s_]+/g, '-');
    const two = WORDS[words];
    if (two !== undefined) return two;
    const one = WORDS[words.split('-')[0]!];
    if (one !== undefined) return one;
  }
  return 'unknown';
}

/**
 * The category of a text that is a status word and nothing else (`Not started`, `in_progress`,
 * `Done.`, `En curso`), else null. Stricter than `normaliseStatus`, which reads the first words of
 * any text: for telling a legend (`- [x] Done`) from a step.
 */
export function statusWordOf(text: string): StatusCategory | null {
  if (!mayBeStatusWord(text)) return null;
  const key = text.trim().toLowerCase().replace(/[.!:;,]+$/, '').replace(/[\s_]+/g, '-');
  return WORDS[key] ?? null;
}

/** The longest status word, in UTF-16 code units. */
const LONGEST_WORD = Math.max(...Object.keys(WORDS).map((w) => w.length));

/**
 * False when `text` holds more ASCII letters and digits than the longest status word: each of them
 * survives `statusWordOf`'s trimming, lower-casing and separator folding, so no word can match.
 * Why: the legend check asks this of every task item, nearly all of them sentences; the full
 * normalisation (lower-case copy, two regex replaces) was 8% of `milestones list` on the 10k-file
 * bench, and this check stops after a few characters.
 */
function mayBeStatusWord(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (++n > LONGEST_WORD) return false;
    }
  }
  return true;
}

/** Keys that name a milestone's status, in the languages of real files: `Status`, `State`, `Estado`, `Statut`, `État`, `Stato`, `Zustand`, `状态`, `ステータス` … */
const STATUS_KEYS = new Set(['status', 'state', 'estado', 'estatus', 'situación', 'statut', 'état', 'etat', 'stato', 'zustand', 'stand', 'stan', 'tila', 'durum', 'статус', 'состояние', '状态', '狀態', '状態', 'ステータス', '상태']);

/** True when `key` (a field or table key as written, `**Estado:**` → `Estado`) names the status. */
export function isStatusKey(key: string): boolean {
  return STATUS_KEYS.has(key.trim().replace(/[*_:：]+/g, '').trim().toLowerCase());
}

/** The category a file implies when it states no status: all counted steps done → done, some → active, else planned. */
export function deriveStatus(progress: Progress): StatusCategory {
  if (progress.total > 0 && progress.done === progress.total) return 'done';
  return progress.done > 0 ? 'active' : 'planned';
}

/** Category of a milestone: from its written status when there is one, else derived from its steps. */
export function statusCategoryOf(status: string | null, progress: Progress): StatusCategory {
  return status === null || status.trim() === '' ? deriveStatus(progress) : normaliseStatus(status);
}
