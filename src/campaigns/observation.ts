import { addDays, dayOf, fromEpochDay, toEpochDay, type Day } from '../core/day.js';
import type { ObservationStatus } from '../core/vocabulary.js';
import type { LedgerSettings } from '../store/settings.js';
import type { Observation } from './records.js';

/**
 * The last day under observation: `fromDay` plus the edition's days, plus extensions, minus
 * shortenings. For an arrival the arrival day is day 1: an arrival on 2020-01-24 under the 14-day
 * rule is observed through 2020-02-06 and released on 2020-02-07. For a close contact the days run
 * after the last unprotected contact (`basis: 'lastContact'`): a contact on 2020-01-24 is observed
 * through 2020-02-07. With `asOf`, only the changes decided on or before that day count: the end as
 * it stood then, so a later decision does not rewrite the past.
 *
 * @param obs - The observation: its first day, planned days, basis and changes.
 * @param asOf - Count only the changes decided on or before this day (default: all).
 * @returns The last day under observation.
 * @example
 * observationEnd({ fromDay: '2020-01-24', plannedDays: 14, changes: [] }); // => '2020-02-06'
 * observationEnd({ fromDay: '2020-01-24', plannedDays: 14, basis: 'lastContact', changes: [] }); // => '2020-02-07'
 * observationEnd({ fromDay: '2020-01-24', plannedDays: 14, changes: [{ days: 7, on: '2020-02-05' }] }, '2020-02-01' as Day); // => '2020-02-06'
 * @category Home prevention
 */
export function observationEnd(
  obs: Pick<Observation, 'fromDay' | 'plannedDays'> & {
    readonly basis?: Observation['basis'];
    readonly changes: readonly Pick<Observation['changes'][number], 'days' | 'on'>[];
    readonly exposures?: readonly Pick<NonNullable<Observation['exposures']>[number], 'day' | 'on'>[] | undefined;
  },
  asOf?: Day,
): Day {
  const latest = latestExposure(obs, asOf);
  let days = obs.plannedDays;
  for (const c of obs.changes) if ((asOf === undefined || c.on <= asOf) && (latest === undefined || c.on >= latest.on)) days += c.days;
  if (latest !== undefined) return fromEpochDay(toEpochDay(latest.day) + days);
  return fromEpochDay(toEpochDay(obs.fromDay) + days - (obs.basis === 'lastContact' ? 0 : 1));
}

/** The latest re-exposure recorded by `asOf` (the one with the latest contact day). */
function latestExposure(
  obs: { readonly exposures?: readonly Pick<NonNullable<Observation['exposures']>[number], 'day' | 'on'>[] | undefined },
  asOf?: Day,
): Pick<NonNullable<Observation['exposures']>[number], 'day' | 'on'> | undefined {
  let latest: Pick<NonNullable<Observation['exposures']>[number], 'day' | 'on'> | undefined;
  for (const x of obs.exposures ?? []) if ((asOf === undefined || x.on <= asOf) && (latest === undefined || x.day >= latest.day)) latest = x;
  return latest;
}

/**
 * @internal The day an observation's count runs from: its first day, or the day of its latest
 * re-exposure.
 */
export function countFrom(obs: Pick<Observation, 'fromDay' | 'exposures'>, asOf?: Day): Day {
  const latest = latestExposure(obs, asOf);
  return latest !== undefined && latest.day > obs.fromDay ? latest.day : obs.fromDay;
}

/**
 * The follow-up of one observation on one day: the twice-daily checks due that day and done, the
 * checks missed on earlier days, the misses in a row, and the status.
 *
 * @example
 * const obs = tableGet(ledger.observations, 'obs-370')!; // arrived from Hubei on 2020-01-28, observed at home for 14 days
 * const f: FollowUp = followUp(obs, '2020-01-30' as Day, ledger.settings);
 * f.endDay; // => '2020-02-10'
 * @category Home prevention
 */
