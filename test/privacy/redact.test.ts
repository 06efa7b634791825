import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PHONE_MASK,
  DEFAULT_RESIDENT_ID_MASK,
  FrontlineError,
  MIN_ID_CANDIDATES,
  ageOn,
  checkRedactionPolicy,
  countyEvents,
  dailyDispatch,
  dayOf,
  followUp,
  generateCounty,
  makeResidentId,
  yuechiAddressCode,
  label,
  maskWith,
  protectedPeople,
  redact,
  replay,
  simulateCampaigns,
  surnameOnly,
  tableForEach,
  tableGet,
  ledgerTree,
  apply,
  tableValues,
  type DailyDispatch,
  type Day,
  type DispatchSummary,
  type Household,
  type Ledger,
  type LedgerEvent,
  type Observation,
  type Person,
  type RedactionPolicyInput,
} from '../../src/index.js';
import { H, P, baseLedger, ev, ledgerWith } from '../ledgerFixtures.js';

/** The simulated days of the ledger. */
const DAYS = ['2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29'] as const;
/** The day after the simulation: a few morning checks are recorded, the ledger's last events. */
const LAST_DAY = '2020-01-30';

let ledger: Ledger;
/** The ledger, redacted by the default policy. */
let shared: Ledger;
/** The JSON of the ledger before any redaction. */
let before: string;
let people: Person[] = [];
let ids: Set<string>;
let phones: Set<string>;
/** Readings added on the last day (fever, just under and exactly at the fever line), by observation. */
const added = new Map<string, number>();

/** The ids of the records that break an expectation (one `expect` for a whole table is much faster). */
function failing<T>(records: readonly T[], ok: (record: T) => boolean, id: (record: T) => string): string[] {
  const out: string[] = [];
  for (const r of records) if (!ok(r)) out.push(id(r));
  return out.slice(0, 20);
}

/**
 * The people of a county at scale 0.03 and five simulated days of the four campaigns, plus three
 * morning checks on the day after of observations still running: one with a fever that is not
 * transferred yet (so the dispatch has someone escalated to act on), one just under the fever line
 * and one exactly at it.
 */
beforeAll(() => {
  const drawn = generateCounty({ scale: 0.03, seed: 5 });
  // one young member admitted on her 18th birthday, early in January: the year of birth and the
  // joining day the copy shows leave her id only a few days (made so, not left to the draw)
  const young = drawn.people.findIndex((p) => p.partyStatus === 'fullMember' && p.cadreLevel === undefined && p.householdId !== undefined && p.sex === 'female');
  const county = {
    ...drawn,
    people: drawn.people.map((p, i) =>
      i === young ? { ...p, birthDate: '2001-01-03' as Day, partyJoinedOn: '2019-01-03' as Day, residentId: makeResidentId(yuechiAddressCode('2001-01-03' as Day), '2001-01-03' as Day, 998) } : p,
    ),
  };
  const base = replay(countyEvents(county), undefined, { trusted: true });
  const simulated = replay(simulateCampaigns(base, { days: 5, seed: 5 }), base);
  const extra: LedgerEvent[] = [];
  const temperatures = [38.2, simulated.settings.feverCelsius - 0.1, simulated.settings.feverCelsius];
  tableForEach(simulated.observations, (o) => {
    if (extra.length >= temperatures.length) return;
    if (followUp(o, LAST_DAY as Day, simulated.settings).status !== 'active') return;
    if (o.readings.some((r) => r.day === LAST_DAY) || o.readings.length === 0) return;
    const celsius = temperatures[extra.length] as number;
    added.set(o.id, celsius);
    extra.push({
      type: 'temperatureChecked',
      id: `test-fever-${extra.length}`,
      at: `${LAST_DAY}T08:4${extra.length}:00+08:00`,
      by: (o.readings.at(-1) as Observation['readings'][number]).by,
      observationId: o.id,
      slot: 'morning',
      celsius,
    } as LedgerEvent);
  });
  ledger = replay(extra, simulated);
  before = JSON.stringify(ledger);
  shared = redact(ledger);
  people = [];
  ids = new Set();
  phones = new Set();
  tableForEach(ledger.people, (p) => {
    people.push(p);
    if (p.residentId !== undefined) ids.add(p.residentId);
    if (p.phone !== undefined) phones.add(p.phone);
  });
}, 120_000);

/**
 * The full values of `known` found in `text`: every run of digits (and X) is searched for every
 * value length, except runs that are exactly one of the `allowed` values.
 */
function fullValuesIn(text: string, known: ReadonlySet<string>, allowed: ReadonlySet<string> = new Set()): string[] {
  const lengths = new Set([...known].map((v) => v.length));
  const found = new Set<string>();
  for (const [run] of text.matchAll(/[0-9X]{11,}/g)) {
    if (allowed.has(run)) continue;
    for (const n of lengths) for (let i = 0; i + n <= run.length; i++) if (known.has(run.slice(i, i + n))) found.add(run.slice(i, i + n));
  }
  return [...found];
}

/** Every number of a summary, by `part.figure`. */
const flat = (s: DispatchSummary): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [part, figures] of Object.entries(s)) for (const [k, v] of Object.entries(figures as object)) if (typeof v === 'number') out[`${part}.${k}`] = v;
  return out;
};

/** Every figure of a dispatch, as plain data. */
const figures = (r: DailyDispatch) => ({
  hasData: r.hasData,
  total: flat(r.total),
  previous: r.previous === null ? null : flat(r.previous),
  byUnit: [...r.byUnit].map(([id, s]) => [id, flat(s)] as const),
  rows: r.rows.map((row) => [row.unit.id, flat(row.summary)] as const),
  movers: r.movers.map((m) => [m.unit.id, m.figure, m.from, m.to, m.change]),
  trend: r.trend,
  attention: r.attention.map((a) => [a.personId, a.status, a.missed, a.since, a.name, a.phone, a.residentId]),
  communities: r.communities.map((c) => [c.unit.id, c.state, c.confirmed]),
});

