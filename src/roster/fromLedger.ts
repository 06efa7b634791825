import { z } from 'zod';
import { addDays, ageOn, Day } from '../core/day.js';
import { FrontlineError, parseOrThrow } from '../core/errors.js';
import type { OrgId, PersonId } from '../core/ids.js';
import { observationEnd } from '../campaigns/observation.js';
import { treeOfUnits } from '../org/treeCache.js';
import { requireString } from '../core/guards.js';
import { requireLedger, type RosterLedger } from './tables.js';
import { tableForEach, tableGet, tableHas } from '../store/table.js';
import type { OrgUnit } from '../org/unit.js';
import type { Person } from '../people/person.js';
import { PostId, RosterRules, type Absence, type Post, type Roster, type RosterPerson, type RosterProblem, type RosterSeats, type SeatId } from './model.js';
import { pairKey } from '../store/keys.js';
import { withProblemSummary } from './summary.js';


/**
 * The roster of a ledger: a published roster with every reassignment and swap since.
 *
 * @param ledger - The ledger.
 * @param rosterId - The published roster.
 * @returns The roster as it stands in the ledger.
 * @throws {@link FrontlineError} `invalid_input` when the ledger has no such roster.
 * @example
 * const roster = ledgerRoster(ledger, 'r1');
 * onDuty(roster, 'cp.yc.v119212', '2020-02-03T10:00:00+08:00').shifts.map((s) => s.shiftId); // => ['morning']
 * @category Rosters
 */
export function ledgerRoster(ledger: RosterLedger, rosterId: string): Roster {
  requireLedger(ledger);
  requireString(rosterId, ['rosterId'], 'a roster id');
  const r = tableGet(ledger.rosters, rosterId);
  if (r === undefined) throw new FrontlineError('invalid_input', 'no such roster', [{ path: ['rosterId'], code: 'unknown_roster', message: `unknown roster '${rosterId}'` }]);
  const seats: Record<string, PersonId | null> = {};
  for (const seat of r.seats) seats[seat] = tableGet(ledger.duties, pairKey(rosterId, seat))?.personId ?? null;
  return { startDay: r.startDay, days: r.days, shifts: r.shifts, seats: seats as RosterSeats };
}

/**
 * Options of {@link rosterProblemFromLedger}.
 *
 * @example
 * RosterProblemOptions.parse({ startDay: '2020-01-26', days: 14 });
 * @category Rosters
 */
export const RosterProblemOptions = z
  .object({
    /** First day of the horizon. */
    startDay: Day,
    /** Number of days (default 14). */
    days: z.number().int().min(1).max(92).optional(),
    /** Only these posts (default: every post open on some day of the horizon). */
    posts: z.array(PostId).optional(),
    /** Rules (default: the defaults). */
    rules: RosterRules.optional(),
    /** A published roster of the ledger to keep as the baseline (S3). */
    baseline: z.string().min(1).optional(),
    /** Youngest age served (default 18). */
    minAge: z.number().int().min(14).max(80).optional(),
    /** Oldest age served (default 65). */
    maxAge: z.number().int().min(14).max(100).optional(),
  })
  .strict();
/**
 * Options of {@link rosterProblemFromLedger}.
 *
 * @interface
 * @category Rosters
 */
export type RosterProblemOptions = z.infer<typeof RosterProblemOptions>;

/**
 * Builds a roster problem from a ledger: its open posts and their pools; the people of those pools
 * who can serve (cadres, Party members, development targets and activists, and registered
 * volunteers, of serving age), each placed in the pool that contains their unit; their recorded
 * absences, and their own medical observations or isolations (home observation, centralized
 * isolation) as days they cannot serve. With no post open in the horizon (or none named) there is
 * nothing to roster: a {@link FrontlineError} says so.
 *
 * @param ledger - The ledger.
 * @param options - {@link RosterProblemOptions}: the first day and the days, and optionally the posts, rules, baseline and ages served.
 * @returns The roster problem.
 * @throws {@link FrontlineError} `invalid_input` for invalid options or a post the ledger does not have.
 * @example
 * const problem = rosterProblemFromLedger(ledger, { startDay: '2020-01-26', days: 14 });
 * checkCapacity(problem).feasible; // => true
 * @category Rosters
 */
