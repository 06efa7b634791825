import { describe, expect, test } from 'vitest';
import {
  FrontlineError,
  RULES,
  isValidResidentId,
  makeResidentId,
  parseResidentId,
  residentIdCheckChar,
  tryParseResidentId,
  type Day,
} from '../../src/index.js';

/** The check character computed here from the formula of GB 11643-1999, independently of the library. */
function referenceCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (w[i] ?? 0);
  return '10X98765432'[sum % 11] ?? '?';
}

function rejection(input: string): FrontlineError {
  let thrown: unknown;
  try {
    parseResidentId(input);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FrontlineError);
  const e = thrown as FrontlineError;
  expect(e.code).toBe('invalid_resident_id');
  expect(e.issues.length).toBeGreaterThan(0);
  for (const i of e.issues) expect(i.rule).toBe('id.residentId');
  expect(isValidResidentId(input)).toBe(false);
  const r = tryParseResidentId(input);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.issues).toEqual(e.issues);
  return e;
}

describe('the test vectors of GB 11643-1999', () => {
  test('11010519491231002X: Beijing Chaoyang, 31 Dec 1949, sequence 002 (even: female), check X', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({
      id: '11010519491231002X',
      addressCode: '110105',
      birthDate: '1949-12-31',
      sequence: '002',
      sex: 'female',
      checkChar: 'X',
      legacy: false,
    });
  });

  test('440524188001010014: Shantou, 1 Jan 1880, sequence 001 (odd: male), check 4', () => {
    expect(parseResidentId('440524188001010014')).toEqual({
      id: '440524188001010014',
      addressCode: '440524',
      birthDate: '1880-01-01',
      sequence: '001',
      sex: 'male',
      checkChar: '4',
      legacy: false,
    });
  });

  test('residentIdCheckChar gives their check characters', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });

  test('residentIdCheckChar follows the formula for every remainder', () => {
    // vary the last digit (weight 2) and the first (weight 7) to reach all 11 remainders
    const seen = new Set<string>();
    for (let a = 0; a <= 9; a++)
      for (let b = 0; b <= 9; b++) {
        const first17 = `${a}1010519491231${b}0${b}`.slice(0, 17);
        expect(residentIdCheckChar(first17)).toBe(referenceCheck(first17));
        seen.add(residentIdCheckChar(first17));
      }
    expect([...seen].sort()).toEqual([...'0123456789X'].sort());
  });

  test('residentIdCheckChar needs exactly 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(FrontlineError);
    expect(() => residentIdCheckChar('110105194912310021')).toThrow(FrontlineError);
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow(FrontlineError);
  });
});

describe('legacy 15-digit numbers', () => {
  test("'513621800101001' converts to '513621198001010010'", () => {
    expect(parseResidentId('513621800101001')).toEqual({
      id: '513621198001010010',
      addressCode: '513621',
      birthDate: '1980-01-01',
      sequence: '001',
      sex: 'male',
      checkChar: '0',
      legacy: true,
    });
    expect(isValidResidentId('513621800101001')).toBe(true);
  });

  test('the conversion inserts 19 and computes the check', () => {
    const info = parseResidentId('110105491231002');
    expect(info.id).toBe('11010519491231002X');
    expect(info.sex).toBe('female');
    expect(info.legacy).toBe(true);
  });

  test('a legacy number with no real birth date is rejected', () => {
    const e = rejection('513621800230001');
    expect(e.issues.map((i) => i.code)).toEqual(['birth_date']);
    expect(e.issues[0]?.message).toContain('19800230');
  });
});

describe('address codes are never checked against a list', () => {
  test.each(['513621', '000000', '999999', '511621'])('%s is accepted', (code) => {
    const id = makeResidentId(code, '1985-03-12' as Day, 123);
    expect(parseResidentId(id).addressCode).toBe(code);
  });

  test('a historic Yuechi number (513621…) parses', () => {
    expect(parseResidentId('513621197206150039')).toMatchObject({ addressCode: '513621', birthDate: '1972-06-15', sex: 'male' });
  });
});

describe('rejections name the problem', () => {
  test('wrong check character', () => {
    const e = rejection('110105194912310021');
    expect(e.issues.map((i) => i.code)).toEqual(['check_char']);
    expect(e.issues[0]?.message).toContain('X');
    expect(e.message).toContain('check character');
  });

  test.each(['20210229', '19491301', '19490230', '19490100', '17991231'])('birth date %s', (ymd) => {
    const first17 = `110105${ymd}002`;
    const e = rejection(first17 + referenceCheck(first17));
    expect(e.issues.map((i) => i.code)).toEqual(['birth_date']);
    expect(e.issues[0]?.message).toContain(ymd);
  });

  test('a bad date and a wrong check are both reported', () => {
    const first17 = '11010520210229002';
    const wrong = referenceCheck(first17) === '0' ? '1' : '0';
    expect(rejection(first17 + wrong).issues.map((i) => i.code)).toEqual(['birth_date', 'check_char']);
  });

  test.each(['', '1101051949123100', '1101051949123100X', '11010519491231002X1', '11010519491231', '1101051949123100211'])(
    'length of %j',
    (input) => {
      const e = rejection(input);
      expect(e.issues.map((i) => i.code)).toEqual(['length']);
      expect(e.issues[0]?.message).toContain(String(input.length));
    },
  );

  test.each(['11010519491231002Y', '1101051949123100X2', 'A1010519491231002X', '110105-9491231002X', '１10105194912310021', '11010519491231002*'])(
    'characters of %j',
    (input) => {
      expect(rejection(input).issues.map((i) => i.code)).toEqual(['characters']);
    },
  );

  test('15 characters that are not all digits are a length problem, not a legacy number', () => {
    expect(rejection('51362180010100X').issues.map((i) => i.code)).toEqual(['length']);
  });
});

