import { describe, expect, it, test } from 'vitest';
import { DEFAULT_ROSTER_RULES, buildRoster, repairRoster, validateRoster, type Roster, type RosterChange, type RosterProblem, type RosterValidation, type RosterViolation } from '../../src/index.js';
import {
  DAY_SHIFT,
  THREE_SHIFTS,
  TWO_SHIFTS,
  caught,
  day,
  issueList,
  problemOf,
  quietRules,
  rosterOf,
  seat,
  sparseRosterOf,
  type ProblemIn,
} from './rosterFixtures.js';

type Constraint = RosterViolation['constraint'];

/** Validates a hand-built roster of a hand-built problem. */
function check(p: ProblemIn, seats: Record<string, string | null>): RosterValidation {
  const problem = problemOf(p);
  return validateRoster(problem, rosterOf(problem, seats));
}

const of = (v: RosterValidation, constraint: Constraint): RosterViolation[] => v.violations.filter((x) => x.constraint === constraint);

/** The one violation of a constraint, which must have words in both languages. */
function only(v: RosterValidation, constraint: Constraint): RosterViolation {
  const list = of(v, constraint);
  expect(list, `${constraint} in ${JSON.stringify(v.violations)}`).toHaveLength(1);
  const x = list[0] as RosterViolation;
  expectWords(x);
  return x;
}

function expectWords(x: RosterViolation): void {
  expect(x.message.zh.length).toBeGreaterThan(0);
  expect(x.message.en.length).toBeGreaterThan(0);
  expect(x.message.zh).not.toBe(x.message.en);
  expect(x.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(x.message.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff()–]+$/); // English words around Chinese names
}

/** `[-(hard), -(medium), -(soft)]` from the totals, with every level's constraints, no -0. */
function expectScoreFromTotals(v: RosterValidation, levels: { soft7?: boolean; soft8?: boolean } = {}): void {
  const t = v.totals;
  const hardKeys: Constraint[] = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H9'];
  const softKeys: Constraint[] = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
  (levels.soft7 === true ? softKeys : hardKeys).push('H7');
  (levels.soft8 === true ? softKeys : hardKeys).push('H8');
  const hard = hardKeys.reduce((s, k) => s + t[k], 0);
  const soft = softKeys.reduce((s, k) => s + t[k], 0);
  const neg = (x: number): number => (x === 0 ? 0 : -x);
  expect(Object.is(v.score[0], neg(hard)), `hard ${v.score[0]} vs ${hard}`).toBe(true);
  expect(Object.is(v.score[1], neg(t.M1)), `medium ${v.score[1]} vs ${t.M1}`).toBe(true);
  expect(Object.is(v.score[2], neg(soft)), `soft ${v.score[2]} vs ${soft}`).toBe(true);
  // hard violations listed one by one sum to the hard total, and so for each listed constraint except S2
  expect(v.violations.filter((x) => x.level === 'hard').reduce((s, x) => s + x.amount, 0)).toBe(hard);
  for (const k of Object.keys(t) as Constraint[]) {
    if (k === 'S2') continue;
    expect(of(v, k).reduce((s, x) => s + x.amount, 0), k).toBe(t[k]);
  }
}

// people of the tiny world: pool t1 (units t1.v1, t1.v2) and pool t2 (unit t2.v1)
const VILLAGE = { id: 'v', cadreLevel: 'village' as const };
const SECTION = { id: 's', cadreLevel: 'section' as const, partyMember: false };
const SECTION_PARTY = { id: 'sp', cadreLevel: 'section' as const, partyMember: true };
const PLAIN = { id: 'n' };

describe('a roster that keeps every rule', () => {
  it('scores [0, 0, 0] (not -0) and lists nothing', () => {
    const v = check(
      { days: 2, posts: [{ id: 'cp1', staff: 1 }], people: [VILLAGE, PLAIN], rules: quietRules({}, { unfilledLeader: 3, unfilledStaff: 1 }) },
      { [seat('cp1', 0, 'day')]: 'v', [seat('cp1', 0, 'day', 1)]: 'n', [seat('cp1', 1, 'day')]: 'v', [seat('cp1', 1, 'day', 1)]: 'n' },
    );
    expect(v.violations).toEqual([]);
    expect(v.score.every((x) => Object.is(x, 0))).toBe(true);
    expect(Object.values(v.totals).every((x) => x === 0)).toBe(true);
  });
});

describe('H1: leader seats', () => {
  const p: ProblemIn = {
    days: 1,
    posts: [
      { id: 'sec', leader: { cadreLevel: 'section' } },
      { id: 'party', leader: { cadreLevel: 'village', partyMember: true } },
      { id: 'vil', leader: { cadreLevel: 'village' } },
      { id: 'cty', leader: { cadreLevel: 'county' } },
    ],
    people: [VILLAGE, SECTION, SECTION_PARTY, PLAIN, { id: 'c', cadreLevel: 'county', partyMember: true }],
    rules: quietRules(),
  };

  it('a too-low cadre, a non-cadre, and a cadre who is not a Party member where one is required each break H1', () => {
    const v = check(p, { [seat('sec', 0, 'day')]: 'v', [seat('vil', 0, 'day')]: 'n', [seat('party', 0, 'day')]: 's', [seat('cty', 0, 'day')]: 'sp' });
    const h1 = of(v, 'H1');
    expect(h1.map((x) => [x.personId, x.seats])).toEqual(
      expect.arrayContaining([
        ['v', [seat('sec', 0, 'day')]],
        ['n', [seat('vil', 0, 'day')]],
        ['s', [seat('party', 0, 'day')]],
        ['sp', [seat('cty', 0, 'day')]],
      ]),
    );
    expect(h1).toHaveLength(4);
    for (const x of h1) {
      expect(x.level).toBe('hard');
      expect(x.amount).toBe(1);
      expectWords(x);
    }
    const party = h1.find((x) => x.personId === 's') as RosterViolation;
    expect(party.message.en).toContain('Party member');
    expect(party.message.zh).toContain('党员');
    expect(party.message.en).toContain('人s');
    expect(v.totals.H1).toBe(4);
    expect(v.score).toEqual([-4, 0, 0]);
    expectScoreFromTotals(v);
  });

  it('a high enough cadre (a Party member where required) does not; staff seats need no cadre', () => {
    const v = check(
      { ...p, posts: [...p.posts, { id: 'st', staff: 1 }] },
      { [seat('sec', 0, 'day')]: 's', [seat('vil', 0, 'day')]: 'v', [seat('party', 0, 'day')]: 'sp', [seat('cty', 0, 'day')]: 'c', [seat('st', 0, 'day', 1)]: 'n' },
    );
    expect(of(v, 'H1')).toEqual([]);
    expect(v.score[0]).toBe(0);
  });
});