/** The day of the ledger's last event. */
function lastEventDay(l: Ledger): string {
  let last = -Infinity;
  tableForEach(l.events, (at) => {
    last = Math.max(last, Date.parse(at));
  });
  return dayOf(new Date(last));
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECKS = '10X98765432';
const counted = new Map<string, number>();

/**
 * How many 18-character resident ids a masked id showing `first6` and `last` may stand for, for a
 * person of a sex born in `[from, to]`: by brute force over the days and the 1,000 sequences, with
 * the weights of GB 11643 written here (independently of the library), counting up to 1,000 or a
 * little more.
 */
function candidates(first6: string, last: string, male: boolean, from: string, to: string): number {
  const key = `${first6}|${last}|${male}|${from}|${to}`;
  const cached = counted.get(key);
  if (cached !== undefined) return cached;
  let n = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end && n < 1000; t += 86_400_000) {
    const head = first6 + new Date(t).toISOString().slice(0, 10).replaceAll('-', '');
    let sum = 0;
    for (let i = 0; i < 14; i++) sum += Number(head[i]) * (WEIGHTS[i] as number);
    for (let seq = male ? 1 : 0; seq < 1000; seq += 2) {
      const q = sum + Math.floor(seq / 100) * 8 + (Math.floor(seq / 10) % 10) * 4 + (seq % 10) * 2;
      if (CHECKS[q % 11] === last) n++;
    }
  }
  counted.set(key, n);
  return n;
}

/** The latest birth date of someone 18 or older on `day`. */
function adultBy(day: string): string {
  const y = Number(day.slice(0, 4)) - 18;
  const same = `${y}${day.slice(4)}`;
  return day.endsWith('-02-29') && new Date(`${same}T00:00:00Z`).getUTCMonth() !== 1 ? `${y}-02-28` : same;
}

/**
 * The days a person's birth date may fall on (`r`, as a copy made by the default policy shows them),
 * from what the copy shows: the year of birth; born by the copy's last day (`last`); 18 or older on joining
 * the Party, at the first step of an admission case, and on the last day for anyone with a Party
 * status or a cadre post; and on the last day (the policy's asOf) when the name is shown in full.
 */
function birthRange(r: Person, firstSteps: ReadonlyMap<string, string>, last: string): [string, string] {
  const year = r.birthDate.slice(0, 4);
  if (r.birthDate !== `${year}-01-01`) throw new Error(`${r.id}: the copy shows the birth date ${r.birthDate}`);
  let to = `${year}-12-31`;
  const limit = (day: string | undefined): void => {
    if (day !== undefined && day < to) to = day;
  };
  limit(last);
  if (r.partyStatus !== 'nonMember' || r.cadreLevel !== undefined) limit(adultBy(last));
  if (r.partyJoinedOn !== undefined) limit(adultBy(r.partyJoinedOn));
  const step = firstSteps.get(r.id);
  if (step !== undefined) limit(adultBy(step));
  if (r.name !== surnameOnly(r.name)) limit(adultBy(last));
  return [`${year}-01-01`, to];
}

/** The day of the first admission step of each person with a case, as a copy shows it. */
function firstStepsOf(copy: Ledger): Map<string, string> {
  const out = new Map<string, string>();
  tableForEach(copy.admissions, (c) => {
    for (const step of c.steps) if (!out.has(c.person) || step.day < (out.get(c.person) as string)) out.set(c.person, step.day);
  });
  return out;
}

/** The 18-character form of an id (a legacy 15-digit one gets 19 and its check). */
function eighteen(id: string): string {
  if (id.length === 18) return id;
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return first17 + (CHECKS[sum % 11] as string);
}

/**
 * The people whose masked id a default copy must leave out: those whose masked id would stand for
 * fewer than 1,000 numbers, given what else the copy shows.
 */
function leftOut(original: Ledger, copy: Ledger): Set<string> {
  const firstSteps = firstStepsOf(copy);
  const last = lastEventDay(copy);
  const out = new Set<string>();
  tableForEach(original.people, (p) => {
    if (p.residentId === undefined) return;
    const id = eighteen(p.residentId);
    const [from, to] = birthRange(tableGet(copy.people, p.id) as Person, firstSteps, last);
    if (to < from || candidates(id.slice(0, 6), id.slice(17), p.sex === 'male', from, to) < 1000) out.add(p.id);
  });
  return out;
}

/** The issues of a redaction that must fail. */
function issuesOf(policy: unknown): FrontlineError['issues'] {
  try {
    redact(ledger, policy as RedactionPolicyInput);
  } catch (e) {
    expect(e).toBeInstanceOf(FrontlineError);
    expect((e as FrontlineError).code).toBe('invalid_input');
    return (e as FrontlineError).issues;
  }
  return expect.unreachable('redact accepted the policy');
}

