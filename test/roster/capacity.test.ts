import { describe, expect, it } from 'vitest';
import { checkCapacity, generateRosterProblem, type CapacityShortfall } from '../../src/index.js';
import { THREE_SHIFTS, day, problemOf, quietRules, type PersonIn, type PostIn } from './rosterFixtures.js';

const night = [{ id: 'night', start: '00:00', end: '08:00' }];
const pick = (list: readonly CapacityShortfall[], where: Partial<CapacityShortfall>): CapacityShortfall[] =>
  list.filter((s) => Object.entries(where).every(([k, v]) => JSON.stringify((s as unknown as Record<string, unknown>)[k]) === JSON.stringify(v)));

function expectWords(s: CapacityShortfall): void {
  expect(s.message.zh.length).toBeGreaterThan(0);
  expect(s.message.en.length).toBeGreaterThan(0);
  expect(s.short).toBe(s.seats - s.capacity);
  expect(s.short).toBeGreaterThan(0);
}

// three posts of pool t1 with one night shift and a leader seat each; two eligible cadres and
// three others in t1
const threeNightPosts: PostIn[] = [1, 2, 3].map((i) => ({ id: `cp${i}`, shifts: night }));
const t1People: PersonIn[] = [
  { id: 'c1', cadreLevel: 'village' },
  { id: 'c2', cadreLevel: 'section' },
  { id: 'n1' },
  { id: 'n2' },
  { id: 'n3' },
];

