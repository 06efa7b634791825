import { afterEach, describe, expect, it } from 'vitest';
import { buildRoster, onDuty, type OnDuty, type Roster } from '../../src/index.js';
import { TWO_SHIFTS, caught, day, problemOf, seat } from './rosterFixtures.js';

// A hand-built roster of three days from 2020-02-01:
// - cp1: 08:00–20:00 day and 20:00–08:00 night shifts, a leader and one staff seat each; closed on
//   the last day (no seats);
// - cp2: a morning shift 08:00–16:00 only, worked from the second day, with two staff seats;
// - cp3: a 24-hour shift from 09:00.
const roster = {
  startDay: day(0),
  days: 3,
  shifts: {
    cp1: TWO_SHIFTS,
    cp2: [{ id: 'morning', start: '08:00', end: '16:00', from: day(1) }],
    cp3: [{ id: 'all', start: '09:00', end: '09:00' }],
  },
  seats: {
    [seat('cp1', 0, 'day')]: 'L0d',
    [seat('cp1', 0, 'day', 1)]: 'S0d',
    [seat('cp1', 0, 'night')]: 'L0n',
    [seat('cp1', 0, 'night', 1)]: null,
    [seat('cp1', 1, 'day')]: 'L1d',
    [seat('cp1', 1, 'day', 1)]: 'S1d',
    [seat('cp1', 1, 'night')]: null,
    [seat('cp1', 1, 'night', 1)]: 'S1n',
    [seat('cp2', 1, 'morning')]: 'M1',
    [seat('cp2', 1, 'morning', 1)]: 'M1a',
    [seat('cp2', 1, 'morning', 2)]: 'M1b',
    [seat('cp2', 2, 'morning')]: 'M2',
    [seat('cp2', 2, 'morning', 1)]: null,
    [seat('cp2', 2, 'morning', 2)]: 'M2b',
    [seat('cp3', 0, 'all')]: 'A0',
    [seat('cp3', 1, 'all')]: 'A1',
    [seat('cp3', 2, 'all')]: 'A2',
  },
} as unknown as Roster;

const summary = (d: OnDuty): [string, string, string | null, readonly (string | null)[], string, string][] =>
  d.shifts.map((s) => [s.shiftId, s.day, s.leader, s.staff, s.start, s.end]);

function answers(): unknown[] {
  const asks: [string, string][] = [
    ['cp1', '2020-02-01T23:30:00+08:00'],
    ['cp1', '2020-02-02T03:00:00+08:00'],
    ['cp1', '2020-02-01T19:00:00Z'],
    ['cp1', '2020-02-02T08:00:00+08:00'],
    ['cp1', '2020-02-03T12:00:00+08:00'],
    ['cp2', '2020-02-02T16:00:00+08:00'],
    ['cp3', '2020-02-02T08:59:00+08:00'],
    ['cp3', '2020-02-01T00:00:00-08:00'],
  ];
  return asks.map(([p, at]) => onDuty(roster, p, at));
}

