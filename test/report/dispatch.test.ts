import { fc } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FrontlineError,
  buildRoster,
  countyEvents,
  countyPosts,
  coverage,
  dailyDispatch,
  emptySummary,
  generateCounty,
  isTownshipLevel,
  isWithin,
  ledgerTree,
  mergeSummaries,
  renderDispatch,
  replay,
  rosterProblemFromLedger,
  simulateCampaigns,
  simulateSupervision,
  tableForEach,
  type DailyDispatch,
  type DispatchSummary,
  type Ledger,
} from '../../src/index.js';

let ledger: Ledger;
let ids: string[] = [];
let phones: string[] = [];

beforeAll(() => {
  const county = generateCounty({ scale: 0.03, seed: 5 });
  const base = replay(countyEvents(county), undefined, { trusted: true });
  const withCampaigns = replay(simulateCampaigns(base, { days: 5, seed: 5 }), base);
  const by = county.command.headquarters.commander;
  const posts = countyPosts(county.units);
  const withPosts = replay(posts.map((post, i) => ({ type: 'postOpened', id: `post-${i}`, at: '2020-01-25T09:00:00+08:00', by, post })), withCampaigns);
  const problem = rosterProblemFromLedger(withPosts, { startDay: '2020-01-26' as never, days: 4 });
  const { roster } = buildRoster(problem, { seed: 5, iterations: 20_000 });
  const published = replay([{ type: 'rosterPublished', id: 'roster-1', at: '2020-01-25T18:00:00+08:00', by, rosterId: 'r1', roster }], withPosts);
  ledger = replay(simulateSupervision(published, { rosterId: 'r1', startDay: '2020-01-26' as never, days: 4, seed: 5 }), published);
  ids = [];
  phones = [];
  tableForEach(ledger.people, (p) => {
    if (p.residentId !== undefined) ids.push(p.residentId);
    if (p.phone !== undefined) phones.push(p.phone);
  });
}, 60_000);

const flat = (s: DispatchSummary): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [part, figures] of Object.entries(s)) for (const [k, v] of Object.entries(figures as object)) if (typeof v === 'number') out[`${part}.${k}`] = v;
  return out;
};

