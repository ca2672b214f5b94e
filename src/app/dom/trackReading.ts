import { progressDatabaseName } from '../storage/databaseName.ts';
import { saveReadingPlace, type ReadingPlace } from '../storage/readingPlaces.ts';

/** Writes wait for the reader to settle on a section, so a fast scroll is one write. */
const SETTLE_MS = 1000;

/**
 * Remembers where the reader is in the note `slug` (readingPlaces.ts): the
 * last section heading that has passed the reading line (as the table of
 * contents marks it), and that the note was read to its end once the end of
 * its body is on screen. Nothing is written before the first heading is
 * reached, so opening a note and leaving does not count as reading it.
 * Plain DOM, run by the note page's loader and by NotePage in the app.
 * Returns the function that stops (writing what is pending).
 */
export function trackReading(
  slug: string,
  body: HTMLElement,
  save: (place: ReadingPlace) => Promise<unknown> = (place) => saveToProgress(slug, place),
): () => void {
  const headings = [...body.querySelectorAll<HTMLElement>('h2[id], h3[id]')].filter(
    (heading) => !heading.closest('.island, .quiz, .diagram, figure'),
  );
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saved: { section: string; finished: boolean } | undefined;
  let pending: ReadingPlace | undefined;
  let finished = false;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const place = pending;
    pending = undefined;
    saved = { section: place.section, finished: place.finished };
    void save(place).catch(() => undefined);
  };

  const update = () => {
    frame = 0;
    // Not laid out (hidden, or a test's DOM without layout): nothing is being read.
    if (body.getBoundingClientRect().height === 0) return;
    const line = Math.max(96, window.innerHeight / 3);
    let current: HTMLElement | undefined;
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top <= line) current = heading;
      else break;
    }
    if (body.getBoundingClientRect().bottom <= window.innerHeight) {
      finished = true;
      current = headings.at(-1) ?? current;
    }
    if (!current) return;
    if (saved?.section === current.id && saved.finished === finished) return;
    pending = {
      section: current.id,
      title: current.textContent?.trim() ?? '',
      finished,
      at: new Date().toISOString(),
    };
    clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };
  const onHide = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHide);
  schedule();
  return () => {
    window.removeEventListener('scroll', schedule);
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHide);
    if (frame) cancelAnimationFrame(frame);
    flush();
  };
}

/** The site's progress database; on a first visit the progress store creates it. */
function saveToProgress(slug: string, place: ReadingPlace): Promise<boolean> {
  return saveReadingPlace(progressDatabaseName(import.meta.env.BASE_URL), slug, place, () =>
    import('../storage/progressStore.ts').then(async ({ openProgressStore }) => (await openProgressStore()).close()),
  );
}
