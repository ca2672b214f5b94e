import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchBrowser } from './launchBrowser.ts';

const origin = inject('origin');
const base = inject('base');
const url = (route = '') => `${origin}${base}${route}`;

/** Every diagram the notes must have, by note. */
const DIAGRAMS: Record<string, { id: string; kind: string }[]> = {
  'https-ssl': [
    { id: 'http-https-stack', kind: 'stack' },
    { id: 'symmetric-vs-public-key', kind: 'flow' },
    { id: 'digital-signature', kind: 'sequence' },
    { id: 'certificate-chain', kind: 'flow' },
    { id: 'hybrid-encryption', kind: 'sequence' },
    { id: 'tls12-handshake', kind: 'sequence' },
    { id: 'tls13-handshake', kind: 'sequence' },
  ],
  'nginx-wsgi': [
    { id: 'request-path', kind: 'flow' },
    { id: 'socket-permissions', kind: 'flow' },
  ],
  uwsgi: [
    { id: 'uwsgi-request-cycle', kind: 'sequence' },
    { id: 'uwsgi-emperor', kind: 'flow' },
  ],
  ec2: [
    { id: 'ec2-ssh-login', kind: 'flow' },
    { id: 'security-group-rules', kind: 'flow' },
  ],
  normalization: [
    { id: 'functional-dependencies', kind: 'tables' },
    { id: 'order-normalization', kind: 'tables' },
  ],
};

let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

async function open(route: string, options: BrowserContextOptions = {}) {
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    serviceWorkers: 'block',
    ...options,
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(url(route));
  if (options.javaScriptEnabled !== false) await page.waitForSelector('html[data-hydrated="true"]');
  return page;
}

const figure = (id: string) => page.locator(`figure#${id}`);
const counter = (fig: Locator) => fig.locator('.diagram-counter').textContent();
const caption = (fig: Locator) => fig.locator('.diagram-caption .is-current').textContent();
/** Brings the diagram near the screen, where its island starts, and waits until it runs. */
const live = async (fig: Locator) => {
  await fig.scrollIntoViewIfNeeded();
  await expect.poll(() => counter(fig), { timeout: 15_000 }).toMatch(/^\d+ \/ \d+$/);
};
const stateOf = (fig: Locator, element: string) =>
  fig
    .locator(`[data-element="${element}"]`)
    .first()
    .evaluate((node) => /is-(\w+)/.exec(node.getAttribute('class') ?? '')?.[1]);

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(async () => {
  await context?.close();
});

afterAll(async () => {
  await browser?.close();
});

describe('diagrams in the notes', () => {
  it('has every diagram, each a figure of its kind that opens at step 1 once near the screen', async () => {
    await open('');
    for (const [slug, diagrams] of Object.entries(DIAGRAMS)) {
      await page.goto(url(`notes/${slug}/`));
      await page.waitForSelector('html[data-hydrated="true"]');
      // Some diagrams sit in folded 심화 sections: unfold them, as a reader would.
      for (const summary of await page.locator('details.deep > summary').all()) await summary.click();
      for (const { id, kind } of diagrams) {
        const fig = figure(id);
        expect(await fig.getAttribute('data-diagram'), id).toBe(kind);
        // Each diagram is an island: it starts as it nears the screen.
        await fig.scrollIntoViewIfNeeded();
        await expect.poll(() => counter(fig), { message: id, timeout: 15_000 }).toMatch(/^1 \/ \d+$/);
        expect(await fig.getByRole('button', { name: '다음 단계' }).isEnabled(), id).toBe(true);
      }
    }
  });
});