describe('redact: resident ids and phones', () => {
  it('leaves no full resident id or phone of the ledger in the copy', () => {
    expect(ids.size).toBeGreaterThan(1000);
    expect(phones.size).toBeGreaterThan(100);
    // the search finds them in the ledger itself
    expect(fullValuesIn(before, ids).length).toBe(ids.size);
    expect(fullValuesIn(before, phones).length).toBe(phones.size);
    const text = JSON.stringify(shared);
    expect(fullValuesIn(text, ids)).toEqual([]);
    expect(fullValuesIn(text, phones)).toEqual([]);
    for (const id of [...ids].slice(0, 10)) expect(text.includes(id)).toBe(false);
  });

  it('masks them by DEFAULT_RESIDENT_ID_MASK and DEFAULT_PHONE_MASK (ids that would stand for too few numbers are left out)', () => {
    expect(DEFAULT_RESIDENT_ID_MASK).toEqual({ keepStart: 6, keepEnd: 1, maskChar: '*' });
    expect(DEFAULT_PHONE_MASK).toEqual({ keepStart: 3, keepEnd: 4, maskChar: '*' });
    const left = leftOut(ledger, shared);
    expect(left.size).toBeLessThan(people.length / 1000);
    const bad = failing(
      people,
      (p) => {
        const r = tableGet(shared.people, p.id) as Person;
        const id =
          p.residentId === undefined || left.has(p.id)
            ? r.residentId === undefined
            : r.residentId === maskWith(p.residentId, DEFAULT_RESIDENT_ID_MASK) && r.residentId === `${p.residentId.slice(0, 6)}${'*'.repeat(p.residentId.length - 7)}${p.residentId.slice(-1)}`;
        const phone = p.phone === undefined ? r.phone === undefined : r.phone === `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`;
        return r.id === p.id && id && phone;
      },
      (p) => p.id,
    );
    expect(bad).toEqual([]);
  });

  it('drops them when asked, and masks them by other masks', () => {
    const dropped = redact(ledger, { residentId: 'drop', phone: 'drop' });
    expect(failing(people, (p) => {
      const r = tableGet(dropped.people, p.id) as Person;
      return !('residentId' in r) && !('phone' in r) && r.name !== '';
    }, (p) => p.id)).toEqual([]);
    // a mask showing the last 4 shows sequence digits, which the default mask hides: it needs a purpose
    expect(checkRedactionPolicy({ residentIdMask: { keepStart: 0, keepEnd: 4, maskChar: '•' } }).map((i) => i.path)).toEqual([['policy', 'residentIdMask']]);
    const masked = redact(ledger, { residentIdMask: { keepStart: 0, keepEnd: 4, maskChar: '•' }, phoneMask: { keepStart: 0, keepEnd: 2, maskChar: '#' }, purpose: '户籍核对' });
    // whatever the mask, an id that the year of birth and the rest of the copy narrow to a few days is left out
    const left = leftOut(ledger, shared);
    expect(
      failing(
        people,
        (p) => {
          const r = tableGet(masked.people, p.id) as Person;
          return (
            (p.residentId === undefined || r.residentId === (left.has(p.id) ? undefined : `${'•'.repeat(p.residentId.length - 4)}${p.residentId.slice(-4)}`)) &&
            (p.phone === undefined || r.phone === `#########${p.phone.slice(-2)}`)
          );
        },
        (p) => p.id,
      ),
    ).toEqual([]);
  });
});

describe('redact: names and birth dates', () => {
  it('protects everyone ever observed and the members of households classified as a case, fever or close contact', () => {
    const expected = new Set<string>();
    tableForEach(ledger.observations, (o) => expected.add(o.personId));
    const caseLike = new Set(['confirmed', 'suspected', 'asymptomatic', 'fever', 'closeContact']);
    const households = new Set<string>();
    tableForEach(ledger.classifications, (c) => {
      if (c.entries.some((e) => caseLike.has(e.category))) households.add(c.householdId);
    });
    const members = new Set<string>();
    tableForEach(ledger.households, (h) => {
      if (households.has(h.id)) for (const m of h.members) members.add(m);
    });
    for (const m of members) expected.add(m);
    const got = protectedPeople(ledger);
    expect(got.size).toBeGreaterThan(0);
    expect(members.size).toBeGreaterThan(0);
    expect([...got].sort()).toEqual([...expected].sort());
  });

  it('writes protected people and minors as surname + 某, keeps other adults, and cuts every birth date to the year', () => {
    const asOf = lastEventDay(ledger) as Day;
    expect(asOf).toBe(LAST_DAY);
    const prot = protectedPeople(ledger);
    const counts = { protectedAdults: 0, minors: 0, mayBeMinors: 0, others: 0 };
    const left = leftOut(ledger, shared);
    const bad = failing(
      people,
      (p) => {
        const r = tableGet(shared.people, p.id) as Person;
        // the copy shows the year only: whoever may be under 18 on asOf, given the year, counts as a minor
        const minor = ageOn(p.birthDate, asOf) < 18;
        const mayBeMinor = ageOn(`${p.birthDate.slice(0, 4)}-12-31` as Day, asOf) < 18;
        const surname = `${[...p.name][0] as string}某`;
        const year = `${p.birthDate.slice(0, 4)}-01-01`;
        let ok: boolean;
        if (minor) {
          counts.minors++;
          ok = r.name === surname;
        } else if (mayBeMinor) {
          counts.mayBeMinors++;
          ok = r.name === surname;
        } else if (prot.has(p.id)) {
          counts.protectedAdults++;
          ok = r.name === surname;
        } else {
          counts.others++;
          ok = r.name === p.name;
        }
        ok &&= r.birthDate === year;
        // everything else of the record is as it was
        const keys = Object.keys(p).filter((k) => k !== 'name' && k !== 'birthDate' && k !== 'residentId' && k !== 'phone');
        // (a masked id the rest of the copy would narrow too far is left out)
        const fields = Object.keys(p).length - (left.has(p.id) ? 1 : 0);
        return ok && Object.keys(r).length === fields && keys.every((k) => JSON.stringify(r[k as keyof Person]) === JSON.stringify(p[k as keyof Person]));
      },
      (p) => p.id,
    );
    expect(bad).toEqual([]);
    expect(counts.minors).toBeGreaterThan(100);
    expect(counts.mayBeMinors).toBeGreaterThan(10);
    expect(counts.protectedAdults).toBeGreaterThan(10);
    expect(counts.others).toBeGreaterThan(1000);
  });

  it('counts minors on the policy’s asOf: by the day when birth dates are kept, by the year when they show the year only', () => {
    const prot = protectedPeople(ledger);
    const adult = people.find((p) => !prot.has(p.id) && ageOn(p.birthDate, LAST_DAY as Day) >= 18 && !p.birthDate.endsWith('-02-29') && !p.birthDate.endsWith('-12-31')) as Person;
    const birthday = `${Number(adult.birthDate.slice(0, 4)) + 18}${adult.birthDate.slice(4)}`;
    const dayBefore = dayOf(new Date(Date.parse(`${birthday}T12:00:00+08:00`) - 86_400_000));
    const yearEnd = `${Number(adult.birthDate.slice(0, 4)) + 18}-12-31`;
    const keep = { birthDate: 'keep', purpose: '核对出生日期' } as const;
    // full birth dates: 18 on the birthday, 17 the day before
    const on = tableGet(redact(ledger, { ...keep, asOf: birthday }).people, adult.id) as Person;
    expect(on.name).toBe(adult.name);
    expect(on.birthDate).toBe(adult.birthDate);
    expect((tableGet(redact(ledger, { ...keep, asOf: dayBefore }).people, adult.id) as Person).name).toBe(surnameOnly(adult.name));
    // minors' birth dates cut to the year: a minor loses the day
    const justBefore = tableGet(redact(ledger, { birthDate: 'minorsToYear', purpose: '核对出生日期', asOf: dayBefore }).people, adult.id) as Person;
    expect(justBefore).toMatchObject({ name: surnameOnly(adult.name), birthDate: `${adult.birthDate.slice(0, 4)}-01-01` });
    // the default shows the year only: a name shown would tell the birthday is past, so it is hidden to the year's end
    for (const asOf of [dayBefore, birthday]) expect((tableGet(redact(ledger, { asOf }).people, adult.id) as Person).name).toBe(surnameOnly(adult.name));
    expect(tableGet(redact(ledger, { asOf: yearEnd }).people, adult.id)).toMatchObject({ name: adult.name, birthDate: `${adult.birthDate.slice(0, 4)}-01-01` });
    // far in the future nobody is a minor: only the protected lose their names
    const later = redact(ledger, { asOf: '2100-01-01' });
    expect(
      failing(
        people,
        (p) => {
          const r = tableGet(later.people, p.id) as Person;
          return r.name === (prot.has(p.id) ? surnameOnly(p.name) : p.name) && r.birthDate === `${p.birthDate.slice(0, 4)}-01-01`;
        },
        (p) => p.id,
      ),
    ).toEqual([]);
  });

  it('follows the names and birthDate policies: all, keep, allToYear', () => {
    const all = redact(ledger, { names: 'all', birthDate: 'allToYear' });
    const kept = redact(ledger, { names: 'keep', birthDate: 'keep', purpose: '流调：追踪密切接触者' });
    expect(
      failing(
        people,
        (p) => {
          const a = tableGet(all.people, p.id) as Person;
          const k = tableGet(kept.people, p.id) as Person;
          return a.name === surnameOnly(p.name) && a.birthDate === `${p.birthDate.slice(0, 4)}-01-01` && k.name === p.name && k.birthDate === p.birthDate;
        },
        (p) => p.id,
      ),
    ).toEqual([]);
  });

  it('writes a surname form from the first character', () => {
    expect(surnameOnly('张伟')).toBe('张某');
    expect(surnameOnly('欧阳修')).toBe('欧某');
    expect(surnameOnly(' 李娜 ')).toBe('李某');
    expect(surnameOnly('')).toBe('某');
    // a surname form is its own surname form, so a redacted copy reports the same names
    expect(surnameOnly(surnameOnly('王小明'))).toBe('王某');
  });
});