describe('checkCapacity on hand-built problems', () => {
  it('3 leader seats on a night shift, 2 eligible people: a shift shortfall in the pool and in the whole problem', () => {
    const report = checkCapacity(problemOf({ days: 1, posts: threeNightPosts, people: t1People }));
    expect(report.seats).toBe(3);
    expect(report.leaderSeats).toBe(3);
    expect(report.feasible).toBe(false);
    const shift = pick(report.shortfalls, { span: 'shift', role: 'leader' });
    expect(shift.map((s) => [s.poolId, s.day, s.shiftId, s.seats, s.capacity, s.short, s.requirement])).toEqual([
      [null, day(0), 'night', 3, 2, 1, { cadreLevel: 'village', partyMember: false }],
      ['t1', day(0), 'night', 3, 2, 1, { cadreLevel: 'village', partyMember: false }],
    ]);
    shift.forEach(expectWords);
    expect(shift[1]?.message.en).toContain('第1乡镇');
    expect(shift[1]?.message.en).toContain('3 leader');
    expect(shift[1]?.message.en).toContain('2 eligible people');
    expect(shift[1]?.message.zh).toContain('第1乡镇');
    // the day and seven-day bounds say the same for a one-day horizon, for leaders only
    expect(pick(report.shortfalls, { span: 'day', role: 'leader' })).toHaveLength(2);
    expect(pick(report.shortfalls, { span: 'week', role: 'leader' })).toHaveLength(2);
    // all seats: 3 seats, 5 people, no shortfall; whole-problem ones come first
    expect(pick(report.shortfalls, { role: 'all' })).toEqual([]);
    expect(report.shortfalls[0]?.poolId).toBeNull();
    report.shortfalls.forEach(expectWords);
  });

  it('staff seats count in role all: 3 posts × (1 + 1) seats, 5 people', () => {
    const report = checkCapacity(problemOf({ days: 1, posts: threeNightPosts.map((p) => ({ ...p, staff: 1 })), people: t1People }));
    const all = pick(report.shortfalls, { role: 'all', span: 'shift' });
    expect(all.map((s) => [s.poolId, s.seats, s.capacity])).toEqual([
      [null, 6, 5],
      ['t1', 6, 5],
    ]);
    expect(all.every((s) => s.requirement === null)).toBe(true);
  });

  it('enough people: no shortfall at all', () => {
    const report = checkCapacity(problemOf({ days: 1, posts: threeNightPosts, people: [...t1People, { id: 'c3', cadreLevel: 'county' }] }));
    expect(report).toMatchObject({ feasible: true, shortfalls: [], seats: 3, leaderSeats: 3 });
  });

  it('a pool short where another pool can help: a pool shortfall, but feasible', () => {
    const report = checkCapacity(
      problemOf({
        days: 1,
        posts: threeNightPosts,
        people: [...t1People, { id: 'f1', poolId: 't2', unitId: 't2.v1', cadreLevel: 'village' }],
      }),
    );
    expect(report.feasible).toBe(true);
    expect(report.shortfalls.length).toBeGreaterThan(0);
    expect(report.shortfalls.every((s) => s.poolId === 't1')).toBe(true);
    expect(pick(report.shortfalls, { span: 'shift' }).map((s) => [s.seats, s.capacity])).toEqual([[3, 2]]);
  });

  it('people unavailable for the night shift, or the whole day, are not counted', () => {
    const people: PersonIn[] = [
      { id: 'c1', cadreLevel: 'village' },
      { id: 'c2', cadreLevel: 'village', absences: [{ from: day(0), to: day(0), reason: 'leave', shifts: ['night'] }] },
      { id: 'c3', cadreLevel: 'village', absences: [{ from: day(0), to: day(0), reason: 'sickness' }] },
      { id: 'c4', cadreLevel: 'village', absences: [{ from: day(1), to: day(1), reason: 'sickness', shifts: ['night'] }] },
    ];
    const report = checkCapacity(problemOf({ days: 2, posts: threeNightPosts, people }));
    // day 0 night: c1 and c4 (c2 is blocked for the night, c3 all day); day 1 night: c1, c2, c3
    expect(pick(report.shortfalls, { span: 'shift', poolId: null, role: 'leader' }).map((s) => [s.day, s.seats, s.capacity])).toEqual([[day(0), 3, 2]]);
    // day 0: c2 is available that day, but not for the only shift worked: the day bound counts 2
    // people, each with room for one shift
    expect(pick(report.shortfalls, { span: 'day', poolId: null, role: 'leader' }).map((s) => [s.day, s.seats, s.capacity])).toEqual([[day(0), 3, 2]]);
  });

  it('leader seats needing a Party member are checked against Party members', () => {
    const report = checkCapacity(
      problemOf({
        days: 1,
        posts: [{ id: 'room', shifts: night, leader: { cadreLevel: 'section', partyMember: true } }, { id: 'cp1', shifts: night }],
        people: [
          { id: 's1', cadreLevel: 'section' },
          { id: 's2', cadreLevel: 'county' },
          { id: 'v1', cadreLevel: 'village', partyMember: true },
        ],
      }),
    );
    const party = pick(report.shortfalls, { span: 'shift', requirement: { cadreLevel: 'section', partyMember: true } });
    expect(party.map((s) => [s.poolId, s.seats, s.capacity])).toEqual([
      [null, 1, 0],
      ['t1', 1, 0],
    ]);
    expect(party[0]?.message.en).toContain('Party member');
    // village-level leader seats (both posts' seats qualify as "this requirement or a stricter one"): 2 seats, 3 cadres
    expect(pick(report.shortfalls, { requirement: { cadreLevel: 'village', partyMember: false } })).toEqual([]);
    expect(report.feasible).toBe(false);
  });

  it('the 7-day bound: one leader seat a day for 7 days, one eligible person, 6 shifts a week', () => {
    const p = (rules = quietRules({ maxConsecutiveDays: 7, maxShiftsPer7Days: 6 })) =>
      problemOf({ days: 7, posts: [{ id: 'cp1' }], people: [{ id: 'c1', cadreLevel: 'village' }, { id: 'n1' }], rules });
    const report = checkCapacity(p());
    expect(report.feasible).toBe(false);
    const week = pick(report.shortfalls, { span: 'week', role: 'leader' });
    expect(week.map((s) => [s.poolId, s.day, s.seats, s.capacity, s.short])).toEqual([
      [null, day(0), 7, 6, 1],
      ['t1', day(0), 7, 6, 1],
    ]);
    week.forEach(expectWords);
    expect(week[0]?.message.en).toContain('7 days from 2020-02-01');
    // every single day has its one person
    expect(report.shortfalls.filter((s) => s.span !== 'week')).toEqual([]);
    // the consecutive-days limit bounds it too: five days, one off, one more
    expect(pick(checkCapacity(p(quietRules({ maxConsecutiveDays: 5, maxShiftsPer7Days: 7 }))).shortfalls, { span: 'week', poolId: null, role: 'leader' }).map((s) => s.capacity)).toEqual([6]);
    // soft limits bound nothing
    expect(checkCapacity(p(quietRules({ maxConsecutiveDays: 3, consecutiveDaysLevel: 'soft', maxShiftsPer7Days: 3, shiftsPer7DaysLevel: 'soft' }))).feasible).toBe(true);
    // two shifts a day allowed, with 7-day limit 6: still 6
    expect(pick(checkCapacity(p(quietRules({ maxShiftsPerDay: 2, maxConsecutiveDays: 7, maxShiftsPer7Days: 6 }))).shortfalls, { span: 'week', poolId: null }).map((s) => s.capacity)).toEqual([6]);
  });

  it('rolling windows over a longer horizon', () => {
    // 9 days: windows from days 0, 1 and 2; the person is away on day 8, so the last window has 6 days
    const report = checkCapacity(
      problemOf({
        days: 9,
        posts: [{ id: 'cp1' }],
        people: [{ id: 'c1', cadreLevel: 'village', absences: [{ from: day(8), to: day(8), reason: 'leave' }] }],
        rules: quietRules({ maxConsecutiveDays: 9, maxShiftsPer7Days: 6 }),
      }),
    );
    const week = pick(report.shortfalls, { span: 'week', poolId: null, role: 'leader' });
    expect(week.map((s) => [s.day, s.seats, s.capacity])).toEqual([
      [day(0), 7, 6],
      [day(1), 7, 6],
      [day(2), 7, 6],
    ]);
    // day 8 itself: 1 seat, nobody
    expect(pick(report.shortfalls, { span: 'shift', poolId: null, role: 'leader' }).map((s) => s.day)).toEqual([day(8)]);
  });

  it('shifts are grouped by id across posts; a closed post has no seats', () => {
    const report = checkCapacity(
      problemOf({
        days: 2,
        posts: [
          { id: 'cp1', shifts: THREE_SHIFTS },
          { id: 'cp2', shifts: THREE_SHIFTS, to: day(0) },
        ],
        people: [{ id: 'c1', cadreLevel: 'village' }, { id: 'c2', cadreLevel: 'village' }],
        rules: quietRules({ maxShiftsPerDay: 3, minRestHours: 0 }),
      }),
    );
    expect(report.seats).toBe(9);
    // day 0: 6 leader seats for 2 people × 3 shifts a day (no rest asked); each shift 2 seats, 2 people
    expect(pick(report.shortfalls, { span: 'shift' })).toEqual([]);
    expect(pick(report.shortfalls, { span: 'day' })).toEqual([]);
  });
});

