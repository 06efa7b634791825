/**
 * A small ledger for the tests of the ledger and the campaigns, built by replaying events:
 *
 * ```
 * 岳池县 yc (county)
 * ├── 普安镇 pa (township)
 * │   ├── 吴家沟村 wjg (village)       households h-wjg-1 (wjg-1, wjg-2), h-wjg-2 (wjg-3), h-wjg-3 (wjg-4)
 * │   ├── 李山村 lsc (village)         household  h-lsc-1 (lsc-1)
 * │   ├── 普安镇消杀队 pa.disinfection (disinfectionTeam)
 * │   └── 普安镇志愿服务队 pa.volunteers (volunteerTeam)
 * ├── 九龙街道 jl (subdistrict)
 * │   └── 城北社区 cb (community)      households h-cb-1 (cb-1), h-cb-2 (cb-2, cb-3)
 * └── 县住建局 yc.housing (institution: a sector's lead department)
 * ```
 *
 * Workers: `mayor` (headquarters), `sup` (supervision group leader), `pa-sec` (township), `jl-sec`,
 * `wjg-sec`, `lsc-sec`, `cb-sec` (village and community); volunteers `vol-1` … `vol-3` (in
 * `pa.volunteers`, not yet registered as volunteers), disinfector `dis-1`.
 *
 * The four campaigns `hp`, `dk`, `cl`, `vs` are opened on 2020-01-24, owned by the county and
 * covering it, with no end day.
 *
 * Event factories give every event (and every record they create) a fresh id.
 */
import {
  countyEvents,
  replay,
  type CampaignId,
  type County,
  type Day,
  type HouseholdId,
  type Instant,
  type Ledger,
  type LedgerEvent,
  type OrgId,
  type PersonId,
} from '../src/index.js';
import { person, type UnitInput } from './fixtures.js';

/** The first day of the campaigns. */
export const DAY0 = '2020-01-24' as Day;

/** Brands a string as a day. */
export const day = (d: string): Day => d as Day;
/** An instant in Beijing time on a day (default 10:00). */
export const at = (d: string, time = '10:00'): Instant => `${d}T${time}:00+08:00` as Instant;
/** The day `n` days after `d`. */
export function plus(d: string, n: number): Day {
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10) as Day;
}

/** Unit ids. */
export const U = {
  yc: 'yc' as OrgId,
  pa: 'pa' as OrgId,
  wjg: 'wjg' as OrgId,
  lsc: 'lsc' as OrgId,
  paDis: 'pa.disinfection' as OrgId,
  paVol: 'pa.volunteers' as OrgId,
  jl: 'jl' as OrgId,
  cb: 'cb' as OrgId,
  housing: 'yc.housing' as OrgId,
} as const;

/** Person ids. */
export const P = {
  mayor: 'mayor' as PersonId,
  sup: 'sup' as PersonId,
  paSec: 'pa-sec' as PersonId,
  jlSec: 'jl-sec' as PersonId,
  wjgSec: 'wjg-sec' as PersonId,
  lscSec: 'lsc-sec' as PersonId,
  cbSec: 'cb-sec' as PersonId,
  wjg1: 'wjg-1' as PersonId,
  wjg2: 'wjg-2' as PersonId,
  wjg3: 'wjg-3' as PersonId,
  wjg4: 'wjg-4' as PersonId,
  lsc1: 'lsc-1' as PersonId,
  cb1: 'cb-1' as PersonId,
  cb2: 'cb-2' as PersonId,
  cb3: 'cb-3' as PersonId,
  vol1: 'vol-1' as PersonId,
  vol2: 'vol-2' as PersonId,
  vol3: 'vol-3' as PersonId,
  dis1: 'dis-1' as PersonId,
} as const;

/** Household ids. */
export const H = {
  wjg1: 'h-wjg-1' as HouseholdId,
  wjg2: 'h-wjg-2' as HouseholdId,
  wjg3: 'h-wjg-3' as HouseholdId,
  lsc1: 'h-lsc-1' as HouseholdId,
  cb1: 'h-cb-1' as HouseholdId,
  cb2: 'h-cb-2' as HouseholdId,
} as const;