describe('dailyDispatch', () => {
  it('merging the parts equals the report of the whole, on every day and at every unit', () => {
    const tree = ledgerTree(ledger);
    for (const day of ['2020-01-27', '2020-01-29']) {
      const report = dailyDispatch(ledger, day);
      // the county: its children merged with the county's own figures
      const county = report.byUnit.get(tree.root)!;
      const own = [...report.byUnit.keys()].length > 0 ? report.rows.reduce((acc, r) => mergeSummaries(acc, r.summary), emptySummary()) : emptySummary();
      const children = flat(own);
      const whole = flat(county);
      for (const key of Object.keys(whole)) expect(whole[key]! + 1e-9, key).toBeGreaterThanOrEqual(children[key]!);
      // a township's report equals that township's row of the county's report
      for (const row of report.rows.slice(0, 2)) {
        const part = dailyDispatch(ledger, day, row.unit.id);
        expect(flat(part.total)).toEqual(flat(row.summary));
      }
      // and merging every township's own report gives the county's figures for townships
      if (day === '2020-01-29') {
        const merged = report.rows.map((r) => dailyDispatch(ledger, day, r.unit.id).total).reduce(mergeSummaries, emptySummary());
        expect(flat(merged)).toEqual(flat(own));
      }
    }
  });

  it('property: shards of units, merged in any grouping and order, give the report of the whole', () => {
    // as counties reported on machines of their own and merged into a province: each shard is a set
    // of townships (whole subtrees), each township reported on its own, the shard's reports merged,
    // then the shards' results merged in another order
    const day = '2020-01-29';
    const report = dailyDispatch(ledger, day);
    const parts = report.rows.map((r) => dailyDispatch(ledger, day, r.unit.id).total);
    const own = flat(report.rows.reduce((acc, r) => mergeSummaries(acc, r.summary), emptySummary()));
    fc.assert(
      fc.property(fc.array(fc.nat({ max: parts.length }), { maxLength: 6 }), fc.func(fc.integer()), (cuts, key) => {
        const order = parts.map((p, i) => ({ p, k: key(i) })).sort((a, b) => a.k - b.k).map((x) => x.p);
        const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), order.length];
        const shards: DispatchSummary[] = [];
        for (let i = 0; i + 1 < bounds.length; i++) shards.push(order.slice(bounds[i], bounds[i + 1]).reduce(mergeSummaries, emptySummary()));
        const merged = shards.reverse().reduceRight((acc, s) => mergeSummaries(s, acc), emptySummary());
        const got = flat(merged);
        for (const k of Object.keys(own)) if (Math.abs((got[k] ?? 0) - (own[k] ?? 0)) > 1e-9) return false;
        return true;
      }),
      { numRuns: 50 },
    );
  });

  it('counts the day’s duty seats, leaders, inspections and findings', () => {
    const r = dailyDispatch(ledger, '2020-01-27');
    expect(r.hasData).toBe(true);
    expect(r.total.duty.seats).toBeGreaterThan(0);
    expect(r.total.duty.leadersFilled).toBeLessThanOrEqual(r.total.duty.leaderSeats);
    expect(r.total.supervision.inspections).toBeGreaterThan(0);
    expect(r.previous).not.toBeNull();
    expect(coverage(r.total.doorKnocking)).toBeGreaterThan(0);
  });

  it('says so for a day with no data, instead of reporting zeros as measured', () => {
    const r = dailyDispatch(ledger, '2019-12-01');
    expect(r.hasData).toBe(false);
    expect(r.recorded).toEqual([]);
    expect(r.note?.en).toMatch(/nothing was recorded/);
    expect(renderDispatch(r, { locale: 'en' })).toMatch(/not measurements/);
    // and every figure is indeed 0: nothing contradicts the note
    expect(Object.values(flat(r.total)).every((v) => v === 0)).toBe(true);
  });

  it('marks the trend’s days without data as such (null), says "no data" for them, and draws a gap, not a zero', () => {
    // the campaigns start on 2020-01-25: the days before have no figure
    const r = dailyDispatch(ledger, '2020-01-29', undefined, { trendDays: 7 });
    expect(r.trend.map((p) => p.day)).toEqual(['2020-01-23', '2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29']);
    expect(r.trend.map((p) => p.underObservation === null)).toEqual([true, true, false, false, false, false, false]);
    expect(r.trend.at(-1)?.underObservation).toBe(r.total.homePrevention.underObservation);
    expect(r.trend[2]?.underObservation).toBeGreaterThan(0);
    expect(renderDispatch(r, { locale: 'en' })).toMatch(/under observation, day by day: 01-23 no data, 01-24 no data, 01-25 \d/);
    expect(renderDispatch(r)).toMatch(/在观察人数走势：01-23 无数据，01-24 无数据，01-25 \d/);
    // the chart: one line over the five measured days, a shaded "no data" band for the two others
    const page = renderDispatch(r, { locale: 'en', format: 'html' });
    const lines = [...page.matchAll(/<polyline class="line" points="([^"]*)"/g)].map((m) => (m[1] as string).split(' ').length);
    expect(lines).toEqual([5]);
    expect(page.match(/<circle class="dot"/g)).toHaveLength(5);
    expect(page.match(/<rect class="nodata"/g)).toHaveLength(1);
    expect(page).toContain('>no data</text>');
    // the day before the first day and the first day: the day before has no figure, its neighbour does
    const first = dailyDispatch(ledger, '2020-01-25', undefined, { trendDays: 3 });
    expect(first.previous).toBeNull();
    expect(first.trend.map((p) => p.underObservation === null)).toEqual([true, true, false]);
    // a trend with no measured day at all has no chart
    const none = dailyDispatch(ledger, '2020-01-20', undefined, { trendDays: 3 });
    expect(none.trend.every((p) => p.underObservation === null)).toBe(true);
    expect(renderDispatch(none, { format: 'html' })).not.toContain('<svg');
  });

  it('names the township of each person to act on, and prints it before the village', () => {
    const tree = ledgerTree(ledger);
    // a week after the simulated days: people who missed their checks are lost to follow-up
    const r = dailyDispatch(ledger, '2020-02-03');
    expect(r.attention.length).toBeGreaterThan(0);
    for (const a of r.attention) {
      expect(a.township?.kind).toMatch(/^(subdistrict|town|township)$/);
      // the unit lies within its township
      expect(isWithin(tree, a.unit.id, a.township!.id)).toBe(true);
    }
    const a = r.attention[0]!;
    for (const format of ['text', 'markdown', 'html'] as const) expect(renderDispatch(r, { locale: 'en', format })).toContain(`${a.township!.name} ${a.unit.name} ${a.name}`);
  });

  it('refuses a day that is not a day and a scope outside the tree', () => {
    expect(() => dailyDispatch(ledger, '2020-02-30')).toThrow(FrontlineError);
    try {
      dailyDispatch(ledger, '2020-01-27', 'nowhere');
      expect.unreachable();
    } catch (e) {
      expect((e as FrontlineError).issues[0]?.path).toEqual(['scope']);
    }
  });
});