describe('checkCapacity on the benchmark instances', () => {
  it("size S is infeasible: 150 leader seats a day, 150 cadres who need a weekly rest day", () => {
    const problem = generateRosterProblem({ size: 'S' });
    const report = checkCapacity(problem);
    expect(report.seats).toBe(6300);
    expect(report.leaderSeats).toBe(50 * 3 * 14);
    expect(report.feasible).toBe(false);
    const whole = report.shortfalls.filter((s) => s.poolId === null);
    expect(whole.length).toBeGreaterThan(0);
    expect(whole.some((s) => s.span === 'week' && s.role === 'leader' && s.seats === 1050 && s.capacity <= 900)).toBe(true);
    const first = report.shortfalls[0] as CapacityShortfall;
    expect(first.poolId).toBeNull();
    expect(first.message.en).toMatch(/^all pools, 7 days from 2020-02-01: 1050 leader/);
    expect(first.message.zh).toContain('全部乡镇');
    // whole-problem shortfalls first
    const firstPool = report.shortfalls.findIndex((s) => s.poolId !== null);
    expect(report.shortfalls.slice(firstPool).every((s) => s.poolId !== null)).toBe(true);
  });

  it('size M is feasible', () => {
    const report = checkCapacity(generateRosterProblem({ size: 'M' }));
    expect(report.feasible).toBe(true);
    expect(report.seats).toBe(75_600);
    expect(report.shortfalls.filter((s) => s.poolId === null)).toEqual([]);
  });
});

