import { z } from 'zod';
import { Day, fromEpochDay, toEpochDay } from '../core/day.js';
import { FrontlineError, issuesFromZod } from '../core/errors.js';
import type { GroupId, HouseholdId, OrgId, PersonId, SupervisionGroupId } from '../core/ids.js';
import { createRandom, type Random } from '../core/random.js';
import type { CadreLevel, PartyStatus, Sex } from '../core/vocabulary.js';
import type { CommandStructure, SupervisionGroup } from '../org/command.js';
import type { OrgGroup } from '../org/groupSet.js';
import { createOrgTree } from '../org/tree.js';
import type { OrgUnit, PartyOrganization } from '../org/unit.js';
import type { Household, Person } from '../people/person.js';
import { makeResidentId } from '../people/residentId.js';
import { eighteenOn } from '../admission/state.js';
import { renderSummary, thousands, withSummary, type InspectOptions } from '../internal/inspect.js';
import { OnProgressOption, progressOf } from '../core/progress.js';
import { realDivisions, syntheticDivisions, type TownshipDraft } from './divisions.js';
import { COUNTY_POSTS, GIVEN, INSTITUTIONS, STANDING_COMMITTEE_SIZE, SURNAMES, TOWNSHIP_POSTS, VILLAGE_POSTS } from './names.js';

/**
 * Options of {@link generateCounty}.
 *
 * @example
 * GenerateCountyOptions.parse({ seed: 7, scale: 0.05 });
 * @category Synthetic county
 */
export const GenerateCountyOptions = z
  .object({
    /** The seed: the same seed gives the same county. Default 2020. */
    seed: z.number().int().optional(),
    /**
     * Share of Yuechi's villages and communities (and so of its people) to generate: 1 is full scale.
     * Below 1, a seeded sample of each township's villages, the article's places always among them;
     * above 1, the real county's villages hold more households each (a drawn county has more
     * villages). Default 1.
     */
    scale: z.number().positive().max(4).optional(),
    /**
     * The divisions the county is built on: `'yuechi'`, Yuechi's real township-level units and
     * villages of early 2020 with their names and NBS codes (the default), or `'synthetic'`, 27
     * township-level names and 869 villages and communities with drawn names and codes.
     */
    divisions: z.enum(['yuechi', 'synthetic']).optional(),
    /** The day the county is drawn as of (ages, probation). Default `2020-01-24`, when Sichuan started its level-1 response. */
    asOf: Day.refine((day) => day >= '1990-01-01', 'the county is drawn as of 1990-01-01 or later').optional(),
    /** Called as each township's villages and people are drawn: step `townships`, out of 27. */
    onProgress: OnProgressOption.optional(),
  })
  .strict();
/**
 * Options of {@link generateCounty}.
 *
 * @interface
 * @category Synthetic county
 */
export type GenerateCountyOptions = z.input<typeof GenerateCountyOptions>;

/**
 * A generated county: plain, JSON-serializable data. Build its tree with
 * `createOrgTree(county.units)`.
 *
 * @example
 * const c: County = county; // units, people, households and the command structure
 * c.divisionCode; // => '511621'
 * @category Synthetic county
 */
export interface County {
  /** The county's name. */
  readonly name: string;
  /** Its GB/T 2260 division code. */
  readonly divisionCode: string;
  /** The day it is drawn as of. */
  readonly asOf: Day;
  /** The seed it was generated from. */
  readonly seed: number;
  /** The scale it was generated at. */
  readonly scale: number;
  /** The divisions it was built on: Yuechi's real ones, or drawn ones. */
  readonly divisions: 'yuechi' | 'synthetic';
  /** Every organization unit, the county first. */
  readonly units: readonly OrgUnit[];
  /** The household register. */
  readonly households: readonly Household[];
  /** Every person: residents, cadres, staff of institutions. */
  readonly people: readonly Person[];
  /** The "1+1+10" command structure. */
  readonly command: CommandStructure;
}

/** Yuechi: about 1.2 million people in about 400,000 households. */
const MEAN_HOUSEHOLDS = 460;
const HOUSEHOLD_SIZES = [1, 2, 3, 4, 5, 6] as const;
const HOUSEHOLD_WEIGHTS = [0.14, 0.26, 0.25, 0.2, 0.1, 0.05] as const;

