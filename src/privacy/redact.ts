import { z } from 'zod';
import { Observation, type ClassificationHistory, type TravelDeclaration } from '../campaigns/records.js';
import { AdmissionCase } from '../admission/model.js';
import { Deed, ThreeShowsEntry } from '../evaluation/records.js';
import { DailyReport } from '../report/records.js';
import { Finding, Inspection } from '../supervision/records.js';
import { sensitiveFields } from './sensitivity.js';
import { ageOn, Day, dayOf, type Instant } from '../core/day.js';
import { FrontlineError, issuesFromZod, type Issue } from '../core/errors.js';
import { label } from '../core/vocabulary.js';
import { requireLedger, type Ledger } from '../ledger/ledger.js';
import { tableForEach, tableMap, type Table } from '../ledger/table.js';
import { DEFAULT_PHONE_MASK, DEFAULT_RESIDENT_ID_MASK, MaskPolicy, maskWith } from '../people/mask.js';
import type { Household, Person } from '../people/person.js';

/**
 * How {@link redact} treats each kind of personal data. Every field has a default; the defaults
 * make a copy fit to share with a higher level or an analyst. Keeping full resident ids, full phone
 * numbers or the names of people under observation needs a stated `purpose`.
 *
 * - `residentId`, `phone`: `mask` (default; by `residentIdMask` and `phoneMask`), `drop`, or `keep`.
 * - `names`: `protected` (default) writes the names of the people ever under medical observation,
 *   of the members of households classified as a confirmed, suspected or asymptomatic case, fever
 *   or close contact ({@link protectedPeople}), and of minors as surname + 某 (张某); `all` does so
 *   for everyone; `keep` keeps every name. A hidden name is hidden in free text too: finding
 *   descriptions, checklist and rectification notes, deeds, three-shows entries, report notes.
 * - `birthDate`: `minorsToYear` (default) keeps only the year of birth of minors (as `YYYY-01-01`),
 *   `allToYear` does so for everyone, `keep` keeps them.
 * - `address`: `coarse` (default) hides house and room numbers (`吴家沟村3组**号`), `keep`.
 * - `temperature`: `flag` (default) writes every reading as 36.5 °C, or as the fever line when it
 *   reached it, so every figure of the dispatch (checks done, fever, escalation) stays the same;
 *   `keep`.
 * - `travel`: `coarse` (default) writes where a person came from as their screening category
 *   (武汉来返, 湖北来返, …) and keeps the arrival day (observation periods count from it); `keep`.
 * - `asOf`: the day on which minors are under 18 (default: the day of the ledger's last event).
 *
 * @example
 * RedactionPolicy.parse({}); // => every default
 * RedactionPolicy.parse({ names: 'keep', purpose: '流调：追踪密切接触者' }).names; // => 'keep'
 * @category Privacy
 */
