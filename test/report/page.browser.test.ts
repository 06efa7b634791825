/**
 * The dispatch page as the headquarters' staff see it: the HTML of `renderDispatch` opened in a
 * real browser (Debian's Chromium, driven by playwright-core), measured there. Every network
 * request is refused and recorded: the page must need none. The test never skips: without the
 * browser it fails, saying how to install it (CI's `.ci/run` does).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { countyEvents, dailyDispatch, generateCounty, renderDispatch, replay, simulateCampaigns, type DailyDispatch, type Ledger } from '../../src/index.js';
import { H, P, baseLedger, ev } from '../ledgerFixtures.js';

/*
 * The callbacks of `$eval`, `$$eval` and `evaluate` run in the page, where the DOM is. The
 * project compiles without the DOM library (it is a Node library), so the little they use is
 * declared here.
 */
interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly width: number;
  readonly height: number;
}
interface El {
  readonly textContent: string | null;
  readonly content: string;
  getBoundingClientRect(): Box;
  getAttribute(name: string): string | null;
  getScreenCTM(): { readonly a: number } | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
}
declare const getComputedStyle: (e: El) => { readonly fontSize: string; readonly fill: string; readonly stroke: string };
declare const document: { readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number }; querySelectorAll(selector: string): Iterable<El> };

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Flags for a closed network: no background connections (refused here), no sandbox in a container. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser: Browser | undefined;
/** Why the browser could not be started: every test fails with it (none is skipped). */
let missing: Error | undefined;
let county: Ledger;
/** Requests the pages tried to make (all refused). */
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    missing = new Error(
      `no Chromium at ${CHROMIUM}: the dispatch page's browser test needs Debian's chromium package ` +
        `(sudo apt-get install chromium; CI's .ci/run installs it), or CHROMIUM_PATH set to a Chromium binary`,
    );
  else
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    } catch (e) {
      missing = new Error(`Chromium at ${CHROMIUM} did not start: ${(e as Error).message}`);
    }
  const generated = generateCounty({ scale: 0.03, seed: 5 });
  const base = replay(countyEvents(generated), undefined, { trusted: true });
  county = replay(simulateCampaigns(base, { days: 5, seed: 5 }), base);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** A page of the given size showing `html`, with every request refused and recorded. */
async function open(html: string, viewport = DESKTOP): Promise<Page> {
  if (browser === undefined) throw missing ?? new Error('the browser was not started');
  const page = await browser.newPage({ viewport });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (!url.startsWith('data:') && !url.startsWith('about:')) requests.push(url);
    return route.abort();
  });
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

/** Every SVG text's rendered size in CSS pixels: its font size times the chart's scale on screen. */
function textSizes(page: Page): Promise<{ text: string; px: number }[]> {
  return page.$$eval('svg text', (texts: El[]) =>
    texts.map((t) => {
      const scale = t.getScreenCTM()?.a ?? 1;
      return { text: t.textContent ?? '', px: parseFloat(getComputedStyle(t).fontSize) * scale };
    }),
  );
}

/** The pairs of boxes that overlap (more than a hair). */
function overlaps(boxes: readonly { text: string; left: number; right: number; top: number; bottom: number }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`${a.text} / ${b.text}`);
    }
  return out;
}

const report = (day: string, trendDays: number): DailyDispatch => dailyDispatch(county, day, undefined, { trendDays });

