import { z } from 'zod';
import { Day } from '../core/day.js';
import { HouseholdId, OrgId, PersonId } from '../core/ids.js';
import { CadreLevel, PartyStatus, Sex } from '../core/vocabulary.js';
import { isValidResidentId } from './residentId.js';

/**
 * A mainland mobile phone number: 11 digits starting with 1.
 *
 * @example
 * Phone.parse('13812341234'); // => '13812341234'
 * @category People
 */
export const Phone = z.string().regex(/^1[3-9]\d{9}$/, 'a mobile number has 11 digits starting 13–19');
/**
 * A mobile phone number.
 *
 * @category People
 */
export type Phone = z.infer<typeof Phone>;

/**
 * A resident identity number (GB 11643-1999): 18 characters with a valid MOD 11-2 check character
 * and a real birth date, or a legacy 15-digit number.
 *
 * @example
 * ResidentIdNumber.parse('11010519491231002X'); // => '11010519491231002X'
 * ResidentIdNumber.safeParse('110105194912310021').success; // => false (check character)
 * @category People
 */
export const ResidentIdNumber = z
  .string()
  .refine(isValidResidentId, 'not a valid resident id (GB 11643-1999: 18 characters with MOD 11-2 check, or 15 digits)');
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
    /** Full name. */
    name: z.string().min(1),
    /** Sex as on the identity card. */
    sex: Sex,
    /** Day of birth. */
    birthDate: Day,
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
    /** Temporary bodies (temporary branch, commando, volunteer or disinfection team) the person serves in. */
    assignments: z.array(OrgId).optional(),
  })
  .strict();
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
    address: z.string().min(1),
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
