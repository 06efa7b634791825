import { describe, expect, test } from 'vitest';
import { FrontlineError, Household, Person, Phone, ResidentIdNumber, parseOrThrow, safeParseWith } from '../../src/index.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const person = {
  id: 'p1',
  name: '张伟',
  sex: 'male',
  birthDate: '1980-05-01',
  residentId: '513621198005010018',
  phone: '13812341234',
  unitId: 'wjg',
  householdId: 'h1',
  partyStatus: 'fullMember',
  partyJoinedOn: '2005-07-01',
  cadreLevel: 'village',
  post: '村党支部书记',
  assignments: ['commando-1'],
};

const household = { id: 'h1', unitId: 'wjg', address: '吴家沟村3组12号', members: ['p1', 'p2'] };

/** The issues of a failed parse, as library issues. */
function issuesOf(schema: typeof Person | typeof Household, input: unknown): FrontlineError['issues'] {
  const r = safeParseWith(schema, input, 'invalid_input', 'record');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error.issues;
}

describe('Phone and ResidentIdNumber', () => {
  test.each(['13812341234', '19900001111', '15000000000'])('accepts the mobile number %s', (p) => {
    expect(Phone.parse(p)).toBe(p);
  });

  test.each(['1381234123', '138123412345', '12812341234', '23812341234', '1381234123a', '+8613812341234', '138-1234-1234'])(
    'rejects the phone %j',
    (p) => {
      expect(Phone.safeParse(p).success).toBe(false);
    },
  );

  test('resident id numbers: valid 18 and legacy 15 accepted; lowercase x, spaces and a wrong check rejected', () => {
    expect(ResidentIdNumber.parse('11010519491231002X')).toBe('11010519491231002X');
    expect(ResidentIdNumber.safeParse('513621800101001').success).toBe(true);
    // records keep the written form: a lowercase x or spaces are for parseResidentId to clean, not for storage
    expect(ResidentIdNumber.safeParse('11010519491231002x').success).toBe(false);
    expect(ResidentIdNumber.safeParse(' 11010519491231002X').success).toBe(false);
    expect(ResidentIdNumber.safeParse('110105194912310021').success).toBe(false);
    expect(ResidentIdNumber.safeParse('11010520210229002X').success).toBe(false);
  });

  test('a resident id born in the future is refused, with the reason on its path', () => {
    const future = ResidentIdNumber.safeParse('511621209901010015');
    expect(future.success).toBe(false);
    if (!future.success) expect(future.error.issues.map((i) => i.message)).toEqual([expect.stringContaining('birth date 2099-01-01 is after')]);
    const p = Person.safeParse({ ...person, birthDate: '2099-01-01', sex: 'male', residentId: '511621209901010015' });
    expect(p.success).toBe(false);
    if (!p.success) expect(p.error.issues.map((i) => [i.path, i.message])).toEqual([[['residentId'], expect.stringContaining('2099-01-01')]]);
  });
});

