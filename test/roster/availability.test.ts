import { describe, expect, it } from 'vitest';
import { FrontlineError, RosterProblem, buildRoster, checkCapacity, repairRoster, validateRoster, type RosterChange } from '../../src/index.js';
import { caught, day, issueList, problemOf, rosterOf, seat, type ShiftIn } from './rosterFixtures.js';

const NIGHT: ShiftIn[] = [{ id: 'night', start: '20:00', end: '08:00' }];
const change = (c: Record<string, unknown>): RosterChange => c as unknown as RosterChange;

describe('a night shift running into a day of absence', () => {
  // a starts observation on day 1; day 0's night shift runs until 08:00 on day 1
  const observed = (days: number) =>
    problemOf({
      days,
      posts: [{ id: 'cp1', shifts: NIGHT, to: day(0) }],
      people: [{ id: 'a', cadreLevel: 'village', absences: [{ from: day(1), to: day(5), reason: 'observation' }] }],
    });

  it('is not given to the person, within the horizon or past its last day', () => {
    for (const days of [1, 2]) {
      const r = buildRoster(observed(days), { iterations: 0 });
      expect(r.roster.seats[seat('cp1', 0, 'night') as keyof typeof r.roster.seats]).toBeNull();
      expect(r.unfilled[0]?.blockedInPool).toEqual({ H4: 1 });
    }
  });

  it('breaks H4 when a roster gives it to them, with the day and the reason', () => {
    for (const days of [1, 2]) {
      const v = validateRoster(observed(days), rosterOf(observed(days), { [seat('cp1', 0, 'night')]: 'a' }));
      const h4 = v.violations.filter((x) => x.constraint === 'H4');
      expect(h4).toHaveLength(1);
      expect(h4[0]?.message.en).toContain(day(1));
      expect(h4[0]?.message.en).toContain('observation');
      expect(v.score[0]).toBe(-1);
    }
  });

  it('does not count them for that shift in the capacity check', () => {
    const report = checkCapacity(observed(2));
    expect(report.shortfalls.filter((s) => s.poolId === null && s.span === 'shift').map((s) => [s.role, s.day, s.shiftId, s.seats, s.capacity])).toEqual([
      ['leader', day(0), 'night', 1, 0],
      ['all', day(0), 'night', 1, 0],
    ]);
  });

  it('a repair for someone unavailable from a day frees their night shift of the day before', () => {
    const p = problemOf({
      days: 3,
      posts: [{ id: 'cp1', shifts: [{ id: 'day', start: '08:00', end: '16:00' }, ...NIGHT] }],
      people: [{ id: 'a', cadreLevel: 'village' }, { id: 'b', cadreLevel: 'village' }, { id: 'c', cadreLevel: 'village' }],
    });
    const published = rosterOf(p, {
      [seat('cp1', 0, 'day')]: 'b', [seat('cp1', 0, 'night')]: 'c',
      [seat('cp1', 1, 'day')]: 'b', [seat('cp1', 1, 'night')]: 'a',
      [seat('cp1', 2, 'day')]: 'b', [seat('cp1', 2, 'night')]: 'c',
    });
    const r = repairRoster(p, published, change({ kind: 'unavailable', personId: 'a', from: day(2), to: day(2), reason: 'sickness' }));
    expect(r.repair.freezeAt).toBe(`${day(1)}T20:00:00+08:00`);
    expect(r.score[0]).toBe(0);
    const freed = r.diff.find((x) => x.seat === seat('cp1', 1, 'night'));
    expect(freed?.reason).toBe('unavailable');
    expect(freed?.message.en).toContain('sickness');
    expect(r.roster.seats[seat('cp1', 1, 'day') as keyof typeof r.roster.seats]).toBe('b');
  });

  it('a shift ending by midnight is not affected', () => {
    const p = problemOf({
      days: 1,
      posts: [{ id: 'cp1', shifts: [{ id: 'evening', start: '16:00', end: '00:00' }] }],
      people: [{ id: 'a', cadreLevel: 'village', absences: [{ from: day(1), to: day(2), reason: 'leave' }] }],
    });
    expect(buildRoster(p, { iterations: 0 }).unfilled).toEqual([]);
  });
});