describe('stepping', () => {
  it('steps with the mouse: next, previous, current highlighted and earlier ones dimmed', async () => {
    await open('notes/https-ssl/');
    const fig = figure('tls13-handshake');
    await fig.scrollIntoViewIfNeeded();
    await live(fig);
    expect(await counter(fig)).toBe('1 / 9');
    expect(await stateOf(fig, 'sh')).toBe('hidden');
    await fig.getByRole('button', { name: '다음 단계' }).click();
    await expect.poll(() => counter(fig)).toBe('2 / 9');
    expect(await caption(fig)).toContain('ServerHello');
    expect(await stateOf(fig, 'ch')).toBe('past');
    expect(await stateOf(fig, 'sh')).toBe('current');
    expect(await fig.locator('[aria-live="polite"]').textContent()).toContain('2 / 9단계');
    // Current elements take the theme's accent colour; earlier ones a muted one.
    const stroke = (element: string) =>
      fig.locator(`[data-element="${element}"] .dg-line`).evaluate((node) => getComputedStyle(node).stroke);
    await expect.poll(() => stroke('sh')).toBe('rgb(36, 80, 196)');
    expect(await stroke('ch')).not.toBe('rgb(36, 80, 196)');
    await fig.getByRole('button', { name: '이전 단계' }).click();
    await expect.poll(() => counter(fig)).toBe('1 / 9');
  });

  it('steps with ← and → once the drawing has focus, reached with Tab', async () => {
    await open('notes/https-ssl/');
    const fig = figure('http-https-stack');
    await fig.scrollIntoViewIfNeeded();
    await live(fig);
    // The drawing is in the tab order just before the controls.
    await fig.getByRole('button', { name: '이전 단계' }).focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      '그림: HTTP와 HTTPS의 계층',
    );
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => counter(fig)).toBe('3 / 5');
    expect(await stateOf(fig, 'https-tls')).toBe('current');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => counter(fig)).toBe('2 / 5');
    // The buttons keep working from the keyboard, and so do the arrows on them.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('다음 단계 ›');
    await page.keyboard.press('Enter');
    await expect.poll(() => counter(fig)).toBe('3 / 5');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => counter(fig)).toBe('4 / 5');
  });

  it('steps with touch on a phone, where the drawing keeps its text at 12 px or more', async () => {
    await open('notes/https-ssl/', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    // TLS 1.2 is a 심화 section: unfold every fold, as a reader who wants it would.
    for (const summary of await page.locator('details.deep > summary').all()) await summary.click();
    const fig = figure('tls12-handshake');
    await fig.scrollIntoViewIfNeeded();
    await live(fig);
    const next = fig.getByRole('button', { name: '다음 단계' });
    const box = await next.boundingBox();
    if (!box) throw new Error('no next button');
    expect(box.height).toBeGreaterThanOrEqual(44);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => counter(fig)).toBe('2 / 10');
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => counter(fig)).toBe('3 / 10');

    for (const { id, kind } of DIAGRAMS['https-ssl']!) {
      if (kind === 'tables') continue;
      const smallest = await figure(id)
        .locator('svg.diagram-svg')
        .evaluate((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          const sizes = [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize));
          return Math.min(...sizes) * scale;
        });
      expect(smallest, id).toBeGreaterThanOrEqual(11.99);
    }
  });

  it('steps with a swipe on the picture, and a swipe on a wide drawing scrolls it instead', async () => {
    await open('notes/https-ssl/', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const cdp = await context.newCDPSession(page);
    /** A finger moving `dx` pixels sideways across the middle of `target` in a quarter of a second. */
    const swipe = async (target: Locator, dx: number) => {
      const box = await target.boundingBox();
      if (!box) throw new Error('nothing to swipe on');
      const y = box.y + box.height / 2;
      const x = box.x + box.width / 2 - dx / 2;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let move = 1; move <= 5; move++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * move) / 5, y }] });
        await page.waitForTimeout(30);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };

    const fig = figure('tls12-handshake');
    // TLS 1.2 sits in a folded 심화 section: unfold it, as a reader would.
    await page.locator('details.deep:has(figure#tls12-handshake) > summary').click();
    await fig.scrollIntoViewIfNeeded();
    await live(fig);
    await swipe(fig.locator('.diagram-stage'), -160);
    await expect.poll(() => counter(fig)).toBe('2 / 10');
    await swipe(fig.locator('.diagram-stage'), -160);
    await expect.poll(() => counter(fig)).toBe('3 / 10');
    await swipe(fig.locator('.diagram-stage'), 160);
    await expect.poll(() => counter(fig)).toBe('2 / 10');

    await page.goto(url('notes/ec2/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    const wide = figure('ec2-ssh-login');
    await wide.scrollIntoViewIfNeeded();
    await live(wide);
    const stage = wide.locator('.diagram-stage');
    expect(await stage.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
    await swipe(stage, -160);
    await expect.poll(() => stage.evaluate((node) => node.scrollLeft)).toBeGreaterThan(0);
    expect(await counter(wide)).toMatch(/^1 \//);
  });

  it('keeps the controls in place while the tables change from step to step', async () => {
    for (const width of [1280, 390]) {
      await open('notes/normalization/', { viewport: { width, height: 900 } });
      const fig = figure('order-normalization');
      await live(fig);
      const next = fig.getByRole('button', { name: '다음 단계' });
      const offset = () =>
        next.evaluate((button) => {
          const figureTop = button.closest('figure')?.getBoundingClientRect().top ?? 0;
          return Math.round(button.getBoundingClientRect().top - figureTop);
        });
      const first = await offset();
      const total = Number((await counter(fig))?.split(' / ')[1]);
      for (let step = 2; step <= total; step++) {
        await next.click();
        await expect.poll(() => counter(fig)).toBe(`${step} / ${total}`);
        expect(await offset(), `step ${step} at ${width}px`).toBe(first);
      }
      await context.close();
    }
  });

  it('plays by itself and can be paused', async () => {
    await open('notes/uwsgi/');
    const fig = figure('uwsgi-emperor');
    await live(fig);
    await fig.getByRole('button', { name: '자동 재생' }).click();
    await expect.poll(() => counter(fig), { timeout: 6000 }).toBe('2 / 7');
    await fig.getByRole('button', { name: '일시 정지' }).click();
    await page.waitForTimeout(4000);
    expect(await counter(fig)).toBe('2 / 7');
  });

  it('steps through tables: splits, keys and dependencies', async () => {
    await open('notes/normalization/');
    const fig = figure('order-normalization');
    const tables = () => fig.locator('table:visible caption').allTextContents();
    await live(fig);
    expect(await tables()).toEqual(['주문 (비정규형)']);
    const next = fig.getByRole('button', { name: '다음 단계' });
    await next.click();
    await expect.poll(tables).toEqual(['주문 (1NF)']);
    expect(await fig.locator('.dg-key:visible').count()).toBe(0);
    await next.click();
    await expect.poll(() => fig.locator('.dg-key:visible').count()).toBe(2);
    await next.click();
    expect(await fig.locator('th.is-determinant').allTextContents()).toEqual(['상품코드PK (결정자)']);
    expect(await fig.locator('th.is-dependent').allTextContents()).toEqual(['상품명 (종속자)', '단가 (종속자)']);
    await next.click();
    await next.click();
    await expect.poll(tables).toEqual(['주문 (2NF)', '주문상품', '상품']);
    await next.click();
    await next.click();
    await expect.poll(tables).toEqual(['고객', '주문', '주문상품', '상품']);
  });
});

