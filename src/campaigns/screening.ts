import { fromEpochDay, toEpochDay, type Day } from '../core/day.js';
import type { HouseholdScreening, VisitOutcome } from './records.js';

/**
 * @internal The outcome of a day with two visits: a screening wins, then a refusal, then nobody
 * home, whatever order the visits were recorded in.
 */
export function strongerOutcome(a: VisitOutcome, b: VisitOutcome): VisitOutcome {
  return OUTCOME_RANK[b] > OUTCOME_RANK[a] ? b : a;
}
const OUTCOME_RANK: Readonly<Record<VisitOutcome, number>> = { nobodyHome: 0, refused: 1, screened: 2 };

/**
 * Where a household stood in a door-knocking campaign at the end of a day: its last visit and
 * outcome, and its last screening, counting only visits on or before the day (visits recorded later
 * for later days do not change the past). The outcome of a day with several visits is a screening if
 * one screened, then a refusal, then nobody home, in whatever order the visits were recorded.
 *
 * @example
 * const screening = tableGet(ledger.screenings, 'dk-2020|h0008134')!; // screened on 2020-01-25, refused on 2020-02-01, screened on 2020-02-03
 * screeningAsOf(screening, '2020-02-02' as Day); // => { lastVisitOn: '2020-02-01', lastOutcome: 'refused', lastScreenedOn: '2020-01-25' }
 * @category Door-knocking
 */
export function screeningAsOf(
  s: HouseholdScreening,
  day: Day,
): { readonly lastVisitOn: Day | undefined; readonly lastOutcome: VisitOutcome | undefined; readonly lastScreenedOn: Day | undefined } {
  if (s.lastVisitOn <= day) return { lastVisitOn: s.lastVisitOn, lastOutcome: s.lastOutcome, lastScreenedOn: s.lastScreenedOn };
  let lastVisitOn: Day | undefined;
  let lastOutcome: VisitOutcome | undefined;
  let lastScreenedOn: Day | undefined;
  for (const v of s.log) {
    if (v.day > day) continue;
    if (lastVisitOn === undefined || v.day > lastVisitOn) {
      lastVisitOn = v.day;
      lastOutcome = v.outcome;
    } else if (v.day === lastVisitOn) lastOutcome = strongerOutcome(lastOutcome as VisitOutcome, v.outcome);
    if (v.outcome === 'screened' && (lastScreenedOn === undefined || v.day > lastScreenedOn)) lastScreenedOn = v.day;
  }
  return { lastVisitOn, lastOutcome, lastScreenedOn };
}

/**
 * True when a household is due a revisit on a day: its last visit by then found nobody home or was
 * refused (due from the next day), or its last screening is `revisitAfterDays` old or older
 * (dynamic updating).
 *
 * @example
 * const screening = tableGet(ledger.screenings, 'dk-2020|h0008134')!; // refused on 2020-02-01, screened on 2020-02-03
 * isDueRevisit(screening, '2020-02-01' as Day, 7); // => false
 * isDueRevisit(screening, '2020-02-02' as Day, 7); // => true
 * @category Door-knocking
 */
export function isDueRevisit(s: HouseholdScreening, day: Day, revisitAfterDays: number): boolean {
  return dueRevisitBy(s, day, revisitLimit(day, revisitAfterDays));
}

/**
 * @internal {@link isDueRevisit} given `limit`, the last screening day that makes a household due
 * on `day` (`revisitAfterDays` before it): for callers that ask about several days in turn.
 */
export function dueRevisitBy(s: HouseholdScreening, day: Day, limit: Day): boolean {
  // the usual case, today's figures: the last visit is not after the day
  if (s.lastVisitOn <= day) {
    if (s.lastOutcome !== 'screened') return s.lastVisitOn < day;
    return s.lastScreenedOn !== undefined && s.lastScreenedOn <= limit;
  }
  const at = screeningAsOf(s, day);
  if (at.lastVisitOn === undefined) return false;
  if (at.lastOutcome !== 'screened') return at.lastVisitOn < day;
  return at.lastScreenedOn !== undefined && at.lastScreenedOn <= limit;
}

/** The last screening day that makes a household due a revisit on `day` (remembered: asked per household). */
function revisitLimit(day: Day, revisitAfterDays: number): Day {
  if (day !== limitDay || revisitAfterDays !== limitDays) {
    limitDay = day;
    limitDays = revisitAfterDays;
    limit = fromEpochDay(toEpochDay(day) - revisitAfterDays);
  }
  return limit;
}
let limitDay = '';
let limitDays = -1;
let limit = '' as Day;
