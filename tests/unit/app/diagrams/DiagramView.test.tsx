import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteBody } from '../../../../src/app/components/NoteBody.tsx';
import DiagramView from '../../../../src/app/diagrams/DiagramView.tsx';
import { PLAY_INTERVAL_MS } from '../../../../src/app/diagrams/stepper.ts';
import type { Diagram } from '../../../../src/shared/diagram.ts';
import { diagramFrom, sequenceYaml, tablesYaml } from '../../diagrams/diagramFixtures.ts';

const sequence = diagramFrom(sequenceYaml);
const tables = diagramFrom(tablesYaml);

/** The diagram reads the step from the page's own URL (it runs as an island, outside any router). */
function renderDiagram(diagram: Diagram, url = '/notes/test/') {
  window.history.replaceState(null, '', url);
  return render(
    <>
      <p>앞 문단</p>
      <DiagramView diagram={diagram} />
    </>,
  );
}

const figure = () => screen.getByRole('figure', { name: '핸드셰이크 예' });
const counter = () => figure().querySelector('.diagram-counter')?.textContent;
const caption = () => figure().querySelector('.diagram-caption .is-current')?.textContent;
const stateOf = (element: string) =>
  figure()
    .querySelector(`[data-element="${element}"]`)
    ?.getAttribute('class')
    ?.match(/is-(\w+)/)?.[1];

afterEach(() => {
  vi.useRealTimers();
});