describe('onDuty on a hand-built roster', () => {
  it('a day shift under way: its leader and staff, start and end in China Standard Time', () => {
    const d = onDuty(roster, 'cp1', '2020-02-01T10:00:00+08:00');
    expect(d.postId).toBe('cp1');
    expect(d.at).toBe('2020-02-01T10:00:00+08:00');
    expect(summary(d)).toEqual([['day', day(0), 'L0d', ['S0d'], '2020-02-01T08:00:00+08:00', '2020-02-01T20:00:00+08:00']]);
  });

  it('a shift across midnight is found before and after midnight, from the day it started', () => {
    const before = onDuty(roster, 'cp1', '2020-02-01T23:30:00+08:00');
    const after = onDuty(roster, 'cp1', '2020-02-02T03:00:00+08:00');
    const expected = [['night', day(0), 'L0n', [null], '2020-02-01T20:00:00+08:00', '2020-02-02T08:00:00+08:00']];
    expect(summary(before)).toEqual(expected);
    expect(summary(after)).toEqual(expected);
    // the same instant written in UTC
    expect(summary(onDuty(roster, 'cp1', '2020-02-01T19:00:00Z'))).toEqual(expected);
    // an unfilled leader seat is null
    expect(onDuty(roster, 'cp1', '2020-02-03T01:00:00+08:00').shifts.map((s) => [s.day, s.leader, s.staff])).toEqual([[day(1), null, ['S1n']]]);
  });

  it('at a handover the shift that ends is over and the one that starts is under way', () => {
    expect(summary(onDuty(roster, 'cp1', '2020-02-02T08:00:00+08:00')).map((s) => [s[0], s[1]])).toEqual([['day', day(1)]]);
    expect(summary(onDuty(roster, 'cp1', '2020-02-02T07:59:59+08:00')).map((s) => [s[0], s[1]])).toEqual([['night', day(0)]]);
    expect(summary(onDuty(roster, 'cp1', '2020-02-01T20:00:00+08:00')).map((s) => [s[0], s[1]])).toEqual([['night', day(0)]]);
  });

  it('between shifts nobody is on duty', () => {
    expect(onDuty(roster, 'cp2', '2020-02-02T16:00:00+08:00').shifts).toEqual([]);
    expect(onDuty(roster, 'cp2', '2020-02-02T07:59:00+08:00').shifts).toEqual([]);
    expect(onDuty(roster, 'cp2', '2020-02-02T20:00:00+08:00').shifts).toEqual([]);
    expect(onDuty(roster, 'cp2', '2020-02-02T15:59:00+08:00').shifts.map((s) => [s.leader, s.staff])).toEqual([['M1', ['M1a', 'M1b']]]);
  });

  it('before a shift is first worked, and on a day the post is closed, there is no shift', () => {
    expect(onDuty(roster, 'cp2', '2020-02-01T10:00:00+08:00').shifts).toEqual([]);
    expect(onDuty(roster, 'cp1', '2020-02-03T12:00:00+08:00').shifts).toEqual([]);
    expect(onDuty(roster, 'cp1', '2020-02-03T22:00:00+08:00').shifts).toEqual([]);
    // the night of the day before still runs into the closed day
    expect(onDuty(roster, 'cp1', '2020-02-03T07:00:00+08:00').shifts.map((s) => s.day)).toEqual([day(1)]);
  });

  it('outside the horizon there is no shift, except one started on its last day', () => {
    expect(onDuty(roster, 'cp3', '2020-01-31T23:00:00+08:00').shifts).toEqual([]);
    expect(onDuty(roster, 'cp3', '2020-02-01T08:59:00+08:00').shifts).toEqual([]);
    expect(onDuty(roster, 'cp3', '2020-02-04T08:59:00+08:00').shifts.map((s) => [s.leader, s.day, s.end])).toEqual([['A2', day(2), '2020-02-04T09:00:00+08:00']]);
    expect(onDuty(roster, 'cp3', '2020-02-04T09:00:00+08:00').shifts).toEqual([]);
    expect(onDuty(roster, 'cp3', '2020-03-01T09:00:00+08:00').shifts).toEqual([]);
  });

  it('a 24-hour shift: found until the next one starts', () => {
    expect(onDuty(roster, 'cp3', '2020-02-02T08:59:00+08:00').shifts.map((s) => s.leader)).toEqual(['A0']);
    expect(onDuty(roster, 'cp3', '2020-02-02T09:00:00+08:00').shifts.map((s) => s.leader)).toEqual(['A1']);
  });

  it('overlapping shifts of a post are both under way', () => {
    const overlapping = {
      ...roster,
      shifts: { cp1: [{ id: 'a', start: '08:00', end: '14:00' }, { id: 'b', start: '12:00', end: '18:00' }] },
      seats: { [seat('cp1', 0, 'a')]: 'x', [seat('cp1', 0, 'b')]: 'y' },
    } as unknown as Roster;
    expect(onDuty(overlapping, 'cp1', '2020-02-01T13:00:00+08:00').shifts.map((s) => s.leader)).toEqual(['x', 'y']);
  });

  it('a shift whose leader seat is left out (not null) is still under way: no leader, the seat missing, its staff', () => {
    const seats = { ...roster.seats } as Record<string, string | null>;
    delete seats[seat('cp1', 0, 'day')];
    const gone = { ...roster, seats } as unknown as Roster;
    const d = onDuty(gone, 'cp1', '2020-02-01T10:00:00+08:00');
    expect(d.shifts.map((s) => [s.shiftId, s.day, s.leader, s.leaderSeatMissing, s.staff])).toEqual([['day', day(0), null, true, ['S0d']]]);
    // an unfilled leader seat (null) is there, only empty
    expect(onDuty(roster, 'cp1', '2020-02-03T01:00:00+08:00').shifts.map((s) => [s.leader, s.leaderSeatMissing])).toEqual([[null, false]]);
    expect(onDuty(roster, 'cp1', '2020-02-01T10:00:00+08:00').shifts.map((s) => s.leaderSeatMissing)).toEqual([false]);
  });

  it('a staff seat left out hides neither the shift nor the staff seats after it', () => {
    const seats = { ...roster.seats } as Record<string, string | null>;
    delete seats[seat('cp2', 1, 'morning')];
    delete seats[seat('cp2', 1, 'morning', 1)];
    const gone = { ...roster, seats } as unknown as Roster;
    expect(onDuty(gone, 'cp2', '2020-02-02T10:00:00+08:00').shifts.map((s) => [s.leader, s.leaderSeatMissing, s.staff])).toEqual([[null, true, ['M1b']]]);
  });

  it('an unknown post and an instant that does not parse: one FrontlineError listing both', () => {
    const e = caught(() => onDuty(roster, 'cp9', '2020-02-01 10:00'));
    expect(e.code).toBe('invalid_day');
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['postId'], 'unknown_post'],
      [['at'], 'invalid_instant'],
    ]);
    expect(e.issues[0]?.message).toContain('cp9');
    expect(caught(() => onDuty(roster, 'cp1', '2020-02-01T10:00:00')).issues.map((i) => i.path)).toEqual([['at']]);
    expect(caught(() => onDuty(roster, 'toString', '2020-02-01T10:00:00+08:00')).issues.map((i) => i.path)).toEqual([['postId']]);
    expect(caught(() => onDuty(roster, 'cp1', 'yesterday')).code).toBe('invalid_day');
    expect(caught(() => onDuty(roster, 'cp9', '2020-02-01T10:00:00+08:00')).code).toBe('invalid_input');
  });

  it('reads a roster built by buildRoster', () => {
    const problem = problemOf({
      days: 2,
      posts: [{ id: 'cp1', shifts: TWO_SHIFTS, staff: 1 }],
      people: ['a', 'b', 'c', 'd'].map((id) => ({ id, cadreLevel: 'village' as const })),
    });
    const { roster: built } = buildRoster(problem, { iterations: 200 });
    const d = onDuty(built, 'cp1', '2020-02-02T02:00:00+08:00');
    expect(d.shifts).toHaveLength(1);
    expect(d.shifts[0]?.leader).toBe(built.seats[seat('cp1', 0, 'night') as keyof typeof built.seats]);
    expect(d.shifts[0]?.staff).toEqual([built.seats[seat('cp1', 0, 'night', 1) as keyof typeof built.seats]]);
  });
});

describe('onDuty does not depend on the time zone of the machine', () => {
  const saved = process.env['TZ'];
  afterEach(() => {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  });

  it('gives the same answers under Asia/Shanghai, UTC and America/Los_Angeles', () => {
    const results: unknown[] = [];
    const offsets: number[] = [];
    for (const tz of ['Asia/Shanghai', 'UTC', 'America/Los_Angeles']) {
      process.env['TZ'] = tz;
      offsets.push(new Date('2020-02-01T00:00:00Z').getTimezoneOffset());
      results.push(JSON.parse(JSON.stringify(answers())));
    }
    // the zone did change (else this test would prove nothing)
    expect(offsets).toEqual([-480, 0, 480]);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});
