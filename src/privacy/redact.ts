import { z } from 'zod';
import { Campaign } from '../campaigns/campaign.js';
import {
  ClassificationHistory,
  HouseholdScreening,
  LetterDelivery,
  Observation,
  ServiceRequest,
  Site,
  SiteDisinfections,
  TravelDeclaration,
  Visit,
  Volunteer,
  VolunteerTask,
} from '../campaigns/records.js';
import { AdmissionCase } from '../admission/model.js';
import { Deed, ThreeShowsEntry } from '../evaluation/records.js';
import { DailyReport } from '../reporting/records.js';
import { Post } from '../roster/model.js';
import { AbsenceRecord, Duty, PublishedRoster } from '../roster/records.js';
import { Finding, Inspection } from '../supervision/records.js';
import { sensitiveFields } from '../core/sensitivity.js';
import { idCandidates, latestAdultBirth } from './idCandidates.js';
import { scrubNumbers } from './numbers.js';
import { ageOn, Day, dayOf, type Instant } from '../core/day.js';
import { FrontlineError, issuesFromZod, type Issue } from '../core/errors.js';
import { label } from '../core/vocabulary.js';
import { ledgerObject, requireLedger, type Ledger, type TABLE_NAMES } from '../ledger/ledger.js';
import { tableForEach, tableMap, type Table } from '../store/table.js';
import { DEFAULT_PHONE_MASK, DEFAULT_RESIDENT_ID_MASK, MaskPolicy, maskPhone, maskResidentId, maskWith } from '../people/mask.js';
import { Household, Person } from '../people/person.js';
import { residentIdCheckChar } from '../people/checkChar.js';

/**
 * The fewest resident ids that a masked id in a copy made by {@link redact} may stand for, given
 * everything else the copy shows. A masked id that the rest of the copy would narrow to fewer is
 * left out of the copy.
 *
 * @example
 * MIN_ID_CANDIDATES; // => 1000
 * @category Privacy
 */
export const MIN_ID_CANDIDATES = 1000;

/**
 * How {@link redact} treats each kind of personal data. Every field has a default; the defaults
 * make a copy fit to share with a higher level or an analyst. Keeping full resident ids, full phone
 * numbers or the names of people under observation needs a stated `purpose`.
 *
 * - `residentId`, `phone`: `mask` (default; by `residentIdMask` and `phoneMask`), `drop`, or `keep`.
 *   Ids and mobile numbers typed into free text are masked (or, under `drop`, blotted out) too.
 * - `names`: `protected` (default) writes the names of the people ever under medical observation,
 *   of the members of households classified as a confirmed, suspected or asymptomatic case, fever
 *   or close contact ({@link protectedPeople}), and of minors as surname + 某 (张某); `all` does so
 *   for everyone; `keep` keeps every name. A hidden name is hidden in free text too: finding
 *   descriptions, checklist and rectification notes, deeds, three-shows entries, report notes.
 * - `birthDate`: `allToYear` (default) keeps only the year of birth of everyone (as `YYYY-01-01`),
 *   and then counts as a minor (for names) whoever the year allows to be under 18 on `asOf`, so that
 *   a name shown tells nothing of the day of birth; `minorsToYear` cuts minors' birth dates only,
 *   `keep` keeps them all. Beside masked resident ids, both need a `purpose`: an adult's full birth
 *   date and sex leave a masked id about 46 possible numbers. Under `allToYear` a masked id is shown
 *   only when it stands for at least {@link MIN_ID_CANDIDATES} numbers given all the copy shows.
 * - `address`: `coarse` (default) hides house and room numbers (`吴家沟村3组**号`), `keep`.
 * - `temperature`: `flag` (default) writes every reading as 36.5 °C, or as the fever line when it
 *   reached it, so every figure of the dispatch (checks done, fever, escalation) stays the same;
 *   `keep`.
 * - `travel`: `coarse` (default) writes where a person came from as their screening category
 *   (武汉来返, 湖北来返, …) and keeps the arrival day (observation periods count from it); `keep`.
 * - `asOf`: the day on which minors are under 18 (default: the day of the ledger's last event).
 * - `residentIdMask`: a mask that shows a character the default one hides (beyond the first 6 and
 *   the last: birth date or sequence digits) needs a `purpose`; `phoneMask`: one that shows more
 *   characters than the default one does.
 *
 * @example
 * RedactionPolicy.parse({}).residentId; // => 'mask' (every field has a default)
 * RedactionPolicy.parse({ names: 'keep', purpose: '流调：追踪密切接触者' }).names; // => 'keep'
 * @category Privacy
 */
