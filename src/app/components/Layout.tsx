import { lazy, useEffect, useMemo, useRef, useState } from 'react';
import { NavLink, Outlet, ScrollRestoration, useNavigation, useRouteLoaderData } from 'react-router';
import type { NoteMeta } from '../../shared/note.ts';
import { useFocusOnNavigate } from '../hooks/useFocusOnNavigate.ts';
import { ClientOnly } from './ClientOnly.tsx';
import { HomeLink } from './HomeLink.tsx';
import { Icon } from './Icon.tsx';
import { NavDrawer } from './NavDrawer.tsx';
import { NotesNav, PracticeNav } from './NotesNav.tsx';
import { UpdatePrompt } from '../pwa/UpdatePrompt.tsx';
import { SearchLauncher } from '../search/SearchLauncher.tsx';
import { ThemeSwitcher } from './ThemeSwitcher.tsx';

// Reads stored progress (IndexedDB, the scheduler): loaded after hydration, not with the page.
const DueCount = lazy(() => import('../quiz/DueCount.tsx'));

/** The frame of every page: skip link, header, notes sidebar (a drawer on phones), main. */
export function Layout() {
  const loaded = useRouteLoaderData('root') as NoteMeta[] | undefined;
  const notes = useMemo(() => loaded ?? [], [loaded]);
  const navigation = useNavigation();
  const questionIds = useMemo(() => notes.flatMap((note) => note.questionIds), [notes]);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useFocusOnNavigate();
  useEffect(() => {
    // Lets tests (and curious people) tell prerendered HTML from the live app.
    document.documentElement.dataset.hydrated = 'true';
    document.documentElement.dataset.smoothScroll = '';
  }, []);

  return (
    <div className="site">
      <a className="skip-link" href="#main-content">
        본문으로 건너뛰기
      </a>
      <div className={`progress-bar${navigation.state === 'loading' ? ' is-loading' : ''}`} aria-hidden="true" />
      <header className="site-header">
        <button
          ref={menuButton}
          type="button"
          className="icon-button menu-button"
          aria-haspopup="dialog"
          aria-expanded={drawerOpen}
          onClick={() => setDrawerOpen(true)}
        >
          <Icon name="menu" />
          <span className="sr-only">노트 목록 열기</span>
        </button>
        {/* Right after its button, not after the (long) page: a tap on the menu while the page is
            still loading finds the drawer parsed, so index.html's script can open it at once. */}
        <NavDrawer
          open={drawerOpen}
          notes={notes}
          onClose={() => {
            setDrawerOpen(false);
          }}
        />
        <HomeLink className="site-title">
          <Icon name="book" size={22} />
          <span>스터디 노트</span>
        </HomeLink>
        <div className="header-actions">
          <NavLink to="/review/" className="header-link review-link">
            복습
            {/* The slot is in the prerendered page, so the count arriving later moves nothing. */}
            <span className="due-badge-slot">
              <ClientOnly>
                <DueCount ids={questionIds} />
              </ClientOnly>
            </span>
          </NavLink>
          <SearchLauncher />
          <ThemeSwitcher />
        </div>
      </header>
      {/* index.html holds the first paint until this is parsed (rel=expect, or #note-body on a note's
          page): the header above is whole by then. */}
      <div className="site-body" id="site-body">
        <nav className="sidebar" aria-label="노트 목록">
          <NotesNav notes={notes} />
          <PracticeNav />
        </nav>
        <main id="main-content" tabIndex={-1} aria-busy={navigation.state === 'loading'}>
          <Outlet />
        </main>
        {/* Beside the sidebar, not below it: the sticky sidebar keeps its place at the end of a page. */}
        <footer className="site-footer">
          <p>2018년에 쓴 블로그 글 다섯 편을 오늘 기준으로 다시 정리한 학습 노트입니다.</p>
        </footer>
      </div>
      <UpdatePrompt />
      <ScrollRestoration />
    </div>
  );
}