describe('the reason of an absence', () => {
  // a asked to be spared the night shift on day 1, then falls ill all day 1
  const shifts: ShiftIn[] = [{ id: 'day', start: '08:00', end: '16:00' }, { id: 'night', start: '20:00', end: '06:00' }];
  const absences = [
    { from: day(1), to: day(1), reason: 'blocked' as const, shifts: ['night'] },
    { from: day(1), to: day(1), reason: 'sickness' as const },
  ];

  it('a whole-day absence gives the day\'s reason, before an absence from some shifts listed first', () => {
    const p = problemOf({ days: 2, posts: [{ id: 'cp1', shifts }], people: [{ id: 'a', cadreLevel: 'village', absences }, { id: 'b', cadreLevel: 'village' }] });
    const v = validateRoster(p, rosterOf(p, { [seat('cp1', 1, 'day')]: 'a' }));
    expect(v.violations.find((x) => x.constraint === 'H4')?.message.en).toContain('(sickness)');
  });

  it('otherwise the absence that names the shift', () => {
    const p = problemOf({
      days: 2,
      posts: [{ id: 'cp1', shifts }],
      people: [{ id: 'a', cadreLevel: 'village', absences: [{ from: day(1), to: day(1), reason: 'blocked', shifts: ['day'] }, { from: day(1), to: day(1), reason: 'leave', shifts: ['night'] }] }],
    });
    const v = validateRoster(p, rosterOf(p, { [seat('cp1', 1, 'night')]: 'a' }));
    expect(v.violations.find((x) => x.constraint === 'H4')?.message.en).toContain('(leave)');
  });

  it('a repair names the reason that freed the seat', () => {
    const p = problemOf({ days: 2, posts: [{ id: 'cp1', shifts: [shifts[0] as ShiftIn] }, { id: 'cp2', shifts: [shifts[1] as ShiftIn] }], people: [{ id: 'a', cadreLevel: 'village', absences: [absences[0] as (typeof absences)[number]] }, { id: 'b', cadreLevel: 'village' }, { id: 'c', cadreLevel: 'village' }] });
    const published = rosterOf(p, { [seat('cp1', 0, 'day')]: 'b', [seat('cp2', 0, 'night')]: 'c', [seat('cp1', 1, 'day')]: 'a', [seat('cp2', 1, 'night')]: 'c' });
    const r = repairRoster(p, published, change({ kind: 'unavailable', personId: 'a', from: day(1), to: day(1), reason: 'sickness' }));
    const d = r.diff.find((x) => x.seat === seat('cp1', 1, 'day'));
    expect(d?.reason).toBe('unavailable');
    expect(d?.message.en).toContain('sickness');
  });
});

describe('unfilled seats explained per shift', () => {
  it('two shifts at the same time with different ids are explained each by its own rule', () => {
    // a is locked early on; blocked for shift 'day' only; 'day' and 'eve' run at the same time
    const p = problemOf({
      posts: [
        { id: 'cp0', shifts: [{ id: 'x', start: '06:00', end: '07:00' }] },
        { id: 'cp1', shifts: [{ id: 'day', start: '18:00', end: '22:00' }] },
        { id: 'cp2', shifts: [{ id: 'eve', start: '18:00', end: '22:00' }] },
      ],
      people: [{ id: 'a', cadreLevel: 'village', absences: [{ from: day(0), to: day(0), reason: 'sickness', shifts: ['day'] }] }],
      locked: [{ seat: seat('cp0', 0, 'x'), personId: 'a' }],
    });
    const r = buildRoster(p, { iterations: 0 });
    expect(r.unfilled.map((u) => [u.seat, u.blockedInPool])).toEqual([
      [seat('cp1', 0, 'day'), { H4: 1 }],
      [seat('cp2', 0, 'eve'), { H5: 1 }],
    ]);
  });
});

describe('absences naming shifts no post has', () => {
  it('are refused in a problem, with the path of the shift', () => {
    const p = problemOf({ posts: [{ id: 'cp1', shifts: NIGHT }], people: [{ id: 'a', cadreLevel: 'village', absences: [{ from: day(0), to: day(0), reason: 'sickness', shifts: ['night', 'Night'] }] }] });
    expect(RosterProblem.safeParse(p).success).toBe(false);
    const e = caught(() => buildRoster(p));
    expect(e).toBeInstanceOf(FrontlineError);
    expect(e.code).toBe('invalid_roster');
    expect(e.issues.map((i) => i.path)).toEqual([['people', 0, 'absences', 0, 'shifts', 1]]);
    expect(e.issues[0]?.message).toContain("'Night'");
  });

  it('are refused in a repair change', () => {
    const p = problemOf({ days: 2, posts: [{ id: 'cp1' }], people: [{ id: 'a', cadreLevel: 'village' }] });
    const built = buildRoster(p, { iterations: 0 });
    const e = caught(() => repairRoster(p, built.roster, [change({ kind: 'unavailable', personId: 'a', from: day(1), to: day(1), reason: 'sickness', shifts: ['Day'] })]));
    expect(issueList(e)).toEqual(['0.shifts.0 → unknown_shift']);
    expect(e.issues[0]?.message).toContain("'Day'");
    // a shift added by the same list is known
    const added = change({ kind: 'shiftAdded', postId: 'cp1', shift: { id: 'eve', start: '21:00', end: '23:00' }, from: day(1) });
    expect(() => repairRoster(p, built.roster, [added, change({ kind: 'unavailable', personId: 'a', from: day(1), to: day(1), reason: 'sickness', shifts: ['eve'] })])).not.toThrow();
  });

  it('a repair closing the only post with a shift drops that shift from absences, so its problem stays valid', () => {
    const p = problemOf({
      days: 3,
      posts: [{ id: 'cp1' }, { id: 'cp2', shifts: NIGHT }],
      people: [{ id: 'a', cadreLevel: 'village', absences: [{ from: day(2), to: day(2), reason: 'blocked', shifts: ['night'] }] }, { id: 'b', cadreLevel: 'village' }],
    });
    const built = buildRoster(p, { iterations: 0 });
    const r = repairRoster(p, built.roster, change({ kind: 'postClosed', postId: 'cp2', from: day(0) }));
    expect(r.problem.posts.map((x) => x.id)).toEqual(['cp1']);
    expect(r.problem.people[0]?.absences).toEqual([]);
    expect(RosterProblem.safeParse(r.problem).success).toBe(true);
    expect(p.people[0]?.absences).toHaveLength(1);
  });
});