describe('step links', () => {
  it('opens the diagram at the step a link names, with the picture in view', async () => {
    await open('notes/https-ssl/#tls13-handshake-step-3');
    const fig = figure('tls13-handshake');
    await expect.poll(() => counter(fig), { timeout: 15_000 }).toBe('3 / 9');
    expect(await stateOf(fig, 'hs-keys')).toBe('current');
    // The page moves from the step's line in the list up to the picture, and stays there
    // while the islands above it start: the drawing starts just under the header.
    const header = await page.locator('.site-header').evaluate((node) => node.getBoundingClientRect().bottom);
    const top = () => fig.locator('.diagram-stage').evaluate((node) => node.getBoundingClientRect().top);
    await expect
      .poll(async () => ((await top()) >= header && (await top()) < 200 ? 'in view' : await top()))
      .toBe('in view');
  });

  it('follows a step link in the list of steps', async () => {
    await open('notes/https-ssl/');
    const fig = figure('hybrid-encryption');
    await live(fig);
    await fig.locator('summary').click();
    await fig.getByRole('link', { name: /인증서 체인을 검증하고/ }).click();
    await expect.poll(() => counter(fig)).toBe('4 / 7');
    expect(await page.evaluate(() => location.hash)).toBe('#hybrid-encryption-step-4');
    expect(await fig.locator('li[aria-current="step"]').getAttribute('id')).toBe('hybrid-encryption-step-4');
  });
});

