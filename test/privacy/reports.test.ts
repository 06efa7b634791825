import { fc } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PHONE_MASK,
  DEFAULT_RESIDENT_ID_MASK,
  FrontlineError,
  addDays,
  countyEvents,
  dailyDispatch,
  ledgerTree,
  followUp,
  generateCounty,
  maskWith,
  protectedPeople,
  renderDispatch,
  replay,
  simulateCampaigns,
  surnameOnly,
  tableForEach,
  type DailyDispatch,
  type Day,
  type Ledger,
  type LedgerEvent,
  type Observation,
  type Person,
} from '../../src/index.js';

/**
 * The privacy property of the daily dispatch: no rendered report contains any full resident id or
 * phone of the ledger, and the names of the people it asks to act on are written as surname + 某
 * unless they were disclosed for a stated purpose.
 *
 * The ledger: a county at scale 0.05 and eight simulated days. Its simulation transfers every
 * fever on the day it is found, so nobody stays escalated overnight; people are lost to follow-up
 * from 2020-01-29 on. A fever without a transfer is added on the day after (2020-02-02) so that the
 * attention list also holds someone escalated.
 */
const FIRST_DAY = '2020-01-25';
const SIMULATED_DAYS = 8;
const FEVER_DAY = '2020-02-02';
const DAYS: Day[] = Array.from({ length: SIMULATED_DAYS + 1 }, (_, k) => addDays(FIRST_DAY as Day, k));
const LOCALES = ['zh-CN', 'en'] as const;
const FORMATS = ['text', 'markdown', 'csv', 'html'] as const;
const PURPOSE = '转运协调';

let ledger: Ledger;
let people: Map<string, Person>;
/** Every full resident id and phone of the ledger. */
let known: Set<string>;
/** Each day's dispatch, without and with disclosure. */
const reports = new Map<string, { masked: DailyDispatch; disclosed: DailyDispatch }>();

beforeAll(() => {
  const county = generateCounty({ scale: 0.05, seed: 5 });
  const base = replay(countyEvents(county), undefined, { trusted: true });
  const simulated = replay(simulateCampaigns(base, { days: SIMULATED_DAYS, seed: 5, startDay: FIRST_DAY as Day }), base);
  let fever: LedgerEvent | undefined;
  tableForEach(simulated.observations, (o) => {
    if (fever !== undefined || o.readings.length === 0 || followUp(o, FEVER_DAY as Day, simulated.settings).status !== 'active') return;
    fever = {
      type: 'temperatureChecked',
      id: 'test-fever-1',
      at: `${FEVER_DAY}T08:30:00+08:00`,
      by: (o.readings.at(-1) as Observation['readings'][number]).by,
      observationId: o.id,
      slot: 'morning',
      celsius: 38.4,
    } as LedgerEvent;
  });
  ledger = replay(fever === undefined ? [] : [fever], simulated);
  people = new Map();
  known = new Set();
  tableForEach(ledger.people, (p) => {
    people.set(p.id, p);
    if (p.residentId !== undefined) known.add(p.residentId);
    if (p.phone !== undefined) known.add(p.phone);
  });
  for (const day of DAYS)
    reports.set(day, { masked: dailyDispatch(ledger, day), disclosed: dailyDispatch(ledger, day, undefined, { disclose: { purpose: PURPOSE } }) });
}, 120_000);

/** The full values of `known` found in `text`, searched in every run of digits (and X). */
function fullValuesIn(text: string, values: ReadonlySet<string>): string[] {
  const lengths = new Set([...values].map((v) => v.length));
  const found = new Set<string>();
  for (const [run] of text.matchAll(/[0-9X]{11,}/g))
    for (const n of lengths) for (let i = 0; i + n <= run.length; i++) if (values.has(run.slice(i, i + n))) found.add(run.slice(i, i + n));
  return [...found];
}

const personOf = (id: string): Person => people.get(id) as Person;

describe('the ledger for the privacy property', () => {
  it('has people to act on: lost to follow-up on some days, and someone escalated', () => {
    expect(known.size).toBeGreaterThan(10_000);
    const lost = DAYS.filter((d) => reports.get(d)?.masked.attention.some((a) => a.status === 'lost'));
    const escalated = DAYS.filter((d) => reports.get(d)?.masked.attention.some((a) => a.status === 'escalated'));
    expect(lost.length).toBeGreaterThanOrEqual(2);
    expect(escalated).toContain(FEVER_DAY);
    // and days with nobody to act on
    expect(DAYS.filter((d) => reports.get(d)?.masked.attention.length === 0).length).toBeGreaterThan(0);
  });

  it('holds the people of the attention list masked in the report', () => {
    const prot = protectedPeople(ledger);
    for (const day of DAYS) {
      const { masked, disclosed } = reports.get(day) as { masked: DailyDispatch; disclosed: DailyDispatch };
      expect(masked.disclosedFor).toBeNull();
      expect(disclosed.disclosedFor).toBe(PURPOSE);
      expect(disclosed.attention.map((a) => a.personId)).toEqual(masked.attention.map((a) => a.personId));
      masked.attention.forEach((a, k) => {
        const p = personOf(a.personId);
        expect(prot.has(a.personId)).toBe(true);
        expect(a.name).toBe(surnameOnly(p.name));
        expect(a.phone).toBe(p.phone === undefined ? null : maskWith(p.phone, DEFAULT_PHONE_MASK));
        expect(a.residentId).toBe(p.residentId === undefined ? null : maskWith(p.residentId, DEFAULT_RESIDENT_ID_MASK));
        const d = disclosed.attention[k];
        expect(d?.name).toBe(p.name);
        expect(d?.phone).toBe(a.phone);
        expect(d?.residentId).toBe(a.residentId);
      });
    }
  });
});