describe('redact: addresses', () => {
  it('hides house numbers and keeps the village group', () => {
    const l = ledgerWith([
      {
        type: 'householdsRegistered',
        id: 'test-household-wjg-3-12',
        at: '2020-01-24T09:00:00+08:00',
        by: 'mayor',
        households: [{ id: 'h-wjg-3-12', unitId: 'wjg', address: '吴家沟村3组12号', members: [] }],
      } as unknown as LedgerEvent,
    ]);
    const r = redact(l);
    expect(tableGet(r.households, 'h-wjg-3-12')?.address).toBe('吴家沟村3组**号');
    expect(tableGet(r.households, H.cb1)?.address).toBe('城北社区滨河路**号');
    expect(tableGet(r.households, H.wjg1)?.address).toBe('吴家沟村1组*号');
    expect(tableGet(redact(l, { address: 'keep' }).households, 'h-wjg-3-12')?.address).toBe('吴家沟村3组12号');
    expect(tableGet(baseLedger().households, H.cb1)?.address).toBe('城北社区滨河路12号');
  });

  it('hides every house number of the county and nothing else', () => {
    const households: Household[] = [];
    tableForEach(ledger.households, (h) => households.push(h));
    expect(households.length).toBeGreaterThan(1000);
    const bad = failing(
      households,
      (h) => {
        const r = tableGet(shared.households, h.id) as Household;
        return (
          /^\D+\d+组\d+号$/.test(h.address) &&
          r.address === h.address.replace(/(\d+)号$/, (_m, digits: string) => `${'*'.repeat(digits.length)}号`) &&
          r.members.join() === h.members.join() &&
          r.unitId === h.unitId
        );
      },
      (h) => `${h.id} ${h.address}`,
    );
    expect(bad).toEqual([]);
  });
});

describe('redact: temperatures', () => {
  it('writes every reading as 36.5 or the fever line, the fever line exactly when it was reached', () => {
    const fever = ledger.settings.feverCelsius;
    expect(added.size).toBe(3);
    let readings = 0;
    let feverReadings = 0;
    tableForEach(ledger.observations, (o) => {
      const r = tableGet(shared.observations, o.id) as Observation;
      expect(r.readings).toHaveLength(o.readings.length);
      o.readings.forEach((reading, k) => {
        const f = r.readings[k] as Observation['readings'][number];
        readings++;
        expect([36.5, fever]).toContain(f.celsius);
        expect(f.celsius === fever).toBe(reading.celsius >= fever);
        if (reading.celsius >= fever) feverReadings++;
        expect({ ...f, celsius: 0 }).toEqual({ ...reading, celsius: 0 });
      });
      if (o.escalation === undefined) expect(r.escalation).toBeUndefined();
      else expect(r.escalation).toEqual({ ...o.escalation, celsius: fever });
      expect({ ...r, readings: [], escalation: null }).toEqual({ ...o, readings: [], escalation: null });
    });
    expect(readings).toBeGreaterThan(100);
    expect(feverReadings).toBeGreaterThanOrEqual(2);
  });

  it('keeps them when asked', () => {
    const kept = redact(ledger, { temperature: 'keep' });
    tableForEach(ledger.observations, (o) => expect(tableGet(kept.observations, o.id)?.readings).toEqual(o.readings));
  });

  it('gives every figure of the dispatch unchanged, on every day', () => {
    let escalated = 0;
    for (const day of [...DAYS, '2020-01-30']) {
      const original = dailyDispatch(ledger, day, undefined, { trendDays: 3 });
      const copy = dailyDispatch(shared, day, undefined, { trendDays: 3 });
      expect(figures(copy), day).toEqual(figures(original));
      escalated += original.total.homePrevention.escalated;
      expect(original.total.homePrevention.checksDone + original.total.homePrevention.checksDue).toBeGreaterThan(0);
    }
    // the fever added on the last day is counted, on the copy too
    expect(escalated).toBeGreaterThan(0);
    expect(dailyDispatch(shared, LAST_DAY).attention.some((a) => a.status === 'escalated')).toBe(true);
  });
});

