import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SearchDialog } from '../../../src/app/search/SearchDialog.tsx';
import { SearchLauncher } from '../../../src/app/search/SearchLauncher.tsx';
import type { SectionSearch } from '../../../src/app/search/searchSections.ts';
import { fixtureSearch } from './searchFixtures.ts';

const search = fixtureSearch();

// The launcher loads the real index chunk; here it gets the fixture notes.
vi.mock('../../../src/app/search/loadSectionSearch.ts', () => ({
  loadSectionSearch: () => Promise.resolve(search),
}));

// jsdom has <dialog> but not showModal() or close(); these do what browsers
// do that matters here, including handing focus back on close.
const dialogPrototype = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
const original = { showModal: dialogPrototype.showModal, close: dialogPrototype.close };
const openedFrom = new WeakMap<HTMLDialogElement, Element | null>();
beforeAll(() => {
  dialogPrototype.showModal = function (this: HTMLDialogElement) {
    openedFrom.set(this, document.activeElement);
    this.setAttribute('open', '');
  };
  dialogPrototype.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    (openedFrom.get(this) as HTMLElement | null)?.focus();
    this.dispatchEvent(new Event('close'));
  };
});
afterAll(() => Object.assign(dialogPrototype, original));

function Where() {
  const location = useLocation();
  return <output aria-label="현재 위치">{decodeURIComponent(location.pathname + location.hash)}</output>;
}

function renderApp(element = <SearchLauncher />, at = '/') {
  const page = (
    <>
      <input aria-label="다른 입력란" />
      {element}
      <Where />
    </>
  );
  const router = createMemoryRouter(
    [
      { path: '/', element: page },
      { path: '/notes/:slug/', element: page },
    ],
    { initialEntries: [at] },
  );
  return render(<RouterProvider router={router} />);
}

const where = () => screen.getByRole('status', { name: '현재 위치' }).textContent;