describe('a birth date after the day the number is read on', () => {
  const born = (day: string): string => makeResidentId('511621', day as Day, 1);

  test('is refused by default (today in China), whatever the check character says', () => {
    const id = born('2099-01-01');
    expect(referenceCheck(id.slice(0, 17))).toBe(id.slice(17));
    const e = rejection(id);
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([['future_birth_date', []]]);
    expect(e.issues[0]?.message).toContain('2099-01-01');
    expect(e.message).toContain('2099-01-01');
  });

  test('is refused on the asOf of the options, and accepted from the birth day on', () => {
    const id = born('2020-03-01');
    for (const asOf of ['2020-01-24', '2020-02-29']) {
      const options = { asOf: asOf as Day };
      expect(isValidResidentId(id, options)).toBe(false);
      const r = tryParseResidentId(id, options);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_resident_id');
        expect(r.error.issues).toEqual([{ path: [], code: 'future_birth_date', rule: 'id.residentId', message: `birth date 2020-03-01 is after ${asOf}: nobody is born yet on it` }]);
      }
      expect(() => parseResidentId(id, options)).toThrow(FrontlineError);
    }
    expect(parseResidentId(id, { asOf: '2020-03-01' as Day }).birthDate).toBe('2020-03-01');
    expect(isValidResidentId(id, { asOf: '2020-03-02' as Day })).toBe(true);
    // and today, long after 2020
    expect(isValidResidentId(id)).toBe(true);
  });

  test('applies to legacy 15-digit numbers too', () => {
    expect(isValidResidentId('513621800101001', { asOf: '1979-12-31' as Day })).toBe(false);
    expect(tryParseResidentId('513621800101001', { asOf: '1979-12-31' as Day })).toMatchObject({ ok: false, error: { issues: [{ code: 'future_birth_date' }] } });
    expect(isValidResidentId('513621800101001', { asOf: '1980-01-01' as Day })).toBe(true);
  });

  test('a bad birth date and a wrong check are reported as before; an asOf that is no day is bad input', () => {
    const first17 = '51162120990101001';
    const wrong = referenceCheck(first17) === '0' ? '1' : '0';
    expect(rejection(first17 + wrong).issues.map((i) => i.code)).toEqual(['future_birth_date', 'check_char']);
    expect(() => parseResidentId(born('1980-01-01'), { asOf: '2020-02-30' as Day })).toThrow(FrontlineError);
  });
});

describe('accepted spellings', () => {
  test('a lowercase x is accepted and returned uppercase', () => {
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    const info = parseResidentId('11010519491231002x');
    expect(info.id).toBe('11010519491231002X');
    expect(info.checkChar).toBe('X');
  });

  test('surrounding white space is ignored', () => {
    expect(parseResidentId(' 440524188001010014\n').id).toBe('440524188001010014');
  });
});

describe('tryParseResidentId and isValidResidentId', () => {
  test('ok with the parts for a valid number', () => {
    const r = tryParseResidentId('440524188001010014');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.birthDate).toBe('1880-01-01');
  });

  test('the examples', () => {
    expect(tryParseResidentId('110105194912310021').ok).toBe(false);
    expect(isValidResidentId('440524188001010014')).toBe(true);
    expect(isValidResidentId('11010519491231002X')).toBe(true);
  });

  test('the rule cited exists', () => {
    expect(RULES['id.residentId'].source).toBe('GB 11643-1999');
  });
});

describe('makeResidentId', () => {
  test('writes the parts and the check', () => {
    expect(makeResidentId('110105', '1949-12-31' as Day, 2)).toBe('11010519491231002X');
    expect(makeResidentId('440524', '1880-01-01' as Day, 1)).toBe('440524188001010014');
    expect(makeResidentId('513621', '2020-01-24' as Day, 999)).toMatch(/^51362120200124999[\dX]$/);
  });

  test.each(['11010', '1101055', 'abcdef', '11010x', ''])('rejects the address code %j', (code) => {
    expect(() => makeResidentId(code, '1949-12-31' as Day, 2)).toThrow(FrontlineError);
  });

  test.each([-1, 1000, 1.5, Number.NaN])('rejects the sequence %d', (seq) => {
    expect(() => makeResidentId('110105', '1949-12-31' as Day, seq)).toThrow(FrontlineError);
  });

  test.each(['2021-02-29', '1799-12-31', '1949-1-1', '1949-12-31T00:00'])('rejects the birth date %j, which parseResidentId would refuse', (birth) => {
    expect(() => makeResidentId('110105', birth as Day, 2)).toThrow(FrontlineError);
  });
});
