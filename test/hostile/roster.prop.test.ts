// Hostile input for the roster entry points: checkCapacity, buildRoster, validateRoster,
// repairRoster and onDuty, on a tiny problem (two days, one post of two shifts, three people).
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { buildRoster, checkCapacity, onDuty, repairRoster, validateRoster, type Roster, type RosterChange, type RosterProblem } from '../../src/index.js';
import { TWO_SHIFTS, day, problemOf } from '../roster/rosterFixtures.js';
import { argsAround, around, badDay, badInstant, countInput, hostileCall, inputCount, runs } from './hostile.js';

const problem = problemOf({
  days: 2,
  posts: [{ id: 'cp1', shifts: TWO_SHIFTS, staff: 1 }],
  people: [{ id: 'c0', cadreLevel: 'village' }, { id: 'n0' }, { id: 'c1', cadreLevel: 'village' }, { id: 'n1' }],
});
const { roster } = buildRoster(problem, { iterations: 0 });
/** A plain copy of the roster, as one read back from JSON. */
const plainRoster = JSON.parse(JSON.stringify(roster)) as Roster;
const sick = { kind: 'unavailable', personId: 'c0', from: day(0), to: day(1), reason: 'sickness' };
const closed = { kind: 'postClosed', postId: 'cp1', from: day(1) };
/** Build options that keep every run short: no search, or a few milliseconds of it. */
const quick = { iterations: 0, timeLimitMs: 5 };

const problemArb = around(problem, fc.oneof(badDay, badInstant));
const rosterArb = fc.oneof(around(plainRoster, badDay), fc.constant(roster));
const changeArb = fc.oneof(around(sick, badDay), around(closed, badDay), around([sick, closed]));

describe('roster entry points, given anything', () => {
  test.prop([problemArb], { numRuns: runs(500) })('checkCapacity reports or throws a FrontlineError', (p) => {
    countInput();
    const out = hostileCall([p], () => checkCapacity(p as RosterProblem));
    if (out.ok) expect(typeof out.value.feasible).toBe('boolean');
  });
  test.prop([argsAround([problem, quick], [problemArb, around(quick)])], { numRuns: runs(400) })('buildRoster builds or throws a FrontlineError', (a) => {
    countInput();
    const options = a[1] as Record<string, unknown> | undefined;
    // a valid budget that is no budget at all would search for seconds: keep one in place
    const bounded = typeof options === 'object' && options !== null && !Array.isArray(options) && options['iterations'] === undefined && options['timeLimitMs'] === undefined ? { ...options, iterations: 0 } : options;
    const out = hostileCall([a[0], bounded], () => buildRoster(a[0] as RosterProblem, bounded as never));
    if (out.ok) expect(out.value.score[0]).toBe(0);
  });
  test.prop([argsAround([problem, plainRoster, undefined], [problemArb, rosterArb, fc.oneof(fc.constant(undefined), around({ soft: false }))])], { numRuns: runs(500) })(
    'validateRoster explains or throws a FrontlineError',
    (a) => {
      countInput();
      hostileCall(a, () => validateRoster(a[0] as RosterProblem, a[1] as Roster, a[2] as never));
    },
  );
  test.prop([argsAround([problem, plainRoster, sick, { iterations: 0 }], [problemArb, rosterArb, changeArb, around({ iterations: 0 })])], { numRuns: runs(400) })(
    'repairRoster repairs or throws a FrontlineError',
    (a) => {
      countInput();
      hostileCall(a, () => repairRoster(a[0] as RosterProblem, a[1] as Roster, a[2] as RosterChange, a[3] as never));
    },
  );
  test.prop([argsAround([plainRoster, 'cp1', '2020-02-01T10:00:00+08:00'], [rosterArb, around('cp1'), fc.oneof(badInstant, around('2020-02-01T10:00:00+08:00'))])], { numRuns: runs(400) })(
    'onDuty answers or throws a FrontlineError',
    (a) => {
      countInput();
      hostileCall(a, () => onDuty(a[0] as Roster, a[1] as string, a[2] as string));
    },
  );
});

afterAll(() => {
  // the share of this file in the hostile suite's inputs a run
  expect(inputCount()).toBeGreaterThanOrEqual(2200);
});

