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
  ancestors,
  checkPartyRules,
  children,
  closeUnit,
  commonAncestor,
  coverage,
  createRandom,
  depth,
  descendants,
  emptyMetrics,
  findUnits,
  getUnit,
  hasUnit,
  isWithin,
  moveUnit,
  parent,
  parseSeatId,
  partyCountsByUnit,
  path,
  rollup,
  scopeTest,
  type MaskPolicy,
  type OrgId,
  type OrgTree,
} from '../../src/index.js';
import { fixturePeople, fixtureUnits } from '../fixtures.js';
import { argsAround, around, badDay, badInstant, countInput, edgeDay, edgeInstant, hostile, hostileCall, hostileTry, inputCount, mutated, runs } from './hostile.js';

const ID = '11010519491231002X';
const idLike = fc.oneof(around(ID), fc.constantFrom('440524188001010014', '513621800101001', '110105194912310021', '11010519491231002x', ' 11010519491231002X '));
const policy = around({ keepStart: 3, keepEnd: 4, maskChar: '*' });

describe('resident ids and masks, given anything', () => {
  test.prop([idLike], { numRuns: runs(500) })('parseResidentId reads it or throws a FrontlineError; tryParseResidentId never throws; isValidResidentId agrees', (id) => {
    countInput();
    const parsed = hostileCall([id], () => parseResidentId(id as string));
    const r = hostileTry([id], () => tryParseResidentId(id as string));
    const valid = hostileCall([id], () => isValidResidentId(id as string));
    expect([r.ok, valid.ok && valid.value]).toEqual([parsed.ok, parsed.ok]);
  });
  test.prop([argsAround([ID, undefined], [idLike, fc.oneof(fc.constant(undefined), policy)])], { numRuns: runs(500) })('maskResidentId masks or throws a FrontlineError', (a) => {
    countInput();
    const out = hostileCall(a, () => maskResidentId(a[0] as string, a[1] as MaskPolicy));
    if (out.ok) expect(typeof out.value).toBe('string');
  });
  test.prop([argsAround(['13812341234', undefined], [around('13812341234'), fc.oneof(fc.constant(undefined), policy)])], { numRuns: runs(500) })('maskPhone masks or throws a FrontlineError', (a) => {
    countInput();
    hostileCall(a, () => maskPhone(a[0] as string, a[1] as MaskPolicy));
  });
  test.prop([argsAround(['13812341234', DEFAULT_PHONE_MASK], [around('13812341234'), policy])], { numRuns: runs(200) })('maskWith masks or throws a FrontlineError', (a) => {
    countInput();
    hostileCall(a, () => maskWith(a[0] as string, a[1] as MaskPolicy));
  });
  test.prop([argsAround(['110105', '1949-12-31', 2])], { numRuns: runs(200) })('makeResidentId writes a valid id or throws a FrontlineError', (a) => {
    countInput();
    const out = hostileCall(a, () => makeResidentId(a[0] as string, a[1] as Day, a[2] as number));
    // valid as of its birth date (a birth date after today makes an id of the future, refused as of today)
    if (out.ok) expect(isValidResidentId(out.value, { asOf: '9999-12-31' as Day })).toBe(true);
  });
  test.prop([around('11010519491231002')], { numRuns: runs(100) })('residentIdCheckChar computes or throws a FrontlineError', (first17) => {
    countInput();
    hostileCall([first17], () => residentIdCheckChar(first17 as string));
  });
});

describe('organization units, given anything', () => {
  const units = fixtureUnits();
  test.prop([around(units)], { numRuns: runs(700) })('createOrgTree builds or throws a FrontlineError; tryCreateOrgTree and checkOrgTree never throw and agree', (u) => {
    countInput();
    const built = hostileCall([u], () => createOrgTree(u));
    const r = hostileTry([u], () => tryCreateOrgTree(u));
    const checked = hostileCall([u], () => checkOrgTree(u));
    expect(r.ok).toBe(built.ok);
    expect(checked.ok && checked.value.length === 0).toBe(built.ok);
  });
});