export const RedactionPolicy = z
  .object({
    /** Why full data is kept: required to keep resident ids, phone numbers, protected names or adults' birth dates. */
    purpose: z.string().trim().min(2).optional(),
    /** Resident ids. */
    residentId: z.enum(['mask', 'drop', 'keep']).default('mask'),
    /** Phone numbers. */
    phone: z.enum(['mask', 'drop', 'keep']).default('mask'),
    /** Whose names become surname + 某. */
    names: z.enum(['protected', 'all', 'keep']).default('protected'),
    /** Whose birth dates keep only the year. */
    birthDate: z.enum(['minorsToYear', 'allToYear', 'keep']).default('allToYear'),
    /** Household addresses. */
    address: z.enum(['coarse', 'keep']).default('coarse'),
    /** Temperature readings. */
    temperature: z.enum(['flag', 'keep']).default('flag'),
    /** Travel declarations. */
    travel: z.enum(['coarse', 'keep']).default('coarse'),
    /** How resident ids are masked. */
    residentIdMask: z._default(MaskPolicy, DEFAULT_RESIDENT_ID_MASK),
    /** How phone numbers are masked. */
    phoneMask: z._default(MaskPolicy, DEFAULT_PHONE_MASK),
    /** The day minors are counted on. */
    asOf: Day.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const kept: string[] = [];
    if (p.residentId === 'keep') kept.push('residentId');
    if (p.phone === 'keep') kept.push('phone');
    if (p.names === 'keep') kept.push('names');
    if (kept.length > 0 && p.purpose === undefined)
      for (const k of kept) ctx.addIssue({ code: 'custom', path: [k], message: `keeping ${k} needs a stated purpose (policy.purpose)` });
    // beside a masked id, an adult's birth date and sex leave 500 sequences / 11 check characters: about 46 ids
    if (p.purpose === undefined && p.residentId === 'mask' && p.birthDate !== 'allToYear')
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: `showing adults' full birth dates beside masked resident ids (about 46 ids for each) needs a stated purpose (policy.purpose)` });
    // an id mask showing birth-date or sequence digits gives the number away (the last character is a check digit)
    const d = DEFAULT_RESIDENT_ID_MASK;
    if (p.purpose === undefined && p.residentId === 'mask' && (p.residentIdMask.keepStart > d.keepStart || p.residentIdMask.keepEnd > d.keepEnd))
      ctx.addIssue({ code: 'custom', path: ['residentIdMask'], message: `a resident id mask showing more than the first ${d.keepStart} and the last ${d.keepEnd} characters needs a stated purpose (policy.purpose)` });
    const shows = (m: MaskPolicy): number => m.keepStart + m.keepEnd;
    if (p.purpose === undefined && p.phone === 'mask' && shows(p.phoneMask) > shows(DEFAULT_PHONE_MASK))
      ctx.addIssue({ code: 'custom', path: ['phoneMask'], message: `a phone mask showing more than ${shows(DEFAULT_PHONE_MASK)} characters needs a stated purpose (policy.purpose)` });
  });
/**
 * A redaction policy as written (every field optional).
 *
 * @example
 * const p: RedactionPolicyInput = { phone: 'drop' };
 * @category Privacy
 */
export type RedactionPolicyInput = z.input<typeof RedactionPolicy>;
/**
 * A redaction policy with its defaults filled in.
 *
 * @interface
 * @category Privacy
 */
export type RedactionPolicy = z.output<typeof RedactionPolicy>;

/**
 * The surname form of a name (张伟 → 张某): the first character and 某. Compound surnames keep their
 * first character only, which hides more, never less.
 *
 * @param name - A full name.
 * @returns Its first character followed by 某 (just 某 for an empty name).
 * @example
 * surnameOnly('张伟'); // => '张某'
 * @category Privacy
 */
export function surnameOnly(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? '某' : `${first}某`;
}

