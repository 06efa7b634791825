import { describe, expect, it } from 'vitest';
import {
  communityStates,
  dueRevisits,
  findingsOn,
  followUps,
  openServiceRequests,
  openTasks,
  sitesDue,
  unscreenedHouseholds,
  uninspectedUnits,
  type Day,
  type Instant,
} from '../../src/index.js';
import { C, baseLedger } from '../ledgerFixtures.js';
import { thrownIssues } from '../fixtures.js';

/** The problems of a refused call, as [path, code]. */
function refusal(run: () => unknown): [PropertyKey[], string][] {
  return thrownIssues(run, true).map((i) => [[...i.path], i.code]);
}

describe('queries that take a day refuse one that is not a real day, naming it', () => {
  const l = baseLedger();
  const queries: [string, (day: Day) => unknown, string][] = [
    ['followUps', (d) => followUps(l, d), 'day'],
    ['unscreenedHouseholds', (d) => unscreenedHouseholds(l, C.dk, d), 'day'],
    ['dueRevisits', (d) => dueRevisits(l, C.dk, d), 'day'],
    ['sitesDue', (d) => sitesDue(l, d), 'day'],
    ['openTasks', (d) => openTasks(l, d), 'day'],
    ['communityStates', (d) => communityStates(l, d), 'day'],
    ['findingsOn', (d) => findingsOn(l, d), 'asOf'],
  ];
  it.each(queries)('%s', (_name, query, path) => {
    for (const bad of ['2020-02-31', '2020-2-1', 'yesterday', '']) {
      const problems = refusal(() => query(bad as Day));
      expect(problems.length).toBeGreaterThan(0);
      for (const [p] of problems) expect(p).toEqual([path]);
    }
    expect(() => query('2020-02-01' as Day)).not.toThrow();
  });

  it('openServiceRequests refuses an instant without its offset', () => {
    expect(refusal(() => openServiceRequests(l, '2020-01-27T10:00:00' as Instant)).map(([p]) => p)).toEqual([['at']]);
  });

  it('uninspectedUnits checks the day before the group (none is recorded here)', () => {
    expect(refusal(() => uninspectedUnits(l, 'sg-x', '2020-02-31' as Day, 3)).map(([p]) => p)).toEqual([['asOf']]);
  });
});
