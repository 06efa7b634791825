/**
 * Golden tests of the daily dispatch as people read it: `renderDispatch` of a small, fixed county
 * after five simulated days (the four campaigns, a published duty roster, supervision, daily
 * reports and member development, all with fixed seeds), as text and Markdown in both locales,
 * compared with the files in `__golden__/`. After an intended change of the output, regenerate
 * them with `npx vitest run test/report/golden.test.ts -u` and review the diff.
 *
 * Time zones: a process cannot change its own time zone for a second run in-process, so there is no
 * in-test comparison across zones. Instead CI (and `npm run check`) runs the whole suite twice, under
 * TZ=UTC and under TZ=America/Los_Angeles, and both runs compare against the same golden files:
 * these files are the cross-time-zone check that the dispatch and its rendering do not depend on the
 * machine's time zone (a figure that slipped a day in either zone would change the text).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildRoster,
  countyEvents,
  countyPosts,
  dailyDispatch,
  generateCounty,
  renderDispatch,
  replay,
  rosterProblemFromLedger,
  simulateAdmissions,
  simulateCampaigns,
  simulateReporting,
  simulateSupervision,
  tableForEach,
  type DailyDispatch,
  type Ledger,
} from '../../src/index.js';

const SEED = 11;
/** The campaigns run from 2020-01-25 for five days; the roster and the rest from the 26th. */
const DAYS = 5;
/** The trend starts a day earlier, before the campaigns: a day with no data. */
const TREND_DAYS = DAYS + 1;
const FIRST = '2020-01-26';
const LAST = '2020-01-29';

let ledger: Ledger;
let report: DailyDispatch;
let ids: string[] = [];
let phones: string[] = [];

