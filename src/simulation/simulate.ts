import { z } from 'zod';
import { Day, fromEpochDay, instantAt, toEpochDay } from '../core/day.js';
import { FrontlineError, issuesFromZod } from '../core/errors.js';
import type { CampaignIdOf, EventId, OrgId, PersonId, RecordId } from '../core/ids.js';
import { createRandom, type Random } from '../core/random.js';
import type { HouseholdService, ScreeningCategory, SiteCategory, VolunteerTaskKind } from '../core/vocabulary.js';
import type { LedgerEvent } from '../ledger/events.js';
import { ledgerTree, type Ledger } from '../ledger/ledger.js';
import { tableForEach } from '../store/table.js';
import type { OrgUnit } from '../org/unit.js';
import type { Household, Person } from '../people/person.js';
import { OnProgressOption, progressOf } from '../core/progress.js';
import { isTownshipLevel } from '../org/unit.js';

/**
 * Options of {@link simulateCampaigns}.
 *
 * @example
 * SimulationOptions.parse({ days: 14, seed: 7 });
 * @category Simulation
 */
export const SimulationOptions = z
  .object({
    /** Days to simulate; default 14 (a fortnight). */
    days: z.number().int().min(1).max(60).optional(),
    /** The seed; the same seed and ledger give the same events. Default 2020. */
    seed: z.number().int().optional(),
    /** The first day; default `2020-01-25`, the day after Sichuan's level-1 response. */
    startDay: Day.optional(),
    /** Share of residents arriving from Wuhan or Hubei in the period; default 0.0025. */
    arrivalShare: z.number().min(0).max(0.05).optional(),
    /** Called as each simulated day is done: step `days`, out of `days`. */
    onProgress: OnProgressOption.optional(),
  })
  .strict();
/**
 * Options of {@link simulateCampaigns}.
 *
 * @interface
 * @category Simulation
 */
export type SimulationOptions = z.input<typeof SimulationOptions>;

/**
 * The ids of the four campaigns a simulation opens.
 *
 * @example
 * SIMULATED_CAMPAIGNS.doorKnocking; // => 'dk-2020'
 * @category Simulation
 */
export const SIMULATED_CAMPAIGNS = {
  homePrevention: 'hp-2020' as CampaignIdOf<'homePrevention'>,
  doorKnocking: 'dk-2020' as CampaignIdOf<'doorKnocking'>,
  cleaning: 'cl-2020' as CampaignIdOf<'cleaning'>,
  volunteerService: 'vs-2020' as CampaignIdOf<'volunteerService'>,
} as const;

const SITE_PLAN: readonly { category: SiteCategory; name: string; min: number; max: number; times: number }[] = [
  { category: 'street', name: '主街', min: 2, max: 5, times: 1 },
  { category: 'square', name: '广场', min: 1, max: 2, times: 1 },
  { category: 'farmersMarket', name: '农贸市场', min: 1, max: 3, times: 2 },
  { category: 'internetCafe', name: '网吧', min: 0, max: 3, times: 1 },
  { category: 'station', name: '客运站', min: 0, max: 1, times: 3 },
  { category: 'publicToilet', name: '公厕', min: 2, max: 6, times: 2 },
];
const LEAD_DEPARTMENT: Partial<Record<SiteCategory, string>> = { internetCafe: 'market', station: 'transport', publicToilet: 'housing' };
const SERVICES: readonly HouseholdService[] = ['goods', 'medicine', 'necessities', 'counselling'];
const TASKS: readonly VolunteerTaskKind[] = ['screening', 'publicity', 'convenience', 'counselling'];

interface Village {
  readonly unit: OrgUnit;
  readonly households: Household[];
  readonly workers: PersonId[];
  readonly residents: Person[];
}

interface Observed {
  readonly person: Person;
  readonly household: Household | undefined;
  readonly village: Village;
  readonly category: ScreeningCategory;
  readonly fromDay: Day;
  readonly foundOn: number;
  readonly obsId: RecordId;
  endDay: number;
  feverOn: number;
  missFrom: number;
}