export const RedactionPolicy = z
  .object({
    /** Why full data is kept: required to keep resident ids, phone numbers or protected names. */
    purpose: z.string().trim().min(2).optional(),
    /** Resident ids. */
    residentId: z.enum(['mask', 'drop', 'keep']).default('mask'),
    /** Phone numbers. */
    phone: z.enum(['mask', 'drop', 'keep']).default('mask'),
    /** Whose names become surname + 某. */
    names: z.enum(['protected', 'all', 'keep']).default('protected'),
    /** Whose birth dates keep only the year. */
    birthDate: z.enum(['minorsToYear', 'allToYear', 'keep']).default('minorsToYear'),
    /** Household addresses. */
    address: z.enum(['coarse', 'keep']).default('coarse'),
    /** Temperature readings. */
    temperature: z.enum(['flag', 'keep']).default('flag'),
    /** Travel declarations. */
    travel: z.enum(['coarse', 'keep']).default('coarse'),
    /** How resident ids are masked. */
    residentIdMask: MaskPolicy.default(DEFAULT_RESIDENT_ID_MASK),
    /** How phone numbers are masked. */
    phoneMask: MaskPolicy.default(DEFAULT_PHONE_MASK),
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
    // a mask that shows more than the default one may give the number away (an id's last character is a check digit)
    const shows = (m: MaskPolicy): number => m.keepStart + m.keepEnd;
    if (p.purpose === undefined && p.residentId === 'mask' && shows(p.residentIdMask) > shows(DEFAULT_RESIDENT_ID_MASK))
      ctx.addIssue({ code: 'custom', path: ['residentIdMask'], message: `a resident id mask showing more than ${shows(DEFAULT_RESIDENT_ID_MASK)} characters needs a stated purpose (policy.purpose)` });
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
 * @example
 * surnameOnly('张伟'); // => '张某'
 * @category Privacy
 */
export function surnameOnly(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? '某' : `${first}某`;
}

/** Hides house, room and building numbers of an address. */
function coarseAddress(address: string): string {
  return address.replace(/\d+(?=\s*(号|室|栋|幢|单元|楼|户|#))/gu, (m) => '*'.repeat(m.length));
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
 * @example
 * protectedPeople(ledger).has('p0000042' as PersonId); // => true when they were observed
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
 * A copy of the ledger fit to share: resident ids and phone numbers masked, names of the people
 * under observation, of households with a case and of minors written as surname + 某 (in the
 * register and in every free text), minors' birth dates cut to the year, house numbers hidden,
 * temperatures flagged and places of origin written as categories — each as the
 * {@link RedactionPolicy} says. Every figure of
 * {@link dailyDispatch} is the same on the copy as on the ledger (with `temperature: 'flag'`). The
 * ledger passed in is never changed. Throws a {@link FrontlineError} (`invalid_input`) naming
 * each problem of the policy, such as keeping phone numbers without a purpose.
 *
 * The copy is for reading and sharing: its masked ids no longer parse as resident ids, so no event
 * should be applied to it.
 *
 * @example
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
  const asOf = p.asOf ?? lastEventDay(ledger);
  const minorBorn = (birth: Day): boolean => asOf !== null && Day.safeParse(birth).success && ageOn(birth, asOf) < 18;
  // a birth date cut to its year, when the policy asks for it
  const birthShown = (birth: Day, minor: boolean): Day =>
    p.birthDate === 'allToYear' || (p.birthDate === 'minorsToYear' && minor) ? (`${birth.slice(0, 4)}-01-01` as Day) : birth;
  const protectedIds = p.names === 'protected' ? protectedPeople(ledger) : new Set<string>();

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
        if (p.residentId !== 'drop') out['residentId'] = p.residentId === 'mask' ? maskWith(v as string, p.residentIdMask) : v;
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

  const scrub = scrubber(hiddenNames);
  const admissions =
    p.birthDate === 'keep' ? ledger.admissions : tableMap(ledger.admissions, (c) => withFields(c, { birthDate: birthShown(c.birthDate, minorBorn(c.birthDate)) }));
  // every field the schemas mark as free text, in every table that has one
  const tables = { findings: ledger.findings, inspections: ledger.inspections, deeds: ledger.deeds, threeShows: ledger.threeShows, reports: ledger.reports, observations, admissions };
  if (scrub !== null)
    for (const name of Object.keys(tables) as (keyof typeof tables)[]) {
      const paths = freeTextPaths(name);
      (tables as Record<string, Table<object>>)[name] = tableMap((tables as Record<string, Table<object>>)[name] as Table<object>, (r) => paths.reduce((acc, path) => mapAt(acc, path, 0, scrub) as object, r));
    }
  return Object.freeze({ ...ledger, people, households, declarations, ...tables });
}

/** A frozen copy of a record with some fields replaced, written field by field in the record's own order. */
function withFields<T extends object>(record: T, changes: Partial<T>): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) out[key] = Object.hasOwn(changes, key) ? (changes as Record<string, unknown>)[key] : (record as Record<string, unknown>)[key];
  return Object.freeze(out) as T;
}

/**
 * A function that replaces every full name of `names` in a text by its surname form, the longest
 * name first at each place; null when there is no name to hide.
 */
function scrubber(names: ReadonlyMap<string, string>): ((text: string) => string) | null {
  if (names.size === 0) return null;
  let longest = 0;
  for (const name of names.keys()) longest = Math.max(longest, name.length);
  return (text: string): string => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      let replaced = false;
      for (let len = Math.min(longest, text.length - i); len >= 2 && !replaced; len--) {
        const r = names.get(text.slice(i, i + len));
        if (r !== undefined) {
          out += r;
          i += len;
          replaced = true;
        }
      }
      if (!replaced) {
        out += text[i] as string;
        i++;
      }
    }
    return out;
  };
}

/** The record schema of each table with free text. */
const TEXT_SCHEMAS = {
  findings: Finding,
  inspections: Inspection,
  deeds: Deed,
  threeShows: ThreeShowsEntry,
  reports: DailyReport,
  observations: Observation,
  admissions: AdmissionCase,
} as const;

const textPaths = new Map<string, readonly (readonly string[])[]>();

/** The paths of a table's free-text fields, read from its schema's markers. */
function freeTextPaths(table: keyof typeof TEXT_SCHEMAS): readonly (readonly string[])[] {
  let paths = textPaths.get(table);
  if (paths === undefined) {
    paths = sensitiveFields(TEXT_SCHEMAS[table])
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
 * @example
 * checkRedactionPolicy({ residentId: 'keep' })[0]?.message; // => 'keeping residentId needs a stated purpose (policy.purpose)'
 * @category Privacy
 */
export function checkRedactionPolicy(policy: unknown): readonly Issue[] {
  const r = RedactionPolicy.safeParse(policy);
  return r.success ? [] : issuesFromZod(r.error, ['policy']);
}