describe('H4: availability', () => {
  it('a whole-day absence blocks every shift of its days, and names the reason', () => {
    const v = check(
      {
        days: 3,
        posts: [{ id: 'cp1', shifts: THREE_SHIFTS }],
        people: [{ ...VILLAGE, absences: [{ from: day(1), to: day(1), reason: 'sickness' }] }],
        rules: quietRules(),
      },
      { [seat('cp1', 0, 'morning')]: 'v', [seat('cp1', 1, 'evening')]: 'v', [seat('cp1', 2, 'evening')]: 'v' },
    );
    const x = only(v, 'H4');
    expect(x).toMatchObject({ level: 'hard', amount: 1, personId: 'v', seats: [seat('cp1', 1, 'evening')] });
    expect(x.message.en).toContain('sickness');
    expect(x.message.zh).toContain('病假');
    expect(v.score).toEqual([-1, 0, 0]);
  });

  it('an absence limited to some shifts blocks only those', () => {
    const v = check(
      {
        days: 3,
        posts: [{ id: 'cp1', shifts: THREE_SHIFTS }],
        people: [{ ...VILLAGE, absences: [{ from: day(0), to: day(1), reason: 'isolation', shifts: ['night'] }] }],
        rules: quietRules({ maxConsecutiveDays: 7 }),
      },
      { [seat('cp1', 0, 'morning')]: 'v', [seat('cp1', 1, 'night')]: 'v', [seat('cp1', 2, 'night')]: 'v' },
    );
    const x = only(v, 'H4');
    expect(x).toMatchObject({ level: 'hard', amount: 1, personId: 'v', seats: [seat('cp1', 1, 'night')] });
    expect(x.message.en).toContain('isolation');
    expect(v.totals.H4).toBe(1);
  });
});

describe('H5: overlapping shifts and shifts per day', () => {
  it('two overlapping shifts at two posts', () => {
    const v = check(
      {
        days: 1,
        posts: [{ id: 'cp1', shifts: DAY_SHIFT }, { id: 'cp2', shifts: [{ id: 'mid', start: '12:00', end: '18:00' }] }],
        people: [VILLAGE],
        rules: quietRules({ maxShiftsPerDay: 2, minRestHours: 0 }),
      },
      { [seat('cp1', 0, 'day')]: 'v', [seat('cp2', 0, 'mid')]: 'v' },
    );
    const x = only(v, 'H5');
    expect(x).toMatchObject({ level: 'hard', amount: 1, personId: 'v' });
    expect([...x.seats].sort()).toEqual([seat('cp1', 0, 'day'), seat('cp2', 0, 'mid')].sort());
    expect(x.message.en).toContain('overlapping');
    expect(v.score).toEqual([-1, 0, 0]);
  });

  it('an overnight shift overlaps the next morning; back-to-back shifts do not overlap', () => {
    const v = check(
      {
        days: 2,
        posts: [{ id: 'cp1', shifts: [{ id: 'night', start: '20:00', end: '08:00' }] }, { id: 'cp2', shifts: [{ id: 'early', start: '06:00', end: '10:00' }] }],
        people: [VILLAGE, { id: 'w', cadreLevel: 'village' }],
        rules: quietRules({ maxShiftsPerDay: 2, minRestHours: 0 }),
      },
      // v: night of day 0 (to 08:00 on day 1) and 06:00 on day 1 overlap; w: 06:00–10:00 then 20:00 the same day do not
      { [seat('cp1', 0, 'night')]: 'v', [seat('cp2', 1, 'early')]: 'v', [seat('cp2', 0, 'early')]: 'w', [seat('cp1', 1, 'night')]: 'w' },
    );
    const x = only(v, 'H5');
    expect(x.personId).toBe('v');
    expect([...x.seats].sort()).toEqual([seat('cp1', 0, 'night'), seat('cp2', 1, 'early')].sort());
  });

  it('more shifts on a day than maxShiftsPerDay: the excess is the amount', () => {
    const v = check(
      { days: 1, posts: [{ id: 'cp1', shifts: THREE_SHIFTS }], people: [VILLAGE], rules: quietRules({ maxShiftsPerDay: 1, minRestHours: 0 }) },
      { [seat('cp1', 0, 'morning')]: 'v', [seat('cp1', 0, 'evening')]: 'v', [seat('cp1', 0, 'night')]: 'v' },
    );
    const x = only(v, 'H5');
    expect(x).toMatchObject({ level: 'hard', amount: 2, personId: 'v' });
    expect([...x.seats].sort()).toEqual([seat('cp1', 0, 'evening'), seat('cp1', 0, 'morning'), seat('cp1', 0, 'night')]);
    expect(x.message.en).toContain('3 shifts');
    expect(v.score).toEqual([-2, 0, 0]);
    // two a day allowed: one too many
    const two = check(
      { days: 1, posts: [{ id: 'cp1', shifts: THREE_SHIFTS }], people: [VILLAGE], rules: quietRules({ maxShiftsPerDay: 2, minRestHours: 0 }) },
      { [seat('cp1', 0, 'morning')]: 'v', [seat('cp1', 0, 'evening')]: 'v', [seat('cp1', 0, 'night')]: 'v' },
    );
    expect(only(two, 'H5').amount).toBe(1);
  });
});