describe('redact: travel', () => {
  it('writes where a person came from as the zh label of their category, keeping the days', () => {
    let n = 0;
    let changed = 0;
    tableForEach(ledger.declarations, (d) => {
      n++;
      const r = tableGet(shared.declarations, d.id);
      expect(r).toEqual({ ...d, from: label(d.category, 'zh-CN', 'screeningCategory') });
      if (d.from !== r?.from) changed++;
    });
    expect(n).toBeGreaterThan(10);
    expect(changed).toBeGreaterThan(0);
    const kept = redact(ledger, { travel: 'keep' });
    tableForEach(ledger.declarations, (d) => expect(tableGet(kept.declarations, d.id)).toEqual(d));
  });
});

describe('redact: what a masked id leaves unknown', () => {
  it('leaves at least 1,000 numbers for every masked id of the copy, given everything else the copy shows', () => {
    const firstSteps = firstStepsOf(shared);
    const last = lastEventDay(shared);
    let masked = 0;
    let narrowed = 0;
    const few: string[] = [];
    tableForEach(shared.people, (r) => {
      if (r.residentId === undefined) return;
      masked++;
      expect(r.residentId).toMatch(/^\d{6}\*{11}[\dX]$/);
      const [from, to] = birthRange(r, firstSteps, last);
      if (to !== `${from.slice(0, 4)}-12-31`) narrowed++;
      const n = candidates(r.residentId.slice(0, 6), r.residentId.slice(17), r.sex === 'male', from, to);
      if (n < MIN_ID_CANDIDATES) few.push(`${r.id} ${from}–${to}: ${n}`);
    });
    expect(MIN_ID_CANDIDATES).toBe(1000);
    expect(few).toEqual([]);
    expect(masked).toBeGreaterThan(ids.size * 0.99);
    // the other facts do narrow some years: members admitted on their 18th birthday, babies of the last year
    expect(narrowed).toBeGreaterThan(10);
  });

  it('leaves out exactly the masked ids the rest of the copy would narrow to fewer than 1,000 numbers', () => {
    const left = leftOut(ledger, shared);
    // the member admitted on her 18th birthday early in January (and any other the county has): the year
    // of birth and the joining day leave them a few days
    expect(left.size).toBeGreaterThan(0);
    expect(left.size).toBeLessThan(10);
    for (const id of left) {
      const p = tableGet(ledger.people, id) as Person;
      expect(p.partyJoinedOn, id).toBeDefined();
      expect(tableGet(shared.people, id)?.residentId).toBeUndefined();
    }
    tableForEach(ledger.people, (p) => {
      if (p.residentId !== undefined && !left.has(p.id)) expect(tableGet(shared.people, p.id)?.residentId, p.id).toBe(maskWith(eighteen(p.residentId), DEFAULT_RESIDENT_ID_MASK));
    });
  });

  it('would leave about 46 numbers beside a full birth date and the sex, which is why adults’ birth dates need a purpose', () => {
    const adult = people.find((p) => p.residentId !== undefined && p.residentId.length === 18 && ageOn(p.birthDate, LAST_DAY as Day) > 30) as Person;
    const id = adult.residentId as string;
    expect(candidates(id.slice(0, 6), id.slice(17), adult.sex === 'male', adult.birthDate, adult.birthDate)).toBeGreaterThanOrEqual(45);
    expect(candidates(id.slice(0, 6), id.slice(17), adult.sex === 'male', adult.birthDate, adult.birthDate)).toBeLessThanOrEqual(46);
    expect(checkRedactionPolicy({ birthDate: 'keep' }).map((i) => i.path)).toEqual([['policy', 'birthDate']]);
    expect(checkRedactionPolicy({ birthDate: 'minorsToYear' }).map((i) => i.path)).toEqual([['policy', 'birthDate']]);
    expect(checkRedactionPolicy({ birthDate: 'keep', purpose: '户籍核对' })).toEqual([]);
    // with no masked id beside them, birth dates alone need no purpose
    expect(checkRedactionPolicy({ birthDate: 'keep', residentId: 'drop' })).toEqual([]);
    const kept = redact(ledger, { birthDate: 'keep', purpose: '户籍核对' });
    expect(tableGet(kept.people, adult.id)).toMatchObject({ birthDate: adult.birthDate, residentId: maskWith(id, DEFAULT_RESIDENT_ID_MASK) });
  });

  it('leaves at least 16,590 numbers when the whole year of birth is open, for any address code, year, sex and check character', () => {
    // each day adds the sequences of the sex whose check character is the one shown: 45 or 46 of 500
    const bySeq = [new Array<number>(11).fill(0), new Array<number>(11).fill(0)];
    for (let seq = 0; seq < 1000; seq++) (bySeq[seq % 2] as number[])[(Math.floor(seq / 100) * 8 + (Math.floor(seq / 10) % 10) * 4 + (seq % 10) * 2) % 11]! += 1;
    for (const counts of bySeq) for (const c of counts) expect([45, 46]).toContain(c);
    let least = Infinity;
    for (let year = 1800; year <= 2100; year++) {
      // the remainders of the birth dates of the year (the address adds one constant to them all)
      const days = new Array<number>(11).fill(0);
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
        const d = new Date(t).toISOString().slice(0, 10).replaceAll('-', '');
        let sum = 0;
        for (let i = 0; i < 8; i++) sum += Number(d[i]) * (WEIGHTS[6 + i] as number);
        days[sum % 11]! += 1;
      }
      for (let address = 0; address < 11; address++)
        for (const counts of bySeq)
          for (let check = 0; check < 11; check++) {
            let n = 0;
            for (let r = 0; r < 11; r++) n += (days[r] as number) * (counts[(((check - r - address) % 11) + 22) % 11] as number);
            least = Math.min(least, n);
          }
    }
    expect(least).toBe(16_590);
  });
});