export interface FollowUp {
  /** The observation. */
  readonly observationId: string;
  /**
   * Where the observation stands on the day:
   * - `notStarted`: the day is before its first day (`fromDay`) or before it was recorded (`startedOn`);
   * - `active`: within its period and not ended;
   * - `completed`: its period is over (a release may still be recorded; visits stay recordable);
   * - `released` / `transferred` / `convertedToCase` / `lostToFollowUp` / `cancelled`: ended
   *   formally (see {@link ObservationEnd});
   * - `escalated`: a fever reading triggered report-and-transfer and it has not ended yet;
   * - `lost`: active, but the last checks in a row were missed (lost to follow-up).
   */
  readonly status: ObservationStatus;
  /** The last day under observation. */
  readonly endDay: Day;
  /** Checks due on the day (0 or 2). */
  readonly due: number;
  /** Checks recorded on the day. */
  readonly done: number;
  /** Checks missed on earlier days of the period. */
  readonly missed: number;
  /** Checks missed in a row, up to the day before. */
  readonly missesInRow: number;
  /** True when a reading on or before the day reached the fever line. */
  readonly fever: boolean;
}

/**
 * Computes the {@link FollowUp} of an observation on a day, under the ledger's settings (misses in a
 * row before lost to follow-up), as it stood that day: later readings, changes and endings do not
 * count. Checks are due from the later of the first observed day and the
 * day the observation was recorded, through its last day; readings after the period still count.
 * Before that day the observation has `notStarted`: it is not yet under way.
 *
 * @param obs - The observation.
 * @param day - The day.
 * @param settings - The ledger's settings (misses in a row before lost to follow-up).
 * @returns The follow-up on the day.
 * @example
 * const obs = tableGet(ledger.observations, 'obs-370')!;
 * followUp(obs, '2020-01-30' as Day, ledger.settings).due; // => 2
 * followUp(obs, '2020-01-27' as Day, ledger.settings).status; // => 'notStarted' (observed from 2020-01-28)
 * @category Home prevention
 */
export function followUp(obs: Observation, day: Day, settings: Pick<LedgerSettings, 'lostAfterMisses'>): FollowUp {
  const endDay = observationEnd(obs, day);
  const from = toEpochDay(obs.fromDay > obs.startedOn ? obs.fromDay : obs.startedOn);
  const end = toEpochDay(endDay);
  const today = toEpochDay(day);
  // readings by slot index: (day − from) * 2 + (evening ? 1 : 0)
  const done = new Set<number>();
  let doneToday = 0;
  let fever = false;
  for (const r of obs.readings) {
    if (r.day > day) continue;
    done.add((toEpochDay(r.day) - from) * 2 + (r.slot === 'evening' ? 1 : 0));
    if (r.day === day) doneToday++;
  }
  if (obs.escalation !== undefined && dayOf(obs.escalation.at) <= day) fever = true;
  const lastPast = Math.min(end, today - 1);
  let missed = 0;
  for (let d = from; d <= lastPast; d++) for (let s = 0; s < 2; s++) if (!done.has((d - from) * 2 + s)) missed++;
  let missesInRow = 0;
  for (let slot = (lastPast - from) * 2 + 1; slot >= 0 && !done.has(slot); slot--) missesInRow++;
  const ended = obs.ended !== undefined && obs.ended.day <= day ? obs.ended : undefined;
  const inPeriod = today >= toEpochDay(obs.fromDay) && today <= end;
  let status: ObservationStatus;
  if (today < from) status = 'notStarted';
  else if (ended !== undefined) status = ended.outcome;
  else if (fever) status = 'escalated';
  else if (!inPeriod && today > end) status = 'completed';
  else if (missesInRow >= settings.lostAfterMisses) status = 'lost';
  else status = 'active';
  // an observation that ends during the day (a transfer) still had that day's checks due; one ended
  // as lost or cancelled has none due from that day on
  const stopsOn = obs.ended === undefined ? undefined : obs.ended.outcome === 'lostToFollowUp' || obs.ended.outcome === 'cancelled' ? obs.ended.day : addDays(obs.ended.day, 1);
  const due = (stopsOn === undefined || day < stopsOn) && today >= from && today <= end ? 2 : 0;
  return { observationId: obs.id, status, endDay, due, done: doneToday, missed, missesInRow, fever };
}
