import { z } from 'zod';
import { Day, fromEpochDay, instantAt, toEpochDay } from '../core/day.js';
import { FrontlineError, issuesFromZod } from '../core/errors.js';
import type { CampaignIdOf, EventId, OrgId, PersonId, RecordId } from '../core/ids.js';
import { createRandom, type Random } from '../core/random.js';
import { CampaignKind, type HouseholdService, type ScreeningCategory, type SiteCategory, type VolunteerTaskKind } from '../core/vocabulary.js';
import type { CaseSource } from '../campaigns/records.js';
import type { LedgerEvent } from '../ledger/events.js';
import { ledgerTree, type Ledger } from '../ledger/ledger.js';
import { tableForEach, tableGet } from '../store/table.js';
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
    /**
     * Share of residents found under observation in the period: arrivals from Wuhan or Hubei (85%)
     * and close contacts of cases elsewhere notified to the county (15%); default 0.002, which at
     * full scale gives about 360 close contacts in the fortnight, Yuechi's share of Sichuan's 25,493
     * (see `EPIDEMIC_ANCHORS`).
     */
    arrivalShare: z.number().min(0).max(0.05).optional(),
    /**
     * The campaigns to simulate; default all four. The home-prevention campaign (letters,
     * observations, cases and contact tracing) draws from streams of its own: it comes out the same,
     * figure for figure, whichever other campaigns are simulated beside it.
     */
    campaigns: z.array(CampaignKind).min(1).optional(),
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
  /** For a contact traced from a case of the county: that case. */
  readonly contactOf?: PersonId;
  /** Centralized isolation (household contacts of a case); otherwise drawn. */
  readonly centralized?: boolean;
  endDay: number;
  feverOn: number;
  missFrom: number;
  /** Infected: the day symptoms show (fever, then confirmed that evening); -1 when not infected. */
  onset: number;
  /** Where the infection came from, when infected. */
  source: CaseSource | undefined;
}

/**
 * Systematic sampling, online: a candidate offered is taken when the running sum of the
 * probabilities offered passes the next of `start`, `start + 1`, … With a random start each
 * candidate is taken with its probability and the number taken is within one of the sum (a plain
 * draw per candidate would scatter it much more widely); with start 0.5 the number taken is the sum
 * rounded to the nearest whole number, and chance only decides who.
 */
function sampler(start: number): (p: number) => boolean {
  let next = start;
  let sum = 0;
  return (p) => {
    sum += p;
    if (sum < next) return false;
    next += 1;
    return true;
  };
}

/**
 * The epidemic's parameters (calibrated to the published figures of `EPIDEMIC_ANCHORS`): the
 * chance that an arrival from Wuhan or from elsewhere in Hubei is infected, that a close contact
 * notified from elsewhere is, that a household member of a case is (Shenzhen 11.2%, Wuhan 15.6%,
 * Sichuan's clusters 6.1%), and that another close contact of a case is.
 */
const EPIDEMIC = { fromWuhan: 0.0018, fromHubei: 0.0005, notifiedContact: 0.008, household: 0.112, otherContact: 0.01 } as const;