describe('renderDispatch: the privacy property', () => {
  it('shows no full resident id or phone of any person, on any day, in any locale and format, disclosed or not', () => {
    let rendered = 0;
    const leaks: string[] = [];
    for (const day of DAYS) {
      const { masked, disclosed } = reports.get(day) as { masked: DailyDispatch; disclosed: DailyDispatch };
      for (const report of [masked, disclosed])
        for (const locale of LOCALES)
          for (const format of FORMATS) {
            const out = renderDispatch(report, { locale, format });
            rendered++;
            for (const v of fullValuesIn(out, known)) leaks.push(`${day} ${locale} ${format} ${report.disclosedFor ?? '-'}: ${v}`);
          }
    }
    expect(rendered).toBe(DAYS.length * 2 * LOCALES.length * FORMATS.length);
    expect(leaks).toEqual([]);
  });

  it('property: the same holds for the report of any unit of the tree, with any trend', () => {
    const units = ledgerTree(ledger).units;
    fc.assert(
      fc.property(
        fc.constantFrom(...DAYS),
        fc.nat({ max: units.length - 1 }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...FORMATS),
        fc.boolean(),
        fc.nat({ max: 6 }),
        (day, u, locale, format, disclose, trendDays) => {
          const report = dailyDispatch(ledger, day, units[u]!.id, { trendDays, ...(disclose ? { disclose: { purpose: PURPOSE } } : {}) });
          return fullValuesIn(renderDispatch(report, { locale, format }), known).length === 0;
        },
      ),
      { numRuns: 40 },
    );
  });

  it('writes the people to act on as surname + 某, never by their full names, without disclosure', () => {
    let listed = 0;
    for (const day of DAYS) {
      const report = (reports.get(day) as { masked: DailyDispatch }).masked;
      for (const locale of LOCALES)
        for (const format of FORMATS) {
          const out = renderDispatch(report, { locale, format });
          expect(out).not.toContain(PURPOSE);
          for (const a of report.attention) {
            const p = personOf(a.personId);
            expect(p.name).not.toBe(surnameOnly(p.name));
            expect(out.includes(p.name), `${day} ${locale} ${format}: ${p.name}`).toBe(false);
            if (format !== 'csv') {
              expect(out).toContain(surnameOnly(p.name));
              if (p.phone !== undefined) expect(out).toContain(maskWith(p.phone, DEFAULT_PHONE_MASK));
              listed++;
            }
          }
        }
    }
    expect(listed).toBeGreaterThan(0);
  });

  it('prints their names and the purpose when disclosed, ids and phones still masked', () => {
    let listed = 0;
    for (const day of DAYS) {
      const report = (reports.get(day) as { disclosed: DailyDispatch }).disclosed;
      for (const locale of LOCALES)
        for (const format of FORMATS) {
          if (format === 'csv') continue; // the CSV holds the figures of the units only
          const out = renderDispatch(report, { locale, format });
          if (report.attention.length > 0) expect(out, `${day} ${locale} ${format}`).toContain(PURPOSE);
          for (const a of report.attention.slice(0, 20)) {
            const p = personOf(a.personId);
            expect(out, `${day} ${locale} ${format}`).toContain(p.name);
            if (p.residentId !== undefined) expect(out).toContain(maskWith(p.residentId, DEFAULT_RESIDENT_ID_MASK));
            listed++;
          }
        }
    }
    expect(listed).toBeGreaterThan(0);
  });

  it('names nobody in the CSV, disclosed or not', () => {
    for (const day of DAYS) {
      const { masked, disclosed } = reports.get(day) as { masked: DailyDispatch; disclosed: DailyDispatch };
      for (const report of [masked, disclosed])
        for (const locale of LOCALES) {
          const out = renderDispatch(report, { locale, format: 'csv' });
          for (const a of report.attention) expect(out.includes(personOf(a.personId).name)).toBe(false);
        }
    }
  });
});

describe('dailyDispatch: disclosure', () => {
  it('refuses to disclose names without a purpose', () => {
    for (const purpose of ['', ' ', 'x', '  y  ']) {
      try {
        dailyDispatch(ledger, FEVER_DAY, undefined, { disclose: { purpose } });
        expect.unreachable(`accepted purpose '${purpose}'`);
      } catch (e) {
        expect(e).toBeInstanceOf(FrontlineError);
        expect((e as FrontlineError).issues.map((i) => i.path)).toEqual([['options', 'disclose', 'purpose']]);
      }
    }
    expect(dailyDispatch(ledger, FEVER_DAY, undefined, { disclose: { purpose: ' 流调 ' } }).disclosedFor).toBe('流调');
  });
});