/** What follows a house, room or building number: spaces, then 号, 室, 栋, 幢, 单元, 楼, 户 or #. */
const NUMBER_SUFFIX = /\s*(号|室|栋|幢|单元|楼|户|#)/uy;

/**
 * Hides house, room and building numbers of an address: each whole run of digits followed by one
 * of their suffixes. The suffix is checked once a run, after it: a lookahead in the pattern of the
 * runs would be tried again at every digit of a run that has none, which takes quadratic time on
 * a long run of digits.
 */
function coarseAddress(address: string): string {
  return address.replace(/\d+/gu, (m: string, at: number) => {
    NUMBER_SUFFIX.lastIndex = at + m.length;
    return NUMBER_SUFFIX.test(address) ? '*'.repeat(m.length) : m;
  });
}

/** The day of the ledger's last event, or null for an empty ledger. */
function lastEventDay(ledger: Ledger): Day | null {
  let last: Instant | null = null;
  let lastMs = -Infinity;
  tableForEach(ledger.events, (at) => {
    const ms = Date.parse(at);
    if (ms > lastMs) {
      lastMs = ms;
      last = at;
    }
  });
  return last === null ? null : dayOf(last);
}

const CASE_LIKE = new Set(['confirmed', 'suspected', 'asymptomatic', 'fever', 'closeContact']);

/**
 * The people whose names {@link redact} and the reports protect by default: everyone ever under
 * medical observation, and the members of households ever classified as a confirmed, suspected or
 * asymptomatic case, fever or close contact.
 *
 * @param ledger - The ledger.
 * @returns The ids of the people protected.
 * @example
 * protectedPeople(ledger).has('p0034872' as PersonId); // => true (observed at home from 2020-01-25)
 * @category Privacy
 */
export function protectedPeople(ledger: Ledger): Set<string> {
  requireLedger(ledger);
  const out = new Set<string>();
  tableForEach(ledger.observations, (o) => out.add(o.personId));
  const households = new Set<string>();
  tableForEach(ledger.classifications, (c: ClassificationHistory) => {
    if (c.entries.some((e) => CASE_LIKE.has(e.category))) households.add(c.householdId);
  });
  if (households.size > 0)
    tableForEach(ledger.households, (h) => {
      if (households.has(h.id)) for (const m of h.members) out.add(m);
    });
  return out;
}

/**
 * A copy of the ledger fit to share: resident ids and phone numbers masked (in the register and
 * wherever free text writes them), names of the people under observation, of households with a
 * case and of minors written as surname + 某 (in the register and in every free text), birth dates
 * cut to the year, house numbers hidden, temperatures flagged and places of origin written as
 * categories — each as the {@link RedactionPolicy} says. Under the default policy every masked
 * resident id of the copy stands for at least {@link MIN_ID_CANDIDATES} ids, given all the copy
 * shows (the year of birth, sex, Party joining day, admission steps, the ledger's last day): an id
 * that the rest would narrow to fewer is left out. Every figure of {@link dailyDispatch} is the same
 * on the copy as on the ledger (with `temperature: 'flag'`). The ledger passed in is never changed.
 * Throws a {@link FrontlineError} (`invalid_input`) naming each problem of the policy, such as
 * keeping phone numbers without a purpose.
 *
 * The copy is for reading and sharing: its masked ids no longer parse as resident ids, so no event
 * should be applied to it.
 *
 * @param ledger - The ledger to share.
 * @param policy - What to keep, mask or drop (default: every default of {@link RedactionPolicy}).
 * @returns The redacted copy.
 * @throws {@link FrontlineError} `invalid_input` naming each problem of the policy.
 * @example
 * const person = tableGet(ledger.people, 'p0033994')!;
 * const shared = redact(ledger);
 * JSON.stringify(shared).includes(person.residentId!); // => false
 * redact(ledger, { phone: 'keep', purpose: '联系居家观察人员' }); // phones kept, for a stated purpose
 * redact(ledger, { phone: 'keep' }); // throws: phone: keeping phone needs a stated purpose (policy.purpose)
 * @category Privacy
 */
export function redact(ledger: Ledger, policy: RedactionPolicyInput = {}): Ledger {
  requireLedger(ledger);
  const parsed = RedactionPolicy.safeParse(policy);
  if (!parsed.success) throw new FrontlineError('invalid_input', 'invalid redaction policy', issuesFromZod(parsed.error, ['policy']));
  const p = parsed.data;
  const lastDay = lastEventDay(ledger);
  const asOf = p.asOf ?? lastDay;
  const known = (birth: Day): boolean => asOf !== null && Day.safeParse(birth).success;
  // a copy that shows only the year tells minors by the year: whoever may be under 18 on asOf
  const minorBorn = (birth: Day): boolean =>
    known(birth) && ageOn(p.birthDate === 'allToYear' ? (`${birth.slice(0, 4)}-12-31` as Day) : birth, asOf as Day) < 18;
  const toYear = (minor: boolean): boolean => p.birthDate === 'allToYear' || (p.birthDate === 'minorsToYear' && minor);
  // a birth date cut to its year, when the policy asks for it
  const birthShown = (birth: Day, minor: boolean): Day => (toYear(minor) ? (`${birth.slice(0, 4)}-01-01` as Day) : birth);
  const protectedIds = p.names === 'protected' ? protectedPeople(ledger) : new Set<string>();
  const adultFrom = p.residentId === 'mask' ? firstStepDays(ledger) : new Map<string, Day>();

  // names hidden in the register are hidden in free text too (finding descriptions, notes, deeds)
  const hiddenNames = new Map<string, string>();
  const people = tableMap(ledger.people, (person): Person => {
    const minor = minorBorn(person.birthDate);
    const hideName = p.names === 'all' || (p.names === 'protected' && (minor || protectedIds.has(person.id)));
    if (hideName && [...person.name].length >= 2) hiddenNames.set(person.name, surnameOnly(person.name));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(person) as (keyof Person)[]) {
      const v = person[key];
      if (key === 'name') out['name'] = hideName ? surnameOnly(person.name) : person.name;
      else if (key === 'birthDate') out['birthDate'] = birthShown(person.birthDate, minor);
      else if (key === 'residentId') {
        if (p.residentId === 'keep') out['residentId'] = v;
        else if (p.residentId === 'mask' && (!toYear(minor) || enoughCandidates(person, lastDay, adultFrom)))
          out['residentId'] = maskResidentId(v as string, p.residentIdMask);
      } else if (key === 'phone') {
        if (p.phone !== 'drop') out['phone'] = p.phone === 'mask' ? maskWith(v as string, p.phoneMask) : v;
      } else out[key] = Array.isArray(v) ? Object.freeze([...v]) : v;
    }
    return Object.freeze(out) as unknown as Person;
  });

  const households =
    p.address === 'keep'
      ? ledger.households
      : tableMap(ledger.households, (h): Household => Object.freeze({ id: h.id, unitId: h.unitId, address: coarseAddress(h.address), members: h.members }));

  const fever = ledger.settings.feverCelsius;
  const flag = (c: number): number => (c >= fever ? fever : Math.min(36.5, fever));
  const observations =
    p.temperature === 'keep'
      ? ledger.observations
      : tableMap(ledger.observations, (o) =>
          withFields(o, {
            readings: Object.freeze(o.readings.map((r) => withFields(r, { celsius: flag(r.celsius) }))) as Observation['readings'],
            ...(o.escalation === undefined ? {} : { escalation: withFields(o.escalation, { celsius: flag(o.escalation.celsius) }) }),
          }),
        );

  const declarations =
    p.travel === 'keep'
      ? ledger.declarations
      : tableMap(ledger.declarations, (d): TravelDeclaration =>
          Object.freeze({ id: d.id, personId: d.personId, from: label(d.category, 'zh-CN', 'screeningCategory'), category: d.category, arrivalDay: d.arrivalDay, declaredOn: d.declaredOn }),
        );

  const admissions =
    p.birthDate === 'keep' ? ledger.admissions : tableMap(ledger.admissions, (c) => withFields(c, { birthDate: birthShown(c.birthDate, minorBorn(c.birthDate)) }));

  const tables: Record<string, Table<object>> = { ...ledger, people, households, observations, declarations, admissions } as unknown as Record<string, Table<object>>;
  // every field the schemas mark as free text, in every table that has one
  const scrub = textScrubber(hiddenNames, p);
  if (scrub !== null)
    for (const name of Object.keys(RECORD_SCHEMAS) as RecordTable[]) {
      const paths = freeTextPaths(name);
      if (paths.length > 0) tables[name] = tableMap(tables[name] as Table<object>, (r) => paths.reduce((acc, path) => mapAt(acc, path, 0, scrub) as object, r));
    }
  return Object.freeze(ledgerObject({ ...ledger, ...tables })) as Ledger;
}