beforeAll(() => {
  const county = generateCounty({ scale: 0.02, seed: SEED });
  const base = replay(countyEvents(county), undefined, { trusted: true });
  const withCampaigns = replay(simulateCampaigns(base, { days: DAYS, seed: SEED, arrivalShare: 0.02 }), base);
  const by = county.command.headquarters.commander;
  const posts = countyPosts(county.units);
  const withPosts = replay(
    posts.map((post, i) => ({ type: 'postOpened', id: `post-${i}`, at: '2020-01-25T09:00:00+08:00', by, post })),
    withCampaigns,
  );
  const problem = rosterProblemFromLedger(withPosts, { startDay: FIRST as never, days: 4 });
  // a fixed number of iterations and no time limit: the same roster on every machine
  const { roster } = buildRoster(problem, { seed: SEED, iterations: 20_000 });
  const published = replay([{ type: 'rosterPublished', id: 'roster-1', at: '2020-01-25T18:00:00+08:00', by, rosterId: 'r1', roster }], withPosts);
  const options = { startDay: FIRST as never, days: 4, seed: SEED };
  const journal = [
    ...simulateSupervision(published, { rosterId: 'r1', ...options }),
    ...simulateReporting(published, options),
    ...simulateAdmissions(published, options),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  ledger = replay(journal, published);
  report = dailyDispatch(ledger, LAST, undefined, { trendDays: TREND_DAYS });
  ids = [];
  phones = [];
  tableForEach(ledger.people, (p) => {
    if (p.residentId !== undefined) ids.push(p.residentId);
    if (p.phone !== undefined) phones.push(p.phone);
  });
}, 120_000);

describe('renderDispatch: golden files', () => {
  it('the report has the figures the golden files show', () => {
    expect(report.hasData).toBe(true);
    expect(report.previous).not.toBeNull();
    expect(report.trend.map((p) => p.day)).toEqual(['2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29']);
    expect(report.trend[0]?.underObservation).toBeNull();
    expect(report.recorded).toEqual(['doorKnocking', 'homePrevention', 'cleaning', 'volunteerService', 'duty', 'supervision', 'admission', 'reporting', 'epidemic']);
    expect(report.note).toBeNull();
    expect(report.movers.length).toBeGreaterThan(0);
    expect(report.attention.length).toBeGreaterThan(0);
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`text, ${locale}`, async () => {
      const out = renderDispatch(report, { locale });
      await expect(out).toMatchFileSnapshot(`./__golden__/dispatch.${locale}.txt`);
    });

    it(`Markdown, ${locale}`, async () => {
      const out = renderDispatch(report, { locale, format: 'markdown' });
      await expect(out).toMatchFileSnapshot(`./__golden__/dispatch.${locale}.md`);
    });
  }

  it('rendering twice, or from a second dispatch of the same ledger, gives the same text', () => {
    const again = dailyDispatch(ledger, LAST, undefined, { trendDays: TREND_DAYS });
    for (const locale of ['zh-CN', 'en'] as const)
      for (const format of ['text', 'markdown'] as const) expect(renderDispatch(again, { locale, format })).toBe(renderDispatch(report, { locale, format }));
  });
});

describe('dailyDispatch: figures and note agree', () => {
  it('a day before the campaigns whose only records are member-development cases reports those, and says the rest was not recorded', () => {
    // the cases were entered with their earlier steps: on 2019-12-01 some were open
    const r = dailyDispatch(ledger, '2019-12-01');
    const open = r.total.admission.applicant + r.total.admission.activist + r.total.admission.developmentTarget;
    expect(open).toBeGreaterThan(0);
    expect(r.hasData).toBe(true);
    expect(r.recorded).toEqual(['admission']);
    // the note does not call the figures "not measurements"; it names the parts that have none
    expect(r.note?.en).not.toMatch(/there are no figures to report/);
    expect(r.note?.en).toMatch(/^nothing was recorded for 2019-12-01 of door-knocking, home observation, .*, community epidemic state: those figures are not shown/);
    // every figure of the parts not recorded is 0, and only the recorded part is printed
    const { admission, ...others } = r.total;
    for (const [part, figures] of Object.entries(others))
      for (const [k, v] of Object.entries(figures as object)) if (typeof v === 'number') expect(v, `${part}.${k}`).toBe(0);
    const text = renderDispatch(r, { locale: 'en' });
    expect(text).toContain(`member development (open cases): ${admission.applicant} applicants, ${admission.activist} activists, ${admission.developmentTarget} development targets`);
    for (const absent of ['screening coverage', 'under observation:', 'duty:', 'supervision:', 'reports (due', 'unit  ']) expect(text).not.toContain(absent);
    // the CSV shows the parts not recorded as '—', not as zeros
    const csv = renderDispatch(r, { locale: 'en', format: 'csv' }).trimEnd().split('\n');
    expect(csv.at(-1)?.split(',').slice(1).every((c) => c === '—')).toBe(true);
  });

  it('a day before any case’s first step has no data at all, and all its figures are 0', () => {
    const r = dailyDispatch(ledger, '2015-01-01');
    expect(r.hasData).toBe(false);
    expect(r.total.admission.activist + r.total.admission.applicant + r.total.admission.developmentTarget).toBe(0);
    expect(renderDispatch(r, { locale: 'en' })).toMatch(/there are no figures to report/);
  });

  it('gives a change from the day before only for the parts recorded on both days', () => {
    // the campaigns start on 2020-01-25; the day before had member-development cases only
    const r = dailyDispatch(ledger, '2020-01-25');
    expect(r.previous).not.toBeNull();
    expect(r.recordedBefore).toEqual(['admission']);
    const text = renderDispatch(r, { locale: 'en' });
    expect(text).toMatch(/screening coverage \d+\.\d%, /);
    expect(text).not.toMatch(/points\)/);
    expect(text).toMatch(/\d+ under observation: /);
    expect(r.movers).toEqual([]);
  });
});

/**
 * A small well-formedness check of XML (the page is written as XHTML): every character outside a
 * tag is text without `<` and with `&` only in an entity; every tag is a start, end or empty-element
 * tag with unique, quoted attributes; tags nest and close in order under a single root element.
 * Returns the problems found (none for a well-formed document).
 */
