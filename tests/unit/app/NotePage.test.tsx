import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { HomePage } from '../../../src/app/pages/HomePage.tsx';
import { NotePage } from '../../../src/app/pages/NotePage.tsx';
import { NotFoundPage } from '../../../src/app/pages/NotFoundPage.tsx';
import { httpsNote, metas } from '../../fixtures/notes.ts';

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      {
        id: 'root',
        path: '/',
        loader: () => metas,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'notes/:slug', loader: () => httpsNote, element: <NotePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  return render(<RouterProvider router={router} />);
}

describe('NotePage', () => {
  it('shows the title as the only h1, the summary, goals and reading time', async () => {
    renderAt('/notes/https-ssl/');
    expect(await screen.findByRole('heading', { level: 1, name: 'HTTPS와 TLS' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText('HTTPS 요약')).toBeInTheDocument();
    expect(screen.getByText(/읽는 데 약 20분/)).toHaveTextContent('읽는 데 약 20분 · 심화 약 6분 더');
    expect(screen.getByText('먼저 읽을 노트 없음: 이 노트에서 바로 시작해도 됩니다.')).toBeInTheDocument();
    const goals = screen.getByRole('region', { name: '이 노트에서 배울 것' });
    expect(within(goals).getAllByRole('listitem')).toHaveLength(2);
  });

  it('lists sources, linking those with a URL', async () => {
    renderAt('/notes/https-ssl/');
    const sources = await screen.findByRole('region', { name: '참고 자료' });
    expect(within(sources).getByRole('link', { name: 'RFC 8446' })).toHaveAttribute(
      'href',
      'https://www.rfc-editor.org/rfc/rfc8446',
    );
    expect(within(sources).getByText('HTTP 완벽 가이드')).toBeInTheDocument();
  });

  it('links to the previous and next notes in order', async () => {
    renderAt('/notes/https-ssl/');
    const nav = await screen.findByRole('navigation', { name: '이전/다음 노트' });
    expect(within(nav).getByRole('link', { name: /이전 노트\s*데이터베이스 정규화/ })).toHaveAttribute(
      'href',
      '/notes/normalization/',
    );
    expect(within(nav).getByRole('link', { name: /다음 노트\s*EC2 서버/ })).toHaveAttribute('href', '/notes/ec2/');
  });

  it('folds a 심화 section into a closed disclosure that names it and its reading time', async () => {
    renderAt('/notes/https-ssl/');
    const summary = await screen.findByText('레코드의 내부');
    const details = summary.closest('details');
    expect(details).not.toBeNull();
    expect(details).not.toHaveAttribute('open');
    expect(details?.querySelector('summary')).toHaveTextContent('심화레코드의 내부약 6분');
    expect(within(details as HTMLElement).getByText('레코드 머리는 5바이트다.')).toBeInTheDocument();
  });

  it('has a table of contents with one link per h2/h3', async () => {
    renderAt('/notes/https-ssl/');
    const tocs = await screen.findAllByRole('navigation', { name: '이 페이지의 내용' });
    const links = within(tocs[tocs.length - 1] as HTMLElement).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['대칭키', '키 배송 문제', '정리']);
    expect(links[0]).toHaveAttribute('href', '#대칭키');
  });
});

describe('HomePage', () => {
  it('lists every note in order with its summary and reading time', async () => {
    renderAt('/');
    expect(await screen.findByRole('heading', { level: 1, name: '스터디 노트' })).toBeInTheDocument();
    const titles = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(titles).toEqual(['데이터베이스 정규화', 'HTTPS와 TLS', 'EC2 서버']);
    expect(screen.getByRole('link', { name: '첫 노트부터 읽기' })).toHaveAttribute('href', '/notes/normalization/');
    expect(screen.getByText(/노트 3편/)).toHaveTextContent('노트 3편 · 본문을 모두 읽는 데 약 41분 (심화 약 6분 더)');
  });

  it('shows the learning path: why each note comes where it does and what to read first', async () => {
    renderAt('/');
    const path = await screen.findByRole('region', { name: '학습 순서' });
    const card = (title: string) => within(path).getByRole('link', { name: title }).closest('li');
    expect(card('EC2 서버')).toHaveTextContent('이 순서인 이유 앞의 두 노트를 읽은 뒤 서버를 직접 만든다.');
    expect(card('EC2 서버')).toHaveTextContent('먼저 읽을 노트: HTTPS와 TLS, 데이터베이스 정규화');
    expect(card('데이터베이스 정규화')).toHaveTextContent('먼저 읽을 노트 없음');
  });
});

describe('NotFoundPage', () => {
  it('says the page does not exist and links home', async () => {
    renderAt('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: '페이지를 찾을 수 없습니다' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '처음 화면으로' })).toHaveAttribute('href', '/');
  });
});