describe('redact: the ledger passed in', () => {
  it('is never changed, and the copy is frozen', () => {
    const copies = [
      shared,
      redact(ledger, { residentId: 'keep', phone: 'keep', names: 'keep', birthDate: 'keep', address: 'keep', temperature: 'keep', travel: 'keep', purpose: '核对原始台账' }),
    ];
    expect(JSON.stringify(ledger)).toBe(before);
    for (const copy of copies) {
      expect(Object.isFrozen(copy)).toBe(true);
      expect(() => {
        (copy as unknown as Record<string, unknown>)['people'] = null;
      }).toThrow(TypeError);
    }
    const person = tableGet(shared.people, (people[0] as Person).id) as Person;
    expect(Object.isFrozen(person)).toBe(true);
    let observation: Observation | undefined;
    tableForEach(shared.observations, (o) => (observation ??= o));
    expect(Object.isFrozen(observation)).toBe(true);
    expect(Object.isFrozen(observation?.readings)).toBe(true);
    let household: Household | undefined;
    tableForEach(shared.households, (h) => (household ??= h));
    expect(Object.isFrozen(household)).toBe(true);
    // the copy is a ledger like the original: same settings, units, campaigns and events
    expect(shared.settings).toEqual(ledger.settings);
    expect(shared.eventCount).toBe(ledger.eventCount);
  });
});

describe('redact: the policy', () => {
  it('refuses to keep phones without a purpose, naming the field', () => {
    const issues = issuesOf({ phone: 'keep' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['policy', 'phone']);
    expect(issues[0]?.message).toMatch(/purpose/);
    expect(checkRedactionPolicy({ phone: 'keep' })).toEqual(issues);
    try {
      redact(ledger, { phone: 'keep' });
    } catch (e) {
      expect((e as Error).message).toMatch(/phone/);
    }
  });

  it('names every field kept without a purpose', () => {
    const issues = issuesOf({ residentId: 'keep', phone: 'keep', names: 'keep' });
    expect(issues.map((i) => i.path)).toEqual([
      ['policy', 'residentId'],
      ['policy', 'phone'],
      ['policy', 'names'],
    ]);
    for (const i of issues) expect(i.message).toMatch(/purpose/);
  });

  it('keeps phones in full with a purpose', () => {
    expect(checkRedactionPolicy({ phone: 'keep', purpose: '联系居家观察人员' })).toEqual([]);
    const kept = redact(ledger, { phone: 'keep', purpose: '联系居家观察人员' });
    const left = leftOut(ledger, shared);
    let n = 0;
    const bad = failing(
      people,
      (p) => {
        const r = tableGet(kept.people, p.id) as Person;
        if (r.phone !== undefined) n++;
        // resident ids are still masked (or left out, as by default)
        return r.phone === p.phone && (p.residentId === undefined || r.residentId === (left.has(p.id) ? undefined : maskWith(p.residentId, DEFAULT_RESIDENT_ID_MASK)));
      },
      (p) => p.id,
    );
    expect(bad).toEqual([]);
    expect(n).toBe(phones.size);
    expect(fullValuesIn(JSON.stringify(kept.people), ids)).toEqual([]);
  });

  it('refuses a purpose too short to say anything', () => {
    const issues = issuesOf({ phone: 'keep', purpose: ' x ' });
    expect(issues.some((i) => i.path.join('.') === 'policy.purpose')).toBe(true);
  });

  it('refuses unknown keys and bad values, with their paths', () => {
    const unknown = issuesOf({ colour: 'red' });
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.code).toBe('unrecognized_keys');
    expect(unknown[0]?.path[0]).toBe('policy');
    // the key is named, in the path or in the message
    expect(`${unknown[0]?.path.join('.')} ${unknown[0]?.message}`).toContain('colour');

    const bad = issuesOf({ residentId: 'hide', address: 'fine', temperature: 37, asOf: '2020-02-30' });
    expect(bad.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        ['policy', 'residentId'],
        ['policy', 'address'],
        ['policy', 'temperature'],
        ['policy', 'asOf'],
      ]),
    );
    expect(bad).toHaveLength(4);
    expect(issuesOf({ phoneMask: { keepStart: -1, keepEnd: 4, maskChar: '**' } }).map((i) => i.path)).toEqual([
      ['policy', 'phoneMask', 'keepStart'],
      ['policy', 'phoneMask', 'maskChar'],
    ]);
  });

  it('gives the same issues from checkRedactionPolicy, without throwing', () => {
    for (const policy of [{ colour: 'red' }, { residentId: 'hide', names: 'everyone' }, { names: 'keep' }, { asOf: 'yesterday' }, 'mask', null]) {
      let issues: FrontlineError['issues'] = [];
      expect(() => (issues = checkRedactionPolicy(policy))).not.toThrow();
      expect(issues.length).toBeGreaterThan(0);
      expect(issuesOf(policy)).toEqual(issues);
    }
    expect(checkRedactionPolicy({})).toEqual([]);
    expect(checkRedactionPolicy(undefined)).not.toEqual([]);
  });
});

