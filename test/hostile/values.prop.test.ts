// Hostile input for the entry points that take values: resident ids and masks, organization units,
// labels, days and instants.
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import {
  DEFAULT_PHONE_MASK,
  Day,
  Instant,
  addDays,
  ageOn,
  checkOrgTree,
  compareDays,
  createOrgTree,
  dayOf,
  daysBetween,
  instantAt,
  isDayWithin,
  isValidResidentId,
  label,
  makeResidentId,
  maskPhone,
  maskResidentId,
  maskWith,
  parseDay,
  parseResidentId,
  residentIdCheckChar,
  tryCreateOrgTree,
  tryParseResidentId,
  type MaskPolicy,
} from '../../src/index.js';
import { fixtureUnits } from '../fixtures.js';
import { argsAround, countInput, around, badDay, badInstant, inputCount, edgeDay, edgeInstant, hostile, hostileCall, hostileTry } from './hostile.js';

const ID = '11010519491231002X';
const idLike = fc.oneof(around(ID), fc.constantFrom('440524188001010014', '513621800101001', '110105194912310021', '11010519491231002x', ' 11010519491231002X '));
const policy = around({ keepStart: 3, keepEnd: 4, maskChar: '*' });

describe('resident ids and masks, given anything', () => {
  test.prop([idLike], { numRuns: 500 })('parseResidentId reads it or throws a FrontlineError; tryParseResidentId never throws; isValidResidentId agrees', (id) => {
    countInput();
    const parsed = hostileCall([id], () => parseResidentId(id as string));
    const r = hostileTry([id], () => tryParseResidentId(id as string));
    const valid = hostileCall([id], () => isValidResidentId(id as string));
    expect([r.ok, valid.ok && valid.value]).toEqual([parsed.ok, parsed.ok]);
  });
  test.prop([argsAround([ID, undefined], [idLike, fc.oneof(fc.constant(undefined), policy)])], { numRuns: 500 })('maskResidentId masks or throws a FrontlineError', (a) => {
    countInput();
    const out = hostileCall(a, () => maskResidentId(a[0] as string, a[1] as MaskPolicy));
    if (out.ok) expect(typeof out.value).toBe('string');
  });
  test.prop([argsAround(['13812341234', undefined], [around('13812341234'), fc.oneof(fc.constant(undefined), policy)])], { numRuns: 500 })('maskPhone masks or throws a FrontlineError', (a) => {
    countInput();
    hostileCall(a, () => maskPhone(a[0] as string, a[1] as MaskPolicy));
  });
  test.prop([argsAround(['13812341234', DEFAULT_PHONE_MASK], [around('13812341234'), policy])], { numRuns: 200 })('maskWith masks or throws a FrontlineError', (a) => {
    countInput();
    hostileCall(a, () => maskWith(a[0] as string, a[1] as MaskPolicy));
  });
  test.prop([argsAround(['110105', '1949-12-31', 2])], { numRuns: 200 })('makeResidentId writes a valid id or throws a FrontlineError', (a) => {
    countInput();
    const out = hostileCall(a, () => makeResidentId(a[0] as string, a[1] as Day, a[2] as number));
    if (out.ok) expect(isValidResidentId(out.value)).toBe(true);
  });
  test.prop([around('11010519491231002')], { numRuns: 100 })('residentIdCheckChar computes or throws a FrontlineError', (first17) => {
    countInput();
    hostileCall([first17], () => residentIdCheckChar(first17 as string));
  });
});

describe('organization units, given anything', () => {
  const units = fixtureUnits();
  test.prop([around(units)], { numRuns: 700 })('createOrgTree builds or throws a FrontlineError; tryCreateOrgTree and checkOrgTree never throw and agree', (u) => {
    countInput();
    const built = hostileCall([u], () => createOrgTree(u));
    const r = hostileTry([u], () => tryCreateOrgTree(u));
    const checked = hostileCall([u], () => checkOrgTree(u));
    expect(r.ok).toBe(built.ok);
    expect(checked.ok && checked.value.length === 0).toBe(built.ok);
  });
});

describe('labels, given anything', () => {
  test.prop([argsAround(['fullMember', 'en', 'partyStatus'], [fc.oneof(fc.constantFrom('county', 'toString', '__proto__', 'constructor'), hostile), fc.oneof(fc.constantFrom('zh-CN', 'en', 'fr', 'zh'), hostile), fc.oneof(fc.constantFrom(undefined, 'unitKind', 'toString', '__proto__'), hostile)])], { numRuns: 600 })(
    'label names a value or throws a FrontlineError',
    (a) => {
      countInput();
      const out = hostileCall(a, () => label(a[0] as string, a[1] as never, a[2] as never));
      if (out.ok) expect(typeof out.value).toBe('string');
    },
  );
});

describe('days and instants, given anything', () => {
  const day = fc.oneof(edgeDay, badDay, hostile, fc.constant('2020-01-24'));
  const instant = fc.oneof(edgeInstant, badInstant, hostile, fc.date({ min: new Date(-62_200_000_000_000), max: new Date(253_402_400_000_000) }));
  test.prop([instant], { numRuns: 600 })('dayOf gives a Day or throws invalid_day; Instant agrees with it on strings', (at) => {
    countInput();
    const out = hostileCall([at], () => dayOf(at as string));
    if (out.ok) expect(Day.safeParse(out.value).success).toBe(true);
    else expect(out.error.code).toBe('invalid_day');
    if (typeof at === 'string') expect(Instant.safeParse(at).success).toBe(out.ok);
  });
  test.prop([day], { numRuns: 300 })('parseDay gives a Day or throws invalid_day', (d) => {
    countInput();
    const out = hostileCall([d], () => parseDay(d as string));
    if (!out.ok) expect(out.error.code).toBe('invalid_day');
  });
  test.prop([day, fc.oneof(fc.integer({ min: -4_000_000, max: 4_000_000 }), hostile)], { numRuns: 300 })('addDays gives a Day or throws a FrontlineError', (d, n) => {
    countInput();
    const out = hostileCall([d, n], () => addDays(d as Day, n as number));
    if (out.ok) expect(Day.safeParse(out.value).success).toBe(true);
  });
  test.prop([day, day, fc.oneof(fc.constantFrom('08:30', '24:00', '23:59'), hostile)], { numRuns: 300 })('daysBetween, ageOn, isDayWithin, compareDays and instantAt answer or throw a FrontlineError', (a, b, time) => {
    countInput();
    hostileCall([a, b], () => daysBetween(a as Day, b as Day));
    hostileCall([a, b], () => ageOn(a as Day, b as Day));
    hostileCall([a, b], () => isDayWithin(a as Day, b as Day, undefined));
    hostileCall([a, b], () => compareDays(a as string, b as string));
    const at = hostileCall([a, time], () => instantAt(a as Day, time as string));
    if (at.ok) expect(Instant.safeParse(at.value).success).toBe(true);
  });
});

afterAll(() => {
  // the share of this file in the hostile suite's inputs a run
  expect(inputCount()).toBeGreaterThanOrEqual(4800);
});
