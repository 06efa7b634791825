import { z } from 'zod';
import { sensitive } from '../core/sensitivity.js';
import { Day } from '../core/day.js';
import { FrontlineError, type Issue } from '../core/errors.js';
import { describeValue, isRecord, requireList } from '../core/guards.js';
import { HouseholdId, OrgId, PersonId, RecordId } from '../core/ids.js';
import { CadreLevel, PartyStatus, Sex } from '../core/vocabulary.js';
import { tryParseResidentId } from './residentId.js';

/**
 * A mainland mobile phone number: 11 digits starting with 1.
 *
 * @example
 * Phone.parse('13812341234'); // => '13812341234'
 * sensitivityOf(Phone); // => 'phone' (sensitive wherever it is used)
 * @category People
 */
export const Phone = sensitive(z.string().regex(/^1[3-9]\d{9}$/, 'a mobile number has 11 digits starting 13–19'), 'phone');
/**
 * A mobile phone number.
 *
 * @category People
 */
export type Phone = z.infer<typeof Phone>;

/**
 * A resident identity number (GB 11643-1999): 18 characters with a valid MOD 11-2 check character
 * and a real birth date, not after today in China, or a legacy 15-digit number. Each problem is
 * named (`birth date 2099-01-01 is after …`).
 *
 * @example
 * ResidentIdNumber.parse('11010519491231002X'); // => '11010519491231002X'
 * ResidentIdNumber.safeParse('110105194912310021').success; // => false (check character)
 * ResidentIdNumber.safeParse('511621209901010015').success; // => false (born in 2099)
 * @category People
 */
export const ResidentIdNumber = sensitive(
  z
    .string()
    .regex(/^(\d{17}[\dX]|\d{15})$/, 'a resident id is written as 17 digits and a digit or capital X (or 15 digits), without spaces')
    .superRefine((id, ctx) => {
      const r = tryParseResidentId(id);
      if (!r.ok) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: `not a valid resident id (GB 11643-1999): ${i.message}` });
    }),
  'residentId',
);
/**
 * A resident identity number.
 *
 * @category People
 */
export type ResidentIdNumber = z.infer<typeof ResidentIdNumber>;

/**
 * A person of the county: resident, Party member, cadre or volunteer. `unitId` is where the person
 * belongs (village or community of residence, or institution of work) and where their Party
 * relations sit; `assignments` are the temporary bodies they serve in without transferring them.
 *
 * @example
 * Person.parse({
 *   id: 'p1', name: '张伟', sex: 'male', birthDate: '1980-05-01', unitId: 'wjg',
 *   partyStatus: 'fullMember', partyJoinedOn: '2005-07-01',
 * });
 * @category People
 */
export const Person = z
  .object({
    /** Unique id. */
    id: PersonId,
    /**
     * Full name; sensitive. At most 100 characters (UTF-16 units): far more than any name, even a
     * transliterated one; a redacted copy looks every hidden name up in every free text.
     */
    name: sensitive(z.string().min(1).max(100), 'name'),
    /** Sex as on the identity card. */
    sex: Sex,
    /** Day of birth; sensitive (it tells minors apart). */
    birthDate: sensitive(Day.clone(), 'birthDate'),
    /** Resident identity number; sensitive, shown masked. */
    residentId: ResidentIdNumber.optional(),
    /** Mobile phone; sensitive, shown masked. */
    phone: Phone.optional(),
    /** The unit the person belongs to and holds Party relations in. */
    unitId: OrgId,
    /** The household of the register the person lives in, if registered. */
    householdId: HouseholdId.optional(),
    /** Standing towards the Party. */
    partyStatus: PartyStatus,
    /** For members: the day of the branch meeting that admitted them (probation counts from it). */
    partyJoinedOn: Day.optional(),
    /** For cadres: their level. */
    cadreLevel: CadreLevel.optional(),
    /** For cadres: the post held, such as 县委书记 or 村党支部书记. */
    post: z.string().min(1).optional(),
    /** The person's member-development case in the ledger, once one is opened. */
    admissionCase: RecordId.optional(),
    /** The person's latest home observation in the ledger, once one is started; sensitive. */
    observation: sensitive(RecordId.clone(), 'observation').optional(),
    /** Temporary bodies (temporary branch, commando, volunteer or disinfection team) the person serves in. */
    assignments: z.array(OrgId).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    // the birth date and sex written in the resident id must be the person's
    if (p.residentId === undefined || !Day.safeParse(p.birthDate).success) return;
    const info = tryParseResidentId(p.residentId);
    if (!info.ok) return;
    if (info.value.birthDate !== p.birthDate)
      ctx.addIssue({ code: 'custom', path: ['residentId'], message: `the resident id gives birth date ${info.value.birthDate}, not ${p.birthDate}` });
    if (info.value.sex !== p.sex) ctx.addIssue({ code: 'custom', path: ['residentId'], message: `the resident id gives sex ${info.value.sex}, not ${p.sex}` });
  });
/**
 * A person.
 *
 * @interface
 * @category People
 */
export type Person = z.infer<typeof Person>;

/**
 * A household of the household register (户): its unit, address and members.
 *
 * @example
 * Household.parse({ id: 'h1', unitId: 'wjg', address: '吴家沟村3组12号', members: ['p1', 'p2'] });
 * @category People
 */
export const Household = z
  .object({
    /** Unique id. */
    id: HouseholdId,
    /** The village or community it is registered in. */
    unitId: OrgId,
    /** Street address or village group and number; sensitive. */
    address: sensitive(z.string().min(1), 'address'),
    /** The people living in it, head first. */
    members: z.array(PersonId),
  })
  .strict();
/**
 * A household of the register.
 *
 * @interface
 * @category People
 */
export type Household = z.infer<typeof Household>;

/**
 * @internal Checks, cheaply enough for a county's 1.2 million people, the fields of people that the
 * organization checks read (`id`, `unitId`, `partyStatus`, `cadreLevel`, `assignments`); throws a
 * {@link FrontlineError} (`invalid_input`) naming the first problems otherwise.
 */
export function requirePeopleRows(people: unknown, path: PropertyKey = 'people'): readonly Person[] {
  const list = requireList(people, [path], 'the people');
  const issues: Issue[] = [];
  for (let i = 0; i < list.length && issues.length < 20; i++) {
    const p = list[i];
    if (!isRecord(p)) issues.push({ path: [path, i], code: 'invalid_type', message: `a person is an object, got ${describeValue(p)}` });
    else
      for (const key of ['id', 'unitId', 'partyStatus'] as const)
        if (typeof p[key] !== 'string') issues.push({ path: [path, i, key], code: 'invalid_type', message: `${key} is a string, got ${describeValue(p[key])}` });
    const assignments = isRecord(p) ? p['assignments'] : undefined;
    if (assignments !== undefined && !(Array.isArray(assignments) && assignments.every((a) => typeof a === 'string')))
      issues.push({ path: [path, i, 'assignments'], code: 'invalid_type', message: 'assignments are unit ids' });
  }
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'invalid people', issues);
  return list as readonly Person[];
}
