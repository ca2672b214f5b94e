/**
 * The home page's parts that only the reader's browser knows: the first
 * button (이어 읽기 and the section where the reader left off, or the next
 * unread note), each card's read / in-progress mark, and each note's
 * new / learning / remembered bar. Plain DOM over the prerendered page, so
 * the home page needs no React: the island loader starts it on the
 * prerendered page, and the React page (dev server, or arriving from the
 * review page) starts it from an effect. Every place it fills is in the
 * prerendered HTML (the button, a hidden mark, an empty progress slot), so
 * filling them moves nothing above them.
 */
import { notePath } from '../../shared/routes.ts';
import { watchStoredProgress } from '../islands/dueBadge.ts';
import { STATE_NEW, STATE_REVIEW, type CardDue, type StoredDueData } from '../islands/dueCount.ts';
import { progressDatabaseName } from '../storage/databaseName.ts';
import { placeToResume, readReadingPlaces, type ReadingPlaces } from '../storage/readingPlaces.ts';

export interface HomeNote {
  slug: string;
  title: string;
}

/** What the first button offers. */
export type ReadingStart =
  | { kind: 'resume'; slug: string; title: string; section: string; sectionTitle: string }
  | { kind: 'next'; slug: string; title: string }
  | { kind: 'first' | 'again'; slug: string };

/**
 * "이어 읽기" with the most recent unfinished note; else the next unread note
 * once some are read; else the first note ("다시 읽기" once every one is read).
 */
export function readingStart(notes: readonly HomeNote[], places: ReadingPlaces): ReadingStart | undefined {
  const first = notes[0];
  if (!first) return undefined;
  const resume = placeToResume(places);
  const resumed = resume && notes.find((note) => note.slug === resume.slug);
  if (resume && resumed)
    return {
      kind: 'resume',
      slug: resumed.slug,
      title: resumed.title,
      section: resume.place.section,
      sectionTitle: resume.place.title,
    };
  const unread = notes.find((note) => !places[note.slug]?.finished);
  if (Object.keys(places).length > 0 && unread) return { kind: 'next', slug: unread.slug, title: unread.title };
  return { kind: unread ? 'first' : 'again', slug: first.slug };
}

/** How many of `ids` are new, learning and remembered: quiz/stats.ts's count, from the stored records without ts-fsrs. */
export function stageCounts(
  ids: readonly string[],
  cards: readonly CardDue[],
): { new: number; learning: number; remembered: number } {
  const states = new Map(cards.map((card) => [card.questionId, card.state]));
  const counts = { new: 0, learning: 0, remembered: 0 };
  for (const id of ids) {
    const state = states.get(id);
    if (state === undefined || state === STATE_NEW) counts.new += 1;
    else if (state === STATE_REVIEW) counts.remembered += 1;
    else counts.learning += 1;
  }
  return counts;
}

const pageHref = (slug: string, section?: string) =>
  `${import.meta.env.BASE_URL}${notePath(slug).slice(1)}${section ? `#${encodeURIComponent(section)}` : ''}`;

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  if (className) element.className = className;
  element.textContent = text;
  return element;
}

/** The first button: the prerendered "첫 노트부터 읽기" link, pointed where the reader should go on. */
export function showReadingStart(link: HTMLAnchorElement, start: ReadingStart): void {
  link.classList.toggle('reading-start', start.kind === 'resume' || start.kind === 'next');
  if (start.kind === 'resume') {
    link.href = pageHref(start.slug, start.section);
    link.replaceChildren(span('', '이어 읽기'), span('reading-start-place', `${start.title} · ${start.sectionTitle}`));
  } else if (start.kind === 'next') {
    link.href = pageHref(start.slug);
    link.replaceChildren(span('', '다음 노트 읽기'), span('reading-start-place', start.title));
  } else {
    link.href = pageHref(start.slug);
    link.textContent = start.kind === 'again' ? '첫 노트부터 다시 읽기' : '첫 노트부터 읽기';
  }
}

