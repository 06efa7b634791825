import { Day, dayFromParts, dayOf, isRealDate, requireDay } from '../core/day.js';
import { FrontlineError, toResult, type Issue, type Result } from '../core/errors.js';
import { describeValue, refusal } from '../core/guards.js';
import type { Sex } from '../core/vocabulary.js';
import { residentIdCheckChar } from './checkChar.js';


/**
 * What a resident identity number says: address code, birth date, sequence, sex and check character.
 *
 * @example
 * const info: ResidentIdInfo = parseResidentId('11010519491231002X');
 * @category People
 */
export interface ResidentIdInfo {
  /** The 18-character number (converted from a legacy 15-digit one when needed). */
  readonly id: string;
  /** The 6-digit address code of first registration (never checked against a list: historic codes stay valid). */
  readonly addressCode: string;
  /** The birth date. */
  readonly birthDate: Day;
  /** The 3-digit sequence number. */
  readonly sequence: string;
  /** Odd sequence male, even female. */
  readonly sex: Sex;
  /** The check character, `0`–`9` or `X`. */
  readonly checkChar: string;
  /** True when the input was a legacy 15-digit number. */
  readonly legacy: boolean;
}

/**
 * Options of {@link parseResidentId}, {@link tryParseResidentId} and {@link isValidResidentId}.
 *
 * @example
 * const o: ResidentIdOptions = { asOf: '2020-01-24' as Day };
 * isValidResidentId('511621202003010011', o); // => false (born after 2020-01-24)
 * @category People
 */
export interface ResidentIdOptions {
  /**
   * The day the number is read on: a birth date after it is refused. Default: today in China
   * (Asia/Shanghai). Pass the day of the record for historical data.
   */
  readonly asOf?: Day;
}

/** The reference day of the options: `asOf`, or today in China. */
function referenceDay(options: ResidentIdOptions | undefined): Day {
  return options?.asOf === undefined ? dayOf(new Date()) : requireDay(options.asOf, 'asOf');
}


function problems(input: string, asOf: Day): { issues: Issue[]; id18?: string; legacy: boolean } {
  const issue = (code: string, message: string): Issue => ({ path: [], code, message, rule: 'id.residentId' });
  const future = (birth: string): Issue => issue('future_birth_date', `birth date ${birth} is after ${asOf}: nobody is born yet on it`);
  const raw = input.trim().toUpperCase();
  if (/^\d{15}$/.test(raw)) {
    const y = 1900 + Number(raw.slice(6, 8));
    if (!isRealDate(y, Number(raw.slice(8, 10)), Number(raw.slice(10, 12))))
      return { issues: [issue('birth_date', `birth date 19${raw.slice(6, 12)} is not a real date`)], legacy: true };
    const birth = `${y}-${raw.slice(8, 10)}-${raw.slice(10, 12)}`;
    if (birth > asOf) return { issues: [future(birth)], legacy: true };
    const first17 = `${raw.slice(0, 6)}19${raw.slice(6)}`;
    return { issues: [], id18: first17 + residentIdCheckChar(first17), legacy: true };
  }
  if (raw.length !== 18) return { issues: [issue('length', `a resident id has 18 characters (or 15 digits), got ${raw.length}`)], legacy: false };
  if (!/^\d{17}[\dX]$/.test(raw)) return { issues: [issue('characters', 'a resident id is 17 digits and a digit or X')], legacy: false };
  const issues: Issue[] = [];
  const y = Number(raw.slice(6, 10));
  const birth = `${raw.slice(6, 10)}-${raw.slice(10, 12)}-${raw.slice(12, 14)}`;
  if (!isRealDate(y, Number(raw.slice(10, 12)), Number(raw.slice(12, 14))) || y < 1800)
    issues.push(issue('birth_date', `birth date ${raw.slice(6, 14)} is not a real date`));
  else if (birth > asOf) issues.push(future(birth));
  const expected = residentIdCheckChar(raw.slice(0, 17));
  if (raw[17] !== expected) issues.push(issue('check_char', `check character is ${raw[17]}, MOD 11-2 gives ${expected}`));
  return issues.length > 0 ? { issues, legacy: false } : { issues, id18: raw, legacy: false };
}