describe('Person', () => {
  test('rejects a resident id whose birth date or sex is not the person\'s', () => {
    const wrongDay = Person.safeParse({ ...person, birthDate: '1949-12-30', residentId: '11010519491231002X', sex: 'female' });
    expect(wrongDay.success).toBe(false);
    if (!wrongDay.success) expect(wrongDay.error.issues.map((i) => i.path)).toEqual([['residentId']]);
    const wrongSex = Person.safeParse({ ...person, birthDate: '1949-12-31', residentId: '11010519491231002X', sex: 'male' });
    expect(wrongSex.success).toBe(false);
    expect(Person.safeParse({ ...person, birthDate: '1949-12-31', residentId: '11010519491231002X', sex: 'female' }).success).toBe(true);
  });

  test('accepts a valid person, with all fields or only the required ones', () => {
    expect(Person.parse(person)).toEqual(person);
    const minimal = { id: 'p2', name: '李娜', sex: 'female', birthDate: '1990-02-28', unitId: 'cb', partyStatus: 'nonMember' };
    expect(Person.parse(minimal)).toEqual(minimal);
  });

  test('takes a name of up to 100 characters and refuses a longer one (a redacted copy looks every hidden name up in every free text)', () => {
    expect(Person.safeParse({ ...person, name: `阿${'卜'.repeat(99)}` }).success).toBe(true);
    const issues = issuesOf(Person, { ...person, name: 'x'.repeat(100_000) });
    expect(issues.map((i) => [i.path, i.code])).toEqual([[['name'], 'too_big']]);
  });

  test('rejects extra fields (strict), naming them', () => {
    const issues = issuesOf(Person, { ...person, temperature: 37.2 });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('unrecognized_keys');
    expect(issues[0]?.path).toEqual([]);
    expect(issues[0]?.message).toContain('temperature');
  });

  test.each<[string, Record<string, unknown>, PropertyKey[]]>([
    ['a resident id with a wrong check character', { residentId: '513621198005010011' }, ['residentId']],
    ['a resident id with a bad date', { residentId: '11010520210229002X' }, ['residentId']],
    ['a bad phone', { phone: '1381234123' }, ['phone']],
    ['a birth date that is not a real date', { birthDate: '1980-02-30' }, ['birthDate']],
    ['a badly written birth date', { birthDate: '1980/05/01' }, ['birthDate']],
    ['a party joining day that is not a real date', { partyJoinedOn: '2005-02-29' }, ['partyJoinedOn']],
    ['an unknown Party status', { partyStatus: 'member' }, ['partyStatus']],
    ['an unknown sex', { sex: 'm' }, ['sex']],
    ['an unknown cadre level', { cadreLevel: 'province' }, ['cadreLevel']],
    ['an empty name', { name: '' }, ['name']],
    ['an empty id', { id: '' }, ['id']],
    ['an empty post', { post: '' }, ['post']],
    ['an empty assignment id', { assignments: ['commando-1', ''] }, ['assignments', 1]],
  ])('rejects %s, with the path of the field', (_, change, path) => {
    const issues = issuesOf(Person, { ...person, ...change });
    expect(issues.length).toBeGreaterThan(0);
    // every issue points at the field (a badly written day also fails the real-date check)
    for (const i of issues) expect(i.path).toEqual(path);
  });

  test.each(['id', 'name', 'sex', 'birthDate', 'unitId', 'partyStatus'])('requires %s', (field) => {
    const input: Record<string, unknown> = { ...person };
    delete input[field];
    expect(issuesOf(Person, input).map((i) => i.path)).toEqual([[field]]);
  });

  test('reports every problem at once, each with its path, in the error message', () => {
    let thrown: unknown;
    try {
      parseOrThrow(Person, { ...person, phone: '1', birthDate: '2021-02-29', extra: 1 }, 'invalid_input', 'person');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FrontlineError);
    const e = thrown as FrontlineError;
    expect(e.issues.map((i) => i.path)).toEqual(expect.arrayContaining([['phone'], ['birthDate'], []]));
    expect(e.issues).toHaveLength(3);
    expect(e.message).toContain('  - phone: ');
    expect(e.message).toContain('  - birthDate: ');
  });

  test('does not mutate its input (deep-frozen, and equal to a clone afterwards)', () => {
    const input = structuredClone(person);
    const before = structuredClone(input);
    deepFreeze(input);
    expect(() => Person.parse(input)).not.toThrow();
    expect(Person.safeParse({ ...input, phone: 'x' }).success).toBe(false);
    expect(input).toEqual(before);
  });

  test('a rejected input is not mutated either', () => {
    const input = { ...structuredClone(person), extra: { nested: [1, 2] } };
    const before = structuredClone(input);
    deepFreeze(input);
    expect(Person.safeParse(input).success).toBe(false);
    expect(input).toEqual(before);
  });
});

describe('Household', () => {
  test('accepts a valid household', () => {
    expect(Household.parse(household)).toEqual(household);
    expect(Household.parse({ ...household, members: [] })).toEqual({ ...household, members: [] });
  });

  test('rejects extra fields (strict)', () => {
    const issues = issuesOf(Household, { ...household, headPhone: '13812341234' });
    expect(issues.map((i) => [i.code, i.path])).toEqual([['unrecognized_keys', []]]);
    expect(issues[0]?.message).toContain('headPhone');
  });

  test.each<[string, Record<string, unknown>, PropertyKey[]]>([
    ['an empty address', { address: '' }, ['address']],
    ['an empty member id', { members: ['p1', ''] }, ['members', 1]],
    ['a member id that is not a string', { members: ['p1', 'p2', 3] }, ['members', 2]],
    ['members that are not an array', { members: 'p1' }, ['members']],
    ['an empty unit id', { unitId: '' }, ['unitId']],
  ])('rejects %s, with the path of the field', (_, change, path) => {
    expect(issuesOf(Household, { ...household, ...change }).map((i) => i.path)).toEqual([path]);
  });

  test('does not mutate its input', () => {
    const input = deepFreeze(structuredClone(household));
    const before = structuredClone(household);
    expect(Household.parse(input)).toEqual(before);
    expect(Household.safeParse({ ...input, address: '' }).success).toBe(false);
    expect(input).toEqual(before);
  });
});