/** A card's mark: "다 읽음", or "읽는 중 · <section>"; hidden for a note not opened. */
function showReadingMark(mark: HTMLElement, places: ReadingPlaces, slug: string): void {
  const place = places[slug];
  mark.hidden = !place;
  if (!place) return;
  mark.classList.toggle('reading-mark-finished', place.finished);
  mark.classList.toggle('reading-mark-started', !place.finished);
  if (place.finished) mark.textContent = '다 읽음';
  else mark.replaceChildren('읽는 중 ', span('reading-mark-section', `· ${place.title}`));
}

/** A card's bar and line: "문제 12개: 새 문제 5 · 학습 중 4 · 기억함 3". */
function showNoteProgress(slot: HTMLElement, ids: readonly string[], cards: readonly CardDue[]): void {
  if (!slot.firstElementChild) {
    const progress = document.createElement('div');
    progress.className = 'note-progress';
    progress.innerHTML =
      '<div class="note-progress-bar" aria-hidden="true"><span class="stage-remembered"></span><span class="stage-learning"></span></div><p></p>';
    slot.replaceChildren(progress);
  }
  const counts = stageCounts(ids, cards);
  const text = `문제 ${ids.length}개: 새 문제 ${counts.new} · 학습 중 ${counts.learning} · 기억함 ${counts.remembered}`;
  const line = slot.querySelector('.note-progress p');
  if (line && line.textContent !== text) line.textContent = text;
  const share = (count: number) => `${(count / ids.length) * 100}%`;
  slot.querySelector<HTMLElement>('.stage-remembered')?.style.setProperty('width', share(counts.remembered));
  slot.querySelector<HTMLElement>('.stage-learning')?.style.setProperty('width', share(counts.learning));
}

/** The cards on the page, in order: `li.note-card[data-note]` with its title link. */
function homeNotes(scope: ParentNode): (HomeNote & { card: HTMLElement })[] {
  return [...scope.querySelectorAll<HTMLElement>('.note-card[data-note]')].map((card) => ({
    card,
    slug: card.dataset.note ?? '',
    title: card.querySelector('h3')?.textContent?.trim() ?? '',
  }));
}

/** Calls `render` with each read of stored progress; returns the function that stops. */
type ProgressSource = (render: (data: StoredDueData | null) => void) => () => void;

/**
 * Fills the home page in `scope` from storage and keeps the progress bars
 * following it (an answer in another tab, the clock). `follow` gives the
 * reads: the island loader passes the due badge's (followStoredProgress), so
 * the page reads storage once; the React page reads for itself. Returns the
 * function that stops.
 */
export function startHomeProgress(
  scope: HTMLElement,
  follow: ProgressSource = (render) => watchStoredProgress(() => scope, render).stop,
): () => void {
  let stopped = false;
  const notes = homeNotes(scope);
  void readReadingPlaces(progressDatabaseName(import.meta.env.BASE_URL)).then((places) => {
    if (stopped) return;
    const link = scope.querySelector<HTMLAnchorElement>('.home-cta a.button-primary');
    const start = readingStart(notes, places);
    if (link && start) showReadingStart(link, start);
    for (const note of notes) {
      const mark = note.card.querySelector<HTMLElement>('.reading-mark');
      if (mark) showReadingMark(mark, places, note.slug);
    }
  });
  const slots = notes.flatMap(({ card, slug }) => {
    const slot = card.querySelector<HTMLElement>('.note-progress-slot');
    return slot ? [{ slot, slug }] : [];
  });
  if (slots.length === 0)
    return () => {
      stopped = true;
    };
  const ids = import('virtual:study-notes/note-questions').then((module) => module.questionIdsByNote);
  const stopFollowing = follow(
    (data) =>
      void ids.then((byNote) => {
        if (stopped) return;
        for (const { slot, slug } of slots) {
          const noteIds = byNote[slug] ?? [];
          if (noteIds.length > 0) showNoteProgress(slot, noteIds, data?.cards ?? []);
        }
      }),
  );
  return () => {
    stopped = true;
    stopFollowing();
  };
}