/** Campaign ids. */
export const C = {
  hp: 'hp' as CampaignId,
  dk: 'dk' as CampaignId,
  cl: 'cl' as CampaignId,
  vs: 'vs' as CampaignId,
} as const;

/** The units of the small ledger, as plain input rows. */
export function ledgerUnits(): UnitInput[] {
  return [
    { id: 'yc', name: '岳池县', kind: 'county', parentId: null, divisionCode: '511621' },
    { id: 'pa', name: '普安镇', kind: 'township', parentId: 'yc', divisionCode: '511621103000' },
    { id: 'wjg', name: '吴家沟村', kind: 'village', parentId: 'pa', divisionCode: '511621103201' },
    { id: 'lsc', name: '李山村', kind: 'village', parentId: 'pa', divisionCode: '511621103202' },
    { id: 'pa.disinfection', name: '普安镇消杀队', kind: 'disinfectionTeam', parentId: 'pa' },
    { id: 'pa.volunteers', name: '普安镇志愿服务队', kind: 'volunteerTeam', parentId: 'pa' },
    { id: 'jl', name: '九龙街道', kind: 'subdistrict', parentId: 'yc', divisionCode: '511621001000' },
    { id: 'cb', name: '城北社区', kind: 'community', parentId: 'jl', divisionCode: '511621001001' },
    { id: 'yc.housing', name: '岳池县住房和城乡建设局', kind: 'institution', parentId: 'yc' },
  ];
}

function ledgerPeople(): ReturnType<typeof person>[] {
  return [
    person('mayor', 'yc', 'fullMember', { cadreLevel: 'county', post: '县委副书记、县长' }),
    person('sup', 'yc', 'fullMember', { cadreLevel: 'county', post: '县委常委、组织部长' }),
    person('pa-sec', 'pa', 'fullMember', { cadreLevel: 'section', post: '镇党委书记' }),
    person('jl-sec', 'jl', 'fullMember', { cadreLevel: 'section', post: '街道党工委书记' }),
    person('wjg-sec', 'wjg', 'fullMember', { cadreLevel: 'village', post: '村党支部书记' }),
    person('lsc-sec', 'lsc', 'fullMember', { cadreLevel: 'village', post: '村党支部书记' }),
    person('cb-sec', 'cb', 'fullMember', { cadreLevel: 'village', post: '社区党委书记' }),
    person('wjg-1', 'wjg', 'nonMember', { householdId: 'h-wjg-1' }),
    person('wjg-2', 'wjg', 'nonMember', { householdId: 'h-wjg-1', sex: 'female', birthDate: '1983-03-08' }),
    person('wjg-3', 'wjg', 'activist', { householdId: 'h-wjg-2' }),
    person('wjg-4', 'wjg', 'nonMember', { householdId: 'h-wjg-3' }),
    person('lsc-1', 'lsc', 'nonMember', { householdId: 'h-lsc-1' }),
    person('cb-1', 'cb', 'nonMember', { householdId: 'h-cb-1' }),
    person('cb-2', 'cb', 'applicant', { householdId: 'h-cb-2' }),
    person('cb-3', 'cb', 'nonMember', { householdId: 'h-cb-2' }),
    person('vol-1', 'pa', 'fullMember', { assignments: ['pa.volunteers'] }),
    person('vol-2', 'pa', 'nonMember', { assignments: ['pa.volunteers'] }),
    person('vol-3', 'pa', 'activist', { assignments: ['pa.volunteers'] }),
    person('dis-1', 'pa', 'nonMember', { assignments: ['pa.disinfection'] }),
  ];
}

