// The site's own subset of Pretendard; the full font follows in start.tsx.
import 'virtual:site-font.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/prose.css';
import './styles/code.css';
// Feature styles load with the page, not with their lazy chunks: a stylesheet
// inserted while the page is still loading holds back its first paint.
import './quiz/quiz.css';
import './quiz/practice.css';
import './search/search.css';
import './styles/print.css';
import { layOutNote } from './layOutNote.ts';

/**
 * Every page is prerendered, so the text needs no script to show. The app's
 * code (React, the router, the note's chunk) starts downloading only after
 * the first paint: on a slow phone the HTML, the stylesheet and the font get
 * the connection to themselves, and the reader sees the note sooner.
 */
// Nothing prerendered (the dev server): nothing to paint first, start at once.
if (document.getElementById('root')?.firstElementChild) await afterFirstPaint();
// The browser skipped laying out a note's far blocks to paint sooner
// (prose.css): lay them out in small tasks while the app's code downloads.
const laidOut = layOutNote();
const { startApp } = await import('./start.tsx');
await startApp(laidOut);

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    // A hidden tab paints nothing, and an older browser may not report
    // paints: there, start at once.
    if (document.visibilityState === 'hidden' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      resolve();
      return;
    }
    // Only a safety net: a busy phone can take a while to paint a long note,
    // and starting early would make the scripts compete with that paint.
    const timer = setTimeout(resolve, 3000);
    // The entry arrives once the first frame with text is on screen.
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
}
