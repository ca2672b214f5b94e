import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './launchBrowser.ts';

// What a static site on GitHub Pages needs: every route is a real file, the
// text is there without JavaScript, links and anchors resolve, nothing comes
// from another origin, and a visited site keeps working offline.

const origin = inject('origin');
const base = inject('base');
const distDir = inject('distDir');
const url = (route = '') => `${origin}${base}${route}`;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function newPage(options: { javaScriptEnabled?: boolean; serviceWorkers?: 'allow' | 'block' } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // Playwright's own notice when a test blocks service workers is not the site's.
    if (message.text().includes('blocked by Playwright')) return;
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:'))
      problems.push(`foreign request: ${request.url()}`);
  });
  return { context, page, problems };
}

async function sitemapRoutes(): Promise<string[]> {
  const xml = await readFile(path.join(distDir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => (match[1] ?? '').slice(url().length));
}

describe('prerendered pages', () => {
  it('lists home and every note in sitemap.xml, and robots.txt points to it', async () => {
    const routes = await sitemapRoutes();
    // Home, every note, the glossary and a page per tag; no review or stats (nothing to index there).
    expect(routes.slice(0, 6)).toEqual([
      '',
      'notes/normalization/',
      'notes/https-ssl/',
      'notes/nginx-wsgi/',
      'notes/ec2/',
      'notes/uwsgi/',
    ]);
    expect(routes).toContain('glossary/');
    expect(routes.filter((route) => route.startsWith('tags/')).length).toBeGreaterThan(5);
    expect(routes.every((route) => route === '' || /^(notes|tags)\/|^glossary\/$/.test(route))).toBe(true);
    expect(await readFile(path.join(distDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${url('sitemap.xml')}`);
  });

  it('shows every page’s text, headings and head tags with JavaScript disabled', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    for (const route of await sitemapRoutes()) {
      const response = await page.goto(url(route));
      expect(response?.status(), route).toBe(200);
      expect(await page.locator('main h1').count(), route).toBe(1);
      expect((await page.locator('main').innerText()).length, route).toBeGreaterThan(
        route.startsWith('notes/') || route === 'glossary/' ? 3000 : 100,
      );
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(url(route));
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(await page.title());
      // The page's own title, not the site's (a tag's page had the home page's until React ran).
      if (route !== '') expect(await page.title(), route).not.toBe('스터디 노트');
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy();
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(
        /default-src 'self'; script-src 'self' 'sha256-[^']+'; style-src 'self'/,
      );
    }
    await context.close();
  });

  it('hydrates every page without warnings or errors, and keeps the prerendered markup', async () => {
    const { context, page, problems } = await newPage();
    for (const route of [...(await sitemapRoutes()), 'missing/page/']) {
      await page.goto(url(route));
      await page.waitForSelector('html[data-hydrated="true"]');
      expect(await page.locator('main h1').count(), route).toBe(1);
    }
    expect(problems.filter((line) => !line.includes('Failed to load resource'))).toEqual([]);
    await context.close();
  });
});

describe('links', () => {
  it('resolves every internal link and #anchor on every page, loading each page directly', async () => {
    const { context, page, problems } = await newPage();
    const pending = [''];
    const seen = new Set<string>();
    const checked: string[] = [];
    while (pending.length > 0) {
      const route = pending.shift() as string;
      if (seen.has(route)) continue;
      seen.add(route);
      const response = await page.goto(url(route));
      expect(response?.status(), `GET ${url(route)}`).toBe(200);
      await page.waitForSelector('html[data-hydrated="true"]');
      const links = await page.$$eval('a[href]', (anchors) =>
        anchors.map((anchor) => (anchor as HTMLAnchorElement).href),
      );
      for (const href of links) {
        const target = new URL(href);
        if (target.origin !== origin) continue;
        expect(target.pathname.startsWith(base), `${href} on ${route || 'home'} is outside the base path`).toBe(true);
        const targetRoute = decodeURIComponent(target.pathname.slice(base.length));
        // `#top` is the top of the page by HTML's own rule ("맨 위로"), no element needed.
        if (target.hash && target.hash !== '#top') {
          const id = decodeURIComponent(target.hash.slice(1));
          if (targetRoute === route) {
            expect(
              await page.locator(`[id="${id.replace(/"/g, '\\"')}"]`).count(),
              `${href} on ${route || 'home'}`,
            ).toBe(1);
          } else {
            checked.push(`${targetRoute}#${id}`);
          }
        }
        // A file to download (an Anki deck): it exists in the build; it is not a page to crawl.
        if (/\.[a-z0-9]+$/i.test(targetRoute) && !targetRoute.endsWith('.html')) {
          expect(existsSync(path.join(distDir, targetRoute)), `${href} on ${route || 'home'}`).toBe(true);
          continue;
        }
        if (!seen.has(targetRoute)) pending.push(targetRoute);
      }
    }
    // Anchors into other pages, checked on the target page.
    for (const entry of checked) {
      const [route, id] = entry.split('#') as [string, string];
      await page.goto(url(route));
      // Some sections (the stats page's 기록 보관) appear once stored progress is read.
      await expect
        .poll(() => page.locator(`[id="${id.replace(/"/g, '\\"')}"]`).count(), { message: entry, timeout: 10_000 })
        .toBe(1);
    }
    // Every page is reached by links from home: the notes, the app pages, the glossary and the tag pages.
    for (const route of [
      '',
      'notes/ec2/',
      'notes/https-ssl/',
      'notes/nginx-wsgi/',
      'notes/normalization/',
      'notes/uwsgi/',
      'review/',
      'stats/',
      'questions/',
      'study/',
      'glossary/',
    ])
      expect([...seen], route).toContain(route);
    expect([...seen].filter((route) => route.startsWith('tags/')).length).toBeGreaterThan(5);
    expect(problems.filter((line) => !line.includes('Failed to load resource'))).toEqual([]);
    await context.close();
    // Every page of the site, tag pages included, loaded one by one.
  }, 180_000);
});

describe('web app', () => {
  it('has a manifest whose icons exist, and a favicon', async () => {
    const manifest = JSON.parse(await readFile(path.join(distDir, 'manifest.webmanifest'), 'utf8')) as {
      start_url: string;
      scope: string;
      lang: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest).toMatchObject({ start_url: base, scope: base, lang: 'ko' });
    for (const icon of manifest.icons) {
      const bytes = await readFile(path.join(distDir, icon.src));
      expect(bytes.subarray(1, 4).toString(), icon.src).toBe('PNG');
    }
    const { context, page } = await newPage();
    await page.goto(url());
    const favicon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect((await page.request.get(`${origin}${favicon}`)).status()).toBe(200);
    await context.close();
  });

  it('links the manifest once the service worker registers, not in the page a first paint reads', async () => {
    const html = await readFile(path.join(distDir, 'notes', 'uwsgi', 'index.html'), 'utf8');
    expect(html).not.toMatch(/<link[^>]*rel="manifest"/);
    const { context, page } = await newPage({ serviceWorkers: 'allow' });
    await page.goto(url('notes/uwsgi/'));
    const link = page.locator('link[rel="manifest"]');
    await link.waitFor({ state: 'attached' });
    const href = await link.evaluate((element) => (element as HTMLLinkElement).href);
    expect(href).toBe(url('manifest.webmanifest'));
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { start_url: string }).start_url).toBe(base);
    await context.close();
  });

  it('reloads a visited note offline, and opens a note not yet visited', async () => {
    const { context, page } = await newPage({ serviceWorkers: 'allow' });
    await page.goto(url('notes/uwsgi/'));
    await page.waitForSelector('html[data-hydrated="true"]');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Said once, quietly: a line in the footer, nothing over the page's controls or text.
    await expect
      .poll(() => page.locator('.site-footer').textContent(), { timeout: 20_000 })
      .toContain('오프라인에서도 모든 노트를');
    expect(await page.locator('.update-prompt').count()).toBe(0);
    // The first visit is not controlled yet; a reload is, once the worker is active.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    expect(await page.locator('main h1').textContent()).toBe('uWSGI로 Django 실행하기');

    // uWSGI is the last note of the learning path: go back to the one before it.
    await page.getByRole('link', { name: /이전 노트/ }).click();
    await page.waitForURL(url('notes/ec2/'));
    await expect.poll(() => page.locator('main h1').textContent()).toContain('EC2');
    await page.goto(url('notes/normalization/'));
    expect(await page.locator('main h1').textContent()).toBe('데이터베이스 정규화');
    await context.close();
  }, 120_000);
});
