import { describe, expect, test } from 'vitest';
import {
  DEFAULT_PHONE_MASK,
  DEFAULT_RESIDENT_ID_MASK,
  FrontlineError,
  MaskPolicy,
  maskPhone,
  maskResidentId,
  maskWith,
  parseResidentId,
} from '../../src/index.js';

describe('defaults', () => {
  test('phone: first 3 and last 4', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskWith('13812341234', DEFAULT_PHONE_MASK)).toBe('138****1234');
    expect(DEFAULT_PHONE_MASK).toEqual({ keepStart: 3, keepEnd: 4, maskChar: '*' });
  });

  test('resident id: first 6 (address code) and the check character, hiding birth date and sex', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105***********X');
    expect(maskResidentId('440524188001010014')).toBe('440524***********4');
    expect(DEFAULT_RESIDENT_ID_MASK).toEqual({ keepStart: 6, keepEnd: 1, maskChar: '*' });
    const masked = maskResidentId('11010519491231002X');
    expect(masked).not.toContain('19491231');
    expect(masked).not.toContain('002');
  });

  test('a legacy 15-digit id is masked in its 18-character form: its own last digit would tell the sex', () => {
    const male = maskResidentId('513621800101001');
    const female = maskResidentId('513621800101002');
    expect(male).toBe(maskResidentId(parseResidentId('513621800101001').id));
    expect(male).toHaveLength(18);
    expect(male.slice(0, 6)).toBe('513621');
    expect(male.endsWith('1')).toBe(false);
    expect(female.endsWith('2')).toBe(false);
    expect(male).not.toContain('800101');
  });

  test('the defaults cannot be changed', () => {
    expect(Object.isFrozen(DEFAULT_PHONE_MASK)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RESIDENT_ID_MASK)).toBe(true);
  });
});

describe('custom policies', () => {
  test('keep only the end, with another mask character', () => {
    expect(maskResidentId('11010519491231002X', { keepStart: 0, keepEnd: 4, maskChar: '•' })).toBe('••••••••••••••002X');
    expect(maskPhone('13812341234', { keepStart: 0, keepEnd: 4, maskChar: '#' })).toBe('#######1234');
    expect(maskPhone('13812341234', { keepStart: 3, keepEnd: 0, maskChar: 'x' })).toBe('138xxxxxxxx');
    expect(maskWith('abcdef', { keepStart: 0, keepEnd: 0, maskChar: '*' })).toBe('******');
  });

  test('a policy that would show everything still hides a character: the end shrinks first, then the start', () => {
    expect(maskWith('1234', { keepStart: 2, keepEnd: 2, maskChar: '*' })).toBe('12*4');
    expect(maskWith('1234', { keepStart: 1, keepEnd: 3, maskChar: '*' })).toBe('1*34');
    expect(maskWith('1234', { keepStart: 10, keepEnd: 10, maskChar: '*' })).toBe('123*');
    expect(maskWith('1234', { keepStart: 0, keepEnd: 10, maskChar: '*' })).toBe('*234');
    expect(maskPhone('13812341234', { keepStart: 11, keepEnd: 0, maskChar: '*' })).toBe('1381234123*');
    expect(maskWith('7', DEFAULT_PHONE_MASK)).toBe('*');
    expect(maskWith('', DEFAULT_PHONE_MASK)).toBe('');
  });

  test('a short value under the default policy', () => {
    expect(maskPhone('1234567')).toBe('123*567');
    expect(maskResidentId('1234567')).toBe('123456*');
  });

  test.each<[string, unknown]>([
    ['negative keepStart', { keepStart: -1, keepEnd: 4, maskChar: '*' }],
    ['fractional keepEnd', { keepStart: 3, keepEnd: 1.5, maskChar: '*' }],
    ['empty maskChar', { keepStart: 3, keepEnd: 4, maskChar: '' }],
    ['two-character maskChar', { keepStart: 3, keepEnd: 4, maskChar: '**' }],
    ['missing keepEnd', { keepStart: 3, maskChar: '*' }],
    ['infinite keepStart', { keepStart: Number.POSITIVE_INFINITY, keepEnd: 4, maskChar: '*' }],
    ['an extra field', { keepStart: 3, keepEnd: 4, maskChar: '*', reveal: true }],
  ])('an invalid policy (%s) throws a FrontlineError', (_, policy) => {
    expect(MaskPolicy.safeParse(policy).success).toBe(false);
    expect(() => maskWith('13812341234', policy as MaskPolicy)).toThrow(FrontlineError);
    expect(() => maskPhone('13812341234', policy as MaskPolicy)).toThrow(FrontlineError);
    expect(() => maskResidentId('11010519491231002X', policy as MaskPolicy)).toThrow(FrontlineError);
  });

  test('the invalid policy is reported even for an empty value', () => {
    expect(() => maskWith('', { keepStart: -1, keepEnd: 0, maskChar: '*' })).toThrow(/keepStart/);
  });

  test('the policy object is not changed', () => {
    const policy = Object.freeze({ keepStart: 9, keepEnd: 9, maskChar: '*' });
    expect(maskWith('1234', policy)).toBe('123*');
    expect(policy).toEqual({ keepStart: 9, keepEnd: 9, maskChar: '*' });
  });
});