function clock(rng: Random, fromHour: number, toHour: number): string {
  const minutes = fromHour * 60 + rng.int((toHour - fromHour) * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Simulates the four campaigns on a ledger that holds a county's register (see `countyEvents`):
 * returns a realistic journal of events, day by day — the campaigns opening, sites and volunteers
 * registered, the letter delivered to every household, arrivals from Wuhan and Hubei declaring and
 * going under observation (home or centralized), twice-daily temperature checks with some misses,
 * fevers escalated and transferred, releases, extensions and shortenings with reasons, carpet-style
 * door-knocking with revisits and classified registration, service requests for observed
 * households, disinfections, and volunteer tasks with sign-ups and attendance. Deterministic for a
 * seed; every event passes `apply`. At full Yuechi scale a fortnight is about 1.4 million events.
 *
 * @param ledger - A ledger with the county's register (see `countyEvents`).
 * @param options - {@link SimulationOptions}: the days, the seed, the first day and the share of arrivals.
 * @returns The events, day by day; apply them with {@link replay}.
 * @throws {@link FrontlineError} `invalid_input` for invalid options or a ledger with no units or no command structure.
 * @example
 * const base = replay(countyEvents(county));
 * const events = simulateCampaigns(base, { days: 3, seed: 1 });
 * const ledger = replay(events, base);
 * tableValues(ledger.campaigns).map((c) => c.kind).sort(); // => ['cleaning', 'doorKnocking', 'homePrevention', 'volunteerService']
 * @category Simulation
 */
export function simulateCampaigns(ledger: Ledger, options: SimulationOptions = {}): LedgerEvent[] {
  const parsed = SimulationOptions.safeParse(options);
  if (!parsed.success) throw new FrontlineError('invalid_input', 'invalid options of simulateCampaigns', issuesFromZod(parsed.error, ['options']));
  const days = parsed.data.days ?? 14;
  const start = toEpochDay(parsed.data.startDay ?? ('2020-01-25' as Day));
  const arrivalShare = parsed.data.arrivalShare ?? 0.0025;
  const rng = createRandom(parsed.data.seed ?? 2020);
  // a stream of its own, so that diagnoses leave every other draw of the simulation as it was
  const diagnosis = createRandom((parsed.data.seed ?? 2020) + 7919);
  const tree = ledgerTree(ledger);
  if (tree.units.length === 0 || ledger.command === null)
    throw new FrontlineError('invalid_input', 'cannot simulate', [{ path: ['ledger'], code: 'no_register', message: 'the ledger has no units or no command structure: replay countyEvents(county) first' }]);
  const root = tree.root;
  const hq = ledger.command.headquarters.commander;
  const events: LedgerEvent[] = [];
  let seq = 0;
  const id = (): EventId => `sim-${(++seq).toString(36).padStart(6, '0')}` as EventId;
  const rid = (prefix: string): RecordId => `${prefix}-${seq.toString(36)}` as RecordId;
  const dayOfIndex = (d: number): Day => fromEpochDay(start + d);
  const at = (d: number, time: string) => instantAt(dayOfIndex(d), time);

  // villages with their households, residents and the workers who record
  const villages = new Map<string, Village>();
  for (const unit of tree.units)
    if (unit.kind === 'village' || unit.kind === 'community') villages.set(unit.id, { unit, households: [], workers: [], residents: [] });
  tableForEach(ledger.households, (h) => villages.get(h.unitId)?.households.push(h));
  const volunteerTeams = new Map<string, PersonId[]>();
  // who records a site's disinfections: a member of its disinfection team or of its lead department
  const crews = new Map<string, PersonId[]>();
  const crew = (unit: string, p: PersonId): void => {
    const list = crews.get(unit);
    if (list === undefined) crews.set(unit, [p]);
    else list.push(p);
  };
  tableForEach(ledger.people, (p) => {
    if (tree.units[tree.indexOf.get(p.unitId) ?? -1]?.kind === 'institution') crew(p.unitId, p.id);
    const v = villages.get(p.unitId);
    if (v !== undefined) {
      if (p.cadreLevel === 'village') v.workers.push(p.id);
      else v.residents.push(p);
    }
    for (const a of p.assignments ?? []) {
      if (a.endsWith('.disinfection')) crew(a, p.id);
      const team = a.endsWith('.volunteers') ? volunteerTeams.get(a) : undefined;
      if (team !== undefined) team.push(p.id);
      else if (a.endsWith('.volunteers')) volunteerTeams.set(a, [p.id]);
    }
  });
  const villageList = [...villages.values()].filter((v) => v.households.length > 0 && v.workers.length > 0);
  for (const v of villageList) v.households.sort((a, b) => (a.id < b.id ? -1 : 1));
  const householdOf = new Map<string, Household>();
  for (const v of villageList) for (const h of v.households) for (const m of h.members) householdOf.set(m, h);

  // day 0: the four campaigns, sites, volunteers
  const C = SIMULATED_CAMPAIGNS;
  const names = { homePrevention: '居家防控行动', doorKnocking: '入户敲门行动', cleaning: '家园清洁行动', volunteerService: '志愿服务行动' } as const;
  for (const kind of ['homePrevention', 'doorKnocking', 'cleaning', 'volunteerService'] as const)
    events.push({ type: 'campaignOpened', id: id(), at: at(0, '07:00'), by: hq, campaignId: C[kind], kind, name: names[kind], ownerUnitId: root, covers: [root], startDay: dayOfIndex(0) });

  const sites: { id: RecordId; times: number; responsible: OrgId; worker: PersonId }[] = [];
  for (const t of tree.units) {
    if (!isTownshipLevel(t.kind)) continue;
    const team = `${t.id}.disinfection` as OrgId;
    if (!tree.indexOf.has(team)) continue;
    const seat = villageList.find((v) => v.unit.parentId === t.id);
    if (seat === undefined) continue;
    for (const plan of SITE_PLAN) {
      const count = plan.min + rng.int(plan.max - plan.min + 1);
      for (let k = 0; k < count; k++) {
        const dept = LEAD_DEPARTMENT[plan.category];
        const responsible = (dept !== undefined && tree.indexOf.has(`yc.${dept}`) ? `yc.${dept}` : team) as OrgId;
        const e = id();
        const siteId = rid('site');
        const where = rng.pick(villageList.filter((v) => v.unit.parentId === t.id)).unit;
        events.push({
          type: 'siteRegistered',
          id: e,
          at: at(0, '07:30'),
          by: hq,
          site: { id: siteId, name: `${t.name}${plan.name}${count > 1 ? k + 1 : ''}`, category: plan.category, unitId: where.id, responsibleUnitId: responsible, timesPerDay: plan.times },
        });
        sites.push({ id: siteId, times: plan.times, responsible, worker: rng.pick(crews.get(responsible) ?? seat.workers) });
      }
    }
  }
  const volunteersByTownship = new Map<string, PersonId[]>();
  for (const [team, members] of volunteerTeams) {
    const township = team.slice(0, -'.volunteers'.length);
    volunteersByTownship.set(township, members);
    for (const p of members)
      events.push({ type: 'volunteerRegistered', id: id(), at: at(0, '08:00'), by: hq, personId: p, teamId: team as OrgId, skills: rng.shuffle(TASKS).slice(0, 1 + rng.int(3)) });
  }

  // who arrives from Wuhan or Hubei (or is a close contact), and when
  const observed: Observed[] = [];
  for (const v of villageList) {
    for (const p of v.residents) {
      if (!rng.chance(arrivalShare)) continue;
      const r = rng.next();
      const category: ScreeningCategory = r < 0.45 ? 'fromWuhan' : r < 0.85 ? 'fromHubei' : 'closeContact';
      const arrival = start - 10 + rng.int(days + 6);
      const foundOn = Math.max(0, Math.min(days - 1, arrival - start + rng.int(3)));
      const fromDay = dayOfIndex(Math.min(arrival - start, foundOn));
      observed.push({ person: p, household: householdOf.get(p.id), village: v, category, fromDay, foundOn, obsId: '' as RecordId, endDay: 0, feverOn: -1, missFrom: -1 });
    }
  }

  // households to revisit, by day and village
  const pendingRevisits = new Map<number, Map<string, Household[]>>();
  const queueRevisit = (d: number, h: Household): void => {
    let byVillage = pendingRevisits.get(d);
    if (byVillage === undefined) {
      byVillage = new Map();
      pendingRevisits.set(d, byVillage);
    }
    const list = byVillage.get(h.unitId);
    if (list === undefined) byVillage.set(h.unitId, [h]);
    else list.push(h);
  };
  const firstRound = villageList.map((v) => rng.shuffle(v.households));
  const openRequests: { id: RecordId; worker: PersonId; fulfilOn: number; time: string }[] = [];
  const classified = new Set<string>();

  const tick = progressOf(parsed.data.onProgress, 'days', days);
  for (let d = 0; d < days; d++) {
    if (d > 0) tick(d);
    // home prevention: letters in the first three days
    villageList.forEach((v) => {
      const hs = v.households;
      const from = Math.floor((hs.length * d) / 3);
      const to = d < 3 ? Math.floor((hs.length * (d + 1)) / 3) : from;
      for (let i = from; i < to; i++)
        events.push({ type: 'letterDelivered', id: id(), at: at(d, clock(rng, 8, 18)), by: rng.pick(v.workers), campaignId: C.homePrevention, householdId: (hs[i] as Household).id });
    });
    // arrivals found today: declaration and observation
    for (const o of observed) {
      if (o.foundOn !== d) continue;
      const by = rng.pick(o.village.workers);
      const time = clock(rng, 8, 12);
      if (o.category !== 'closeContact') {
        const e = id();
        events.push({ type: 'travelDeclared', id: e, at: at(d, time), by, declarationId: rid('decl'), personId: o.person.id, from: o.category === 'fromWuhan' ? '湖北省武汉市' : rng.pick(['湖北省孝感市', '湖北省黄冈市', '湖北省宜昌市', '湖北省襄阳市']), category: o.category, arrivalDay: o.fromDay });
      }
      const e = id();
      const obsId = rid('obs');
      (o as { obsId: RecordId }).obsId = obsId;
      events.push({
        type: 'observationStarted',
        id: e,
        at: at(d, clock(rng, 12, 14)),
        by,
        observationId: obsId,
        campaignId: C.homePrevention,
        personId: o.person.id,
        setting: o.category === 'closeContact' && rng.chance(0.5) ? 'centralized' : 'home',
        category: o.category,
        basis: o.category === 'closeContact' ? 'lastContact' : 'arrival',
        fromDay: o.fromDay,
      });
      // 14 days: the arrival day is day 1; a close contact's days run after the contact
      o.endDay = toEpochDay(o.fromDay) - start + (o.category === 'closeContact' ? 14 : 13);
      o.feverOn = rng.chance(0.015) ? d + 1 + rng.int(5) : -1;
      o.missFrom = rng.chance(0.02) ? d + 1 + rng.int(4) : -1;
      if (o.household !== undefined && !classified.has(o.household.id + o.person.id)) {
        classified.add(o.household.id + o.person.id);
        events.push({ type: 'householdClassified', id: id(), at: at(d, clock(rng, 14, 15)), by, householdId: o.household.id, personId: o.person.id, category: o.category });
      }
    }
    // observations in progress: checks, fevers, extensions, shortenings, releases, services
    for (const o of observed) {
      if (o.obsId === '' || d < o.foundOn || o.endDay < 0) continue;
      const by = rng.pick(o.village.workers);
      if (d > o.endDay) {
        if (d === o.endDay + 1) events.push({ type: 'observationEnded', id: id(), at: at(d, '09:00'), by, observationId: o.obsId, outcome: 'released' });
        continue;
      }
      if (d === o.feverOn) {
        events.push({ type: 'temperatureChecked', id: id(), at: at(d, clock(rng, 7, 10)), by, observationId: o.obsId, slot: 'morning', celsius: Math.round((37.4 + rng.next() * 1.4) * 10) / 10 });
        if (o.household !== undefined)
          events.push({ type: 'householdClassified', id: id(), at: at(d, '10:30'), by, householdId: o.household.id, personId: o.person.id, category: 'fever' });
        events.push({ type: 'observationEnded', id: id(), at: at(d, '11:00'), by, observationId: o.obsId, outcome: 'transferred' });
        // some fevers are confirmed at the designated hospital that evening
        if (o.household !== undefined && diagnosis.chance(0.3))
          events.push({ type: 'householdClassified', id: id(), at: at(d, '20:00'), by, householdId: o.household.id, personId: o.person.id, category: 'confirmed' });
        o.endDay = -1;
        continue;
      }
      const missing = o.missFrom >= 0 && d >= o.missFrom;
      for (const slot of ['morning', 'evening'] as const) {
        if (missing || rng.chance(0.02)) continue;
        const time = slot === 'morning' ? clock(rng, 7, 10) : clock(rng, 18, 21);
        events.push({ type: 'temperatureChecked', id: id(), at: at(d, time), by, observationId: o.obsId, slot, celsius: Math.round((36.1 + rng.next() * 1.0) * 10) / 10 });
      }
      if (d === o.endDay - 1 && o.category === 'closeContact' && rng.chance(0.1)) {
        events.push({ type: 'observationExtended', id: id(), at: at(d, '16:00'), by, observationId: o.obsId, days: 7, reason: '密切接触者再次暴露，按规定延长观察' });
        o.endDay += 7;
      } else if (d === o.endDay - 2 && o.category === 'fromHubei' && rng.chance(0.03)) {
        events.push({ type: 'observationShortened', id: id(), at: at(d, '16:00'), by, observationId: o.obsId, days: 1, reason: '行程核查：实际离鄂日期早于申报，经专家组评估' });
        o.endDay -= 1;
      }
      if (o.household !== undefined && (d - o.foundOn) % 3 === 1) {
        const requestId = rid('req');
        const e = id();
        const roll = rng.next();
        events.push({ type: 'serviceRequested', id: e, at: at(d, '09:30'), by, requestId, householdId: o.household.id, kind: rng.pick(SERVICES), dueAt: at(d, '18:00') });
        openRequests.push({ id: requestId, worker: by, fulfilOn: roll < 0.93 ? d : roll < 0.98 ? d + 1 : -1, time: roll < 0.93 ? clock(rng, 10, 17) : clock(rng, 9, 12) });
      }
    }
    for (const r of openRequests)
      if (r.fulfilOn === d) events.push({ type: 'serviceFulfilled', id: id(), at: at(d, r.time), by: r.worker, requestId: r.id });

    // door-knocking: a fifth of each village a day in the first round, then revisits
    villageList.forEach((v, k) => {
      const round = firstRound[k] as Household[];
      const perDay = Math.ceil(round.length / 5);
      const today = d < 5 ? round.slice(d * perDay, (d + 1) * perDay) : [];
      const visitors = (): PersonId[] => (rng.chance(0.6) ? [rng.pick(v.workers)] : [rng.pick(v.workers), rng.pick(v.workers)].filter((x, i, a) => a.indexOf(x) === i));
      for (const h of [...today, ...(pendingRevisits.get(d)?.get(v.unit.id) ?? [])]) {
        const r = rng.next();
        const outcome = r < 0.88 ? 'screened' : r < 0.98 ? 'nobodyHome' : 'refused';
        const by = rng.pick(v.workers);
        events.push({ type: 'visitRecorded', id: id(), at: at(d, clock(rng, 8, 18)), by, visitId: rid('visit'), campaignId: C.doorKnocking, householdId: h.id, outcome, visitors: visitors() });
        if (outcome === 'screened') {
          if (d + 7 < days) queueRevisit(d + 7, h);
        } else if (d + 1 < days) queueRevisit(d + 1 + (outcome === 'refused' ? 1 : 0), h);
      }
    });
    pendingRevisits.delete(d);

    // the people under observation today (and those transferred to hospital) stay home: they neither
    // disinfect nor volunteer
    const away = new Set<string>();
    for (const o of observed) if (o.obsId !== '' && d >= o.foundOn && (o.endDay === -1 || d <= o.endDay)) away.add(o.person.id);

    // cleaning: every site as often as required, with a few shortfalls
    for (const s of sites) {
      // a worker under observation hands the site to someone of the same crew
      if (away.has(s.worker)) {
        const stand = (crews.get(s.responsible) ?? []).filter((p) => !away.has(p));
        if (stand.length > 0) s.worker = rng.pick(stand);
      }
      if (away.has(s.worker)) continue;
      for (let t = 0; t < s.times; t++)
        if (rng.chance(0.96)) events.push({ type: 'siteDisinfected', id: id(), at: at(d, clock(rng, 6 + t * 5, 10 + t * 5)), by: s.worker, siteId: s.id, campaignId: C.cleaning });
    }

    // volunteer service: a task a village a day, posted the evening before (or that morning)
    villageList.forEach((v) => {
      const pool = volunteersByTownship.get(v.unit.parentId ?? '') ?? [];
      if (pool.length === 0) return;
      const taskId = rid('task');
      const places = 2 + rng.int(4);
      const kind = d < 5 ? (rng.chance(0.6) ? 'screening' : 'publicity') : rng.pick(TASKS);
      events.push({ type: 'volunteerTaskPosted', id: id(), at: at(d, '07:00'), by: rng.pick(v.workers), taskId, campaignId: C.volunteerService, kind, unitId: v.unit.id, day: dayOfIndex(d), places, hours: 3 + rng.int(2) });
      const free = away.size === 0 ? pool : pool.filter((p) => !away.has(p));
      const signed = rng.shuffle(free).slice(0, Math.min(free.length, places - (rng.chance(0.3) ? 1 : 0)));
      for (const p of signed) events.push({ type: 'volunteerSignedUp', id: id(), at: at(d, clock(rng, 7, 8)), by: p, taskId, personId: p });
      for (const p of signed) if (rng.chance(0.93)) events.push({ type: 'volunteerAttended', id: id(), at: at(d, '17:30'), by: rng.pick(v.workers), taskId, personId: p, hours: 2 + rng.int(3) });
    });
  }
  tick(days);
  return events;
}