describe('the dispatch page in a browser', () => {
  it('has a viewport meta tag, needs no network, and loads nothing from outside', async () => {
    const html = renderDispatch(report('2020-02-03', 14), { locale: 'en', format: 'html' });
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\burl\(|https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    const page = await open(html);
    const meta = await page.$eval('meta[name="viewport"]', (m: El) => m.content);
    expect(meta).toMatch(/width=device-width/);
    expect(meta).toMatch(/initial-scale=1/);
    expect(await page.$$eval('svg', (s: El[]) => s.length)).toBe(2);
    await page.close();
    expect(requests).toEqual([]);
  });

  it('the coverage chart has an axis with ticks and a 100% line, and is green, not alarm-red, when every household is screened', async () => {
    // every household of the small ledger screened on 2020-01-25
    const done = replay(
      Object.values(H).map((h) => ev.visit({ householdId: h, day: '2020-01-25', by: P.mayor })),
      baseLedger(),
    );
    const all = dailyDispatch(done, '2020-01-25');
    expect(all.rows.filter((r) => r.summary.doorKnocking.households > 0).every((r) => r.summary.doorKnocking.screened === r.summary.doorKnocking.households)).toBe(true);
    for (const locale of ['zh-CN', 'en'] as const) {
      const page = await open(renderDispatch(all, { locale, format: 'html' }));
      const chart = await page.$eval('svg.coverage', (svg: El) => {
        const box = (e: El): Box => e.getBoundingClientRect();
        const bars = [...svg.querySelectorAll('rect.bar')].map((b) => ({ fill: getComputedStyle(b).fill, left: box(b).left, right: box(b).right, top: box(b).top, bottom: box(b).bottom }));
        const axes = [...svg.querySelectorAll('line.axis')].map((l) => box(l));
        const ticks = [...svg.querySelectorAll('text.tick-label')].map((t) => t.textContent);
        const tickMarks = svg.querySelectorAll('line.tick').length;
        const target = svg.querySelector('line.target');
        return { bars, axes: axes.length, horizontalAxis: axes.some((a) => a.width > 100 && a.height <= 2), ticks, tickMarks, target: target === null ? null : { x: box(target).left + box(target).width / 2, top: box(target).top, bottom: box(target).bottom, stroke: getComputedStyle(target).stroke } };
      });
      expect(chart.bars.length).toBe(2);
      expect(chart.horizontalAxis).toBe(true);
      expect(chart.ticks).toEqual(['0%', '25%', '50%', '75%', '100%']);
      expect(chart.tickMarks).toBe(5);
      // the 100% line runs over every bar, where a full bar ends
      expect(chart.target).not.toBeNull();
      for (const bar of chart.bars) {
        expect(Math.abs(bar.right - chart.target!.x)).toBeLessThan(1);
        expect(chart.target!.top).toBeLessThanOrEqual(bar.top);
        expect(chart.target!.bottom).toBeGreaterThanOrEqual(bar.bottom);
      }
      // every bar is green: rgb(46, 125, 50)
      for (const bar of chart.bars) expect(bar.fill).toBe('rgb(46, 125, 50)');
      await page.close();
    }
    // and a unit far behind is red: the colour tells them apart
    const half = replay([ev.visit({ householdId: H.wjg1, day: '2020-01-25' }), ev.visit({ householdId: H.cb1, day: '2020-01-25' }), ev.visit({ householdId: H.cb2, day: '2020-01-25' })], baseLedger());
    const page = await open(renderDispatch(dailyDispatch(half, '2020-01-25'), { locale: 'en', format: 'html' }));
    const fills = await page.$$eval('svg.coverage rect.bar', (bars: El[]) => bars.map((b) => getComputedStyle(b).fill));
    // 普安镇 1 of 4 households, 九龙街道 2 of 2
    expect(fills).toEqual(['rgb(192, 57, 43)', 'rgb(46, 125, 50)']);
    await page.close();
  });

  it('the trend has a y-axis with round ticks and a unit, a gap for the days without data, and day labels that never overlap', async () => {
    for (const trendDays of [1, 2, 5, 14, 31, 92]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const r = report('2020-02-03', trendDays);
        const page = await open(renderDispatch(r, { locale, format: 'html' }));
        const what = `${trendDays} days, ${locale}`;
        const trend = await page.$eval('svg.trend', (svg: El) => {
          const box = (e: El) => {
            const b = e.getBoundingClientRect();
            return { text: e.textContent ?? '', left: b.left, right: b.right, top: b.top, bottom: b.bottom };
          };
          const frame = svg.getBoundingClientRect();
          return {
            frame: { left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom },
            ticks: [...svg.querySelectorAll('text.tick-label')].map((t) => ({ value: Number((t.textContent ?? '').replaceAll(',', '')), y: box(t).top })),
            unit: svg.querySelector('text.unit')?.textContent ?? null,
            axes: [...svg.querySelectorAll('line.axis')].map((l) => {
              const b = l.getBoundingClientRect();
              return { width: b.width, height: b.height };
            }),
            days: [...svg.querySelectorAll('text.day')].map(box),
            vertices: [...svg.querySelectorAll('polyline.line')].flatMap((l) => (l.getAttribute('points') ?? '').split(' ').map((p) => Number(p.split(',')[0]))),
            dots: [...svg.querySelectorAll('circle.dot')].map((c) => Number(c.getAttribute('cx'))),
            gaps: [...svg.querySelectorAll('rect.nodata')].map(box),
          };
        });
        // a y-axis (vertical) and an x-axis (horizontal)
        expect(trend.axes.some((a) => a.height > 100 && a.width <= 2), what).toBe(true);
        expect(trend.axes.some((a) => a.width > 100 && a.height <= 2), what).toBe(true);
        // at least three ticks, from 0, evenly stepped, higher values higher up, the top one above the highest point
        const values = trend.ticks.map((t) => t.value);
        expect(values.length, what).toBeGreaterThanOrEqual(3);
        expect(values[0], what).toBe(0);
        const step = values[1]! - values[0]!;
        expect(values.every((v, i) => v === i * step), what).toBe(true);
        expect(trend.ticks.every((t, i) => i === 0 || t.y < trend.ticks[i - 1]!.y), what).toBe(true);
        const measured = r.trend.map((p) => p.underObservation).filter((v): v is number => v !== null);
        expect(values.at(-1)!, what).toBeGreaterThanOrEqual(Math.max(...measured));
        expect(trend.unit, what).toBe(locale === 'en' ? 'people' : '人数（人）');
        // day labels: at least two, inside the chart, no two overlapping, the last day among them
        expect(trend.days.length, what).toBeGreaterThanOrEqual(Math.min(2, trendDays));
        expect(overlaps(trend.days), what).toEqual([]);
        for (const d of trend.days) {
          // real boxes (text was laid out with a font), so that "no overlap" means something
          expect(d.right - d.left, `${what} ${d.text}`).toBeGreaterThan(20);
          expect(d.left, `${what} ${d.text}`).toBeGreaterThanOrEqual(trend.frame.left);
          expect(d.right, `${what} ${d.text}`).toBeLessThanOrEqual(trend.frame.right);
        }
        expect(trend.days.at(-1)?.text, what).toBe('02-03');
        // a dot for each measured day, the line through them only; the days without data are a shaded gap
        expect(trend.dots.length, what).toBe(measured.length);
        expect(trend.vertices.every((x) => trend.dots.includes(x)), what).toBe(true);
        expect(trend.vertices.length, what).toBe(measured.length > 1 ? measured.length : 0);
        const missing = r.trend.filter((p) => p.underObservation === null).length;
        expect(trend.gaps.length > 0, what).toBe(missing > 0);
        await page.close();
      }
    }
    // the days before the campaigns (2020-01-25) have no data in a two-week trend
    expect(report('2020-02-03', 14).trend.filter((p) => p.underObservation === null).map((p) => p.day)).toEqual(['2020-01-21', '2020-01-22', '2020-01-23', '2020-01-24']);
  });

  it('writes every chart text at 12 px or more, on a desktop and on a phone, and fits a phone without sideways scrolling', async () => {
    const html = renderDispatch(report('2020-02-03', 30), { locale: 'zh-CN', format: 'html' });
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await open(html, viewport);
      const sizes = await textSizes(page);
      expect(sizes.length).toBeGreaterThan(20);
      expect(sizes.filter((s) => s.px < 12)).toEqual([]);
      const fit = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
        charts: [...document.querySelectorAll('svg')].map((s) => s.getBoundingClientRect().right),
      }));
      expect(fit.page, `${viewport.width}px wide`).toBeLessThanOrEqual(fit.view);
      for (const right of fit.charts) expect(right, `${viewport.width}px wide`).toBeLessThanOrEqual(fit.view);
      await page.close();
    }
  });

  it('lists the people to act on with their township', async () => {
    const r = report('2020-02-03', 0);
    expect(r.attention.length).toBeGreaterThan(0);
    const page = await open(renderDispatch(r, { locale: 'zh-CN', format: 'html' }));
    const items = await page.$$eval('h2 + ul li', (li: El[]) => li.map((l) => l.textContent ?? ''));
    const people = items.filter((t) => t.includes('失访') || t.includes('发热'));
    expect(people.length).toBe(Math.min(r.attention.length, 20));
    r.attention.slice(0, 20).forEach((a, i) => expect(people[i]?.startsWith(`${a.township?.name} ${a.unit.name} ${a.name}`)).toBe(true));
    await page.close();
    expect(requests).toEqual([]);
  });
});
