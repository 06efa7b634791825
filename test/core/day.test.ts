import { afterEach, describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  CHINA_TIME_ZONE,
  Day,
  FrontlineError,
  Instant,
  addDays,
  ageOn,
  compareDays,
  dayOf,
  daysBetween,
  instantAt,
  isDayWithin,
  parseDay,
} from '../../src/index.js';
import { fromEpochDay, toEpochDay } from '../../src/core/day.js';

const d = (s: string): Day => s as Day;

/** A real calendar day between two years, drawn without using the code under test. */
const dayArb = (minYear: number, maxYear: number): fc.Arbitrary<Day> =>
  fc
    .date({
      min: new Date(`${String(minYear).padStart(4, '0')}-01-01T00:00:00Z`),
      max: new Date(`${String(maxYear).padStart(4, '0')}-12-31T00:00:00Z`),
      noInvalidDate: true,
    })
    .map((t) => t.toISOString().slice(0, 10) as Day);

/** Independent oracle: the day n days after a day, by UTC millisecond arithmetic. */
const oracleAdd = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function expectFrontlineError(run: () => unknown, code: string): FrontlineError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(FrontlineError);
    expect((e as FrontlineError).code).toBe(code);
    return e as FrontlineError;
  }
  throw new Error('expected a FrontlineError, nothing was thrown');
}

describe('Day and parseDay', () => {
  test('the zone is Asia/Shanghai', () => {
    expect(CHINA_TIME_ZONE).toBe('Asia/Shanghai');
  });

  test.each(['2020-02-29', '2000-02-29', '2020-01-24', '2021-12-31', '1900-02-28', '2020-04-30'])(
    'accepts the real date %s',
    (s) => {
      expect(parseDay(s)).toBe(s);
      expect(Day.safeParse(s).success).toBe(true);
    },
  );

  test.each(['2021-02-29', '2020-02-30', '1900-02-29', '2020-04-31', '2020-13-01', '2020-00-10', '2020-01-00', '2020-01-32'])(
    'rejects %s, which is not a real date, with invalid_day',
    (s) => {
      const e = expectFrontlineError(() => parseDay(s), 'invalid_day');
      expect(e.issues.map((i) => i.message)).toContain('not a real calendar date');
      expect(e.message).toContain(`invalid day '${s}'`);
      expect(Day.safeParse(s).success).toBe(false);
    },
  );

  test.each(['2020-1-24', '20200124', '2020/01/24', ' 2020-01-24', '2020-01-24T00:00', ''])(
    'rejects the badly written %j',
    (s) => {
      const e = expectFrontlineError(() => parseDay(s), 'invalid_day');
      expect(e.issues.map((i) => i.message)).toContain('a day is written YYYY-MM-DD');
    },
  );
});