describe('trees and what takes them, given anything', () => {
  const tree = createOrgTree(fixtureUnits());
  const people = fixturePeople();
  const treeArb = fc.oneof(
    { weight: 2, arbitrary: fc.constant(tree) },
    { weight: 3, arbitrary: mutated({ ...tree }) },
    { weight: 1, arbitrary: fc.record({ key: fc.constantFrom(...Object.keys(tree)), value: hostile }).map(({ key, value }) => ({ ...tree, [key]: value })) },
    { weight: 1, arbitrary: hostile },
  );
  const id = fc.oneof(fc.constantFrom('yc', 'pa', 'wjg', 'tb', 'nowhere', '__proto__'), hostile);
  const calls: readonly [string, (t: unknown, a: unknown, b: unknown) => unknown][] = [
    ['hasUnit', (t, a) => hasUnit(t as OrgTree, a as string)],
    ['getUnit', (t, a) => getUnit(t as OrgTree, a as OrgId)],
    ['parent', (t, a) => parent(t as OrgTree, a as OrgId)],
    ['children', (t, a) => children(t as OrgTree, a as OrgId)],
    ['ancestors', (t, a) => ancestors(t as OrgTree, a as OrgId)],
    ['descendants', (t, a) => descendants(t as OrgTree, a as OrgId)],
    ['path', (t, a) => path(t as OrgTree, a as OrgId)],
    ['depth', (t, a) => depth(t as OrgTree, a as OrgId)],
    ['isWithin', (t, a, b) => isWithin(t as OrgTree, a as OrgId, b as OrgId)],
    ['commonAncestor', (t, a, b) => commonAncestor(t as OrgTree, a as OrgId, b as OrgId)],
    ['scopeTest', (t, a, b) => scopeTest(t as OrgTree, a as OrgId)(b as OrgId)],
    ['findUnits', (t, a) => findUnits(t as OrgTree, a as string)],
    ['rollup', (t, a) => rollup(t as OrgTree, a as Record<string, number>, { empty: 0, combine: (x, y) => x + y })],
    ['partyCountsByUnit', (t, a) => partyCountsByUnit(t as OrgTree, a as never)],
    ['checkPartyRules', (t, a) => checkPartyRules(t as OrgTree, a as never)],
    ['closeUnit', (t, a, b) => closeUnit(t as OrgTree, a as OrgId, b as Day)],
    ['moveUnit', (t, a, b) => moveUnit(t as OrgTree, a as OrgId, b as OrgId)],
  ];
  const second = fc.oneof(id, fc.constant(people), mutated(people), fc.constant({ wjg: 3 }), badDay, edgeDay);
  test.prop([fc.constantFrom(...calls), treeArb, id, second], { numRuns: runs(700) })('every query and edit answers or throws a FrontlineError; the tree is unchanged', ([, call], t, a, b) => {
    countInput();
    hostileCall([t, a, b], () => call(t, a, b));
  });
  test.prop([hostile, hostile], { numRuns: runs(200) })('createRandom, emptyMetrics, coverage and parseSeatId answer or throw a FrontlineError', (a, b) => {
    countInput();
    hostileCall([a], () => createRandom(a as number).pick(b as unknown[]));
    hostileCall([a], () => emptyMetrics(a as never));
    hostileCall([a], () => coverage(a as never));
    hostileCall([a], () => parseSeatId(a as string));
  });
});

describe('labels, given anything', () => {
  test.prop([argsAround(['fullMember', 'en', 'partyStatus'], [fc.oneof(fc.constantFrom('county', 'toString', '__proto__', 'constructor'), hostile), fc.oneof(fc.constantFrom('zh-CN', 'en', 'fr', 'zh'), hostile), fc.oneof(fc.constantFrom(undefined, 'unitKind', 'toString', '__proto__'), hostile)])], { numRuns: runs(600) })(
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
  test.prop([instant], { numRuns: runs(600) })('dayOf gives a Day or throws invalid_day; Instant agrees with it on strings', (at) => {
    countInput();
    const out = hostileCall([at], () => dayOf(at as string));
    if (out.ok) expect(Day.safeParse(out.value).success).toBe(true);
    else expect(out.error.code).toBe('invalid_day');
    if (typeof at === 'string') expect(Instant.safeParse(at).success).toBe(out.ok);
  });
  test.prop([day], { numRuns: runs(300) })('parseDay gives a Day or throws invalid_day', (d) => {
    countInput();
    const out = hostileCall([d], () => parseDay(d as string));
    if (!out.ok) expect(out.error.code).toBe('invalid_day');
  });
  test.prop([day, fc.oneof(fc.integer({ min: -4_000_000, max: 4_000_000 }), hostile)], { numRuns: runs(300) })('addDays gives a Day or throws a FrontlineError', (d, n) => {
    countInput();
    const out = hostileCall([d, n], () => addDays(d as Day, n as number));
    if (out.ok) expect(Day.safeParse(out.value).success).toBe(true);
  });
  test.prop([day, day, fc.oneof(fc.constantFrom('08:30', '24:00', '23:59'), hostile)], { numRuns: runs(300) })('daysBetween, ageOn, isDayWithin, compareDays and instantAt answer or throw a FrontlineError', (a, b, time) => {
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
  expect(inputCount()).toBeGreaterThanOrEqual(5700);
});