describe('redact: any valid policy', () => {
  const keepMaskDrop = fc.constantFrom('mask', 'drop', 'keep' as const);
  const mask = fc.record({ keepStart: fc.integer({ min: 0, max: 10 }), keepEnd: fc.integer({ min: 0, max: 6 }), maskChar: fc.constantFrom('*', '•', '#') });
  const policy = fc
    .record(
      {
        residentId: keepMaskDrop,
        phone: keepMaskDrop,
        names: fc.constantFrom('protected', 'all', 'keep' as const),
        birthDate: fc.constantFrom('minorsToYear', 'allToYear', 'keep' as const),
        address: fc.constantFrom('coarse', 'keep' as const),
        temperature: fc.constantFrom('flag', 'keep' as const),
        travel: fc.constantFrom('coarse', 'keep' as const),
        residentIdMask: mask,
        phoneMask: mask,
        asOf: fc.constantFrom('2020-01-25', '2020-02-07', '2030-06-30'),
      },
      { requiredKeys: ['residentId', 'phone', 'names'] },
    )
    // keeping a field, a mask that shows more than the default one (beyond the first 6 and last 1 of
    // an id, more than 7 digits of a phone), or adults' birth dates beside masked ids, needs a purpose
    .map((p): RedactionPolicyInput => {
      const shows = (m: { keepStart: number; keepEnd: number } | undefined): number => (m === undefined ? 0 : m.keepStart + m.keepEnd);
      const wideId = p.residentIdMask !== undefined && (p.residentIdMask.keepStart > 6 || p.residentIdMask.keepEnd > 1);
      const wide = (p.residentId === 'mask' && (wideId || (p.birthDate ?? 'allToYear') !== 'allToYear')) || (p.phone === 'mask' && shows(p.phoneMask) > 7);
      return p.residentId === 'keep' || p.phone === 'keep' || p.names === 'keep' || wide ? { ...p, purpose: '流调：追踪密切接触者' } : p;
    });

  test.prop([policy], { numRuns: 4 })('never shows a full resident id or phone unless that field is kept, and never throws', (p) => {
    expect(checkRedactionPolicy(p)).toEqual([]);
    const copy = redact(ledger, p);
    const keptIds = p.residentId === 'keep' ? ids : new Set<string>();
    const keptPhones = p.phone === 'keep' ? phones : new Set<string>();
    const text = JSON.stringify(copy);
    if (p.residentId !== 'keep') expect(fullValuesIn(text, ids, keptPhones)).toEqual([]);
    if (p.phone !== 'keep') expect(fullValuesIn(text, phones, keptIds)).toEqual([]);
    // a masked id may be left out, when the copy would narrow it to too few numbers
    const field = (policy: 'mask' | 'drop' | 'keep', original: string | undefined, copied: string | undefined, mayLeaveOut = false): boolean =>
      policy === 'keep'
        ? copied === original
        : policy === 'drop'
          ? copied === undefined
          : original === undefined
            ? copied === undefined
            : (copied === undefined && mayLeaveOut) || (copied !== undefined && copied !== original && copied.length === (original.length === 15 ? 18 : original.length));
    const bad = failing(
      people,
      (person) => {
        const r = tableGet(copy.people, person.id) as Person;
        return field(p.residentId ?? 'mask', person.residentId, r.residentId, true) && field(p.phone ?? 'mask', person.phone, r.phone);
      },
      (person) => person.id,
    );
    expect(bad).toEqual([]);
    expect(JSON.stringify(ledger.settings)).toBe(JSON.stringify(copy.settings));
  });
});

describe('redact: free text', () => {
  it('hides a hidden name wherever free text writes it (deeds here), and keeps it under names: keep', () => {
    const observed = tableValues(ledger.observations)[0]!;
    const person = tableGet(ledger.people, observed.personId)!;
    const other = people.find((p) => !protectedPeople(ledger).has(p.id) && p.partyStatus === 'fullMember' && p.unitId === person.unitId) ?? people.find((p) => p.partyStatus === 'fullMember')!;
    const withDeed = apply(ledger, [
      {
        type: 'deedRecorded',
        id: 'test-deed-1',
        at: `${LAST_DAY}T17:00:00+08:00`,
        by: other.id,
        deed: { id: 'deed-1', personId: other.id, dimension: 'achievement', evidence: `为居家观察的${person.name}家送药三次`, points: 1, day: LAST_DAY },
      },
    ]);
    const shown = tableGet(redact(withDeed).deeds, 'deed-1')!;
    expect(shown.evidence).toBe(`为居家观察的${surnameOnly(person.name)}家送药三次`);
    expect(JSON.stringify(tableValues(redact(withDeed).deeds))).not.toContain(person.name);
    expect(tableGet(redact(withDeed, { names: 'keep', purpose: '表彰材料审核' }).deeds, 'deed-1')!.evidence).toContain(person.name);
    // the ledger passed in keeps the full text
    expect(tableGet(withDeed.deeds, 'deed-1')!.evidence).toContain(person.name);
  });
});

describe('redact: long names in long free text', () => {
  it('looks each place of a text up once in the hidden names, not once for every length up to the longest name', () => {
    // a name far longer than the register allows, as a trusted replay keeps it: each place of the
    // text used to be cut at every length up to the longest name (or the rest of the text), and
    // each piece looked up; the 5,000 characters after the names below took minutes
    const name = `张${'伟'.repeat(4_999)}`;
    const observation = ev.observe({ personId: P.wjg1, fromDay: '2020-01-25', day: '2020-01-25' });
    const reason = `${name}，`.repeat(4) + '伟'.repeat(5_000);
    const events = [
      { type: 'peopleRegistered', id: 'reg-long-name', at: '2020-01-25T09:00:00+08:00', by: P.mayor, people: [{ id: 'p-long', name, sex: 'male', birthDate: '1980-05-01', unitId: 'wjg', partyStatus: 'nonMember' }] },
      observation,
      ev.extend({ observationId: observation.observationId, days: 7, day: '2020-01-26', reason }),
    ] as unknown as LedgerEvent[];
    const withName = replay(events, baseLedger(), { trusted: true });
    const started = Date.now();
    const copy = redact(withName, { names: 'all' });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(tableGet(copy.observations, observation.observationId)!.changes.at(-1)!.reason).toBe(`${surnameOnly(name)}，`.repeat(4) + '伟'.repeat(5_000));
  });
});