/** The day of the first admission step of each person with a case: they were 18 or older on it (the applicant's minimum age). */
function firstStepDays(ledger: Ledger): Map<string, Day> {
  const out = new Map<string, Day>();
  tableForEach(ledger.admissions, (c) => {
    for (const s of c.steps) {
      const was = out.get(c.person);
      if (was === undefined || s.day < was) out.set(c.person, s.day);
    }
  });
  return out;
}

/**
 * True when a masked resident id, beside the year of birth and the sex, stands for at least
 * {@link MIN_ID_CANDIDATES} ids, given what else a copy shows of the birth date: born on or before
 * the ledger's last day; 18 or older on joining the Party, at the first step of an admission case,
 * and, for every Party status but non-member and for cadres, on the last day.
 */
function enoughCandidates(person: Person, lastDay: Day | null, adultFrom: ReadonlyMap<string, Day>): boolean {
  const id = person.residentId;
  if (id === undefined || !Day.safeParse(person.birthDate).success) return true;
  const year = person.birthDate.slice(0, 4);
  const from = `${year}-01-01` as Day;
  let to = `${year}-12-31` as Day;
  const before = (day: Day | undefined): void => {
    if (day !== undefined && day < to) to = day;
  };
  if (lastDay !== null) {
    before(lastDay);
    if (person.partyStatus !== 'nonMember' || person.cadreLevel !== undefined) before(latestAdultBirth(lastDay));
  }
  if (person.partyJoinedOn !== undefined) before(latestAdultBirth(person.partyJoinedOn));
  const firstStep = adultFrom.get(person.id);
  if (firstStep !== undefined) before(latestAdultBirth(firstStep));
  // a whole year always leaves more than 16,500 (45 or 46 a day)
  if (to === `${year}-12-31`) return true;
  if (to < from) return false;
  return idCandidates(eighteen(id), from, to, MIN_ID_CANDIDATES) >= MIN_ID_CANDIDATES;
}