describe('DiagramView', () => {
  it('is a figure named by its title, with the drawing as one image', () => {
    renderDiagram(sequence);
    expect(figure()).toHaveAttribute('id', 'tls-demo');
    expect(figure()).toHaveAttribute('data-diagram', 'sequence');
    const image = within(figure()).getByRole('img', { name: '핸드셰이크 예' });
    expect(image).toHaveAccessibleDescription(sequence.summary);
  });

  it('opens at step 1 in the browser, without announcing it', () => {
    renderDiagram(sequence);
    expect(counter()).toBe('1 / 3');
    expect(caption()).toBe('클라이언트가 인사한다.');
    expect(stateOf('hello')).toBe('current');
    expect(stateOf('reply')).toBe('hidden');
    expect(screen.getByRole('button', { name: '이전 단계' })).toHaveAttribute('aria-disabled', 'true');
    expect(figure().querySelector('[aria-live="polite"]')).toHaveTextContent('');
  });

  it('steps with the buttons, keeping earlier elements dimmed and announcing each caption', async () => {
    const user = userEvent.setup();
    renderDiagram(sequence);
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(counter()).toBe('2 / 3');
    expect(caption()).toBe('서버가 답하고 양쪽이 키를 계산한다.');
    expect(stateOf('hello')).toBe('past');
    expect(stateOf('reply')).toBe('current');
    expect(stateOf('client')).toBe('shown');
    expect(figure().querySelector('[aria-live="polite"]')).toHaveTextContent(
      '2 / 3단계: 서버가 답하고 양쪽이 키를 계산한다.',
    );
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(counter()).toBe('3 / 3');
    expect(screen.getByRole('button', { name: '다음 단계' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(counter()).toBe('3 / 3');
    await user.click(screen.getByRole('button', { name: '이전 단계' }));
    expect(counter()).toBe('2 / 3');
  });

  it('steps with ← and → while the drawing or a control has focus', async () => {
    const user = userEvent.setup();
    renderDiagram(sequence);
    within(figure()).getByRole('group', { name: '그림: 핸드셰이크 예' }).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(counter()).toBe('3 / 3');
    await user.keyboard('{ArrowLeft}');
    expect(counter()).toBe('2 / 3');
    screen.getByRole('button', { name: '자동 재생' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(counter()).toBe('1 / 3');
  });

  it('goes to the first and last step with Home and End, and puts the reader’s step in the address', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/notes/x/');
    renderDiagram(sequence);
    within(figure()).getByRole('group', { name: '그림: 핸드셰이크 예' }).focus();
    await user.keyboard('{End}');
    expect(counter()).toBe('3 / 3');
    expect(window.location.hash).toBe(`#${sequence.id}-step-3`);
    await user.keyboard('{Home}');
    expect(counter()).toBe('1 / 3');
    expect(window.location.hash).toBe(`#${sequence.id}-step-1`);
    await user.keyboard('{ArrowRight}');
    expect(counter()).toBe('2 / 3');
    expect(window.location.hash).toBe(`#${sequence.id}-step-2`);
    window.history.replaceState(null, '', '/');
  });

  it('leaves the arrow keys alone outside the figure', async () => {
    const user = userEvent.setup();
    renderDiagram(sequence);
    screen.getByText('앞 문단').setAttribute('tabindex', '-1');
    screen.getByText('앞 문단').focus();
    await user.keyboard('{ArrowRight}');
    expect(counter()).toBe('1 / 3');
  });

  it('plays the steps one after another and stops at the last', async () => {
    // Only the play timer (React's scheduler keeps its real setImmediate); fireEvent, since
    // user-event waits on setTimeout between its events.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    renderDiagram(sequence);
    fireEvent.click(screen.getByRole('button', { name: '자동 재생' }));
    expect(screen.getByRole('button', { name: '일시 정지' })).toBeInTheDocument();
    await act(async () => {
      vi.advanceTimersByTime(PLAY_INTERVAL_MS);
    });
    expect(counter()).toBe('2 / 3');
    await act(async () => {
      vi.advanceTimersByTime(PLAY_INTERVAL_MS);
    });
    expect(counter()).toBe('3 / 3');
    expect(screen.getByRole('button', { name: '자동 재생' })).toBeInTheDocument();
    await act(async () => {
      vi.advanceTimersByTime(PLAY_INTERVAL_MS * 2);
    });
    expect(counter()).toBe('3 / 3');
  });

  it('pauses when asked', async () => {
    // Only the play timer (React's scheduler keeps its real setImmediate); fireEvent, since
    // user-event waits on setTimeout between its events.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    renderDiagram(sequence);
    fireEvent.click(screen.getByRole('button', { name: '자동 재생' }));
    fireEvent.click(screen.getByRole('button', { name: '일시 정지' }));
    await act(async () => {
      vi.advanceTimersByTime(PLAY_INTERVAL_MS * 2);
    });
    expect(counter()).toBe('1 / 3');
  });

  it('opens the step a link names (#<id>-step-n)', () => {
    renderDiagram(sequence, '/notes/test/#tls-demo-step-3');
    expect(counter()).toBe('3 / 3');
    expect(stateOf('data')).toBe('current');
  });

  it('lists every step as a link to it, marking the current one', async () => {
    const user = userEvent.setup();
    renderDiagram(sequence);
    const items = within(figure()).getAllByRole('listitem');
    expect(items.map((item) => item.id)).toEqual(['tls-demo-step-1', 'tls-demo-step-2', 'tls-demo-step-3']);
    expect(within(items[1]!).getByRole('link')).toHaveAttribute('href', '#tls-demo-step-2');
    expect(items[0]).toHaveAttribute('aria-current', 'step');
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(items[1]).toHaveAttribute('aria-current', 'step');
  });

  it('renders tables as real tables with key markers and the current dependency marked', async () => {
    const user = userEvent.setup();
    renderDiagram(tables);
    const table = screen.getByRole('table', { name: '주문 (1NF)' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['주문번호PK', '상품코드PK', '상품명', '단가']);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('10010001볼펜1.50');
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(within(table).getByRole('columnheader', { name: /상품코드/ })).toHaveClass('is-determinant');
    expect(within(table).getByRole('columnheader', { name: /상품명/ })).toHaveClass('is-dependent');
    expect(screen.getByRole('list', { name: '주문 (1NF)의 함수 종속' })).toHaveTextContent('부분 함수 종속');
    await user.click(screen.getByRole('button', { name: '다음 단계' }));
    expect(screen.queryByRole('table', { name: '주문 (1NF)' })).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: '상품' })).toBeInTheDocument();
  });
});

describe('DiagramView tables: what a step hides stays in the table, hidden', () => {
  // Every row keeps a cell per column (HTML's table model has no empty rows),
  // whatever the step hides: https://html.spec.whatwg.org/multipage/tables.html#table-processing-model
  const rowsAndColumns = diagramFrom(`
id: rows-demo
kind: tables
title: 행과 열
tables:
  - id: orders
    label: 주문
    columns:
      - { id: 번호 }
      - { id: 고객 }
    rows:
      - [1001, 김하나]
      - { id: late, cells: [1002, 이두리] }
steps:
  - show: orders
    caption: 한 건.
  - show: orders.late
    caption: 두 건.
  - hide: orders.고객
    caption: 고객 열을 뺀다.
`);
  const cellCounts = (table: HTMLElement) =>
    [...table.querySelectorAll('tr')].map((row) => row.querySelectorAll('th, td').length);

  it('hides a row shown by a later step, keeping its cells', async () => {
    renderDiagram(rowsAndColumns);
    const table = screen.getByRole('table', { name: '주문' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(table.querySelector('[data-element="orders.late"]')).toHaveAttribute('hidden');
    expect(cellCounts(table)).toEqual([2, 2, 2]);
    await userEvent.setup().click(screen.getByRole('button', { name: '다음 단계' }));
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('1002이두리');
  });

  it('hides a removed column in the header and in every row', async () => {
    renderDiagram(rowsAndColumns, '/notes/test/#rows-demo-step-3');
    const table = screen.getByRole('table', { name: '주문' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['번호']);
    expect(
      within(table)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['1001', '1002']);
    expect(cellCounts(table)).toEqual([2, 2, 2]);
  });

  it('keeps the cells of a table that a later step removes, in the prerendered final picture', () => {
    const html = renderToString(
      <MemoryRouter initialEntries={['/notes/test/']}>
        <DiagramView diagram={tables} />
      </MemoryRouter>,
    );
    expect(html).toMatch(/<div class="dg-table is-hidden" data-element="wide" hidden="">/);
    expect(html).not.toMatch(/<tr[^>]*><\/tr>/);
  });
});

describe('DiagramView before JavaScript (prerendered)', () => {
  const html = renderToString(
    <MemoryRouter initialEntries={['/notes/test/']}>
      <DiagramView diagram={sequence} />
    </MemoryRouter>,
  );

  it('shows the complete final picture, nothing hidden or dimmed', () => {
    expect(html).toContain('전체 3단계');
    expect(html).not.toMatch(/<g class="[^"]*is-(hidden|past|current)/);
    expect(html).toContain(sequence.summary);
  });

  it('marks the step buttons unavailable yet tappable (a tap before the island starts is replayed), and keeps the step list with its link targets', () => {
    // Not `disabled`: a disabled button takes no tap to keep. Without JavaScript, CSS hides the controls.
    expect(html).not.toMatch(/<button[^>]* disabled=""/);
    // "Previous" has nowhere to go from the start; "next" answers a tap even before the island starts.
    expect(html.match(/<button[^>]* aria-disabled="true"/g)).toHaveLength(1);
    expect(html).toContain('id="tls-demo-step-2"');
  });
});

describe('NoteBody with a diagram block', () => {
  it('loads the diagram component for the block, in place', async () => {
    render(
      <MemoryRouter>
        <NoteBody
          blocks={[
            { kind: 'html', html: '<p>앞 문단</p>' },
            { kind: 'diagram', diagram: sequence },
          ]}
        />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('figure', { name: '핸드셰이크 예' })).toBeInTheDocument();
    expect(screen.getByText('앞 문단').compareDocumentPosition(figure())).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });
});