describe('H6: rest between shifts', () => {
  const p = (minRestHours: number): ProblemIn => ({ days: 3, posts: [{ id: 'cp1', shifts: THREE_SHIFTS }], people: [VILLAGE], rules: quietRules({ minRestHours }) });

  it('16:00–00:00 then 08:00 the next day is 8 h of rest, short of 12', () => {
    const v = check(p(12), { [seat('cp1', 0, 'evening')]: 'v', [seat('cp1', 1, 'morning')]: 'v' });
    const x = only(v, 'H6');
    expect(x).toMatchObject({ level: 'hard', amount: 1, personId: 'v', seats: [seat('cp1', 0, 'evening'), seat('cp1', 1, 'morning')] });
    expect(x.message.en).toContain('rests only 8 h');
    expect(x.message.en).toContain('12 h');
    expect(x.message.zh).toContain('8小时');
    expect(v.score).toEqual([-1, 0, 0]);
    expect(of(v, 'H5')).toEqual([]);
  });

  it('is enough under a limit of 8 h, and exactly the limit is enough', () => {
    expect(check(p(8), { [seat('cp1', 0, 'evening')]: 'v', [seat('cp1', 1, 'morning')]: 'v' }).score[0]).toBe(0);
    expect(check(p(8.5), { [seat('cp1', 0, 'evening')]: 'v', [seat('cp1', 1, 'morning')]: 'v' }).score[0]).toBe(-1);
  });

  it('an overnight 12-hour shift then the day shift at its end: no rest at all, but no overlap', () => {
    const v = check(
      { days: 2, posts: [{ id: 'cp1', shifts: TWO_SHIFTS }], people: [VILLAGE], rules: quietRules() },
      { [seat('cp1', 0, 'night')]: 'v', [seat('cp1', 1, 'day')]: 'v' },
    );
    const x = only(v, 'H6');
    expect(x.message.en).toContain('rests only 0 h');
    expect(of(v, 'H5')).toEqual([]);
  });

  it('a shift and one 2 days later rest long enough; three close shifts break it twice', () => {
    expect(check(p(12), { [seat('cp1', 0, 'evening')]: 'v', [seat('cp1', 2, 'morning')]: 'v' }).score[0]).toBe(0);
    const v = check(p(20), { [seat('cp1', 0, 'morning')]: 'v', [seat('cp1', 1, 'morning')]: 'v', [seat('cp1', 2, 'morning')]: 'v' });
    // 16 h between each pair of neighbours; the first and the last are 40 h apart
    expect(of(v, 'H6').map((x) => x.seats)).toEqual([
      [seat('cp1', 0, 'morning'), seat('cp1', 1, 'morning')],
      [seat('cp1', 1, 'morning'), seat('cp1', 2, 'morning')],
    ]);
  });
});

describe('H7: consecutive working days', () => {
  const p = (level: 'hard' | 'soft'): ProblemIn => ({
    days: 7,
    posts: [{ id: 'cp1' }],
    people: [VILLAGE],
    rules: quietRules({ maxConsecutiveDays: 3, consecutiveDaysLevel: level, maxShiftsPer7Days: 28 }, { overLimit: 50 }),
  });
  // days 0–4 worked (5 in a row), day 5 off, day 6 worked
  const seats = { ...Object.fromEntries([0, 1, 2, 3, 4, 6].map((d) => [seat('cp1', d, 'day'), 'v'])) };

  it('hard: the run beyond the limit, with its seats', () => {
    const v = check(p('hard'), seats);
    const x = only(v, 'H7');
    expect(x).toMatchObject({ level: 'hard', amount: 2, personId: 'v' });
    expect(x.seats).toEqual([0, 1, 2, 3, 4].map((d) => seat('cp1', d, 'day')));
    expect(x.message.en).toContain('5 consecutive days');
    expect(v.score).toEqual([-2, 0, 0]);
    expectScoreFromTotals(v);
  });

  it('soft: counted at level soft with amount excess × weights.overLimit', () => {
    const v = check(p('soft'), seats);
    const x = only(v, 'H7');
    expect(x).toMatchObject({ level: 'soft', amount: 100, personId: 'v' });
    expect(v.totals.H7).toBe(100);
    expect(Object.is(v.score[0], 0)).toBe(true);
    expect(v.score).toEqual([0, 0, -100]);
    expectScoreFromTotals(v, { soft7: true });
    // soft violations are not listed when not asked for, but still scored
    const problem = problemOf(p('soft'));
    const quiet = validateRoster(problem, rosterOf(problem, seats), { soft: false });
    expect(quiet.violations).toEqual([]);
    expect(quiet.score).toEqual(v.score);
  });

  it('a run as long as the limit is fine', () => {
    expect(check(p('hard'), { [seat('cp1', 0, 'day')]: 'v', [seat('cp1', 1, 'day')]: 'v', [seat('cp1', 2, 'day')]: 'v' }).score[0]).toBe(0);
  });
});