function xmlProblems(doc: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const entities = (s: string, where: number): void => {
    for (const m of s.matchAll(/&([^;\s]*);?/g))
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(m[0])) problems.push(`a bad entity ${JSON.stringify(m[0])} at ${where + (m.index ?? 0)}`);
  };
  const text = (s: string, where: number): void => {
    entities(s, where);
    if (stack.length === 0 && s.trim() !== '') problems.push(`text outside the root element at ${where}`);
  };
  let i = 0;
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    if (lt < 0) {
      text(doc.slice(i), i);
      break;
    }
    text(doc.slice(i, lt), i);
    const gt = doc.indexOf('>', lt);
    if (gt < 0) {
      problems.push(`an unclosed tag at ${lt}`);
      break;
    }
    const tag = doc.slice(lt, gt + 1);
    const m = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_:][\w.:-]*\s*=\s*"[^"<]*")*)\s*(\/?)>$/.exec(tag);
    if (m === null) problems.push(`a malformed tag ${JSON.stringify(tag.slice(0, 60))} at ${lt}`);
    else {
      const [, close, name, attrs, empty] = m as unknown as [string, string, string, string, string];
      const names = [...attrs.matchAll(/([A-Za-z_:][\w.:-]*)\s*=/g)].map((a) => a[1]);
      if (new Set(names).size !== names.length) problems.push(`a repeated attribute in ${JSON.stringify(tag)}`);
      for (const a of attrs.matchAll(/"([^"]*)"/g)) entities(a[1] ?? '', lt);
      if (close === '/') {
        if (attrs.trim() !== '' || empty === '/') problems.push(`a malformed end tag ${JSON.stringify(tag)}`);
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at ${lt}`);
      } else {
        if (stack.length === 0) roots++;
        if (empty !== '/') stack.push(name);
      }
    }
    i = gt + 1;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

describe('renderDispatch: the HTML page', () => {
  it('the checker finds what is not well-formed', () => {
    expect(xmlProblems('<a><b>x</b></a>')).toEqual([]);
    expect(xmlProblems('<a x="1" y="2"><br/>a &amp; b &#39;</a>')).toEqual([]);
    expect(xmlProblems('<a><b></a></b>')).not.toEqual([]);
    expect(xmlProblems('<a>x & y</a>')).not.toEqual([]);
    expect(xmlProblems('<a x=1></a>')).not.toEqual([]);
    expect(xmlProblems('<a x="1" x="2"></a>')).not.toEqual([]);
    expect(xmlProblems('<a></a><b></b>')).not.toEqual([]);
    expect(xmlProblems('<a><meta charset="utf-8"></a>')).not.toEqual([]);
  });

  it('is well-formed XML after its doctype, with one SVG chart per figure, in both locales', () => {
    const cases: [DailyDispatch, number][] = [
      [report, 2], // coverage by unit, and the trend of people under observation
      [dailyDispatch(ledger, LAST), 1], // no trend asked for: coverage only
      [dailyDispatch(ledger, '2019-12-01', undefined, { trendDays: DAYS }), 0], // no data: no chart
    ];
    for (const [r, charts] of cases) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const page = renderDispatch(r, { locale, format: 'html' });
        const what = `${r.day} trend ${r.trend.length} ${locale}`;
        expect(page.startsWith('<!DOCTYPE html>\n'), what).toBe(true);
        expect(xmlProblems(page.replace(/^<!DOCTYPE html>\n/, '')), what).toEqual([]);
        expect(page.match(/<svg[\s>]/g)?.length ?? 0, what).toBe(charts);
        expect(page.match(/<\/svg>/g)?.length ?? 0, what).toBe(charts);
        expect(page.match(/<figure>/g)?.length ?? 0, what).toBe(charts);
        expect(page, what).toContain(`<html lang="${locale}">`);
      }
    }
  });

  it('shows no full resident id or phone of the ledger', () => {
    expect(ids.length).toBeGreaterThan(100);
    expect(phones.length).toBeGreaterThan(100);
    const known = new Set([...ids, ...phones]);
    for (const locale of ['zh-CN', 'en'] as const) {
      const page = renderDispatch(report, { locale, format: 'html' });
      // every run of digits long enough to be a phone or an id (with its check character)
      for (const run of page.match(/\d{11,17}[\dXx]?/g) ?? []) expect(known.has(run), run).toBe(false);
      for (const x of known) expect(page.includes(x), x).toBe(false);
      // the attention list is there, masked: every id it lists, and every phone
      expect(report.attention.length).toBeGreaterThan(0);
      for (const a of report.attention) {
        if (a.residentId !== null) expect(page).toContain(a.residentId);
        if (a.phone !== null) expect(page).toContain(a.phone);
      }
      expect(page).toMatch(/\d{6}\*{11}[\dX]/);
    }
  });
});
