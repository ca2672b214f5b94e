import { useState } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { buttonIndex } from '../../../../src/app/islands/earlyInput.ts';
import { hydrateIsland } from '../../../../src/app/islands/hydrateIsland.tsx';

/** A small form like a question's: a choice, a text, a select, and a button that uses all three. */
function Form() {
  const [choice, setChoice] = useState('');
  const [text, setText] = useState('');
  const [pick, setPick] = useState('');
  const [sent, setSent] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSent(`${choice}|${text}|${pick}`);
      }}
    >
      {['x', 'y'].map((value) => (
        <label key={value}>
          <input
            type="radio"
            name="choice"
            value={value}
            checked={choice === value}
            onChange={() => setChoice(value)}
          />
          {value}
        </label>
      ))}
      <input aria-label="text" value={text} onChange={(event) => setText(event.target.value)} />
      <select aria-label="pick" value={pick} onChange={(event) => setPick(event.target.value)}>
        <option value="">-</option>
        <option value="p">p</option>
      </select>
      <button type="submit" disabled={choice === ''}>
        send
      </button>
      <output>{sent}</output>
    </form>
  );
}

afterEach(() => document.body.replaceChildren());

function prerendered(): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderToString(<Form />);
  document.body.append(container);
  return container;
}

describe('hydrateIsland', () => {
  it('keeps what the reader chose and typed before it started, and React state follows', async () => {
    const container = prerendered();
    container.querySelector<HTMLInputElement>('input[value="y"]')!.checked = true;
    container.querySelector<HTMLInputElement>('input[aria-label="text"]')!.value = '안녕';
    container.querySelector<HTMLSelectElement>('select')!.value = 'p';

    await hydrateIsland(container, <Form />, [], () => {});

    expect(container.querySelector<HTMLInputElement>('input[value="y"]')!.checked).toBe(true);
    expect(container.querySelector<HTMLInputElement>('input[aria-label="text"]')!.value).toBe('안녕');
    const send = container.querySelector<HTMLButtonElement>('button')!;
    expect(send.disabled).toBe(false);
    send.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.querySelector('output')!.textContent).toBe('y|안녕|p');
  });

  it('replays a tap kept before it started, after the input it followed', async () => {
    const container = prerendered();
    container.querySelector<HTMLInputElement>('input[value="x"]')!.checked = true;
    const index = buttonIndex(container, container.querySelector('button')!);

    await hydrateIsland(container, <Form />, [{ kind: 'click', button: index }], () => {});

    expect(container.querySelector('output')!.textContent).toBe('x||');
  });
});
