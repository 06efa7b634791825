import { renderSummary, thousands, withSummary, type InspectFn, type InspectOptions } from '../internal/inspect.js';
import type { Roster, RosterProblem } from './model.js';

/**
 * @internal Gives a roster its summary where Node prints it (`Roster { from: 2020-01-26, days: 14,
 * posts: 897, seats: 111,090, unfilled: 0 }`) instead of every seat. Returns the roster.
 */
export function withRosterSummary<R extends Roster>(roster: R): R {
  return withSummary(roster, (r, depth, options) => {
    const seats = Object.values(r.seats);
    const unfilled = seats.filter((p) => p === null).length;
    const fields: [string, string][] = [
      ['from', r.startDay],
      ['days', String(r.days)],
      ['posts', thousands(Object.keys(r.shifts).length)],
      ['seats', thousands(seats.length)],
      ['unfilled', thousands(unfilled)],
    ];
    return depth < 0 ? `[Roster: ${thousands(seats.length)} seats]` : renderSummary('Roster', fields, options);
  });
}

/**
 * @internal Gives a roster problem its summary where Node prints it (the horizon and the number of
 * pools, posts and people) instead of every person. Returns the problem.
 */
export function withProblemSummary<P extends RosterProblem>(problem: P): P {
  return withSummary(problem, (p, depth, options) => {
    if (depth < 0) return `[RosterProblem: ${thousands(p.posts.length)} posts]`;
    const fields: [string, string][] = [
      ['from', p.startDay],
      ['days', String(p.days)],
      ['pools', thousands(p.pools.length)],
      ['posts', thousands(p.posts.length)],
      ['people', thousands(p.people.length)],
    ];
    if (p.locked !== undefined) fields.push(['locked', thousands(p.locked.length)]);
    if (p.published !== undefined) fields.push(['published', `${thousands(Object.keys(p.published).length)} seats`]);
    if (p.freezeAt !== undefined) fields.push(['freezeAt', p.freezeAt]);
    return renderSummary('RosterProblem', fields, options);
  });
}

/** The part of a build's or repair's result its summary reads (not imported: build.ts imports this file). */
interface ResultShape {
  readonly roster: Roster;
  readonly score: readonly number[];
  readonly violations: readonly unknown[];
  readonly stats: { readonly seats: number; readonly fillRate: number; readonly unfilledLeaders: number; readonly unfilledStaff: number; readonly totalMs: number };
}

/**
 * @internal Gives the result of a build or a repair its summary where Node prints it: the figures
 * and score on one line, the roster as its own summary. Returns the result.
 */
export function withResultSummary<R extends ResultShape>(result: R, name: string): R {
  withRosterSummary(result.roster);
  return withSummary(result, (r, depth, options: InspectOptions, inspect: InspectFn | undefined) => {
    if (depth < 0) return `[${name}]`;
    const s = r.stats;
    const fields: [string, string][] = [
      ['seats', thousands(s.seats)],
      ['filled', `${(100 * s.fillRate).toFixed(1)}%`],
      ['unfilled', `${thousands(s.unfilledLeaders)} leaders, ${thousands(s.unfilledStaff)} staff`],
      ['score', `[${r.score.join(', ')}]`],
      ['violations', thousands(r.violations.length)],
    ];
    const repair = (r as Partial<{ repair: { changedSeats: number; freedSeats: number } }>).repair;
    if (repair !== undefined) fields.push(['freed', thousands(repair.freedSeats)], ['changed', thousands(repair.changedSeats)]);
    fields.push(['ms', thousands(s.totalMs)]);
    const roster = inspect === undefined ? '[Roster]' : inspect(r.roster, { ...options, depth: depth === Infinity ? null : depth - 1 });
    fields.push(['roster', roster]);
    return renderSummary(name, fields, options);
  });
}