function ledgerHouseholds(): { id: string; unitId: string; address: string; members: string[] }[] {
  return [
    { id: 'h-wjg-1', unitId: 'wjg', address: '吴家沟村1组1号', members: ['wjg-1', 'wjg-2'] },
    { id: 'h-wjg-2', unitId: 'wjg', address: '吴家沟村1组2号', members: ['wjg-3'] },
    { id: 'h-wjg-3', unitId: 'wjg', address: '吴家沟村2组7号', members: ['wjg-4'] },
    { id: 'h-lsc-1', unitId: 'lsc', address: '李山村3组5号', members: ['lsc-1'] },
    { id: 'h-cb-1', unitId: 'cb', address: '城北社区滨河路12号', members: ['cb-1'] },
    { id: 'h-cb-2', unitId: 'cb', address: '城北社区滨河路14号', members: ['cb-2', 'cb-3'] },
  ];
}

let seq = 0;
/** A fresh id, unique within a test file. */
export function nextId(prefix = 'e'): string {
  seq += 1;
  return `${prefix}-${String(seq).padStart(5, '0')}`;
}

type Of<T extends LedgerEvent['type']> = Extract<LedgerEvent, { type: T }>;
/** Builds an event of a type from plain fields, with a fresh id, `at` 10:00 of DAY0 and `by` the mayor unless given. */
function make<T extends LedgerEvent['type']>(type: T, fields: Record<string, unknown>): Of<T> {
  return { type, id: nextId(), at: at(DAY0), by: P.mayor, ...fields } as unknown as Of<T>;
}

/** Common options of the factories. */
export interface Common {
  /** The instant (overrides `day`/`time`). */
  at?: string;
  /** Who records it. */
  by?: string;
  /** The event id. */
  id?: string;
}
const common = (o: Common, d: string, time = '10:00'): Record<string, unknown> => ({
  at: o.at ?? at(d, time),
  ...(o.by === undefined ? {} : { by: o.by }),
  ...(o.id === undefined ? {} : { id: o.id }),
});