interface Draft {
  readonly rng: Random;
  readonly asOf: Day;
  readonly asOfEpoch: number;
  /** The last house number given in each village's group. */
  readonly houses: Map<string, number>;
  readonly people: Person[];
  readonly seqByKey: Map<string, number>;
  readonly dayCache: Map<number, Day>;
  /** Birth day (epoch) of each person, by position in `people`. */
  readonly birthEpochs: number[];
}

function pickWeighted<T>(rng: Random, items: readonly T[], weights: readonly number[]): T {
  let r = rng.next();
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

function dayAt(d: Draft, epoch: number): Day {
  let day = d.dayCache.get(epoch);
  if (day === undefined) {
    day = fromEpochDay(epoch);
    d.dayCache.set(epoch, day);
  }
  return day;
}

function personName(rng: Random): string {
  const s = SURNAMES[Math.floor(Math.pow(rng.next(), 1.6) * SURNAMES.length)] as string;
  const g1 = GIVEN[rng.int(GIVEN.length)] as string;
  return rng.chance(0.7) ? s + g1 + (GIVEN[rng.int(GIVEN.length)] as string) : s + g1;
}

/**
 * The address code Yuechi's resident ids began with in the year a person's number was issued: 512923
 * (Nanchong prefecture) until 1992, 513621 (Guang'an district) from 1993 to 1997, 511621 (Guang'an
 * city) from 1998. A number is taken to be issued with the first resident identity card: at 16, or in
 * 1985, when the cards began (居民身份证条例, 1985), for those already older; numbers keep their
 * address code for life, also when they became 18 digits in 1999. So: born up to 1976 → 512923,
 * 1977–1981 → 513621, from 1982 → 511621 (children registered at birth since included).
 *
 * @param birthDate - The person's birth date.
 * @returns The 6-digit address code of the year the number was issued.
 * @example
 * yuechiAddressCode('1960-05-01' as Day); // => '512923'
 * yuechiAddressCode('1980-05-01' as Day); // => '513621'
 * yuechiAddressCode('2005-05-01' as Day); // => '511621'
 * @category Synthetic county
 */
export function yuechiAddressCode(birthDate: Day): string {
  const issued = Math.max(1985, Number(birthDate.slice(0, 4)) + 16);
  return issued <= 1992 ? '512923' : issued <= 1997 ? '513621' : '511621';
}

function phoneNumber(rng: Random): string {
  const prefixes = ['138', '139', '158', '159', '180', '187', '188', '136', '151', '157', '135', '177', '199'];
  return rng.pick(prefixes) + String(rng.int(100_000_000)).padStart(8, '0');
}

/** Ages drawn from an ageing rural population: about 15% under 15, 25% 60 and over. */
function drawAge(rng: Random, adult: boolean): number {
  if (adult) return 18 + Math.min(72, Math.floor(Math.abs(rng.normal(30, 18))));
  const r = rng.next();
  if (r < 0.15) return rng.int(15);
  if (r < 0.75) return 15 + rng.int(45);
  return 60 + Math.min(35, Math.floor(Math.abs(rng.normal(0, 11))));
}

interface PersonDraft {
  readonly unitId: OrgId;
  readonly householdId?: HouseholdId;
  readonly age: number;
  readonly sex?: Sex;
  readonly status?: PartyStatus;
  readonly cadreLevel?: CadreLevel;
  readonly post?: string;
}

function addPerson(d: Draft, p: PersonDraft): Person {
  const { rng } = d;
  const sex: Sex = p.sex ?? (rng.chance(0.5) ? 'male' : 'female');
  const birthEpoch = d.asOfEpoch - p.age * 365 - rng.int(365) - Math.floor(p.age / 4);
  const birthDate = dayAt(d, birthEpoch);
  const address = yuechiAddressCode(birthDate);
  const key = address + birthDate + sex;
  const n = d.seqByKey.get(key) ?? rng.int(200);
  d.seqByKey.set(key, n + 1);
  const sequence = (n * 2 + (sex === 'male' ? 1 : 0)) % 1000;
  const status = p.status ?? 'nonMember';
  const person: {
    -readonly [K in keyof Person]: Person[K];
  } = {
    id: `p${String(d.people.length + 1).padStart(7, '0')}` as PersonId,
    name: personName(rng),
    sex,
    birthDate,
    residentId: makeResidentId(address, birthDate, sequence),
    unitId: p.unitId,
    partyStatus: status,
  };
  if (p.age >= 16 && p.age <= 78 && rng.chance(0.9)) person.phone = phoneNumber(rng);
  if (p.householdId !== undefined) person.householdId = p.householdId;
  // members join from their 18th birthday (DOMAIN §3): a full member has also served a year of
  // probation, so one not yet 19 is still probationary, and one not yet 18 no member at all
  if (status === 'fullMember' || status === 'probationaryMember') {
    const eighteen = toEpochDay(eighteenOn(birthDate));
    let drawn: number;
    if (status === 'fullMember') {
      const joinAge = Math.min(p.age - 1, 20 + rng.int(Math.max(1, p.age - 20)));
      drawn = Math.min(birthEpoch + joinAge * 365 + rng.int(300), d.asOfEpoch - 400);
    } else drawn = d.asOfEpoch - 30 - rng.int(330);
    if (eighteen > d.asOfEpoch) person.partyStatus = 'nonMember';
    else if (status === 'fullMember' && eighteen > d.asOfEpoch - 400) {
      person.partyStatus = 'probationaryMember';
      // a day of the last year taken from the same draw (no extra draw: the rest of the county stays as it was)
      person.partyJoinedOn = dayAt(d, Math.max(eighteen, d.asOfEpoch - 30 - (drawn % 330 + 330) % 330));
    } else person.partyJoinedOn = dayAt(d, Math.max(drawn, eighteen));
  }
  if (p.cadreLevel !== undefined) person.cadreLevel = p.cadreLevel;
  if (p.post !== undefined) person.post = p.post;
  d.people.push(person);
  d.birthEpochs.push(birthEpoch);
  return person;
}

/** Party status drawn for an adult resident: members about 3.4% of residents, a few in the pipeline. */
function residentStatus(rng: Random, age: number, memberShare: number): PartyStatus {
  if (age < 18) return 'nonMember';
  const r = rng.next();
  const share = memberShare * (age >= 35 ? 1.35 : 0.6);
  if (r < share * 0.975) return 'fullMember';
  if (r < share) return 'probationaryMember';
  if (age <= 45) {
    if (r < share + 0.0006) return 'developmentTarget';
    if (r < share + 0.0026) return 'activist';
    if (r < share + 0.0042) return 'applicant';
  }
  return 'nonMember';
}

function partyOrgFor(kind: OrgUnit['kind'], full: number, total: number, countyId: OrgId): PartyOrganization | undefined {
  if (full < 3) return undefined;
  if (total >= 100) {
    const org: PartyOrganization = { form: 'committee', leadership: 'elected', committeeSize: 7 };
    return kind === 'village' || kind === 'community' ? { ...org, approvedBy: countyId } : org;
  }
  if (total >= 50) return { form: 'generalBranch', leadership: 'elected', committeeSize: 5 };
  return full >= 7 ? { form: 'branch', leadership: 'elected', committeeSize: full >= 30 ? 5 : 3 } : { form: 'branch', leadership: 'elected' };
}

/**
 * Generates a county at Yuechi's scale, by default on Yuechi's real divisions of early 2020: its 27
 * township-level units after the 2019 reform (2 subdistricts 街道, 23 towns 镇, 2 townships 乡) with
 * their NBS names and codes, and the 882 villages and communities they held before the 2020 village
 * reform, with their real names and 12-digit codes where the data has one that fits (see
 * `src/synthetic/data/README.md`). The article counts 869 village and community Party organizations:
 * 13 pairs of small villages (drawn from the seed; the data does not say which) are gathered in joint
 * branches, so that 882 places form 869 organizations. The places the article names carry their real
 * codes: 普安镇 吴家沟村 511621119212, 九龙街道 城北社区 511621001007, 罗渡镇 兴盛社区 511621115002,
 * 新场镇 永胜社区 511621118001, and 乔家镇 511621114000.
 *
 * The people are synthetic: about 400,000 households and 1.2 million people with valid resident ids
 * (address code of the year the number was issued, see {@link yuechiAddressCode}); Party members
 * (about 4% of residents, more in institutions), activists, village, township and county cadres; the
 * county hospital with its 7-member temporary Party branch, commando teams at the police and
 * commerce bureaus, a volunteer and a disinfection team per township; and the "1+1+10" command
 * structure with ten supervision groups over the three lines. Deterministic for a seed. Names of
 * people are plausible, not real records. `divisions: 'synthetic'` draws the places too.
 *
 * @param options - {@link GenerateCountyOptions}: the seed, the scale, the day it is drawn as of and the divisions.
 * @returns The county: units, people, households and the command structure.
 * @throws {@link FrontlineError} `invalid_input` for invalid options.
 * @example
 * const county = generateCounty({ seed: 1, scale: 0.02 });
 * county.units.filter((u) => isTownshipLevel(u.kind)).length; // => 27
 * county.units.find((u) => u.name === '城北社区')?.divisionCode; // => '511621001007'
 * checkOrgTree(county.units); // => []
 * generateCounty({ seed: 1, scale: 0.02, divisions: 'synthetic' }).divisions; // => 'synthetic'
 * @category Synthetic county
 */
export function generateCounty(options: GenerateCountyOptions = {}): County {
  const parsed = GenerateCountyOptions.safeParse(options);
  if (!parsed.success) throw new FrontlineError('invalid_input', 'invalid options of generateCounty', issuesFromZod(parsed.error, ['options']));
  const seed = parsed.data.seed ?? 2020;
  const scale = parsed.data.scale ?? 1;
  const asOf = parsed.data.asOf ?? ('2020-01-24' as Day);
  const divisions = parsed.data.divisions ?? 'yuechi';
  const rng = createRandom(seed);
    const d: Draft = { rng, asOf, asOfEpoch: toEpochDay(asOf), people: [], seqByKey: new Map(), dayCache: new Map(), birthEpochs: [], houses: new Map() };
  const units: OrgUnit[] = [];
  const households: Household[] = [];
  const countyId = 'yc' as OrgId;
  const county: OrgUnit = { id: countyId, name: '岳池县', kind: 'county', parentId: null, divisionCode: '511621', party: { form: 'committee', leadership: 'elected', committeeSize: 13 } };
  units.push(county);

  // county-level cadres sit in the county organs
  const countyCadres = COUNTY_POSTS.map((post, k) =>
    addPerson(d, { unitId: countyId, age: 46 + rng.int(12), sex: k < 2 || rng.chance(0.8) ? 'male' : 'female', status: 'fullMember', cadreLevel: 'county', post }),
  );

  // the township level, with its villages and communities
  const drafts = divisions === 'synthetic' ? syntheticDivisions(rng, scale) : realDivisions(rng, scale);
  const tick = progressOf(parsed.data.onProgress, 'townships', drafts.length);
  // above scale 1 the real villages stay 882 and hold more households each
  const householdScale = divisions === 'synthetic' ? 1 : Math.max(1, scale);
  const townshipUnits: OrgUnit[] = [];
  const residentsFrom: number[] = [];
  const residentsTo: number[] = [];
  for (const t of drafts) {
    const township: OrgUnit = {
      id: t.id,
      name: t.name,
      kind: t.kind,
      parentId: countyId,
      divisionCode: t.divisionCode,
      party: { form: 'committee', leadership: 'elected', committeeSize: 9, approvedBy: countyId },
    };
    units.push(township);
    townshipUnits.push(township);
    const head = t.kind === 'subdistrict' ? '主任' : t.kind === 'township' ? '乡长' : '镇长';
    TOWNSHIP_POSTS.forEach((post, k) =>
      addPerson(d, { unitId: t.id, age: 30 + rng.int(25), status: k < 12 || rng.chance(0.8) ? 'fullMember' : 'nonMember', cadreLevel: 'section', post: post.replace('镇长', head) }),
    );
    for (let s = 0; s < 15; s++) addPerson(d, { unitId: t.id, age: 24 + rng.int(35), status: rng.chance(0.7) ? 'fullMember' : 'nonMember' });
    residentsFrom.push(d.people.length);
    for (const place of t.places) {
      const village: OrgUnit = {
        id: place.id,
        name: place.name,
        kind: place.kind,
        parentId: t.id,
        ...(place.divisionCode === undefined ? {} : { divisionCode: place.divisionCode }),
        ...(place.opened === undefined ? {} : { opened: place.opened }),
      };
      if (place.joint === undefined) buildVillage(d, village, t.name, householdScale, units, households, countyId);
      else buildSmallPlace(d, village, t.name, place.joint.role === 'host' ? undefined : place.joint.host, units, households);
    }
    residentsTo.push(d.people.length);
    tick(townshipUnits.length);
  }

  // institutions, the temporary branch and the commando teams
  const institutionIds: OrgId[] = [];
  for (const inst of INSTITUTIONS) {
    const id = `yc.${inst.key}` as OrgId;
    institutionIds.push(id);
    const staff: Person[] = [];
    let full = 0;
    let total = 0;
    for (let s = 0; s < Math.max(12, Math.round(inst.staff * Math.min(1, 0.3 + scale))); s++) {
      const r = rng.next();
      // the first four hold the Party group's posts (党组书记, 党组成员): full members
      const status: PartyStatus =
        s < 4 || r < inst.memberShare * 0.96 ? 'fullMember' : r < inst.memberShare ? 'probationaryMember' : r < inst.memberShare + 0.02 ? 'activist' : 'nonMember';
      if (status === 'fullMember') full++;
      if (status === 'fullMember' || status === 'probationaryMember') total++;
      staff.push(addPerson(d, { unitId: id, age: 23 + rng.int(36), status, ...(s < 4 ? { cadreLevel: 'section' as const, post: s === 0 ? '党组书记' : '党组成员、副职' } : {}) }));
    }
    const org = partyOrgFor('institution', full, total, countyId);
    units.push({ id, name: inst.name, kind: 'institution', parentId: countyId, ...(org === undefined ? {} : { party: org }) });
    const members = staff.filter((p) => p.partyStatus === 'fullMember' && p.cadreLevel === undefined);
    if (inst.key === 'hospital') {
      const tb = `${id}.tb` as OrgId;
      units.push({
        id: tb,
        name: '岳池县人民医院新冠肺炎疫情防控临时党支部',
        kind: 'temporaryBranch',
        parentId: id,
        opened: '2020-01-24' as Day,
        taskBodyId: id,
        party: { form: 'branch', leadership: 'appointed', committeeSize: 3, approvedBy: id, admitsMembers: true, admissionApprovedBy: id },
      });
      assign(members.slice(0, 7), tb);
    }
    if (inst.key === 'police' || inst.key === 'commerce') {
      const team = `${id}.commando` as OrgId;
      units.push({ id: team, name: `${inst.name}党员突击队`, kind: 'commandoTeam', parentId: id, opened: '2020-01-25' as Day, taskBodyId: id });
      assign(members.slice(0, inst.key === 'police' ? 24 : 12), team);
    }
  }

  // a volunteer team and a professional disinfection team in every township
  townshipUnits.forEach((t, ti) => {
    const residents: Person[] = [];
    for (let i = residentsFrom[ti] as number; i < (residentsTo[ti] as number); i++) {
      const p = d.people[i] as Person;
      const age = ageAt(d, i);
      if (p.cadreLevel === undefined && age >= 18 && age <= 60) residents.push(p);
    }
    const picked = rng.shuffle(residents);
    const vt = `${t.id}.volunteers` as OrgId;
    const dt = `${t.id}.disinfection` as OrgId;
    units.push({ id: vt, name: `${t.name}志愿服务队`, kind: 'volunteerTeam', parentId: t.id, opened: '2020-01-26' as Day });
    units.push({ id: dt, name: `${t.name}专业消杀工作队`, kind: 'disinfectionTeam', parentId: t.id, opened: '2020-01-26' as Day });
    const volunteers = Math.max(10, (drafts[ti] as TownshipDraft).places.length * 6);
    assign(picked.slice(0, volunteers), vt);
    assign(picked.slice(volunteers, volunteers + 10), dt);
  });

  const command = buildCommand(rng, countyId, countyCadres, townshipUnits, institutionIds, d.people);
  // checked once against the schema and the tree rules, frozen, in preorder
  const tree = createOrgTree(units);
  return Object.freeze(withSummary({ name: '岳池县', divisionCode: '511621', asOf, seed, scale, divisions, units: tree.units, households, people: d.people, command }, showCounty));
}

/** Age in whole years of the person at position `i` (from the birth day kept while generating). */
function ageAt(d: Draft, i: number): number {
  return Math.floor((d.asOfEpoch - (d.birthEpochs[i] as number)) / 365.25);
}

function assign(people: readonly Person[], unitId: OrgId): void {
  for (const p of people) {
    const mutable = p as { assignments?: OrgId[] };
    mutable.assignments = [...(mutable.assignments ?? []), unitId];
  }
}

function addHousehold(d: Draft, village: OrgUnit, place: string, households: Household[], memberShare: number): void {
  const { rng } = d;
  const hid = `h${String(households.length + 1).padStart(7, '0')}` as HouseholdId;
  const size = pickWeighted(rng, HOUSEHOLD_SIZES, HOUSEHOLD_WEIGHTS);
  const members: PersonId[] = [];
  for (let m = 0; m < size; m++) {
    const age = drawAge(rng, m === 0);
    members.push(addPerson(d, { unitId: village.id, householdId: hid, age, status: residentStatus(rng, age, memberShare) }).id);
  }
  const group = 1 + rng.int(12);
  rng.int(60); // drawn as before, so that every county of a seed stays the same
  // the next free house number in the group: no two households of a village share an address
  // keyed by the place's name: two villages of a township may share a name (坪滩镇 has two 双河口村)
  const key = `${place}|${group}`;
  const house = (d.houses.get(key) ?? 0) + 1;
  d.houses.set(key, house);
  households.push({ id: hid, unitId: village.id, address: `${place}${group}组${house}号`, members });
}

function buildVillage(d: Draft, village: OrgUnit, townshipName: string, householdScale: number, units: OrgUnit[], households: Household[], countyId: OrgId): void {
  const { rng } = d;
  const n = Math.max(60, Math.round(MEAN_HOUSEHOLDS * householdScale * Math.exp(rng.normal(0, 0.35)) * 0.95));
  const memberShare = 0.026 * Math.exp(rng.normal(0, 0.3));
  const first = d.people.length;
  // the address names the township too: village names repeat across townships
  const place = `${townshipName}${village.name}`;
  for (let h = 0; h < n; h++) addHousehold(d, village, place, households, memberShare);
  // village cadres (村两委): the secretary is a full member, most others are too
  const adults: Person[] = [];
  for (let i = first; i < d.people.length; i++) {
    const p = d.people[i] as Person;
    const age = ageAt(d, i);
    if (age >= 25 && age <= 62) adults.push(p);
  }
  const cadres = rng.shuffle(adults).slice(0, 5 + rng.int(3));
  cadres.forEach((p, k) => {
    const mutable = p as { -readonly [K in keyof Person]: Person[K] };
    mutable.cadreLevel = 'village';
    mutable.post = (village.kind === 'community' ? (VILLAGE_POSTS[k] as string).replace('村(居)委会', '居委会') : (VILLAGE_POSTS[k] as string).replace('村(居)委会', '村委会'));
    if (k < 4 || rng.chance(0.6)) {
      if (mutable.partyStatus !== 'fullMember') {
        mutable.partyStatus = 'fullMember';
        mutable.partyJoinedOn = dayAt(d, Math.max(d.asOfEpoch - 400 - rng.int(7000), toEpochDay(eighteenOn(p.birthDate))));
      }
    }
  });
  let full = 0;
  let total = 0;
  for (let i = first; i < d.people.length; i++) {
    const s = (d.people[i] as Person).partyStatus;
    if (s === 'fullMember') full++;
    if (s === 'fullMember' || s === 'probationaryMember') total++;
  }
  const org = partyOrgFor(village.kind, full, total, countyId);
  units.push(org === undefined ? village : { ...village, party: org });
}

/**
 * A small place with fewer than 3 full members (two cadres and a probationary member): it forms no
 * organization of its own and is gathered in a joint branch, held by the first of the pair.
 */
function buildSmallPlace(d: Draft, unit: OrgUnit, townshipName: string, host: OrgId | undefined, units: OrgUnit[], households: Household[]): void {
  const { rng } = d;
  const n = 40 + rng.int(40);
  for (let h = 0; h < n; h++) addHousehold(d, unit, `${townshipName}${unit.name}`, households, 0);
  const office = unit.kind === 'community' ? '社区居委会主任' : '村委会主任';
  for (let m = 0; m < 2; m++) addPerson(d, { unitId: unit.id, age: 40 + rng.int(20), status: 'fullMember', cadreLevel: 'village', post: m === 0 ? '党组织书记' : office });
  addPerson(d, { unitId: unit.id, age: 30 + rng.int(20), status: 'probationaryMember' });
  if (host === undefined) {
    units.push(unit);
    return;
  }
  // the host comes first: it now gathers this place too
  const k = units.findIndex((u) => u.id === host);
  const h = units[k] as OrgUnit;
  units[k] = { ...h, party: { form: 'jointBranch', leadership: 'elected', jointUnits: [...(h.party?.jointUnits ?? []), unit.id] } };
  units.push(unit);
}

function buildCommand(
  rng: Random,
  countyId: OrgId,
  countyCadres: readonly Person[],
  townships: readonly OrgUnit[],
  institutions: readonly OrgId[],
  people: readonly Person[],
): CommandStructure {
  const [secretary, mayor] = countyCadres as [Person, Person, ...Person[]];
  const standing = countyCadres.slice(2, STANDING_COMMITTEE_SIZE);
  const others = countyCadres.slice(STANDING_COMMITTEE_SIZE);
  // four war-zones of townships: the city and three rural zones
  const zoneNames = ['城区战区', '东部战区', '南部战区', '西北战区'];
  const zoneOf = (t: OrgUnit, k: number): number => (t.kind === 'subdistrict' ? 0 : 1 + (k % 3));
  const zones: OrgGroup[] = zoneNames.map((name, z) => ({
    id: `wz-${z + 1}` as GroupId,
    name,
    units: townships.filter((t, k) => zoneOf(t, k) === z).map((t) => t.id),
  }));
  const institutionSet = new Set<string>(institutions);
  const sectionStaff = rng.shuffle(people.filter((p) => p.cadreLevel === 'section' && institutionSet.has(p.unitId)));
  const groups: SupervisionGroup[] = [];
  const leaders = standing.slice(0, 10);
  const chunk = <T,>(xs: readonly T[], parts: number, k: number): T[] => xs.filter((_, i) => i % parts === k);
  leaders.forEach((leader, k) => {
    const id = `sg-${String(k + 1).padStart(2, '0')}` as SupervisionGroupId;
    const name = `第${'一二三四五六七八九十'[k] as string}督导组`;
    const members = sectionStaff.slice(k * 3, k * 3 + 3).map((p) => p.id);
    if (k < 4) {
      const zone = zones[k] as OrgGroup;
      groups.push({ id, name, leader: leader.id, members, line: 'warZone', covers: [...zone.units], warZone: zone.id });
    } else if (k < 8) {
      groups.push({ id, name, leader: leader.id, members, line: 'township', covers: chunk(townships, 4, k - 4).map((t) => t.id) });
    } else {
      groups.push({ id, name, leader: leader.id, members, line: 'department', covers: chunk(institutions, 2, k - 8) });
    }
  });
  return {
    leadingGroup: { name: '岳池县应对新型冠状病毒感染的肺炎疫情工作领导小组', coLeaders: [secretary.id, mayor.id], members: standing.map((p) => p.id) },
    headquarters: { name: '岳池县新型冠状病毒感染的肺炎疫情应急指挥部', unitId: countyId, commander: mayor.id, deputies: others.slice(0, 3).map((p) => p.id), members: others.slice(3).map((p) => p.id) },
    supervisionGroups: groups,
    warZones: { id: 'war-zones' as GroupId, name: '战区', exclusive: true, groups: zones },
  };
}

/** A county's summary where Node prints it: its name, seed and scale and its sizes, not every person. */
function showCounty(c: County, depth: number, options: InspectOptions): string {
  if (depth < 0) return `[County: ${c.name}]`;
  return renderSummary(
    `County ${c.name}`,
    [
      ['seed', String(c.seed)],
      ['scale', String(c.scale)],
      ['asOf', c.asOf],
      ['units', thousands(c.units.length)],
      ['households', thousands(c.households.length)],
      ['people', thousands(c.people.length)],
    ],
    options,
  );
}