describe('H8: shifts in any 7 days', () => {
  const p = (level: 'hard' | 'soft'): ProblemIn => ({
    days: 9,
    posts: [{ id: 'cp1' }],
    people: [VILLAGE],
    rules: quietRules({ maxShiftsPer7Days: 3, shiftsPer7DaysLevel: level, maxConsecutiveDays: 30 }, { overLimit: 7 }),
  });
  // days 0–4 worked: window 0–6 has 5 (2 too many), window 1–7 has 4 (1 too many), window 2–8 has 3
  const seats = Object.fromEntries([0, 1, 2, 3, 4].map((d) => [seat('cp1', d, 'day'), 'v']));

  it('hard: each window over the limit, with its seats', () => {
    const v = check(p('hard'), seats);
    const h8 = of(v, 'H8');
    expect(h8.map((x) => [x.amount, x.seats.length, x.level, x.personId])).toEqual([
      [2, 5, 'hard', 'v'],
      [1, 4, 'hard', 'v'],
    ]);
    expect(h8[1]?.seats).toEqual([1, 2, 3, 4].map((d) => seat('cp1', d, 'day')));
    h8.forEach(expectWords);
    expect(v.totals.H8).toBe(3);
    expect(v.score).toEqual([-3, 0, 0]);
  });

  it('soft: excess × weights.overLimit at level soft', () => {
    const v = check(p('soft'), seats);
    expect(of(v, 'H8').map((x) => [x.amount, x.level])).toEqual([
      [14, 'soft'],
      [7, 'soft'],
    ]);
    expect(v.score).toEqual([0, 0, -21]);
    expectScoreFromTotals(v, { soft8: true });
  });

  it('a horizon shorter than 7 days is one window', () => {
    const v = check({ ...p('hard'), days: 4 }, Object.fromEntries([0, 1, 2, 3].map((d) => [seat('cp1', d, 'day'), 'v'])));
    expect(only(v, 'H8').amount).toBe(1);
  });
});

describe('H9: locked seats and the freeze', () => {
  const base: ProblemIn = { days: 3, posts: [{ id: 'cp1', staff: 1 }], people: [VILLAGE, { id: 'w', cadreLevel: 'village' }, PLAIN], rules: quietRules() };

  it('a locked seat holding someone else, or nobody, breaks H9; an empty lock holding someone too', () => {
    const v = check(
      {
        ...base,
        locked: [
          { seat: seat('cp1', 0, 'day'), personId: 'v' },
          { seat: seat('cp1', 1, 'day'), personId: 'v' },
          { seat: seat('cp1', 2, 'day', 1), personId: null },
          { seat: seat('cp1', 2, 'day'), personId: 'w' },
        ],
      },
      { [seat('cp1', 0, 'day')]: 'w', [seat('cp1', 2, 'day', 1)]: 'n', [seat('cp1', 2, 'day')]: 'w' },
    );
    const h9 = of(v, 'H9');
    expect(h9.map((x) => [x.seats, x.personId, x.amount, x.level])).toEqual([
      [[seat('cp1', 0, 'day')], 'w', 1, 'hard'],
      [[seat('cp1', 1, 'day')], null, 1, 'hard'],
      [[seat('cp1', 2, 'day', 1)], 'n', 1, 'hard'],
    ]);
    h9.forEach(expectWords);
    expect(h9[0]?.message.en).toContain('人v');
    expect(h9[0]?.message.en).toContain('人w');
    expect(v.score[0]).toBe(-3);
  });

  it('a seat starting before freezeAt must hold its published person; later seats may differ (S3 only)', () => {
    const published = { [seat('cp1', 0, 'day')]: 'v', [seat('cp1', 1, 'day')]: 'v', [seat('cp1', 2, 'day')]: 'v' };
    // day 1's shift starts at 08:00: a freeze at 08:00 leaves it free, one a minute later freezes it
    const at = (freezeAt: string): RosterValidation =>
      check({ ...base, rules: quietRules({}, { changed: 1000 }), published, freezeAt }, { [seat('cp1', 0, 'day')]: 'w', [seat('cp1', 1, 'day')]: 'w', [seat('cp1', 2, 'day')]: 'v' });
    const v = at('2020-02-02T08:00:00+08:00');
    expect(of(v, 'H9').map((x) => [x.seats, x.personId])).toEqual([[[seat('cp1', 0, 'day')], 'w']]);
    expect(of(v, 'S3').map((x) => x.seats[0])).toEqual([seat('cp1', 0, 'day'), seat('cp1', 1, 'day')]);
    expect(v.score).toEqual([-1, 0, -2000]);
    const later = at('2020-02-02T08:01:00+08:00');
    expect(of(later, 'H9').map((x) => x.seats[0])).toEqual([seat('cp1', 0, 'day'), seat('cp1', 1, 'day')]);
    // the same instant in another offset
    expect(at('2020-02-02T00:01:00Z').score).toEqual(later.score);
    // nothing frozen without a freeze time
    expect(check({ ...base, published }, { [seat('cp1', 0, 'day')]: 'w' }).totals.H9).toBe(0);
  });
});

describe('M1: unfilled seats', () => {
  it('an unfilled leader weighs weights.unfilledLeader, a staff seat weights.unfilledStaff', () => {
    const v = check(
      { days: 1, posts: [{ id: 'cp1', staff: 2 }], people: [VILLAGE, PLAIN], rules: quietRules({}, { unfilledLeader: 7, unfilledStaff: 2 }) },
      { [seat('cp1', 0, 'day', 2)]: 'n' },
    );
    const m1 = of(v, 'M1');
    expect(m1.map((x) => [x.seats, x.amount, x.level, x.personId])).toEqual([
      [[seat('cp1', 0, 'day')], 7, 'medium', null],
      [[seat('cp1', 0, 'day', 1)], 2, 'medium', null],
    ]);
    m1.forEach(expectWords);
    expect(m1[0]?.message.en).toContain('leader');
    expect(m1[0]?.message.zh).toContain('带班领导');
    expect(v.totals.M1).toBe(9);
    expect(v.score).toEqual([0, -9, 0]);
  });

  it('with the default rules a leader seat weighs three staff seats', () => {
    const problem = problemOf({ days: 1, posts: [{ id: 'cp1', staff: 2 }], people: [VILLAGE] });
    expect(validateRoster(problem, rosterOf(problem, {})).totals.M1).toBe(DEFAULT_ROSTER_RULES.weights.unfilledLeader + 2 * DEFAULT_ROSTER_RULES.weights.unfilledStaff);
    expect(DEFAULT_ROSTER_RULES.weights.unfilledLeader).toBe(3 * DEFAULT_ROSTER_RULES.weights.unfilledStaff);
  });
});

