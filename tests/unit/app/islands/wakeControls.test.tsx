import { useState } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { hydrateIsland } from '../../../../src/app/islands/hydrateIsland.tsx';
import { awakeNode, wakeControls } from '../../../../src/app/islands/wakeControls.ts';
import { sleepQuizControls } from '../../../../src/node/islands/sleepControls.ts';

/** A question-like form: choices, a blank, a select with a chosen option, a text area and a button. */
function Question() {
  const [choice, setChoice] = useState('');
  const [text, setText] = useState('');
  const [sent, setSent] = useState('');
  return (
    <form
      id="answer-q"
      className="quiz-form"
      onSubmit={(event) => {
        event.preventDefault();
        setSent(`${choice}|${text}`);
      }}
    >
      <fieldset>
        <legend>빈칸 &amp; 선택</legend>
        {['x', 'y'].map((value) => (
          <label key={value}>
            <input type="radio" name="c" value={value} checked={choice === value} onChange={() => setChoice(value)} />
            <span>{value}</span>
          </label>
        ))}
        <input
          type="text"
          aria-label="빈칸 1"
          autoComplete="off"
          spellCheck={false}
          size={8}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <select aria-label="짝" defaultValue="b" disabled={false}>
          <option value="">고르세요</option>
          <option value="b">&quot;b&quot; &lt;c&gt;</option>
        </select>
        <textarea aria-label="메모" defaultValue="한 줄" readOnly />
      </fieldset>
      <button type="submit" disabled={choice === ''}>
        답 확인
      </button>
      <output>{sent}</output>
    </form>
  );
}

const page = () =>
  `<header><input type="radio" name="theme" value="dark"/></header><main>` +
  `<div class="island" data-island="quiz" data-island-id="q"><div class="quiz"><div>${renderToString(<Question />)}</div></div></div>` +
  `<div class="island" data-island="diagram"><div><button>다음</button></div></div></main>`;

/** The DOM the browser makes of `html`. */
function parsed(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

afterEach(() => document.body.replaceChildren());

describe('a question prerendered asleep', () => {
  it('has no form or field inside a quiz island, and keeps everything else as it was', () => {
    const asleep = parsed(sleepQuizControls(page()));
    const island = asleep.querySelector('[data-island="quiz"]')!;
    expect(island.querySelectorAll('form, input, select, option, textarea')).toHaveLength(0);
    expect(island.querySelectorAll('[data-dormant]')).toHaveLength(8);
    // Its look and the links to it stay; its own attributes wait under data-d-.
    expect(island.querySelector('[data-dormant="form"]')!.id).toBe('answer-q');
    expect(island.querySelector('[data-dormant="form"]')!.className).toBe('quiz-form');
    expect(island.querySelector('[data-dormant="input"]')!.getAttribute('data-d-type')).toBe('radio');
    expect(island.querySelector('[data-d-aria-label="빈칸 1"]')!.getAttribute('data-d-autocomplete')).toBe('off');
    // The header's theme radio and the diagram are not questions.
    expect(asleep.querySelector('header input[name="theme"]')).not.toBeNull();
    expect(asleep.querySelector('[data-island="diagram"]')!.innerHTML).toBe('<div><button>다음</button></div>');
  });

  it('wakes into exactly the DOM the browser would have made of the prerendered page', () => {
    const original = parsed(page()).innerHTML;
    const asleep = parsed(sleepQuizControls(page()));
    expect(wakeControls(asleep.querySelector('[data-island="quiz"]')!)).toBe(true);
    expect(asleep.innerHTML).toBe(original);
    const select = asleep.querySelector('select')!;
    expect(select.value).toBe('b');
    expect(asleep.querySelector('textarea')!.value).toBe('한 줄');
    // Woken once is awake: nothing more to do.
    expect(wakeControls(asleep)).toBe(false);
  });

  it('hands a tap kept on a sleeping field to the field that replaced it', () => {
    const asleep = parsed(sleepQuizControls(page()));
    const standIn = asleep.querySelector('[data-d-value="y"]')!;
    wakeControls(asleep);
    const control = awakeNode(standIn);
    expect(control).toBeInstanceOf(HTMLInputElement);
    expect((control as HTMLInputElement).value).toBe('y');
    const label = asleep.querySelector('label')!;
    expect(awakeNode(label)).toBe(label);
  });

  it('hydrates once woken, and answers', async () => {
    const island = parsed(sleepQuizControls(page())).querySelector<HTMLElement>('[data-island="quiz"] .quiz > div')!;
    wakeControls(island);
    island.querySelector<HTMLInputElement>('input[value="x"]')!.checked = true;
    await hydrateIsland(island, <Question />, [{ kind: 'submit' }], () => {});
    expect(island.querySelector('output')!.textContent).toBe('x|');
  });
});

describe('sleepQuizControls', () => {
  it('says where a quiz island is never closed', () => {
    expect(() => sleepQuizControls('<p>x</p><div class="island" data-island="quiz"><div>')).toThrow(
      /offset 8 is never closed/,
    );
  });
});