describe('without JavaScript', () => {
  it('shows the complete final picture, styled, with the steps as a list', async () => {
    await open('notes/https-ssl/', { javaScriptEnabled: false });
    const fig = figure('tls13-handshake');
    expect(await counter(fig)).toBe('전체 9단계');
    expect(await fig.locator('g.is-hidden, g.is-past, g.is-current').count()).toBe(0);
    expect(await fig.locator('g[data-element]').count()).toBeGreaterThan(10);
    // The diagram stylesheet is linked from the page itself, not loaded by a script.
    const fill = await fig
      .locator('.dg-box')
      .first()
      .evaluate((node) => getComputedStyle(node).fill);
    expect(fill).toBe('rgb(255, 255, 255)');
    expect(await fig.locator('ol li').count()).toBe(9);
    // Buttons that could do nothing without a script are not shown.
    expect(await fig.locator('.diagram-controls').isVisible()).toBe(false);
  });

  it('shows the final tables of the normalization', async () => {
    await open('notes/normalization/', { javaScriptEnabled: false });
    const captions = await figure('order-normalization').locator('table:visible caption').allTextContents();
    expect(captions).toEqual(['고객', '주문', '주문상품', '상품']);
  });
});

describe('motion and loading', () => {
  it('does not animate under prefers-reduced-motion', async () => {
    await open('notes/https-ssl/', { reducedMotion: 'reduce' });
    const duration = await figure('tls13-handshake')
      .locator('g[data-element="sh"]')
      .evaluate((node) => getComputedStyle(node).transitionDuration);
    expect(duration.split(',').every((value) => parseFloat(value) === 0)).toBe(true);
  });

  it('loads diagram code only on pages with diagrams, and only once one nears the screen', async () => {
    const diagramAssets = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => /\/(DiagramView-[^/]*\.js|diagram-[^/]*\.css)$/.test(name)),
      );
    await open('');
    expect(await diagramAssets()).toEqual([]);
    await page.goto(url('notes/https-ssl/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    // The stylesheet comes with the page (the picture is styled before any script); the code waits.
    expect(await diagramAssets()).toEqual([expect.stringMatching(/diagram-[^/]*\.css$/)]);
    await live(figure('tls13-handshake'));
    expect((await diagramAssets()).length).toBe(2);
  });
});

describe('accessibility (axe-core) with diagrams on the page', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      it(`has no violations mid-walkthrough (${colorScheme}, ${width}px)`, async () => {
        const problems: string[] = [];
        for (const [route, id, step] of [
          ['notes/https-ssl/', 'tls12-handshake', 6],
          ['notes/normalization/', 'order-normalization', 4],
          ['notes/nginx-wsgi/', 'request-path', 5],
        ] as const) {
          await open(`${route}#${id}-step-${step}`, { colorScheme, viewport: { width, height: 900 }, bypassCSP: true });
          // The diagram is an island: its code loads once the link has brought it near the screen.
          await expect
            .poll(() => counter(figure(id)), { timeout: 15_000 })
            .toBe(`${step} / ${await figure(id).locator('ol li').count()}`);
          await figure(id).locator('summary').click();
          problems.push(...(await axeViolations(page)).map((line) => `${route}: ${line}`));
          await context.close();
        }
        expect(problems).toEqual([]);
      });
    }
  }

  it('logged no console errors (no hydration mismatch)', () => {
    expect(consoleErrors.filter((text) => !text.startsWith('Failed to load resource'))).toEqual([]);
  });
});