describe('S1: locality', () => {
  it('own unit 0, another unit of the same pool weights.ownPool, another pool weights.elsewhere', () => {
    const v = check(
      {
        days: 1,
        posts: [{ id: 'cp1', staff: 3, unitId: 't1.v1', poolId: 't1' }],
        people: [VILLAGE, { id: 'own' }, { id: 'pool', unitId: 't1.v2' }, { id: 'far', unitId: 't2.v1', poolId: 't2' }],
        rules: quietRules({}, { ownPool: 10, elsewhere: 40 }),
      },
      { [seat('cp1', 0, 'day')]: 'v', [seat('cp1', 0, 'day', 1)]: 'own', [seat('cp1', 0, 'day', 2)]: 'pool', [seat('cp1', 0, 'day', 3)]: 'far' },
    );
    expect(of(v, 'S1').map((x) => [x.personId, x.seats, x.amount, x.level])).toEqual([
      ['pool', [seat('cp1', 0, 'day', 2)], 10, 'soft'],
      ['far', [seat('cp1', 0, 'day', 3)], 40, 'soft'],
    ]);
    of(v, 'S1').forEach(expectWords);
    expect(v.score).toEqual([0, 0, -50]);
  });
});

describe('S2: fairness', () => {
  it('weights.fairness × shifts² + weights.nightFairness × nights², scaled by days / available days', () => {
    const v = check(
      {
        days: 2,
        posts: [{ id: 'cp1', shifts: THREE_SHIFTS, staff: 1 }],
        people: [VILLAGE, { id: 'half', absences: [{ from: day(1), to: day(1), reason: 'leave' }] }, PLAIN],
        rules: quietRules({ minRestHours: 0 }, { fairness: 8, nightFairness: 4 }),
      },
      // v: a night and a morning shift (8 × 2² + 4 × 1²); half (available 1 of 2 days): one shift, 16 × 1²
      { [seat('cp1', 0, 'night')]: 'v', [seat('cp1', 1, 'morning')]: 'v', [seat('cp1', 0, 'morning', 1)]: 'half' },
    );
    expect(v.totals.S2).toBe(32 + 4 + 16);
    expect(v.score).toEqual([0, 0, -52]);
  });

  it('lists a group whose availability-adjusted counts spread by more than one', () => {
    const seats = Object.fromEntries([0, 1, 2].map((d) => [seat('cp1', d, 'day', 1), 'n']));
    const v = check({ days: 3, posts: [{ id: 'cp1', staff: 1 }], people: [PLAIN, { id: 'idle' }], rules: quietRules({}, { fairness: 1 }) }, seats);
    const x = only(v, 'S2');
    expect(x).toMatchObject({ level: 'soft', amount: 9, personId: null, seats: [] });
    expect(x.message.en).toContain('spread of 3');
  });
});

describe('S3: difference from the published roster', () => {
  it('each seat whose person differs from the published one, filled or emptied, costs weights.changed', () => {
    const v = check(
      {
        days: 1,
        posts: [{ id: 'cp1', staff: 3 }],
        people: [VILLAGE, { id: 'w', cadreLevel: 'village' }, PLAIN, { id: 'm' }],
        rules: quietRules({}, { changed: 1000 }),
        published: { [seat('cp1', 0, 'day')]: 'v', [seat('cp1', 0, 'day', 1)]: 'n', [seat('cp1', 0, 'day', 2)]: null, [seat('cp1', 0, 'day', 3)]: 'm' },
      },
      { [seat('cp1', 0, 'day')]: 'v', [seat('cp1', 0, 'day', 1)]: 'm', [seat('cp1', 0, 'day', 2)]: 'n', [seat('cp1', 0, 'day', 3)]: null },
    );
    expect(of(v, 'S3').map((x) => [x.seats, x.personId, x.amount, x.level])).toEqual([
      [[seat('cp1', 0, 'day', 1)], 'm', 1000, 'soft'],
      [[seat('cp1', 0, 'day', 2)], 'n', 1000, 'soft'],
      [[seat('cp1', 0, 'day', 3)], null, 1000, 'soft'],
    ]);
    of(v, 'S3').forEach(expectWords);
    expect(v.totals.S3).toBe(3000);
  });

  it('seats the published roster does not mention cost nothing', () => {
    const v = check(
      { days: 2, posts: [{ id: 'cp1' }], people: [VILLAGE], rules: quietRules({}, { changed: 1000 }), published: { [seat('cp1', 0, 'day')]: 'v' } },
      { [seat('cp1', 0, 'day')]: 'v', [seat('cp1', 1, 'day')]: 'v' },
    );
    expect(v.totals.S3).toBe(0);
  });
});

describe('S4: desired and undesired days', () => {
  it('an undesired day worked and a desired day not worked', () => {
    const v = check(
      {
        days: 3,
        posts: [{ id: 'cp1' }],
        people: [{ ...VILLAGE, undesiredDays: [day(0)], desiredDays: [day(1), day(2)] }],
        rules: quietRules({}, { undesiredDay: 30, desiredDay: 10 }),
      },
      { [seat('cp1', 0, 'day')]: 'v', [seat('cp1', 2, 'day')]: 'v' },
    );
    const s4 = of(v, 'S4');
    expect(s4.map((x) => [x.seats, x.personId, x.amount, x.level])).toEqual([
      [[seat('cp1', 0, 'day')], 'v', 30, 'soft'],
      [[], 'v', 10, 'soft'],
    ]);
    expect(s4[1]?.message.en).toContain(day(1));
    s4.forEach(expectWords);
    expect(v.score).toEqual([0, 0, -40]);
  });

  it('a desired day of someone who never works counts too', () => {
    const v = check({ days: 2, posts: [{ id: 'cp1' }], people: [VILLAGE, { id: 'x', desiredDays: [day(0), day(1)] }], rules: quietRules({}, { desiredDay: 10 }) }, {});
    expect(v.totals.S4).toBe(20);
  });
});