/** A resident id in 18 characters: a legacy 15-digit number gets `19` and its check character. */
function eighteen(id: string): string {
  if (!/^\d{15}$/.test(id)) return id;
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

/** A frozen copy of a record with some fields replaced, written field by field in the record's own order. */
function withFields<T extends object>(record: T, changes: Partial<T>): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) out[key] = Object.hasOwn(changes, key) ? (changes as Record<string, unknown>)[key] : (record as Record<string, unknown>)[key];
  return Object.freeze(out) as T;
}

/**
 * The function {@link redact} applies to every free text: resident ids and mobile numbers masked
 * as the policy masks them (blotted out under `drop`, left under `keep`), then every hidden name
 * written in its surname form; null when there is nothing to do.
 */
function textScrubber(names: ReadonlyMap<string, string>, p: RedactionPolicy): ((text: string) => string) | null {
  const byName = nameScrubber(names);
  const numbers = p.residentId !== 'keep' || p.phone !== 'keep';
  if (byName === null && !numbers) return null;
  const blot = (policy: MaskPolicy) => (value: string) => policy.maskChar.repeat(value.length);
  const masks = {
    residentId: p.residentId === 'keep' ? (id: string) => id : p.residentId === 'drop' ? blot(p.residentIdMask) : (id: string) => maskResidentId(id, p.residentIdMask),
    phone: p.phone === 'keep' ? (phone: string) => phone : p.phone === 'drop' ? blot(p.phoneMask) : (phone: string) => maskPhone(phone, p.phoneMask),
  };
  return (text: string): string => {
    const t = numbers ? scrubNumbers(text, masks, p.residentIdMask.maskChar) : text;
    return byName === null ? t : byName(t);
  };
}

/** A node of the names' trie: the nodes after each next UTF-16 unit, and the surname form of the name ending here. */
interface NameNode {
  readonly next: Map<number, NameNode>;
  form: string | undefined;
}