export function rosterProblemFromLedger(ledger: RosterLedger, options: RosterProblemOptions): RosterProblem {
  requireLedger(ledger);
  const o = parseOrThrow(RosterProblemOptions, options, 'invalid_input', 'roster problem options');
  const days = o.days ?? 14;
  const last = addDays(o.startDay, days - 1);
  const tree = treeOfUnits(ledger.units);
  const posts: Post[] = [];
  if (o.posts !== undefined) {
    const issues = o.posts.flatMap((id, i) => (tableHas(ledger.posts, id) ? [] : [{ path: ['posts', i], code: 'unknown_post', message: `unknown post '${id}'` }]));
    if (issues.length > 0) throw new FrontlineError('invalid_input', 'invalid roster problem options', issues);
    for (const id of o.posts) posts.push(tableGet(ledger.posts, id) as Post);
  } else {
    tableForEach(ledger.posts, (p) => {
      if ((p.from === undefined || p.from <= last) && (p.to === undefined || p.to >= o.startDay)) posts.push(p);
    });
    posts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  if (posts.length === 0) {
    // a problem of no post would be rostered as fully staffed
    const issue =
      o.posts !== undefined
        ? { path: ['posts'], code: 'no_posts', message: 'no post is named: a roster needs at least one' }
        : { path: ['startDay'], code: 'no_posts', message: `no post of the ledger is open from ${o.startDay} to ${last}: there is nothing to roster` };
    throw new FrontlineError('invalid_input', 'invalid roster problem options', [issue]);
  }
  // pools, and the pool of every unit: its nearest ancestor-or-self that is a pool
  const poolIds = new Set<string>(posts.map((p) => p.poolId));
  const poolOfUnit = new Map<string, OrgId>();
  for (let i = 0; i < tree.units.length; i++) {
    const u = tree.units[i] as OrgUnit;
    if (poolIds.has(u.id)) poolOfUnit.set(u.id, u.id);
    else {
      const parent = tree.parentIndex[i] as number;
      const up = parent < 0 ? undefined : poolOfUnit.get((tree.units[parent] as OrgUnit).id);
      if (up !== undefined) poolOfUnit.set(u.id, up);
    }
  }
  const pools = [...poolIds].sort().map((id) => ({ id: id as OrgId, name: tree.indexOf.has(id) ? (tree.units[tree.indexOf.get(id) as number] as OrgUnit).name : id }));

  // who can serve
  const minAge = o.minAge ?? 18;
  const maxAge = o.maxAge ?? 65;
  const chosen: Person[] = [];
  tableForEach(ledger.people, (p) => {
    if (!poolOfUnit.has(p.unitId)) return;
    const serves =
      p.cadreLevel !== undefined ||
      p.partyStatus === 'fullMember' ||
      p.partyStatus === 'probationaryMember' ||
      p.partyStatus === 'developmentTarget' ||
      p.partyStatus === 'activist' ||
      tableHas(ledger.volunteers, p.id);
    if (!serves) return;
    const age = ageOn(p.birthDate, o.startDay);
    if (age < minAge || age > maxAge) return;
    chosen.push(p);
  });
  chosen.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const absences = new Map<string, Absence[]>();
  const addAbsence = (personId: string, a: Absence): void => {
    if (a.to < o.startDay || a.from > last) return;
    let list = absences.get(personId);
    if (list === undefined) absences.set(personId, (list = []));
    list.push(a);
  };
  // an absence from some shifts only blocks shifts the roster's posts have; one naming none of them blocks nothing here
  const shiftIds = new Set<string>(posts.flatMap((p) => p.shifts.map((sh) => sh.id)));
  tableForEach(ledger.absences, (a) => {
    if (a.shifts === undefined) addAbsence(a.personId, { from: a.from, to: a.to, reason: a.reason });
    else {
      const shifts = a.shifts.filter((id) => shiftIds.has(id));
      if (shifts.length > 0) addAbsence(a.personId, { from: a.from, to: a.to, reason: a.reason, shifts });
    }
  });
  tableForEach(ledger.observations, (obs) => {
    const to = obs.ended?.day ?? observationEnd(obs);
    addAbsence(obs.personId, { from: obs.fromDay, to, reason: obs.setting === 'centralized' ? 'isolation' : 'observation' });
  });
  const people: RosterPerson[] = chosen.map((p) => {
    const person: {
      id: PersonId;
      name: string;
      unitId: OrgId;
      poolId: OrgId;
      partyMember: boolean;
      cadreLevel?: Person['cadreLevel'];
      absences?: Absence[];
    } = {
      id: p.id,
      name: p.name,
      unitId: p.unitId,
      poolId: poolOfUnit.get(p.unitId) as OrgId,
      partyMember: p.partyStatus === 'fullMember' || p.partyStatus === 'probationaryMember',
    };
    if (p.cadreLevel !== undefined) person.cadreLevel = p.cadreLevel;
    const list = absences.get(p.id);
    if (list !== undefined) person.absences = list;
    return person as RosterPerson;
  });
  const problem: { -readonly [K in keyof RosterProblem]: RosterProblem[K] } = { startDay: o.startDay, days, pools, posts, people };
  if (o.rules !== undefined) problem.rules = o.rules;
  if (o.baseline !== undefined) {
    const seats = ledgerRoster(ledger, o.baseline).seats;
    const known = new Set(people.map((p) => p.id as string));
    const published: Record<string, PersonId | null> = {};
    for (const [seat, person] of Object.entries(seats)) published[seat as SeatId] = person !== null && known.has(person) ? person : null;
    problem.published = published as RosterSeats;
  }
  return withProblemSummary(problem);
}