describe('S5: isolated days and night-to-day turnarounds', () => {
  it('a working day between two days off', () => {
    const v = check(
      { days: 5, posts: [{ id: 'cp1' }], people: [VILLAGE], rules: quietRules({}, { isolatedShift: 5, nightToDay: 11 }) },
      // day 0 alone is at the edge of the horizon (not isolated), day 2 is isolated, day 4 is at the edge
      { [seat('cp1', 0, 'day')]: 'v', [seat('cp1', 2, 'day')]: 'v', [seat('cp1', 4, 'day')]: 'v' },
    );
    const x = only(v, 'S5');
    expect(x).toMatchObject({ level: 'soft', amount: 5, personId: 'v', seats: [seat('cp1', 2, 'day')] });
    expect(v.score).toEqual([0, 0, -5]);
  });

  it('a night shift, then a day shift the next day', () => {
    const v = check(
      { days: 2, posts: [{ id: 'cp1', shifts: THREE_SHIFTS }], people: [VILLAGE, { id: 'w', cadreLevel: 'village' }], rules: quietRules({ minRestHours: 0 }, { isolatedShift: 5, nightToDay: 11 }) },
      // v: night (00:00–08:00) on day 0, morning on day 1; w: morning on day 0, night on day 1 (no turnaround)
      { [seat('cp1', 0, 'night')]: 'v', [seat('cp1', 1, 'morning')]: 'v', [seat('cp1', 0, 'morning')]: 'w', [seat('cp1', 1, 'night')]: 'w' },
    );
    const x = only(v, 'S5');
    expect(x).toMatchObject({ amount: 11, personId: 'v', level: 'soft', seats: [seat('cp1', 0, 'night'), seat('cp1', 1, 'morning')] });
    expect(v.score).toEqual([0, 0, -11]);
  });

  it("a shift's night flag overrides the 00:00–05:00 reading", () => {
    const shifts = [
      { id: 'late', start: '18:00', end: '23:00', night: true },
      { id: 'dawn', start: '04:00', end: '09:00', night: false },
    ];
    const v = check(
      { days: 2, posts: [{ id: 'cp1', shifts }], people: [VILLAGE, { id: 'w', cadreLevel: 'village' }], rules: quietRules({ minRestHours: 0 }, { nightToDay: 11 }) },
      { [seat('cp1', 0, 'late')]: 'v', [seat('cp1', 1, 'dawn')]: 'v', [seat('cp1', 0, 'dawn')]: 'w', [seat('cp1', 1, 'late')]: 'w' },
    );
    expect(of(v, 'S5').map((x) => x.personId)).toEqual(['v']);
  });
});

describe('S6: leader continuity', () => {
  it('a cadre leading at two posts costs weights.leaderPosts, at three twice that', () => {
    const posts = [{ id: 'cp1' }, { id: 'cp2' }, { id: 'cp3' }];
    const two = check(
      { days: 3, posts, people: [VILLAGE], rules: quietRules({}, { leaderPosts: 8 }) },
      { [seat('cp1', 0, 'day')]: 'v', [seat('cp2', 1, 'day')]: 'v', [seat('cp1', 2, 'day')]: 'v' },
    );
    const x = only(two, 'S6');
    expect(x).toMatchObject({ amount: 8, personId: 'v', level: 'soft' });
    expect(x.seats).toEqual([seat('cp1', 0, 'day'), seat('cp2', 1, 'day'), seat('cp1', 2, 'day')]);
    const three = check(
      { days: 3, posts, people: [VILLAGE], rules: quietRules({}, { leaderPosts: 8 }) },
      { [seat('cp1', 0, 'day')]: 'v', [seat('cp2', 1, 'day')]: 'v', [seat('cp3', 2, 'day')]: 'v' },
    );
    expect(only(three, 'S6').amount).toBe(16);
    expect(three.score).toEqual([0, 0, -16]);
  });

  it('leading at one post and staffing another costs nothing', () => {
    const v = check(
      { days: 2, posts: [{ id: 'cp1' }, { id: 'cp2', staff: 1 }], people: [VILLAGE], rules: quietRules({}, { leaderPosts: 8 }) },
      { [seat('cp1', 0, 'day')]: 'v', [seat('cp2', 1, 'day', 1)]: 'v' },
    );
    expect(v.totals.S6).toBe(0);
  });
});

