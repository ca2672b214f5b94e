// The site's own subset of Pretendard; the full font follows with the app or the search.
import 'virtual:site-font.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/prose.css';
import './styles/code.css';
import './styles/touchTargets.css';
import './styles/pageBar.css';
// Feature styles load with the page, not with their lazy chunks: a stylesheet
// inserted while the page is still loading holds back its first paint.
import './quiz/quiz.css';
import './quiz/practice.css';
import './study/study.css';
import './search/search.css';
import './reading/reading.css';
import './styles/glossary.css';
import './styles/print.css';
import { firstContentfulPaint } from './dom/afterLoadIdle.ts';
import { fetchSiteFontWhenIdle } from './dom/siteFont.ts';

/**
 * Every page is prerendered. A note page, the home page, a tag's page and the
 * glossary (`#root[data-islands]`) are HTML with islands: the small loader
 * makes them work and wakes each quiz and diagram on need, so React loads
 * only with the first of them. The other pages (review, stats, 404) are the
 * React app, hydrated; so is everything on the dev server, which prerenders
 * nothing. Either waits for the prerendered page's first paint, but not long:
 * it is not needed for that paint (index.html's inline script keeps taps until
 * it runs), and fetched with the page it shared a slow link with the
 * stylesheet and held back the largest paint.
 */
fetchSiteFontWhenIdle();
const root = document.getElementById('root');
if (root?.firstElementChild) await firstContentfulPaint(3000);
if (root?.hasAttribute('data-islands')) {
  const { startIslandsPage } = await import('./islands/pageLoader.ts');
  await startIslandsPage();
} else {
  const { startApp } = await import('./start.tsx');
  await startApp();
}