/** Event factories: each event gets a fresh id (and fresh record ids). */
export const ev = {
  campaignOpened(o: Common & { campaignId?: string; kind: string; ownerUnitId?: string; covers?: string[]; startDay?: string; endDay?: string; day?: string }) {
    const d = o.day ?? DAY0;
    return make('campaignOpened', {
      ...common(o, d, '08:00'),
      campaignId: o.campaignId ?? nextId('camp'),
      kind: o.kind,
      name: `测试行动 ${o.kind}`,
      ownerUnitId: o.ownerUnitId ?? U.yc,
      covers: o.covers ?? [U.yc],
      startDay: o.startDay ?? d,
      ...(o.endDay === undefined ? {} : { endDay: o.endDay }),
    });
  },
  campaignClosed(o: Common & { campaignId: string; endDay: string; day?: string }) {
    return make('campaignClosed', { ...common(o, o.day ?? o.endDay, '20:00'), campaignId: o.campaignId, endDay: o.endDay });
  },
  settingsChanged(o: Common & { settings: Record<string, unknown>; day?: string }) {
    return make('settingsChanged', { ...common(o, o.day ?? DAY0, '08:30'), settings: o.settings });
  },
  letter(o: Common & { householdId: string; day?: string; campaignId?: string }) {
    return make('letterDelivered', { ...common(o, o.day ?? DAY0), campaignId: o.campaignId ?? C.hp, householdId: o.householdId });
  },
  travel(o: Common & { personId: string; arrivalDay: string; day?: string; category?: string; declarationId?: string }) {
    return make('travelDeclared', {
      ...common(o, o.day ?? o.arrivalDay, '09:00'),
      declarationId: o.declarationId ?? nextId('decl'),
      personId: o.personId,
      from: '湖北省武汉市',
      category: o.category ?? 'fromWuhan',
      arrivalDay: o.arrivalDay,
    });
  },
  observe(o: Common & { personId: string; fromDay: string; day?: string; observationId?: string; campaignId?: string; category?: string; basis?: string; setting?: string }) {
    return make('observationStarted', {
      ...common(o, o.day ?? o.fromDay, '11:00'),
      observationId: o.observationId ?? nextId('obs'),
      campaignId: o.campaignId ?? C.hp,
      personId: o.personId,
      setting: o.setting ?? 'home',
      category: o.category ?? 'fromWuhan',
      basis: o.basis ?? 'arrival',
      fromDay: o.fromDay,
    });
  },
  extend(o: Common & { observationId: string; days: number; day: string; reason?: string }) {
    return make('observationExtended', {
      ...common(o, o.day, '16:00'),
      observationId: o.observationId,
      days: o.days,
      ...(o.reason === undefined ? {} : { reason: o.reason }),
    });
  },
  shorten(o: Common & { observationId: string; days: number; day: string; reason?: string }) {
    return make('observationShortened', {
      ...common(o, o.day, '16:00'),
      observationId: o.observationId,
      days: o.days,
      ...(o.reason === undefined ? {} : { reason: o.reason }),
    });
  },
  temperature(o: Common & { observationId: string; day: string; slot?: 'morning' | 'evening'; celsius?: number }) {
    const slot = o.slot ?? 'morning';
    return make('temperatureChecked', {
      ...common(o, o.day, slot === 'morning' ? '08:00' : '19:00'),
      observationId: o.observationId,
      slot,
      celsius: o.celsius ?? 36.5,
    });
  },
  ended(o: Common & { observationId: string; day: string; outcome?: 'released' | 'transferred' }) {
    return make('observationEnded', { ...common(o, o.day, '09:00'), observationId: o.observationId, outcome: o.outcome ?? 'released' });
  },
  visit(o: Common & { householdId: string; day: string; outcome?: 'screened' | 'nobodyHome' | 'refused'; visitId?: string; campaignId?: string; visitors?: string[]; time?: string }) {
    return make('visitRecorded', {
      ...common(o, o.day, o.time ?? '10:00'),
      visitId: o.visitId ?? nextId('visit'),
      campaignId: o.campaignId ?? C.dk,
      householdId: o.householdId,
      outcome: o.outcome ?? 'screened',
      visitors: o.visitors ?? [o.by ?? P.mayor],
    });
  },
  classify(o: Common & { householdId: string; day: string; category: string; personId?: string; source?: { kind: string; personId?: string } }) {
    return make('householdClassified', {
      ...common(o, o.day, '10:30'),
      householdId: o.householdId,
      ...(o.personId === undefined ? {} : { personId: o.personId }),
      category: o.category,
      ...(o.source === undefined ? {} : { source: o.source }),
    });
  },
  serviceRequested(o: Common & { householdId: string; day: string; time?: string; due: string; requestId?: string; kind?: string }) {
    return make('serviceRequested', {
      ...common(o, o.day, o.time ?? '09:00'),
      requestId: o.requestId ?? nextId('req'),
      householdId: o.householdId,
      kind: o.kind ?? 'medicine',
      dueAt: o.due,
    });
  },
  serviceFulfilled(o: Common & { requestId: string; day: string; time?: string }) {
    return make('serviceFulfilled', { ...common(o, o.day, o.time ?? '15:00'), requestId: o.requestId });
  },
  site(o: Common & { unitId: string; responsibleUnitId: string; timesPerDay?: number; siteId?: string; category?: string; day?: string }) {
    return make('siteRegistered', {
      ...common(o, o.day ?? DAY0, '07:30'),
      site: {
        id: o.siteId ?? nextId('site'),
        name: '测试场所',
        category: o.category ?? 'farmersMarket',
        unitId: o.unitId,
        responsibleUnitId: o.responsibleUnitId,
        timesPerDay: o.timesPerDay ?? 2,
      },
    });
  },
  disinfect(o: Common & { siteId: string; day: string; time?: string; campaignId?: string }) {
    return make('siteDisinfected', { ...common(o, o.day, o.time ?? '07:00'), siteId: o.siteId, campaignId: o.campaignId ?? C.cl });
  },
  volunteer(o: Common & { personId: string; teamId?: string; skills?: string[]; day?: string }) {
    return make('volunteerRegistered', {
      ...common(o, o.day ?? DAY0, '08:00'),
      personId: o.personId,
      teamId: o.teamId ?? U.paVol,
      skills: o.skills ?? ['screening'],
    });
  },
  task(o: Common & { unitId: string; day: string; postedOn?: string; places?: number; hours?: number; taskId?: string; campaignId?: string; kind?: string }) {
    return make('volunteerTaskPosted', {
      ...common(o, o.postedOn ?? o.day, '07:00'),
      taskId: o.taskId ?? nextId('task'),
      campaignId: o.campaignId ?? C.vs,
      kind: o.kind ?? 'screening',
      unitId: o.unitId,
      day: o.day,
      places: o.places ?? 2,
      hours: o.hours ?? 3,
    });
  },
  signUp(o: Common & { taskId: string; personId: string; day: string }) {
    return make('volunteerSignedUp', { ...common(o, o.day, '07:30'), by: o.by ?? o.personId, taskId: o.taskId, personId: o.personId });
  },
  attended(o: Common & { taskId: string; personId: string; day: string; hours?: number }) {
    return make('volunteerAttended', { ...common(o, o.day, '17:30'), taskId: o.taskId, personId: o.personId, hours: o.hours ?? 3 });
  },
};