describe('renderDispatch', () => {
  it('renders text, Markdown and CSV in both locales, with a row per child unit (units with nothing to show counted, not listed, except in CSV)', () => {
    const r = dailyDispatch(ledger, '2020-01-28');
    const zh = renderDispatch(r);
    expect(zh).toContain('疫情防控每日调度 2020-01-28');
    expect(zh).toContain('在观察');
    const en = renderDispatch(r, { locale: 'en' });
    expect(en).toContain('daily dispatch, 2020-01-28');
    const md = renderDispatch(r, { locale: 'en', format: 'markdown' });
    expect(md.startsWith('# ')).toBe(true);
    // every township shows figures; bureaus with nothing to show are counted instead
    const townships = r.rows.filter((row) => isTownshipLevel(row.unit.kind));
    const tableRows = md.split('\n').filter((l) => l.startsWith('| ')).length - 3;
    expect(tableRows).toBeGreaterThanOrEqual(townships.length);
    expect(tableRows).toBeLessThanOrEqual(r.rows.length);
    if (tableRows < r.rows.length) expect(md).toContain(`${r.rows.length - tableRows} units whose figures are all zero or do not apply are not listed`);
    const csv = renderDispatch(r, { format: 'csv' }).trimEnd().split('\n');
    expect(csv).toHaveLength(r.rows.length + 2);
    expect(csv.every((l) => l.split(',').length === csv[0]!.split(',').length)).toBe(true);
  });

  it('renders a self-contained HTML page whose tags balance, with one SVG chart per figure', () => {
    const withTrend = dailyDispatch(ledger, '2020-01-29', undefined, { trendDays: 4 });
    expect(withTrend.trend.map((p) => p.day)).toEqual(['2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29']);
    expect(withTrend.trend.at(-1)?.underObservation).toBe(withTrend.total.homePrevention.underObservation);
    for (const [report, charts] of [
      [withTrend, 2],
      [dailyDispatch(ledger, '2020-01-29'), 1],
    ] as const) {
      const page = renderDispatch(report, { locale: 'en', format: 'html' });
      expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(page.match(/<svg /g)?.length).toBe(charts);
      expect(page.match(/<figure>/g)?.length).toBe(charts);
      // every tag closes in order (the page is written as XHTML: empty elements end with "/>")
      const stack: string[] = [];
      for (const m of page.replace(/<!DOCTYPE[^>]*>/, '').matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
        const [, close, name, selfClosing] = m;
        if (selfClosing === '/') continue;
        if (close === '/') expect(stack.pop()).toBe(name);
        else stack.push(name as string);
      }
      expect(stack).toEqual([]);
    }
  });

  it('refuses an unknown locale and format, naming both', () => {
    try {
      renderDispatch(dailyDispatch(ledger, '2020-01-28'), { locale: 'fr' as never, format: 'pdf' as never });
      expect.unreachable();
    } catch (e) {
      expect((e as FrontlineError).issues.map((i) => i.path[0])).toEqual(['locale', 'format']);
    }
  });

  /** The day's report with the scope and its first child units renamed. */
  function renamed(names: readonly string[], scopeName?: string): DailyDispatch {
    const r = dailyDispatch(ledger, '2020-01-28');
    const rows = r.rows.map((row, i) => (i < names.length ? { ...row, unit: { ...row.unit, name: names[i] as string } } : row));
    return { ...r, rows, scope: scopeName === undefined ? r.scope : { ...r.scope, name: scopeName } };
  }

  it('writes CSV with a UTF-8 byte-order mark and text cells guarded against formula injection', () => {
    const dangerous = ['=HYPERLINK("http://x.example","点我")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
    const out = renderDispatch(renamed(dangerous, '=cmd|"/c calc"!A0'), { format: 'csv' });
    expect(out.startsWith('\uFEFF单位,')).toBe(true);
    expect(out.indexOf('\uFEFF', 1)).toBe(-1);
    const cells = out.slice(1).split('\n').map((line) => line.slice(0, line.search(/,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*$/)));
    expect(cells.slice(1, 7)).toEqual([
      `"'=HYPERLINK(""http://x.example"",""点我"")"`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1:A9)",
      "'\t=1+1",
      `"'\r=1+1"`,
    ]);
    expect(cells.at(-2)).toBe(`"'=cmd|""/c calc""!A0"`);
    // no line of the file starts a cell with a formula character
    for (const line of out.slice(1).trimEnd().split('\n')) for (const cell of line.split(',')) expect(cell, line).not.toMatch(/^"?[=+\-@]/);
    // figures are not text: they are never prefixed, and an ordinary name is left as it was
    expect(renderDispatch(renamed(['乔家镇']), { format: 'csv' }).split('\n')[1]?.startsWith('乔家镇,')).toBe(true);
  });

  it('writes the < > & of unit names as entities in Markdown, so a name never turns into HTML', () => {
    const names = ['<img src=x onerror=alert(1)>镇', 'A&B <b>社区</b>'];
    for (const locale of ['zh-CN', 'en'] as const) {
      const out = renderDispatch(renamed(names, '<script>alert(1)</script>县'), { locale, format: 'markdown' });
      expect(out).not.toMatch(/[<>]/);
      expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;镇');
      expect(out).toContain('A&amp;B &lt;b&gt;社区&lt;/b&gt;');
      expect(out.split('\n')[0]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;县');
    }
  });

  it('refuses a trend whose figure is not a count of people, and draws the chart of a huge count', () => {
    const report = dailyDispatch(ledger, '2020-01-29', undefined, { trendDays: 3 });
    const withPeak = (underObservation: unknown): DailyDispatch =>
      ({ ...report, trend: report.trend.map((p, i) => (i === 0 ? { ...p, underObservation } : p)) }) as DailyDispatch;
    // the chart's scale rounds the largest count up: from Number.MAX_VALUE it reached Infinity, and
    // drawing its ticks up to Infinity never ended
    for (const bad of [Number.MAX_VALUE, 1e300, Number.MAX_SAFE_INTEGER + 2, 2.5, -1]) {
      try {
        renderDispatch(withPeak(bad), { locale: 'en', format: 'html' });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(FrontlineError);
        expect((e as FrontlineError).issues.map((i) => i.path)).toEqual([['report', 'trend', 0, 'underObservation']]);
      }
    }
    const page = renderDispatch(withPeak(Number.MAX_SAFE_INTEGER), { locale: 'en', format: 'html' });
    expect(page.match(/<svg /g)?.length).toBe(2);
  });

  it('never shows a resident id or a phone of the ledger', () => {
    expect(ids.length).toBeGreaterThan(100);
    const known = new Set([...ids, ...phones]);
    const report = dailyDispatch(ledger, '2020-01-28');
    for (const format of ['text', 'markdown', 'csv'] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const out = renderDispatch(report, { locale, format });
        // every run of digits (with a check character X) long enough to be an id or a phone
        const runs = out.match(/\d{11,17}[\dXx]?/g) ?? [];
        for (const run of runs) expect(known.has(run), run).toBe(false);
        for (const id of ids.slice(0, 2000)) expect(out.includes(id)).toBe(false);
      }
    }
  });
});
