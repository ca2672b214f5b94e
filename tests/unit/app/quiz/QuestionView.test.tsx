import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { QuestionView } from '../../../../src/app/quiz/QuestionView.tsx';
import { Rating } from '../../../../src/app/quiz/scheduler.ts';
import type { QuizQuestion } from '../../../../src/shared/quiz.ts';

const base = { noteSlug: 'https-ssl', section: { id: 'tls-13', title: 'TLS 1.3' }, explanation: '<p>설명입니다.</p>' };

function renderQuestion(question: QuizQuestion) {
  const onAnswer = vi.fn().mockResolvedValue(undefined);
  const router = createMemoryRouter([{ path: '*', element: <QuestionView question={question} onAnswer={onAnswer} /> }]);
  render(<RouterProvider router={router} />);
  return { onAnswer, user: userEvent.setup() };
}

describe('QuestionView', () => {
  it('single choice: right answer → Good, shows the explanation and a link to the section', async () => {
    const { onAnswer, user } = renderQuestion({
      ...base,
      id: 'q-single',
      type: 'single',
      prompt: '<p>TLS 1.3의 왕복 수는?</p>',
      choices: [
        { html: '1-RTT', correct: true },
        { html: '2-RTT', correct: false },
      ],
    });
    const group = screen.getByRole('group', { name: 'TLS 1.3의 왕복 수는?' });
    expect(screen.getByRole('button', { name: '답 확인' })).toBeDisabled();
    await user.click(within(group).getByRole('radio', { name: '1-RTT' }));
    await user.click(screen.getByRole('button', { name: '답 확인' }));
    expect(onAnswer).toHaveBeenCalledWith(Rating.Good, true);
    expect(await screen.findByRole('status')).toHaveTextContent('정답입니다.설명입니다.');
    expect(screen.getByRole('link', { name: '관련 내용: TLS 1.3' })).toHaveAttribute(
      'href',
      '/notes/https-ssl/#tls-13',
    );
    expect(document.querySelector('[data-question-id="q-single"]')).not.toBeNull();
  });

  it('multiple choice: a missing correct choice is wrong → Again, and marks the answers', async () => {
    const { onAnswer, user } = renderQuestion({
      ...base,
      id: 'q-multi',
      type: 'multiple',
      prompt: '<p>대칭키 알고리즘은?</p>',
      choices: [
        { html: 'AES', correct: true },
        { html: 'ChaCha20', correct: true },
        { html: 'RSA', correct: false },
      ],
    });
    await user.click(screen.getByRole('checkbox', { name: 'AES' }));
    await user.click(screen.getByRole('button', { name: '답 확인' }));
    expect(onAnswer).toHaveBeenCalledWith(Rating.Again, false);
    expect(await screen.findByText('틀렸습니다.')).toBeInTheDocument();
    // The right answer picked and the one missed read differently.
    expect(screen.getByText('정답').closest('li')).toHaveClass('is-correct');
    expect(screen.getByText('놓친 정답').closest('li')).toHaveClass('is-missed');
    expect(screen.getByRole('checkbox', { name: /RSA/ }).closest('li')?.className).toBe('');
  });

  it('multiple choice: a wrongly picked choice is marked as such', async () => {
    const { user } = renderQuestion({
      ...base,
      id: 'q-multi-wrong',
      type: 'multiple',
      prompt: '<p>대칭키 알고리즘은?</p>',
      choices: [
        { html: 'AES', correct: true },
        { html: 'RSA', correct: false },
      ],
    });
    await user.click(screen.getByRole('checkbox', { name: 'AES' }));
    await user.click(screen.getByRole('checkbox', { name: 'RSA' }));
    await user.click(screen.getByRole('button', { name: '답 확인' }));
    expect((await screen.findByText('잘못 고름')).closest('li')).toHaveClass('is-incorrect');
    expect(screen.getByText('정답').closest('li')).toHaveClass('is-correct');
    expect(screen.queryByText('놓친 정답')).toBeNull();
  });

  it('true/false: answers with the keyboard', async () => {
    const { onAnswer, user } = renderQuestion({
      ...base,
      id: 'q-tf',
      type: 'truefalse',
      prompt: '<p>SSL 3.0은 안전하다.</p>',
      choices: [
        { html: '참', correct: false },
        { html: '거짓', correct: true },
      ],
    });
    await user.tab();
    expect(screen.getByRole('radio', { name: '참' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: '거짓' })).toBeChecked();
    await user.keyboard('{Enter}');
    expect(onAnswer).toHaveBeenCalledWith(Rating.Good, true);
  });

  it('cloze: compares typed answers after NFC, trimming and case folding, accepting variants', async () => {
    const { onAnswer, user } = renderQuestion({
      ...base,
      id: 'q-cloze',
      type: 'cloze',
      prompt: '',
      paragraphs: [
        [
          { kind: 'html', html: 'nginx는 ' },
          { kind: 'gap', answers: ['uwsgi_pass'] },
          { kind: 'html', html: '로 넘기고 소켓 권한은 ' },
          { kind: 'gap', answers: ['660', '0660'] },
          { kind: 'html', html: '이다.' },
        ],
      ],
    });
    await user.type(screen.getByRole('textbox', { name: '빈칸 1' }), '  UWSGI_Pass ');
    await user.type(screen.getByRole('textbox', { name: '빈칸 2' }), '0660');
    await user.click(screen.getByRole('button', { name: '답 확인' }));
    expect(onAnswer).toHaveBeenCalledWith(Rating.Good, true);
  });

  it('cloze: shows the accepted answer for a wrong gap', async () => {
    const { onAnswer, user } = renderQuestion({
      ...base,
      id: 'q-cloze-2',
      type: 'cloze',
      prompt: '',
      paragraphs: [
        [
          { kind: 'html', html: '지시어: ' },
          { kind: 'gap', answers: ['ExecStartPre'] },
        ],
      ],
    });
    await user.type(screen.getByRole('textbox', { name: '빈칸 1' }), 'ExecPre');
    await user.keyboard('{Enter}');
    expect(onAnswer).toHaveBeenCalledWith(Rating.Again, false);
    expect(await screen.findByText('정답: ExecStartPre')).toBeInTheDocument();
  });

  it('flashcard: reveal, then grade yourself Again/Hard/Good/Easy', async () => {
    const { onAnswer, user } = renderQuestion({
      ...base,
      id: 'q-card',
      type: 'flashcard',
      prompt: '<p>WSGI는 무엇의 약자인가?</p>',
      back: '<p>Web Server Gateway Interface</p>',
    });
    expect(screen.queryByText('Web Server Gateway Interface')).toBeNull();
    await user.click(screen.getByRole('button', { name: '답 보기' }));
    expect(screen.getByText('Web Server Gateway Interface')).toBeInTheDocument();
    const grades = screen.getByRole('group', { name: '얼마나 잘 떠올렸나요?' });
    // Each grade with its key and, as in Anki, when a new card would come back after it.
    expect(
      within(grades)
        .getAllByRole('button')
        .map((button) => [...button.childNodes].map((node) => node.textContent)),
    ).toEqual([
      ['다시', '1', '1분 후'],
      ['어려움', '2', '6분 후'],
      ['알맞음', '3', '10분 후'],
      ['쉬움', '4', '8일 후'],
    ]);
    await user.click(within(grades).getByRole('button', { name: /쉬움/ }));
    expect(onAnswer).toHaveBeenCalledWith(Rating.Easy, null);
  });

  it('ordering: starts shuffled and is right once moved into order', async () => {
    const items = ['ClientHello', 'ServerHello', 'Finished'];
    const { onAnswer, user } = renderQuestion({
      ...base,
      id: 'q-order',
      type: 'order',
      prompt: '<p>순서대로</p>',
      items,
    });
    const current = () =>
      screen.getAllByRole('listitem').map((item) => items.find((name) => item.textContent?.startsWith(name)));
    expect(current()).not.toEqual(items);
    // Sort with the move buttons, like a keyboard user would.
    for (let round = 0; round < items.length; round++) {
      for (let position = 0; position < items.length - 1; position++) {
        const order = current();
        if (items.indexOf(order[position] as string) > items.indexOf(order[position + 1] as string)) {
          await user.click(screen.getByRole('button', { name: `${order[position]} 아래로` }));
        }
      }
    }
    expect(current()).toEqual(items);
    await user.click(screen.getByRole('button', { name: '답 확인' }));
    expect(onAnswer).toHaveBeenCalledWith(Rating.Good, true);
  });

  it('ordering: a wrong order is answered with the right order in one list', async () => {
    const items = ['ClientHello', 'ServerHello', 'Finished'];
    const { onAnswer, user } = renderQuestion({ ...base, id: 'q-order-wrong', type: 'order', prompt: '', items });
    expect(screen.queryByText('정답 순서')).toBeNull();
    await user.click(screen.getByRole('button', { name: '답 확인' }));
    expect(onAnswer).toHaveBeenCalledWith(Rating.Again, false);
    const answer = (await screen.findByText('정답 순서')).parentElement!;
    expect(
      within(answer)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(items);
  });

  it('matching: picks a meaning for each term', async () => {
    const { onAnswer, user } = renderQuestion({
      ...base,
      id: 'q-match',
      type: 'match',
      prompt: '',
      pairs: [
        { term: '1NF', meaning: '원자값' },
        { term: '2NF', meaning: '부분 종속 제거' },
      ],
    });
    await user.selectOptions(screen.getByRole('combobox', { name: '1NF의 짝' }), '원자값');
    await user.selectOptions(screen.getByRole('combobox', { name: '2NF의 짝' }), '원자값');
    await user.click(screen.getByRole('button', { name: '답 확인' }));
    expect(onAnswer).toHaveBeenCalledWith(Rating.Again, false);
    expect(await screen.findByText('정답: 부분 종속 제거')).toBeInTheDocument();
    // The choices are shown whole once answered, not cut off inside a select.
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getAllByText('원자값').map((node) => node.closest('div')?.className)).toEqual([
      'is-correct',
      'is-incorrect',
    ]);
  });

  it('matching: spells out a long chosen meaning under its select, a short one not', async () => {
    const long = '누가 어떤 AWS 자원에 무엇을 할 수 있는지 관리하는 서비스';
    const { user } = renderQuestion({
      ...base,
      id: 'q-match-long',
      type: 'match',
      prompt: '',
      pairs: [
        { term: 'IAM', meaning: long },
        { term: 'AMI', meaning: 'OS 이미지' },
      ],
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'IAM의 짝' }), long);
    await user.selectOptions(screen.getByRole('combobox', { name: 'AMI의 짝' }), 'OS 이미지');
    const previews = document.querySelectorAll('.quiz-match-preview');
    expect([...previews].map((node) => node.textContent)).toEqual([long]);
    expect(previews[0]?.getAttribute('aria-hidden')).toBe('true');
  });

  it('keeps the answer open and says so when storing it fails', async () => {
    const onAnswer = vi.fn().mockRejectedValue(new Error('QuotaExceededError'));
    const router = createMemoryRouter([
      {
        path: '*',
        element: (
          <QuestionView
            question={{
              ...base,
              id: 'q-fail',
              type: 'single',
              prompt: '<p>?</p>',
              choices: [{ html: 'A', correct: true }],
            }}
            onAnswer={onAnswer}
          />
        ),
      },
    ]);
    render(<RouterProvider router={router} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'A' }));
    await user.click(screen.getByRole('button', { name: '답 확인' }));
    expect(await screen.findByText(/답을 저장하지 못했습니다: QuotaExceededError/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '답 확인' })).toBeEnabled();
  });
});