/** The events that build the small ledger: units, people, households, the four campaigns. Fresh objects each call. */
export function setupEvents(): LedgerEvent[] {
  const when = at(DAY0, '08:00');
  const base = { at: when, by: P.mayor };
  return [
    { type: 'unitsAdded', id: 'setup-units', ...base, units: ledgerUnits() },
    { type: 'peopleRegistered', id: 'setup-people', ...base, people: ledgerPeople() },
    { type: 'householdsRegistered', id: 'setup-households', ...base, households: ledgerHouseholds() },
    ...(['homePrevention', 'doorKnocking', 'cleaning', 'volunteerService'] as const).map((kind) => ({
      type: 'campaignOpened' as const,
      id: `setup-${kind}`,
      ...base,
      campaignId: { homePrevention: C.hp, doorKnocking: C.dk, cleaning: C.cl, volunteerService: C.vs }[kind],
      kind,
      name: `${kind} 2020`,
      ownerUnitId: U.yc,
      covers: [U.yc],
      startDay: DAY0,
    })),
  ] as unknown as LedgerEvent[];
}

let built: Ledger | undefined;
/** The small ledger (frozen; shared). */
export function baseLedger(): Ledger {
  built ??= replay(setupEvents());
  return built;
}

/** Applies-then-returns helper for readability: the ledger after `events`, replayed on the base. */
export function ledgerWith(events: readonly LedgerEvent[], base: Ledger = baseLedger()): Ledger {
  return replay(events, base);
}

/**
 * A tiny county for journals: `generateCounty` at the smallest scale (which still has every
 * township, with a village each), keeping only the first `perVillage` households of each village
 * and community and their members, plus everyone not in a household (cadres, staff, team
 * members). Its register events come from `countyEvents`.
 */
export function tinyCounty(county: County, perVillage: number): County {
  const count = new Map<string, number>();
  const households = county.households.filter((h) => {
    const n = count.get(h.unitId) ?? 0;
    count.set(h.unitId, n + 1);
    return n < perVillage;
  });
  const kept = new Set<string>(households.map((h) => h.id));
  const people = county.people.filter(
    (p) => p.householdId === undefined || kept.has(p.householdId) || p.cadreLevel !== undefined || (p.assignments?.length ?? 0) > 0,
  );
  return { ...county, households, people };
}

/** The register events of a county and the base ledger they build. */
export function registerOf(county: County): { register: LedgerEvent[]; base: Ledger } {
  const register = countyEvents(county);
  return { register, base: replay(register) };
}

/** Freezes a value and everything reachable from it. */
export { deepFreeze, snapshot } from './fixtures.js';