/**
 * Reads a resident identity number (GB 11643-1999). An 18-character number must have a real birth
 * date, not after `options.asOf` (default: today in China), and a valid MOD 11-2 check character; a
 * legacy 15-digit number is converted (inserting `19` and computing the check). Unknown or historic
 * address codes are accepted. Throws a {@link FrontlineError} (`invalid_resident_id`) naming every
 * problem: `future_birth_date` for a birth date after the reference day.
 *
 * @param input - The number as written (spaces around it and a lower-case `x` are accepted).
 * @param options - `asOf`: the day the number is read on (a later birth date is refused); today in China by default.
 * @returns What the number says: the 18-character id, address code, birth date, sequence, sex and check character.
 * @throws {@link FrontlineError} `invalid_resident_id` naming every problem.
 * @example
 * parseResidentId('11010519491231002X').birthDate; // => '1949-12-31'
 * parseResidentId('11010519491231002X').sex; // => 'female'
 * parseResidentId('513621800101001').id; // => '513621198001010010'
 * parseResidentId('511621202003010011', { asOf: '2020-01-24' as Day }); // throws: birth date 2020-03-01 is after 2020-01-24
 * @category People
 */
export function parseResidentId(input: string, options?: ResidentIdOptions): ResidentIdInfo {
  if (typeof input !== 'string')
    throw refusal('invalid_resident_id', 'invalid resident id', [], 'invalid_type', `a resident id is a string, got ${describeValue(input)}`);
  const { issues, id18, legacy } = problems(input, referenceDay(options));
  if (id18 === undefined) throw new FrontlineError('invalid_resident_id', 'invalid resident id', issues);
  const seq = id18.slice(14, 17);
  return {
    id: id18,
    addressCode: id18.slice(0, 6),
    birthDate: dayFromParts(Number(id18.slice(6, 10)), Number(id18.slice(10, 12)), Number(id18.slice(12, 14))),
    sequence: seq,
    sex: Number(seq) % 2 === 1 ? 'male' : 'female',
    checkChar: id18[17] as string,
    legacy,
  };
}

/**
 * {@link parseResidentId} without throwing.
 *
 * @param input - The number as written.
 * @param options - `asOf`: the day the number is read on (a later birth date is refused); today in China by default.
 * @returns What the number says, or the error naming every problem.
 * @example
 * tryParseResidentId('110105194912310021').ok; // => false
 * @category People
 */
export function tryParseResidentId(input: string, options?: ResidentIdOptions): Result<ResidentIdInfo> {
  return toResult(() => parseResidentId(input, options));
}

/**
 * True when the number is a valid 18-character or legacy 15-digit resident id, born no later than
 * `options.asOf` (default: today in China); false for anything that is not a string.
 *
 * @param input - The number as written.
 * @param options - `asOf`: the day the number is read on (a later birth date is refused); today in China by default.
 * @returns True when {@link parseResidentId} would accept it.
 * @example
 * isValidResidentId('440524188001010014'); // => true
 * isValidResidentId('511621209901010015'); // => false (born in 2099)
 * @category People
 */
export function isValidResidentId(input: string, options?: ResidentIdOptions): boolean {
  return typeof input === 'string' && problems(input, referenceDay(options)).id18 !== undefined;
}

/**
 * Writes an 18-character resident id from its parts, computing the check character. Throws a
 * {@link FrontlineError}: `invalid_day` for a birth date that is not a real day from 1800 on,
 * `invalid_input` for an address code not of 6 digits or a sequence outside 0–999.
 *
 * @param addressCode - The 6-digit address code.
 * @param birthDate - The birth date.
 * @param sequence - The sequence number, 0–999 (odd for a man, even for a woman).
 * @returns The 18-character id.
 * @throws {@link FrontlineError} `invalid_input` for an address code that is not 6 digits or a sequence outside 0–999; `invalid_day` for a birth date that is not a real day from 1800 on.
 * @example
 * makeResidentId('110105', '1949-12-31' as Day, 2); // => '11010519491231002X'
 * @category People
 */
export function makeResidentId(addressCode: string, birthDate: Day, sequence: number): string {
  if (typeof addressCode !== 'string' || !/^\d{6}$/.test(addressCode))
    throw refusal('invalid_input', 'cannot write a resident id', ['addressCode'], 'invalid_address_code', `an address code has 6 digits, got ${describeValue(addressCode)}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999)
    throw refusal('invalid_input', 'cannot write a resident id', ['sequence'], 'invalid_sequence', `a sequence is 0–999, got ${describeValue(sequence)}`);
  if (!Day.safeParse(birthDate).success || birthDate < '1800')
    throw refusal('invalid_day', 'cannot write a resident id', ['birthDate'], 'birth_date', `a birth date is a real day from 1800 on, got ${describeValue(birthDate)}`);
  const first17 = `${addressCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