describe('score and totals together', () => {
  it('score = [-(hard amounts), -(M1), -(soft total)] on a roster breaking many rules', () => {
    const problem: ProblemIn = {
      days: 4,
      posts: [
        { id: 'cp1', shifts: THREE_SHIFTS, staff: 1, leader: { cadreLevel: 'section' } },
        { id: 'cp2', unitId: 't2.v1', poolId: 't2', shifts: TWO_SHIFTS },
      ],
      people: [
        { ...VILLAGE, undesiredDays: [day(1)], absences: [{ from: day(3), to: day(3), reason: 'leave' }] },
        { ...SECTION, desiredDays: [day(3)] },
        PLAIN,
        { id: 'far', unitId: 't2.v1', poolId: 't2', cadreLevel: 'county' },
      ],
      rules: { ...DEFAULT_ROSTER_RULES, maxConsecutiveDays: 2, consecutiveDaysLevel: 'soft' },
      published: { [seat('cp2', 0, 'day')]: 'far', [seat('cp2', 0, 'night')]: 'far' },
    };
    const seats = {
      [seat('cp1', 0, 'morning')]: 'v', // H1 (needs section); H6 before the night of day 1 (8 h)
      [seat('cp1', 0, 'evening')]: 's',
      [seat('cp1', 1, 'morning')]: 's', // H6 after the evening (8 h)
      [seat('cp1', 1, 'night')]: 'v', // H1 again; S4 undesired day
      [seat('cp1', 2, 'morning', 1)]: 'v', // S5 night to day
      [seat('cp1', 3, 'morning', 1)]: 'v', // H4; soft H7 (4 days in a row, 2 allowed)
      [seat('cp2', 0, 'day')]: 'n', // H1, S1 elsewhere, S3
      [seat('cp2', 1, 'day')]: 'far',
      [seat('cp1', 2, 'evening')]: 'far', // S1 elsewhere, S6
    };
    const v = check(problem, seats);
    expect(v.totals.H1).toBe(3);
    expect(v.totals.H4).toBe(1);
    expect(v.totals.H6).toBe(2);
    expect(v.totals.H7).toBe(2 * DEFAULT_ROSTER_RULES.weights.overLimit);
    expect(v.totals.S3).toBe(2 * DEFAULT_ROSTER_RULES.weights.changed);
    expect(v.totals.S6).toBe(DEFAULT_ROSTER_RULES.weights.leaderPosts);
    expect(v.totals.S4).toBe(DEFAULT_ROSTER_RULES.weights.undesiredDay + DEFAULT_ROSTER_RULES.weights.desiredDay);
    expect(v.totals.S5).toBe(DEFAULT_ROSTER_RULES.weights.nightToDay);
    expect(v.totals.S1).toBe(2 * DEFAULT_ROSTER_RULES.weights.elsewhere);
    expect(v.score[0]).toBe(-6);
    expectScoreFromTotals(v, { soft7: true });
    for (const x of v.violations) expectWords(x);
    // with soft violations left out: the same score, only hard and medium ones listed
    const again = problemOf(problem);
    const brief = validateRoster(again, rosterOf(again, seats), { soft: false });
    expect(brief.score).toEqual(v.score);
    expect(brief.totals).toEqual(v.totals);
    expect(brief.violations).toEqual(v.violations.filter((x) => x.level !== 'soft'));
  });
});

describe('H2, H3: seats the roster leaves out (not null: missing)', () => {
  const problem = (): RosterProblem => problemOf({ days: 1, posts: [{ id: 'cp1', shifts: TWO_SHIFTS, staff: 1 }], people: [VILLAGE, { id: 'n' }, { id: 'w', cadreLevel: 'village' }, { id: 'm' }], rules: quietRules({ minRestHours: 0 }, { unfilledLeader: 3, unfilledStaff: 1 }) });
  const full = {
    [seat('cp1', 0, 'day')]: 'v',
    [seat('cp1', 0, 'day', 1)]: 'n',
    [seat('cp1', 0, 'night')]: 'w',
    [seat('cp1', 0, 'night', 1)]: 'm',
  };

  it('a leader seat left out breaks H2: the shift has no leader seat, where an unfilled one is M1', () => {
    const p = problem();
    const { [seat('cp1', 0, 'day')]: _gone, ...rest } = full;
    const v = validateRoster(p, sparseRosterOf(p, rest));
    const h2 = only(v, 'H2');
    expect(h2).toMatchObject({ level: 'hard', seats: [seat('cp1', 0, 'day')], personId: null, amount: 1 });
    expect(h2.message.en).toContain('leaves out');
    expect(h2.message.en).toContain('no leader seat');
    expect(h2.message.zh).toContain('带班领导');
    expect(v.totals.M1).toBe(0);
    expect(v.score[0]).toBe(-1);
    // listed as null it is only unfilled
    const unfilled = validateRoster(p, sparseRosterOf(p, { ...rest, [seat('cp1', 0, 'day')]: null }));
    expect(unfilled.totals.H2).toBe(0);
    expect(unfilled.score).toEqual([0, -DEFAULT_ROSTER_RULES.weights.unfilledLeader, 0]);
  });

  it('a staff seat left out breaks H3', () => {
    const p = problem();
    const { [seat('cp1', 0, 'night', 1)]: _gone, ...rest } = full;
    const v = validateRoster(p, sparseRosterOf(p, rest));
    expect(only(v, 'H3')).toMatchObject({ level: 'hard', seats: [seat('cp1', 0, 'night', 1)], amount: 1 });
    expect(v.totals.H2).toBe(0);
    expect(v.totals.M1).toBe(0);
  });

  it('a roster the library built lists every seat; one with a leader seat deleted breaks H2', () => {
    const p = problem();
    const built = buildRoster(p, { iterations: 200 });
    expect(validateRoster(p, built.roster).totals.H2).toBe(0);
    const seats = { ...built.roster.seats } as Record<string, string | null>;
    delete seats[seat('cp1', 0, 'night')];
    const v = validateRoster(p, { ...built.roster, seats } as unknown as Roster);
    expect(v.violations.filter((x) => x.constraint === 'H2').map((x) => x.seats)).toEqual([[seat('cp1', 0, 'night')]]);
  });
});

