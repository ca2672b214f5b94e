import { Fragment, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { TextPart } from './highlightText.ts';
import { Icon } from '../components/Icon.tsx';
import { keepHeadingInView } from './keepHeadingInView.ts';
import type { SearchOutcome, SectionHit, SectionSearch } from './searchSections.ts';

export interface SearchDialogProps {
  open: boolean;
  /** Called when the dialog closes itself (Esc, close button, backdrop, a result opened). */
  onClose: () => void;
  /** Loads the index; tests pass their own. */
  load?: () => Promise<SectionSearch>;
  /** What the reader typed before the dialog's code arrived (island pages): kept, caret at its end. */
  initialText?: string;
}

/** Where the reader is, and how to go to a result: the router's in the app, the island page navigation elsewhere. */
export interface SearchPlace {
  /** Router-relative path and hash of the page shown now (`/notes/uwsgi/`, `#설치`). */
  location: { pathname: string; hash: string };
  navigate: (to: { pathname: string; hash: string }) => unknown;
}

type Engine = { status: 'loading' } | { status: 'ready'; search: SectionSearch } | { status: 'failed' };

/** MiniSearch, the search code and the index: chunks of their own, fetched on first open. */
const loadSearch = () => import('./loadSectionSearch.ts').then((module) => module.loadSectionSearch());

/** Shown before anything is typed; each fills in the query. */
const EXAMPLES = ['정규화', '핸드셰이크', '소켓', 'ALLOWED_HOSTS'];
/** Hits rendered at first, and added each time the reader asks for more (or scrolls to the end). */
const PAGE = 20;

/**
 * Search across every note, as a modal `<dialog>` holding a WAI-ARIA
 * combobox (the input) and its listbox (the results), following
 * https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/.
 * Focus stays in the input; ↑/↓ move the active result (announced through
 * `aria-activedescendant`), Enter opens it, Esc closes the dialog and the
 * browser returns focus to where it was. The first result is active as soon
 * as results appear, so Enter alone opens the best match.
 */
export function SearchDialog(props: SearchDialogProps) {
  const navigate = useNavigate();
  const location = useLocation();
  return <SearchDialogView {...props} navigate={navigate} location={location} />;
}

/** `SearchDialog` without a router: the caller says where the reader is and how to move. */
export function SearchDialogView({
  open,
  onClose,
  load = loadSearch,
  navigate,
  location,
  initialText,
}: SearchDialogProps & SearchPlace) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [engine, setEngine] = useState<Engine>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState({ text: initialText ?? '', composing: false });
  const carried = useRef(Boolean(initialText));
  const [active, setActive] = useState(0);
  const [limit, setLimit] = useState(PAGE);
  const [onlyThisNote, setOnlyThisNote] = useState(false);
  // Bumped when a note's snippet text arrives, so the results are made again with it.
  const [textVersion, setTextVersion] = useState(0);
  const deferred = useDeferredValue(query);
  const currentNote = /^\/notes\/([^/]+)\/?$/.exec(location.pathname)?.[1];
  const noteFilter = onlyThisNote && currentNote ? decodeURIComponent(currentNote) : undefined;
  const more = useRef<HTMLButtonElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const id = useId();
  const listboxId = `${id}-results`;
  const optionId = (index: number) => `${id}-result-${index}`;

  useEffect(() => {
    if (!open) return;
    let current = true;
    load().then(
      (search) => current && setEngine({ status: 'ready', search }),
      () => current && setEngine({ status: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [open, load, attempt]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      input.current?.focus();
      if (carried.current) {
        // Typed before the dialog arrived: go on typing after it.
        carried.current = false;
        const end = input.current?.value.length ?? 0;
        input.current?.setSelectionRange(end, end);
      } else {
        // Reopening keeps the last query, selected so typing replaces it.
        input.current?.select();
      }
    }
    if (!open && element.open) element.close();
  }, [open]);

  const outcome: SearchOutcome | undefined = useMemo(
    () =>
      engine.status === 'ready'
        ? engine.search.search(deferred.text, { composing: deferred.composing, limit, note: noteFilter })
        : undefined,
    // textVersion: the same query again once snippet text has arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [engine, deferred, limit, noteFilter, textVersion],
  );
  const hits = outcome?.hits ?? [];
  const current = hits.length > 0 ? Math.min(active, hits.length - 1) : -1;
  const remaining = outcome ? outcome.total - hits.length : 0;
  const hasMore = remaining > 0;

  const waitingFor = outcome?.waitingFor.join(' ') ?? '';
  useEffect(() => {
    if (engine.status !== 'ready' || waitingFor === '') return;
    let current = true;
    // Offline before the text was cached: the results stay, without snippets.
    engine.search.loadText(waitingFor.split(' ')).then(
      () => current && setTextVersion((version) => version + 1),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [engine, waitingFor]);

  // Scrolling to the end of the results shows the next page, as the button does.
  useEffect(() => {
    const button = more.current;
    if (!button || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setLimit((shown) => shown + PAGE);
      },
      { root: scroller.current, rootMargin: '0px 0px 160px 0px' },
    );
    observer.observe(button);
    return () => observer.disconnect();
  }, [hasMore]);

  useEffect(() => {
    if (current < 0) return;
    const option = document.getElementById(`${id}-result-${current}`);
    // jsdom has no scrollIntoView.
    if (typeof option?.scrollIntoView === 'function') option.scrollIntoView({ block: 'nearest' });
  }, [id, current, outcome]);

  const status = statusText(engine.status, query.text, outcome, noteFilter !== undefined);
  // Announced once typing pauses, so a screen reader does not read every keystroke's count.
  const announced = useDebounced(status, 400);

  const openHit = (hit: SectionHit) => {
    // Closing first hands focus back to where it was; the navigation then
    // moves it to the section's heading (useFocusOnNavigate).
    dialog.current?.close();
    onClose();
    const samePlace =
      trimSlash(location.pathname) === trimSlash(hit.pathname) &&
      decodeURIComponent(location.hash) === decodeURIComponent(hit.hash);
    if (samePlace) {
      focusSection(hit.headingId);
    } else {
      const heading = hit.headingId;
      void Promise.resolve(navigate({ pathname: hit.pathname, hash: hit.hash })).then(
        () => heading && keepHeadingInView(heading),
      );
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys pressed while an input method is composing belong to it: Enter or
    // an arrow first finishes the Korean syllable being typed.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      if (event.key === 'ArrowDown' && current === hits.length - 1 && remaining > 0) {
        // Past the last result shown: show the next page and go on into it.
        setLimit((shown) => shown + PAGE);
        setActive(current + 1);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((Math.max(current, 0) + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      const hit = hits[current];
      if (hit) {
        event.preventDefault();
        openHit(hit);
      }
    }
  };

  const setText = (text: string, composing = false) => {
    setQuery({ text, composing });
    setActive(0);
    setLimit(PAGE);
  };

  return (
    // The backdrop click is a mouse shortcut only; keyboard users have Esc
    // (native) and the close button.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={dialog}
      className="search-dialog"
      aria-label="노트 검색"
      onClose={onClose}
      onKeyDown={(event) => {
        // Ctrl/⌘-K inside the dialog goes back to the query instead of the browser's search bar.
        if ((event.ctrlKey || event.metaKey) && (event.key.toLowerCase() === 'k' || event.code === 'KeyK')) {
          event.preventDefault();
          input.current?.focus();
          input.current?.select();
        }
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) dialog.current?.close();
      }}
    >
      <div className="search-panel">
        <div className="search-field">
          <Icon name="search" size={20} />
          <label htmlFor={`${id}-input`} className="sr-only">
            검색어
          </label>
          <input
            ref={input}
            id={`${id}-input`}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={hits.length > 0}
            aria-controls={hits.length > 0 ? listboxId : undefined}
            aria-activedescendant={current >= 0 ? optionId(current) : undefined}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="go"
            maxLength={1000}
            placeholder="낱말이나 설정 이름으로 찾기"
            value={query.text}
            onChange={(event) => setText(event.target.value, (event.nativeEvent as InputEvent).isComposing === true)}
            onCompositionEnd={(event) => setText(event.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="search-close" onClick={() => dialog.current?.close()}>
            <span className="search-close-label">닫기</span>
            <kbd aria-hidden="true">Esc</kbd>
          </button>
        </div>

        {currentNote && (
          <label className="search-scope">
            <input
              type="checkbox"
              checked={onlyThisNote}
              onChange={(event) => {
                setOnlyThisNote(event.target.checked);
                setActive(0);
                setLimit(PAGE);
                input.current?.focus();
              }}
            />
            이 노트에서만 찾기
          </label>
        )}

        <p className="search-status" aria-hidden="true">
          {status}
        </p>
        <p className="sr-only" role="status">
          {announced}
        </p>
        {engine.status === 'failed' && (
          <p className="search-retry">
            <button
              type="button"
              className="search-retry-button"
              onClick={() => {
                setEngine({ status: 'loading' });
                setAttempt((n) => n + 1);
                input.current?.focus();
              }}
            >
              다시 시도
            </button>
          </p>
        )}

        {hits.length > 0 && (
          <div className="search-scroll" ref={scroller}>
            <ul id={listboxId} role="listbox" aria-label="검색 결과" className="search-results">
              {hits.map((hit, index) => (
                // Options are chosen from the input with the keyboard; the
                // click is for mouse and touch.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events
                <li
                  key={hit.key}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === current}
                  tabIndex={-1}
                  className="search-hit"
                  onClick={() => openHit(hit)}
                  onMouseMove={() => index !== current && setActive(index)}
                >
                  <span className="search-hit-path">
                    <span className="search-hit-note">
                      <Highlighted parts={hit.noteTitle} />
                    </span>
                    {hit.parent && (
                      <>
                        <span className="sr-only">, </span>
                        <span className="search-hit-parent">
                          <span className="search-hit-sep" aria-hidden="true">
                            ›
                          </span>
                          {hit.parent}
                        </span>
                      </>
                    )}
                    {hit.heading && (
                      <>
                        <span className="sr-only">, </span>
                        <span className="search-hit-heading">
                          <span className="search-hit-sep" aria-hidden="true">
                            ›
                          </span>
                          <Highlighted parts={hit.heading} />
                        </span>
                      </>
                    )}
                    {hit.quiz && (
                      <>
                        <span className="sr-only">, </span>
                        <span className="search-hit-quiz">확인 문제</span>
                      </>
                    )}
                    {hit.term && (
                      <>
                        <span className="sr-only">, </span>
                        <span className="search-hit-term">용어</span>
                      </>
                    )}
                  </span>
                  <span className="sr-only">: </span>
                  <span className="search-hit-snippet">{hit.snippet && <Highlighted parts={hit.snippet} />}</span>
                </li>
              ))}
            </ul>
            {remaining > 0 && (
              <p className="search-more">
                <button
                  ref={more}
                  type="button"
                  className="search-more-button"
                  onClick={() => {
                    setLimit((shown) => shown + PAGE);
                    input.current?.focus();
                  }}
                >
                  결과 {Math.min(remaining, PAGE)}개 더 보기{' '}
                  <span className="search-more-left">({remaining}개 남음)</span>
                </button>
              </p>
            )}
          </div>
        )}

        {engine.status === 'ready' && outcome?.empty && (
          <div className="search-help">
            <p>노트 제목, 절 제목, 본문에서 찾습니다. 조사가 붙어 있어도, 낱말 앞부분만 써도 찾습니다.</p>
            <p className="search-examples">
              <span>예:</span>
              {EXAMPLES.map((example) => (
                <button
                  key={example}
                  type="button"
                  className="search-example"
                  onClick={() => {
                    setText(example);
                    input.current?.focus();
                  }}
                >
                  {example}
                </button>
              ))}
            </p>
          </div>
        )}

        <p className="search-keys" aria-hidden="true">
          <span>
            <kbd>↑</kbd> <kbd>↓</kbd> 이동
          </span>
          <span>
            <kbd>Enter</kbd> 열기
          </span>
          <span>
            <kbd>Esc</kbd> 닫기
          </span>
        </p>
      </div>
    </dialog>
  );
}

function Highlighted({ parts }: { parts: TextPart[] }) {
  return parts.map((part, index) =>
    part.mark ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
  );
}

/** What the status line says (and screen readers announce, after typing pauses). */
export function statusText(
  engine: Engine['status'],
  query: string,
  outcome: SearchOutcome | undefined,
  inThisNote = false,
): string {
  if (engine === 'loading') return '검색 색인을 불러오는 중입니다…';
  if (engine === 'failed') return '검색 색인을 불러오지 못했습니다. 인터넷 연결을 확인해 주세요.';
  if (!outcome || outcome.empty) {
    return query.trim() === '' ? '' : '찾을 낱말을 입력해 주세요. 문장 부호만으로는 찾을 수 없습니다.';
  }
  const where = inThisNote ? '이 노트에서 ' : '';
  if (outcome.total === 0) return `${where}‘${shorten(query.trim())}’에 맞는 결과가 없습니다.`;
  const shown = outcome.total > outcome.hits.length ? ` 중 ${outcome.hits.length}개 표시` : '';
  if (outcome.matched === 'some') {
    return `${where}모든 낱말이 들어 있는 절이 없어, 일부 낱말이 맞는 결과 ${outcome.total}개${shown}를 보여 줍니다.`;
  }
  return `${where}결과 ${outcome.total}개${shown}`;
}

function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '');
}

/** Already on the result's page and section: scroll and focus it again. */
function focusSection(headingId: string | undefined): void {
  const target = (headingId && document.getElementById(headingId)) || document.querySelector('main h1');
  if (!(target instanceof HTMLElement)) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  if (typeof target.scrollIntoView === 'function') target.scrollIntoView();
}

/** `value`, but only after it has stopped changing for `delay` ms (live regions must not chatter). */
function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