describe('checkCapacity names only real shortfalls', () => {
  it('with at most 3 consecutive days, one person can work 6 days of 7 (3 on, 1 off, 3 on)', () => {
    const problem = problemOf({
      days: 7,
      posts: [{ id: 'cp1', to: day(2) }, { id: 'cp2', from: day(4) }],
      people: [{ id: 'a', cadreLevel: 'village' }],
      rules: quietRules({ maxConsecutiveDays: 3, maxShiftsPer7Days: 6 }),
    });
    const report = checkCapacity(problem);
    expect(report.shortfalls).toEqual([]);
    expect(report.feasible).toBe(true);
    // and one more seat on day 3 is more than the rule allows: 7 seats, room for 6
    const fuller = problemOf({ days: 7, posts: [{ id: 'cp1' }], people: [{ id: 'a', cadreLevel: 'village' }], rules: quietRules({ maxConsecutiveDays: 3, maxShiftsPer7Days: 7 }) });
    expect(pick(checkCapacity(fuller).shortfalls, { span: 'week', poolId: null, role: 'leader' }).map((s) => [s.seats, s.capacity])).toEqual([[7, 6]]);
    // a day off in the middle splits the runs: 3 + 3 days
    const away = problemOf({
      days: 7,
      posts: [{ id: 'cp1' }],
      people: [{ id: 'a', cadreLevel: 'village', absences: [{ from: day(3), to: day(3), reason: 'leave' }] }],
      rules: quietRules({ maxConsecutiveDays: 2, maxShiftsPer7Days: 7 }),
    });
    expect(pick(checkCapacity(away).shortfalls, { span: 'week', poolId: null, role: 'leader' }).map((s) => [s.seats, s.capacity])).toEqual([[7, 4]]);
  });

  it('two shifts a day allowed: same-named shifts at different times of two posts can both be one person\'s', () => {
    const problem = problemOf({
      posts: [{ id: 'cp1', shifts: [{ id: 'day', start: '08:00', end: '12:00' }] }, { id: 'cp2', shifts: [{ id: 'day', start: '14:00', end: '18:00' }] }],
      people: [{ id: 'a', cadreLevel: 'village' }],
      rules: quietRules({ maxShiftsPerDay: 2, minRestHours: 2 }),
    });
    expect(checkCapacity(problem).shortfalls).toEqual([]);
    // at the same time they cannot, and the shortfall names the shift and its times
    const same = problemOf({
      posts: [{ id: 'cp1', shifts: [{ id: 'day', start: '08:00', end: '12:00' }] }, { id: 'cp2', shifts: [{ id: 'day', start: '08:00', end: '12:00' }] }, { id: 'cp3', shifts: [{ id: 'day', start: '14:00', end: '18:00' }] }],
      people: [{ id: 'a', cadreLevel: 'village' }],
      rules: quietRules({ maxShiftsPerDay: 2, minRestHours: 2 }),
    });
    const shift = pick(checkCapacity(same).shortfalls, { span: 'shift', poolId: null, role: 'all' });
    expect(shift.map((s) => [s.shiftId, s.seats, s.capacity])).toEqual([['day', 2, 1]]);
    expect(shift[0]?.message.en).toContain('day (08:00–12:00)');
  });
});