describe('a roster built for another horizon or shift pattern than the problem', () => {
  const problem = (): RosterProblem => problemOf({ days: 2, posts: [{ id: 'cp1', shifts: TWO_SHIFTS }, { id: 'cp2' }], people: [VILLAGE] });

  it('is refused when its start day or number of days differs, with the path of each', () => {
    const p = problem();
    const roster = rosterOf(p, {});
    const later = caught(() => validateRoster(p, { ...roster, startDay: day(1) }));
    expect(later.code).toBe('invalid_roster');
    expect(issueList(later)).toEqual(['startDay → start_day_mismatch']);
    expect(later.issues[0]?.message).toContain(day(1));
    // a shorter horizon names only the frame, not each of its seats
    expect(issueList(caught(() => validateRoster(p, { ...roster, days: 1 })))).toEqual(['days → days_mismatch']);
  });

  it('is refused when a post’s shifts differ in times or days worked, or posts are missing or extra', () => {
    const p = problem();
    const roster = rosterOf(p, {});
    const shifted = { ...roster.shifts, cp1: [{ id: 'day', start: '07:00', end: '19:00' }, { id: 'night', start: '19:00', end: '07:00' }] };
    const e = caught(() => validateRoster(p, { ...roster, shifts: shifted } as unknown as Roster));
    expect(issueList(e)).toEqual(['shifts.cp1 → shifts_mismatch']);
    expect(e.issues[0]?.message).toContain("shift 'day' differs in start (07:00, the problem 08:00)");
    const fewer = { ...roster.shifts, cp1: [{ id: 'day', start: '08:00', end: '20:00' }, { id: 'late', start: '20:00', end: '23:00' }] };
    expect(caught(() => validateRoster(p, { ...roster, shifts: fewer } as unknown as Roster)).issues[0]?.message).toMatch(/shift 'night' is missing.*shift 'late' is not the problem's/);
    const until = { ...roster.shifts, cp2: [{ id: 'day', start: '08:00', end: '20:00', to: day(0) }] };
    expect(issueList(caught(() => validateRoster(p, { ...roster, shifts: until } as unknown as Roster)))).toEqual(['shifts.cp2 → shifts_mismatch']);
    const { cp2: _cp2, ...without } = roster.shifts as Record<string, unknown>;
    expect(issueList(caught(() => validateRoster(p, { ...roster, shifts: { ...without, cp9: DAY_SHIFT } } as unknown as Roster)))).toEqual(['shifts.cp2 → missing_post', 'shifts.cp9 → unknown_post']);
  });

  it('refuses a roster the library built for another problem, and accepts a name or night flag that differs', () => {
    const p = problem();
    const built = buildRoster(p, { iterations: 100 });
    expect(issueList(caught(() => validateRoster(p, { ...built.roster, startDay: day(1) })))).toEqual(['startDay → start_day_mismatch']);
    const renamed = { ...built.roster, shifts: { ...built.roster.shifts, cp2: [{ id: 'day', name: '白班', start: '08:00', end: '20:00', night: false }] } } as unknown as Roster;
    expect(validateRoster(p, renamed).score[0]).toBe(0);
  });

  it('repairRoster refuses it too', () => {
    const p = problem();
    const built = buildRoster(p, { iterations: 100 });
    const e = caught(() => repairRoster(p, { ...built.roster, startDay: day(1) }, { kind: 'seatFreed', seat: seat('cp2', 1, 'day'), reason: 'sickness' } as RosterChange));
    expect(issueList(e)).toEqual(['startDay → start_day_mismatch']);
  });
});

describe('a roster naming what the problem does not have', () => {
  it('throws a FrontlineError listing each unknown seat and person', () => {
    const problem = problemOf({ days: 2, posts: [{ id: 'cp1', staff: 1, to: day(0) }], people: [VILLAGE] });
    const e = caught(() =>
      validateRoster(
        problem,
        rosterOf(problem, {
          [seat('cp1', 0, 'day')]: 'ghost', // unknown person
          [seat('cp9', 0, 'day')]: 'v', // unknown post
          [seat('cp1', 1, 'day')]: 'v', // the post is closed that day
          [seat('cp1', 0, 'day', 2)]: null, // one staff seat only
          [seat('cp1', 0, 'night')]: null, // no such shift
          [seat('cp1', 5, 'day')]: 'v', // after the horizon
        }),
      ),
    );
    expect(e.code).toBe('invalid_roster');
    expect(issueList(e)).toEqual(
      [
        `seats.${seat('cp1', 0, 'day')} → unknown_person`,
        `seats.${seat('cp9', 0, 'day')} → unknown_seat`,
        `seats.${seat('cp1', 1, 'day')} → unknown_seat`,
        `seats.${seat('cp1', 0, 'day', 2)} → unknown_seat`,
        `seats.${seat('cp1', 0, 'night')} → unknown_seat`,
        `seats.${seat('cp1', 5, 'day')} → unknown_seat`,
      ].sort(),
    );
    expect(e.issues.find((i) => i.code === 'unknown_person')?.message).toContain('ghost');
  });

  it('a seat id that is not one is a schema issue', () => {
    const problem = problemOf({ days: 1, posts: [{ id: 'cp1' }], people: [VILLAGE] });
    const e = caught(() => validateRoster(problem, rosterOf(problem, { 'cp1/day/L': 'v' })));
    expect(e.code).toBe('invalid_roster');
    expect(e.issues.length).toBeGreaterThan(0);
  });
});

// Problems are values: the compiled form is cached per problem object, so a change is made on a
// copy, which is then checked as it is.
test('a changed copy of a problem is validated as it is now', () => {
  const problem: RosterProblem = problemOf({ days: 1, posts: [{ id: 'cp1' }], people: [VILLAGE], rules: quietRules() });
  const roster = rosterOf(problem, { [seat('cp1', 0, 'day')]: 'v' });
  expect(validateRoster(problem, roster).score[0]).toBe(0);
  const sick = { ...problem, people: problem.people.map((p) => ({ ...p, absences: [{ from: day(0), to: day(0), reason: 'sickness' }] })) } as RosterProblem;
  expect(validateRoster(sick, roster).totals.H4).toBe(1);
  expect(validateRoster(problem, roster).totals.H4).toBe(0);
});