function clock(rng: Random, fromHour: number, toHour: number): string {
  const minutes = fromHour * 60 + rng.int((toHour - fromHour) * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Simulates the four campaigns on a ledger that holds a county's register (see `countyEvents`):
 * returns a realistic journal of events, day by day — the campaigns opening, sites and volunteers
 * registered, the letter delivered to every household, arrivals from Wuhan and Hubei declaring and
 * going under observation (home or centralized), twice-daily temperature checks with some misses,
 * fevers escalated and transferred, the few infected confirmed with their source and their contacts
 * traced, releases, re-exposures that restart the count, shortenings with reasons, carpet-style
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
  const arrivalShare = parsed.data.arrivalShare ?? 0.002;
  const kinds = new Set<CampaignKind>(parsed.data.campaigns ?? ['homePrevention', 'doorKnocking', 'cleaning', 'volunteerService']);
  const seed = parsed.data.seed ?? 2020;
  // streams of their own: home prevention (letters, observations, checks), the epidemic (who is
  // infected, whom tracing finds) and the rest, so that each comes out the same whatever else runs
  const rng = createRandom(seed);
  const hp = createRandom(seed + 104729);
  const epi = createRandom(seed + 7919);
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
    if (kinds.has(kind))
      events.push({ type: 'campaignOpened', id: id(), at: at(0, '07:00'), by: hq, campaignId: C[kind], kind, name: names[kind], ownerUnitId: root, covers: [root], startDay: dayOfIndex(0) });

  const sites: { id: RecordId; times: number; responsible: OrgId; worker: PersonId }[] = [];
  for (const t of kinds.has('cleaning') ? tree.units : []) {
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
    if (kinds.has('volunteerService'))
      for (const p of members)
      events.push({ type: 'volunteerRegistered', id: id(), at: at(0, '08:00'), by: hq, personId: p, teamId: team as OrgId, skills: rng.shuffle(TASKS).slice(0, 1 + rng.int(3)) });
  }

  // who arrives from Wuhan or Hubei (or is a close contact), and when
  // (close contacts here are those of cases elsewhere — fellow passengers, relatives visited —
  // notified to the county; the contacts of the county's own cases are traced as the cases come)
  const observed: Observed[] = [];
  const observedPerson = new Map<string, Observed>();
  for (const v of villageList) {
    for (const p of v.residents) {
      if (!hp.chance(arrivalShare)) continue;
      const r = hp.next();
      const category: ScreeningCategory = r < 0.45 ? 'fromWuhan' : r < 0.85 ? 'fromHubei' : 'closeContact';
      const arrival = start - 10 + hp.int(days + 6);
      const foundOn = Math.max(0, Math.min(days - 1, arrival - start + hp.int(3)));
      const fromDay = dayOfIndex(Math.min(arrival - start, foundOn));
      const o: Observed = { person: p, household: householdOf.get(p.id), village: v, category, fromDay, foundOn, obsId: '' as RecordId, endDay: 0, feverOn: -1, missFrom: -1, onset: -1, source: undefined };
      observed.push(o);
      observedPerson.set(p.id, o);
    }
  }

  // the epidemic: a few arrivals and notified contacts were infected before they were found; they
  // fall ill under observation, are confirmed at the designated hospital, and their own contacts
  // are traced the next morning (see `trace` below)
  const imported = sampler(epi.next());
  const notified = sampler(epi.next());
  for (const o of epi.shuffle(observed)) {
    if (o.household === undefined) continue;
    const incubation = 2 + epi.int(9);
    const onset = Math.max(o.foundOn + 1, toEpochDay(o.fromDay) - start + incubation);
    // only an illness that shows within the fortnight is drawn: the simulation ends there
    if (onset > days - 2) continue;
    const p = o.category === 'fromWuhan' ? EPIDEMIC.fromWuhan : o.category === 'fromHubei' ? EPIDEMIC.fromHubei : EPIDEMIC.notifiedContact;
    if (!(o.category === 'closeContact' ? notified : imported)(p)) continue;
    o.onset = onset;
    o.source = { kind: 'imported' };
  }
  // household cases: the published rate times the household contacts, rounded (see `sampler`): a
  // fortnight has a dozen household contacts, and a free draw would leave the rate to chance
  const householdInfection = sampler(0.5);
  const otherInfection = sampler(epi.next());
  // each person is exposed once: a second case of the household does not expose its members again
  const exposed = new Set<string>();
  /**
   * The contact tracing of a case confirmed on day `c`: the people living with it (isolated in a
   * centralized place, counted from the day of the confirmation), and a few others of its village
   * met before it went under observation; each found the next morning. A contact already under
   * observation stays under it. Some of them were infected: their illness shows a few days later.
   */
  const trace = (kase: Observed, c: number): void => {
    const found = c + 1;
    const contacts: { person: Person; household: Household | undefined; lastContact: number; isHousehold: boolean }[] = [];
    for (const m of kase.household?.members ?? []) {
      const person = m === kase.person.id ? undefined : tableGet(ledger.people, m);
      if (person !== undefined) contacts.push({ person, household: kase.household, lastContact: c, isHousehold: true });
    }
    // met before the case went under observation (the case's first day observed, or three days back)
    const metOn = Math.max(kase.foundOn, c - 3);
    if (found - metOn < 14) {
      const others = kase.village.residents.filter((r) => r.householdId !== kase.household?.id && !observedPerson.has(r.id));
      for (const person of epi.shuffle(others).slice(0, (kase.category === 'closeContact' ? 0 : 2) + epi.int(5)))
        contacts.push({ person, household: householdOf.get(person.id), lastContact: metOn, isHousehold: false });
    }
    for (const k of contacts) {
      let o = observedPerson.get(k.person.id);
      if (o === undefined) {
        if (found >= days) continue;
        o = {
          person: k.person,
          household: k.household,
          village: kase.village,
          category: 'closeContact',
          fromDay: dayOfIndex(k.lastContact),
          foundOn: found,
          obsId: '' as RecordId,
          centralized: k.isHousehold,
          contactOf: kase.person.id,
          endDay: 0,
          feverOn: -1,
          missFrom: -1,
          onset: -1,
          source: undefined,
        };
        observed.push(o);
        observedPerson.set(k.person.id, o);
      }
      if (o.onset >= 0 || o.household === undefined || o.endDay === -1 || exposed.has(k.person.id)) continue;
      exposed.add(k.person.id);
      // a household contact's illness shows within the days left, if it is infected at all
      const onset = Math.min(Math.max(found + 1, k.lastContact + 2 + epi.int(6)), k.isHousehold ? days - 1 : days);
      if (onset > days - 1) continue;
      if ((k.isHousehold ? householdInfection : otherInfection)(k.isHousehold ? EPIDEMIC.household : EPIDEMIC.otherContact)) {
        o.onset = onset;
        o.source = { kind: 'case', personId: kase.person.id };
        if (o.obsId !== '') o.feverOn = onset;
      }
    }
  };

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
      if (kinds.has('homePrevention'))
        for (let i = from; i < to; i++)
          events.push({ type: 'letterDelivered', id: id(), at: at(d, clock(hp, 8, 18)), by: hp.pick(v.workers), campaignId: C.homePrevention, householdId: (hs[i] as Household).id });
    });
    // arrivals found today: declaration and observation
    for (const o of kinds.has('homePrevention') ? observed : []) {
      if (o.foundOn !== d) continue;
      const by = hp.pick(o.village.workers);
      const time = clock(hp, 8, 12);
      if (o.category !== 'closeContact') {
        const e = id();
        events.push({ type: 'travelDeclared', id: e, at: at(d, time), by, declarationId: rid('decl'), personId: o.person.id, from: o.category === 'fromWuhan' ? '湖北省武汉市' : hp.pick(['湖北省孝感市', '湖北省黄冈市', '湖北省宜昌市', '湖北省襄阳市']), category: o.category, arrivalDay: o.fromDay });
      }
      const e = id();
      const obsId = rid('obs');
      (o as { obsId: RecordId }).obsId = obsId;
      events.push({
        type: 'observationStarted',
        id: e,
        at: at(d, o.centralized === true ? clock(hp, 8, 11) : clock(hp, 12, 14)),
        by,
        observationId: obsId,
        campaignId: C.homePrevention,
        personId: o.person.id,
        setting: o.centralized === true || (o.category === 'closeContact' && hp.chance(0.5)) ? 'centralized' : 'home',
        category: o.category,
        basis: o.category === 'closeContact' ? 'lastContact' : 'arrival',
        fromDay: o.fromDay,
        ...(o.contactOf === undefined ? {} : { contactOf: o.contactOf }),
      });
      // 14 days: the arrival day is day 1; a close contact's days run after the contact
      o.endDay = toEpochDay(o.fromDay) - start + (o.category === 'closeContact' ? 14 : 13);
      // a fever of something else (most fevers were not the new disease), unless infected
      o.feverOn = hp.chance(0.015) ? d + 1 + hp.int(5) : -1;
      if (o.onset >= 0 && (o.feverOn < 0 || o.feverOn > o.onset)) o.feverOn = o.onset;
      o.missFrom = hp.chance(0.02) ? d + 1 + hp.int(4) : -1;
      if (o.household !== undefined && !classified.has(o.household.id + o.person.id)) {
        classified.add(o.household.id + o.person.id);
        events.push({ type: 'householdClassified', id: id(), at: at(d, clock(hp, 14, 15)), by, householdId: o.household.id, personId: o.person.id, category: o.category });
      }
    }
    // observations in progress: checks, fevers, extensions, shortenings, releases, services
    for (const o of observed) {
      if (o.obsId === '' || d < o.foundOn || o.endDay < 0) continue;
      const by = hp.pick(o.village.workers);
      if (d > o.endDay) {
        if (d === o.endDay + 1) events.push({ type: 'observationEnded', id: id(), at: at(d, '09:00'), by, observationId: o.obsId, outcome: 'released' });
        continue;
      }
      if (d === o.feverOn) {
        events.push({ type: 'temperatureChecked', id: id(), at: at(d, clock(hp, 7, 10)), by, observationId: o.obsId, slot: 'morning', celsius: Math.round((37.4 + hp.next() * 1.4) * 10) / 10 });
        if (o.household !== undefined)
          events.push({ type: 'householdClassified', id: id(), at: at(d, '10:30'), by, householdId: o.household.id, personId: o.person.id, category: 'fever' });
        events.push({ type: 'observationEnded', id: id(), at: at(d, '11:00'), by, observationId: o.obsId, outcome: 'transferred' });
        o.endDay = -1;
        // the infected are confirmed at the designated hospital that evening, and their contacts traced
        if (o.household !== undefined && o.onset === d && o.source !== undefined) {
          events.push({ type: 'householdClassified', id: id(), at: at(d, '20:00'), by, householdId: o.household.id, personId: o.person.id, category: 'confirmed', source: o.source });
          trace(o, d);
        }
        continue;
      }
      const missing = o.missFrom >= 0 && d >= o.missFrom;
      for (const slot of ['morning', 'evening'] as const) {
        if (missing || hp.chance(0.02)) continue;
        const time = slot === 'morning' ? clock(hp, 7, 10) : clock(hp, 18, 21);
        events.push({ type: 'temperatureChecked', id: id(), at: at(d, time), by, observationId: o.obsId, slot, celsius: Math.round((36.1 + hp.next() * 1.0) * 10) / 10 });
      }
      if (d === o.endDay - 1 && o.category === 'closeContact' && hp.chance(0.1)) {
        // exposed again the day before: the count restarts from that contact (SORMAS #1648)
        events.push({ type: 'observationReexposed', id: id(), at: at(d, '16:00'), by, observationId: o.obsId, exposedOn: dayOfIndex(d - 1), reason: '与确诊病例再次无防护接触' });
        o.endDay = d - 1 + 14;
      } else if (d === o.endDay - 2 && o.category === 'fromHubei' && hp.chance(0.03)) {
        events.push({ type: 'observationShortened', id: id(), at: at(d, '16:00'), by, observationId: o.obsId, days: 1, reason: '行程核查：实际离鄂日期早于申报，经专家组评估' });
        o.endDay -= 1;
      }
      if (kinds.has('doorKnocking') && o.household !== undefined && (d - o.foundOn) % 3 === 1) {
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
    (kinds.has('doorKnocking') ? villageList : []).forEach((v, k) => {
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
    for (const s of kinds.has('cleaning') ? sites : []) {
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
    (kinds.has('volunteerService') ? villageList : []).forEach((v) => {
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