describe('dayOf', () => {
  test.each([
    ['2020-01-24T23:00:00', 'no offset: Date would read it in the machine time zone'],
    ['2021-02-29T10:00:00Z', 'a day that does not exist (Date rolls it to March)'],
    ['2021-02-29T10:00:00+08:00', 'a day that does not exist'],
    ['2020-01-24T99:99:99+08:00', 'no such time of day'],
    ['2020-01-24T24:00:00+08:00', 'hour 24'],
    ['2020-01-24T10:60:00+08:00', 'minute 60'],
    ['2020-01-24T10:00+08:00', 'no seconds (the Instant schema wants them)'],
    ['2020-01-24T10:00:00+0800', 'an offset without its colon'],
  ])('refuses %s (%s), whatever the machine time zone', (instant) => {
    expect(Instant.safeParse(instant).success).toBe(false);
    expectFrontlineError(() => dayOf(instant), 'invalid_day');
  });

  test.prop([
    fc.tuple(
      fc.integer({ min: 1992, max: 2030 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.integer({ min: 0, max: 61 }),
      fc.constantFrom('+08:00', 'Z', '-05:00', ''),
    ),
  ])('accepts a string exactly when it is an Instant', ([y, mo, d, h, mi, se, off]) => {
    const two = (n: number): string => String(n).padStart(2, '0');
    const s = `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(se)}${off}`;
    let accepted = true;
    try {
      dayOf(s);
    } catch {
      accepted = false;
    }
    expect(accepted).toBe(Instant.safeParse(s).success);
  });

  test.each([
    ['2020-01-23T18:00:00Z', '2020-01-24'],
    ['2020-01-23T15:59:59Z', '2020-01-23'],
    ['2020-01-23T16:00:00Z', '2020-01-24'],
    ['2020-01-24T00:00:00+08:00', '2020-01-24'],
    ['2020-01-23T23:59:59+08:00', '2020-01-23'],
    ['2020-01-23T23:30:00-08:00', '2020-01-24'],
    ['2019-12-31T16:00:00Z', '2020-01-01'],
    ['2020-02-28T16:00:00Z', '2020-02-29'],
  ])('%s falls on %s in China', (instant, day) => {
    expect(dayOf(instant)).toBe(day);
    expect(dayOf(new Date(instant))).toBe(day);
  });

  test('rejects what is not an instant', () => {
    expectFrontlineError(() => dayOf('not a time'), 'invalid_day');
    expectFrontlineError(() => dayOf(new Date(Number.NaN)), 'invalid_day');
    expectFrontlineError(() => dayOf(42 as unknown as string), 'invalid_day');
    expectFrontlineError(() => dayOf(Object.create(null) as string), 'invalid_day');
  });
});

describe('addDays', () => {
  test.each([
    ['2020-01-24', 14, '2020-02-07'],
    ['2020-01-31', 1, '2020-02-01'],
    ['2020-02-28', 1, '2020-02-29'],
    ['2021-02-28', 1, '2021-03-01'],
    ['2019-12-31', 1, '2020-01-01'],
    ['2020-01-01', -1, '2019-12-31'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2020-02-07', -14, '2020-01-24'],
    ['2020-01-01', 366, '2021-01-01'],
    ['2020-01-24', 0, '2020-01-24'],
    // China observed daylight saving time in 1940–1949 and 1986–1991.
    ['1940-05-31', 1, '1940-06-01'],
    ['1986-05-03', 1, '1986-05-04'],
    ['1986-09-14', 1, '1986-09-15'],
    // Before 1901 Shanghai kept local mean time (+08:05:43): days still step by one.
    ['1880-01-01', 1, '1880-01-02'],
    ['1900-12-31', 1, '1901-01-01'],
    ['1901-01-01', -1, '1900-12-31'],
    // Years below 100 are not read as 19xx.
    ['0050-01-01', 1, '0050-01-02'],
  ])('%s + %i = %s', (from, n, to) => {
    expect(addDays(d(from), n)).toBe(to);
  });

  test('needs a whole number of days', () => {
    expectFrontlineError(() => addDays(d('2020-01-24'), 1.5), 'invalid_input');
    expectFrontlineError(() => addDays(d('2020-01-24'), Number.NaN), 'invalid_input');
    expectFrontlineError(() => addDays(d('2020-1-24'), 1), 'invalid_day');
  });

  test('refuses to leave the years 0001–9999', () => {
    expectFrontlineError(() => addDays(d('9999-12-31'), 1), 'invalid_day');
    expectFrontlineError(() => addDays(d('0001-01-01'), -1), 'invalid_day');
    expect(addDays(d('9999-12-30'), 1)).toBe('9999-12-31');
  });

  // days from 0101 on: a century back stays within the years 0001–9999
  test.prop([dayArb(101, 9899), fc.integer({ min: -36_500, max: 36_500 })])(
    'agrees with UTC millisecond arithmetic',
    (day, n) => {
      expect(addDays(day, n)).toBe(oracleAdd(day, n));
    },
  );

  test.prop([dayArb(1800, 2200), fc.integer({ min: -20_000, max: 20_000 })])(
    'daysBetween(d, addDays(d, n)) === n',
    (day, n) => {
      expect(daysBetween(day, addDays(day, n))).toBe(n);
    },
  );

  test.prop([dayArb(1800, 2200), fc.integer({ min: -20_000, max: 20_000 }), fc.integer({ min: -20_000, max: 20_000 })])(
    'addDays(addDays(d, a), b) === addDays(d, a + b)',
    (day, a, b) => {
      expect(addDays(addDays(day, a), b)).toBe(addDays(day, a + b));
    },
  );

  test.prop([dayArb(1800, 2200)])('the next day is one day later and its day before is the day itself', (day) => {
    const next = addDays(day, 1);
    expect(next > day).toBe(true);
    expect(addDays(next, -1)).toBe(day);
    expect(Day.safeParse(next).success).toBe(true);
  });
});

describe('daysBetween', () => {
  test.each([
    ['2020-01-24', '2020-02-07', 14],
    ['2020-02-07', '2020-01-24', -14],
    ['2020-01-24', '2020-01-24', 0],
    ['2020-01-01', '2021-01-01', 366],
    ['2021-01-01', '2022-01-01', 365],
    ['1900-01-01', '1901-01-01', 365],
    ['2000-01-01', '2001-01-01', 366],
    ['1986-05-01', '1986-05-31', 30],
  ])('from %s to %s is %i days', (from, to, n) => {
    expect(daysBetween(d(from), d(to))).toBe(n);
  });

  test('rejects what is not a day', () => {
    expectFrontlineError(() => daysBetween(d('2020-1-1'), d('2020-01-02')), 'invalid_day');
  });
});

describe('epoch days (internal)', () => {
  test.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2020-01-24', 18_285],
    ['0050-01-01', -701_265],
  ])('%s is epoch day %i', (day, n) => {
    expect(toEpochDay(d(day))).toBe(n);
    expect(fromEpochDay(n)).toBe(day);
  });
});

describe('dates that do not exist', () => {
  test('dayOf refuses a Beijing-time instant on a day that does not exist, instantAt a day that does not', () => {
    expectFrontlineError(() => dayOf('2020-02-30T10:00:00+08:00'), 'invalid_day');
    expectFrontlineError(() => dayOf('2021-02-29T10:00:00+08:00'), 'invalid_day');
    expect(dayOf('2020-02-29T10:00:00+08:00')).toBe('2020-02-29');
    expectFrontlineError(() => instantAt('2020-02-30' as Day), 'invalid_day');
  });
});

describe('instantAt', () => {
  test('writes the time in China with the +08:00 offset', () => {
    expect(instantAt(d('2020-01-24'), '08:30')).toBe('2020-01-24T08:30:00+08:00');
    expect(instantAt(d('2020-01-24'))).toBe('2020-01-24T00:00:00+08:00');
    expect(instantAt(d('2020-12-31'), '23:59')).toBe('2020-12-31T23:59:00+08:00');
  });

  test('is the right instant', () => {
    expect(new Date(instantAt(d('2020-01-24'), '08:30')).toISOString()).toBe('2020-01-24T00:30:00.000Z');
    expect(new Date(instantAt(d('2020-01-01'))).toISOString()).toBe('2019-12-31T16:00:00.000Z');
  });

  test('is a valid Instant', () => {
    expect(Instant.safeParse(instantAt(d('2020-01-24'), '08:30')).success).toBe(true);
  });

  test.each(['24:00', '8:30', '12:60', '12-30', '', '12:30:00'])('rejects the clock time %j', (t) => {
    expectFrontlineError(() => instantAt(d('2020-01-24'), t), 'invalid_input');
  });

  const clock = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  test.prop([dayArb(1992, 2100), clock])('after 1991 (no daylight saving) it is always +08:00', (day, time) => {
    const at = instantAt(day, time);
    expect(at).toBe(`${day}T${time}:00+08:00`);
    expect(Date.parse(at)).toBe(Date.parse(`${day}T${time}:00Z`) - 8 * 3_600_000);
  });

  test.prop([dayArb(1901, 2100), clock])('dayOf(instantAt(d, t)) === d', (day, time) => {
    expect(dayOf(instantAt(day, time))).toBe(day);
  });
});

describe('compareDays and isDayWithin', () => {
  test('sorts days in calendar order', () => {
    expect(['2020-02-01', '2019-12-31', '2020-01-24'].sort(compareDays)).toEqual(['2019-12-31', '2020-01-24', '2020-02-01']);
    expect(compareDays('2020-01-24', '2020-01-24')).toBe(0);
    expect(compareDays('2020-01-24', '2020-01-25')).toBeLessThan(0);
    expect(compareDays('2020-01-25', '2020-01-24')).toBeGreaterThan(0);
  });

  test('closed range with open ends', () => {
    expect(isDayWithin(d('2020-02-01'), d('2020-01-24'), undefined)).toBe(true);
    expect(isDayWithin(d('2020-01-24'), d('2020-01-24'), d('2020-01-24'))).toBe(true);
    expect(isDayWithin(d('2020-01-23'), d('2020-01-24'), undefined)).toBe(false);
    expect(isDayWithin(d('2020-02-08'), undefined, d('2020-02-07'))).toBe(false);
    expect(isDayWithin(d('1900-01-01'), undefined, undefined)).toBe(true);
  });
});

describe('ageOn', () => {
  test('turns 18 exactly on the 18th birthday', () => {
    expect(ageOn(d('2002-02-01'), d('2020-01-31'))).toBe(17);
    expect(ageOn(d('2002-02-01'), d('2020-02-01'))).toBe(18);
    expect(ageOn(d('2002-02-01'), d('2020-02-02'))).toBe(18);
    expect(ageOn(d('2002-02-02'), d('2020-02-01'))).toBe(17);
  });

  test('across a year end', () => {
    expect(ageOn(d('2001-12-31'), d('2019-12-30'))).toBe(17);
    expect(ageOn(d('2001-12-31'), d('2019-12-31'))).toBe(18);
    expect(ageOn(d('2002-01-01'), d('2019-12-31'))).toBe(17);
  });

  test('born on 29 February: a year older from 1 March in common years', () => {
    expect(ageOn(d('2004-02-29'), d('2022-02-28'))).toBe(17);
    expect(ageOn(d('2004-02-29'), d('2022-03-01'))).toBe(18);
    expect(ageOn(d('2004-02-29'), d('2024-02-29'))).toBe(20);
  });

  test('zero on the day of birth', () => {
    expect(ageOn(d('2020-01-24'), d('2020-01-24'))).toBe(0);
  });

  test.prop([dayArb(1900, 2000).filter((b) => !b.endsWith('-02-29')), fc.integer({ min: 1, max: 120 })])(
    'k on the k-th birthday, k − 1 on the day before',
    (birth, k) => {
      const birthday = d(`${String(Number(birth.slice(0, 4)) + k)}${birth.slice(4)}`);
      expect(ageOn(birth, birthday)).toBe(k);
      expect(ageOn(birth, addDays(birthday, -1))).toBe(k - 1);
    },
  );
});

describe('independence from the machine time zone', () => {
  const original = process.env['TZ'];
  afterEach(() => {
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
  });

  const battery = (): unknown[] => [
    dayOf('2020-01-23T18:00:00Z'),
    dayOf('2020-01-23T15:59:59Z'),
    dayOf(new Date('2020-03-08T09:30:00Z')),
    addDays(d('2020-03-07'), 1),
    addDays(d('2020-11-01'), -1),
    addDays(d('2020-12-31'), 1),
    daysBetween(d('2020-03-01'), d('2020-04-01')),
    daysBetween(d('2020-10-25'), d('2020-11-02')),
    instantAt(d('2020-03-08'), '02:30'),
    instantAt(d('2020-11-01'), '01:30'),
    instantAt(d('2020-01-24')),
  ];
  const expected = [
    '2020-01-24',
    '2020-01-23',
    '2020-03-08',
    '2020-03-08',
    '2020-10-31',
    '2021-01-01',
    31,
    8,
    '2020-03-08T02:30:00+08:00',
    '2020-11-01T01:30:00+08:00',
    '2020-01-24T00:00:00+08:00',
  ];

  test.each([
    ['UTC', 0],
    ['America/Los_Angeles', 480],
    ['Europe/London', 0],
    ['Asia/Kolkata', -330],
    ['Pacific/Kiritimati', -840],
    ['Pacific/Pago_Pago', 660],
  ])('gives the same results under TZ=%s', (zone, offsetMinutes) => {
    process.env['TZ'] = zone;
    // The switch took effect: the machine's zone really is `zone` now.
    expect(new Date(Date.UTC(2020, 0, 1)).getTimezoneOffset()).toBe(offsetMinutes);
    expect(battery()).toEqual(expected);
  });
});