describe('SearchLauncher', () => {
  it('is a button named 검색 that says its shortcuts', () => {
    renderApp();
    const button = screen.getByRole('button', { name: '검색' });
    expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
    expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    expect(button).toHaveTextContent('Ctrl K');
  });

  it('opens with Ctrl-K and with /, focusing the query', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: '노트 검색' });
    expect(within(dialog).getByRole('combobox', { name: '검색어' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: '닫기' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.keyboard('/');
    await screen.findByRole('dialog', { name: '노트 검색' });
    expect(screen.getByRole('combobox')).toHaveFocus();
  });

  it('keeps the last query when reopened, and hands focus back to the button on close', async () => {
    const user = userEvent.setup();
    renderApp();
    const button = screen.getByRole('button', { name: '검색' });
    await user.click(button);
    await user.type(await screen.findByRole('combobox'), '소켓');
    await user.click(screen.getByRole('button', { name: '닫기' }));
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    await waitFor(() => expect(screen.getByRole('combobox')).toHaveValue('소켓'));
    expect(screen.getByRole('combobox')).toHaveFocus();
  });

  it('does not open on / typed into another field', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.type(screen.getByRole('textbox', { name: '다른 입력란' }), 'a/b');
    expect(screen.getByRole('textbox', { name: '다른 입력란' })).toHaveValue('a/b');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('SearchDialog', () => {
  async function openWith(load: () => Promise<SectionSearch> = () => Promise.resolve(search), at = '/') {
    const user = userEvent.setup();
    renderApp(<SearchDialog open onClose={() => {}} load={load} />, at);
    const input = await screen.findByRole('combobox', { name: '검색어' });
    // The index arrives in a later task; tests start once it has (or has failed).
    await waitFor(() => expect(screen.queryAllByText('검색 색인을 불러오는 중입니다…')).toHaveLength(0));
    return { user, input };
  }

  it('lists matching sections with note title, heading and marked words; the first is active', async () => {
    const { user, input } = await openWith();
    await user.type(input, '정규화를');
    const listbox = await screen.findByRole('listbox', { name: '검색 결과' });
    const options = within(listbox).getAllByRole('option');
    expect(options.length).toBeGreaterThan(1);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(options[0]).toHaveTextContent('데이터베이스 정규화');
    expect(options[0]).toHaveTextContent('정규화란 무엇인가');
    expect(options[0]?.querySelector('mark')?.textContent).toBe('정규화');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(input).toHaveAttribute('aria-controls', listbox.id);
    expect(input).toHaveAttribute('aria-activedescendant', options[0]?.id);
  });

  it('moves with ↑/↓ (wrapping) and opens the active section with Enter', async () => {
    const { user, input } = await openWith();
    await user.type(input, '핸드셰이크');
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.length).toBeGreaterThanOrEqual(2);

    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', options[1]?.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(options[0]).toHaveAttribute('aria-selected', 'false');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(input).toHaveAttribute('aria-activedescendant', options.at(-1)?.id);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', options[1]?.id);

    const heading = options[1]?.querySelector('.search-hit-heading')?.textContent?.replace('›', '');
    await user.keyboard('{Enter}');
    expect(where()).toMatch(/^\/notes\/https-ssl\/#/);
    expect(where()).toBe(`/notes/https-ssl/#${heading?.replace(/ /g, '-').replace(/\./g, '').toLowerCase()}`);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens a result with a click', async () => {
    const { user, input } = await openWith();
    await user.type(input, 'ALLOWED_HOSTS');
    await user.click(within(await screen.findByRole('listbox')).getAllByRole('option')[0] as HTMLElement);
    expect(where()).toBe('/notes/django/#allowed_hosts-설정');
  });

  it('offers examples before anything is typed, and says when nothing matched', async () => {
    const { user, input } = await openWith();
    await user.click(screen.getByRole('button', { name: '소켓' }));
    expect(input).toHaveValue('소켓');
    expect(input).toHaveFocus();
    await screen.findByRole('listbox');

    await user.clear(input);
    await user.type(input, '없는낱말');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('‘없는낱말’에 맞는 결과가 없습니다.')).toBeVisible();
  });

  it('announces the result count once typing pauses', async () => {
    const { user, input } = await openWith();
    await user.type(input, '소켓');
    const live = document.querySelector('[role="status"].sr-only');
    await waitFor(() => expect(live?.textContent).toMatch(/^결과 \d+개/));
  });

  it('survives bad input', async () => {
    const { user, input } = await openWith();
    await user.type(input, '!!!');
    expect(screen.getByText(/문장 부호만으로는 찾을 수 없습니다/)).toBeVisible();
    await user.clear(input);
    await user.click(input);
    await user.paste('가'.repeat(10_000));
    expect(screen.getByText(/에 맞는 결과가 없습니다/)).toBeVisible();
    await user.clear(input);
    await user.type(input, '[[.*+?^$');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('offers to try again when the index cannot be loaded', async () => {
    let fail = true;
    const load = vi.fn(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(search)));
    const { user, input } = await openWith(load);
    const [shown] = await screen.findAllByText(/검색 색인을 불러오지 못했습니다/);
    expect(shown).toBeVisible();
    fail = false;
    await user.click(screen.getByRole('button', { name: '다시 시도' }));
    await user.type(input, '소켓');
    expect(await screen.findByRole('listbox')).toBeVisible();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('closes with its close button', async () => {
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderApp(<SearchDialog open onClose={onClose} load={() => Promise.resolve(search)} />);
    await user.click(await screen.findByRole('button', { name: '닫기' }));
    await act(async () => {});
    expect(onClose).toHaveBeenCalled();
  });

  it('shows every result: 20 at first, then the next ones from a button or by going down past the last', async () => {
    const many: SectionSearch = {
      ...search,
      search: (query, options = {}) => {
        const total = 45;
        const hits = Array.from({ length: Math.min(options.limit ?? 20, total) }, (_, n) => ({
          key: n,
          pathname: '/notes/normalization/',
          hash: `#s${n}`,
          headingId: `s${n}`,
          quiz: false,
          term: false,
          noteTitle: [{ text: '노트', mark: false }],
          parent: undefined,
          heading: [{ text: `절 ${n + 1}`, mark: false }],
          snippet: [{ text: query, mark: true }],
        }));
        return { hits, total, matched: 'all', empty: false, waitingFor: [] };
      },
    };
    const { user, input } = await openWith(() => Promise.resolve(many));
    await user.type(input, '절');
    const listbox = await screen.findByRole('listbox', { name: '검색 결과' });
    expect(within(listbox).getAllByRole('option')).toHaveLength(20);
    expect(document.querySelector('.search-status')).toHaveTextContent(/^결과 45개 중 20개 표시$/);

    await user.click(screen.getByRole('button', { name: /결과 20개 더 보기/ }));
    expect(within(listbox).getAllByRole('option')).toHaveLength(40);
    expect(input).toHaveFocus();

    // ↓ on the last result shown brings the rest and moves into them.
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveAttribute('aria-activedescendant', within(listbox).getAllByRole('option')[39]?.id);
    await user.keyboard('{ArrowDown}');
    const options = within(listbox).getAllByRole('option');
    expect(options).toHaveLength(45);
    expect(options[40]).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('button', { name: /더 보기/ })).toBeNull();
    expect(document.querySelector('.search-status')).toHaveTextContent(/^결과 45개$/);
  });

  it('limits the search to the note being read, when the reader asks', async () => {
    const { user, input } = await openWith(undefined, '/notes/https-ssl/');
    await user.type(input, '요약');
    const listbox = await screen.findByRole('listbox', { name: '검색 결과' });
    expect(within(listbox).getAllByRole('option')).toHaveLength(3);
    const only = screen.getByRole('checkbox', { name: '이 노트에서만 찾기' });
    await user.click(only);
    expect(only).toBeChecked();
    const options = within(listbox).getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('HTTPS와 TLS');
    expect(document.querySelector('.search-status')).toHaveTextContent(/^이 노트에서 결과 1개$/);
    expect(input).toHaveFocus();
  });

  it('offers no note limit away from a note', async () => {
    await openWith();
    expect(screen.queryByRole('checkbox', { name: '이 노트에서만 찾기' })).toBeNull();
  });
});