/**
 * A function that replaces every full name of `names` in a text by its surname form, the longest
 * name first at each place; null when there is no name to hide. The names are read from a trie, so
 * each place of the text costs at most the length of the names that start there, never the square of
 * the longest name.
 */
function nameScrubber(names: ReadonlyMap<string, string>): ((text: string) => string) | null {
  if (names.size === 0) return null;
  const root: NameNode = { next: new Map(), form: undefined };
  for (const [name, form] of names) {
    if (name.length < 2) continue;
    let node = root;
    for (let k = 0; k < name.length; k++) {
      const c = name.charCodeAt(k);
      let child = node.next.get(c);
      if (child === undefined) node.next.set(c, (child = { next: new Map(), form: undefined }));
      node = child;
    }
    node.form = form;
  }
  return (text: string): string => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      // the longest name starting at i
      let form: string | undefined;
      let len = 0;
      let node: NameNode | undefined = root;
      for (let j = i; j < text.length; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (node === undefined) break;
        if (node.form !== undefined) {
          form = node.form;
          len = j + 1 - i;
        }
      }
      if (form !== undefined) {
        out += form;
        i += len;
      } else {
        out += text[i] as string;
        i++;
      }
    }
    return out;
  };
}

/** A table of the ledger holding records (every table but `events`, which holds instants). */
type RecordTable = Exclude<(typeof TABLE_NAMES)[number], 'events'>;

/**
 * @internal The record schema of every table of the ledger: {@link redact} scrubs the fields each
 * marks as free text, whatever the table.
 */
export const RECORD_SCHEMAS: { readonly [T in RecordTable]: z.ZodType } = {
  people: Person,
  households: Household,
  campaigns: Campaign,
  letters: LetterDelivery,
  declarations: TravelDeclaration,
  observations: Observation,
  visits: Visit,
  screenings: HouseholdScreening,
  classifications: ClassificationHistory,
  serviceRequests: ServiceRequest,
  sites: Site,
  disinfections: SiteDisinfections,
  volunteers: Volunteer,
  tasks: VolunteerTask,
  posts: Post,
  absences: AbsenceRecord,
  rosters: PublishedRoster,
  duties: Duty,
  inspections: Inspection,
  findings: Finding,
  deeds: Deed,
  threeShows: ThreeShowsEntry,
  reports: DailyReport,
  admissions: AdmissionCase,
};

const textPaths = new Map<string, readonly (readonly string[])[]>();

/** The paths of a table's free-text fields, read from its schema's markers. */
function freeTextPaths(table: RecordTable): readonly (readonly string[])[] {
  let paths = textPaths.get(table);
  if (paths === undefined) {
    paths = sensitiveFields(RECORD_SCHEMAS[table])
      .filter((f) => f.sensitivity === 'freeText')
      .map((f) => f.path);
    textPaths.set(table, paths);
  }
  return paths;
}

/** The value with `fn` applied to the strings at `path` (`'*'`: every element), copying only what changes. */
function mapAt(value: unknown, path: readonly string[], i: number, fn: (text: string) => string): unknown {
  if (i === path.length) return typeof value === 'string' ? fn(value) : value;
  if (value === null || typeof value !== 'object') return value;
  const key = path[i] as string;
  if (key === '*') {
    if (!Array.isArray(value)) return value;
    const next = value.map((v: unknown) => mapAt(v, path, i + 1, fn));
    return next.every((v, k) => v === value[k]) ? value : Object.freeze(next);
  }
  if (!Object.hasOwn(value, key)) return value;
  const inner = (value as Record<string, unknown>)[key];
  const changed = mapAt(inner, path, i + 1, fn);
  return changed === inner ? value : withFields(value as Record<string, unknown>, { [key]: changed });
}

/**
 * {@link redact}'s policy problems without redacting: an empty list means the policy is valid.
 *
 * @param policy - The policy, as received.
 * @returns Every problem of the policy; empty when it is valid.
 * @example
 * checkRedactionPolicy({ residentId: 'keep' })[0]?.message; // => 'keeping residentId needs a stated purpose (policy.purpose)'
 * @category Privacy
 */
export function checkRedactionPolicy(policy: unknown): readonly Issue[] {
  const r = RedactionPolicy.safeParse(policy);
  return r.success ? [] : issuesFromZod(r.error, ['policy']);
}