describe('redact: long addresses', () => {
  it('hides the house numbers of an address of 100,000 digits in time linear in its length', () => {
    // a run of digits with no 号 after it was tried again at each of its digits: minutes for this one
    const address = `${'1'.repeat(100_000)}组7号`;
    const events = [
      { type: 'peopleRegistered', id: 'reg-addr', at: '2020-01-25T09:00:00+08:00', by: P.mayor, people: [{ id: 'p-addr', name: '王芳', sex: 'female', birthDate: '1980-05-01', unitId: 'wjg', householdId: 'h-addr', partyStatus: 'nonMember' }] },
      { type: 'householdsRegistered', id: 'reg-addr-h', at: '2020-01-25T09:01:00+08:00', by: P.mayor, households: [{ id: 'h-addr', unitId: 'wjg', address, members: ['p-addr'] }] },
    ] as unknown as LedgerEvent[];
    const withAddress = ledgerWith(events);
    const started = Date.now();
    const copy = redact(withAddress);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(tableGet(copy.households, 'h-addr')!.address).toBe(`${'1'.repeat(100_000)}组*号`);
  });
});

describe('redact: every free text and every birth date', () => {
  it('scrubs observation changes, member-development notes and long names; cuts the birth dates of cases', () => {
    const observed = tableValues(ledger.observations).find((o) => followUp(o, LAST_DAY as Day, ledger.settings).status === 'active')!;
    const person = tableGet(ledger.people, observed.personId)!;
    const by = observed.readings.at(-1)?.by ?? tableValues(ledger.people).find((p) => p.cadreLevel !== undefined)!.id;
    const tree = ledgerTree(ledger);
    const branch = tree.units.find((u) => u.id === person.unitId && u.party !== undefined) ?? tree.units.find((u) => (u.kind === 'village' || u.kind === 'community') && u.party !== undefined)!;
    const adult = people.find((p) => p.partyStatus === 'nonMember' && p.unitId === branch.id && p.birthDate < '1990-01-01' && !protectedPeople(ledger).has(p.id))!;
    const minor = people.find((p) => p.unitId === branch.id && ageOn(p.birthDate, LAST_DAY as Day) < 18 && p.partyStatus === 'nonMember')!;
    // a minor with a name of five UTF-16 code units: two compound-surname characters and an astral one
    const longName = { ...minor, id: 'p9999992', name: '欧阳𠮷娜' };
    // an id typed into a reason (that of someone else of the register)
    const typedId = people.find((p) => p.residentId !== undefined && p.residentId.length === 18 && p.id !== person.id)!.residentId!;
    delete (longName as { residentId?: string }).residentId;
    const withText = apply(ledger, [
      { type: 'observationExtended', id: 'ext-1', at: `${LAST_DAY}T16:00:00+08:00`, by, observationId: observed.id, days: 7, reason: `${person.name}的同住人再次暴露，电话139 1234 5678，身份证${typedId}` },
      { type: 'peopleRegistered', id: 'reg-long', at: `${LAST_DAY}T16:10:00+08:00`, by, people: [longName] },
      { type: 'admissionCaseOpened', id: 'adm-open-1', at: `${LAST_DAY}T16:20:00+08:00`, by, caseId: 'case-a', personId: adult.id, branch: branch.id, steps: [{ step: 'application', day: LAST_DAY, note: `与${person.name}、欧阳𠮷娜同为返乡人员` }] },
      { type: 'admissionCaseOpened', id: 'adm-open-2', at: `${LAST_DAY}T16:30:00+08:00`, by, caseId: 'case-m', personId: minor.id, branch: branch.id },
    ]);
    const shared = redact(withText);
    const json = JSON.stringify([tableValues(shared.observations), tableValues(shared.admissions)]);
    expect(json).not.toContain(person.name);
    expect(json).not.toContain('欧阳𠮷娜');
    expect(tableGet(shared.observations, observed.id)!.changes.at(-1)!.reason).toBe(`${surnameOnly(person.name)}的同住人再次暴露，电话139****5678，身份证${maskWith(typedId, DEFAULT_RESIDENT_ID_MASK)}`);
    expect(tableGet(shared.admissions, 'case-a')!.steps[0]).toMatchObject({ note: `与${surnameOnly(person.name)}、欧某同为返乡人员` });
    expect(tableGet(shared.admissions, 'case-m')!.birthDate).toBe(`${minor.birthDate.slice(0, 4)}-01-01`);
    expect(tableGet(shared.admissions, 'case-a')!.birthDate).toBe(`${adult.birthDate.slice(0, 4)}-01-01`);
    expect(tableGet(redact(withText, { birthDate: 'minorsToYear', purpose: '发展党员材料审核' }).admissions, 'case-a')!.birthDate).toBe(adult.birthDate);
    expect(tableGet(redact(withText, { birthDate: 'minorsToYear', purpose: '发展党员材料审核' }).admissions, 'case-m')!.birthDate).toBe(`${minor.birthDate.slice(0, 4)}-01-01`);
  });

  it('needs a purpose for a mask that shows more than the default one', () => {
    expect(() => redact(ledger, { residentIdMask: { keepStart: 17, keepEnd: 0, maskChar: '*' } })).toThrow(FrontlineError);
    expect(checkRedactionPolicy({ phoneMask: { keepStart: 3, keepEnd: 7, maskChar: '*' } }).map((i) => i.path)).toEqual([['policy', 'phoneMask']]);
    expect(checkRedactionPolicy({ residentIdMask: { keepStart: 17, keepEnd: 0, maskChar: '*' }, purpose: '户籍核对' })).toEqual([]);
    expect(checkRedactionPolicy({ residentIdMask: { keepStart: 4, keepEnd: 0, maskChar: '*' } })).toEqual([]);
  });
});
