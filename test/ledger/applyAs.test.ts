import { describe, expect, it } from 'vitest';
import {
  FrontlineError,
  apply,
  applyAs,
  tryApplyAs,
  type Actor,
  type Issue,
  type Ledger,
  type LedgerEvent,
} from '../../src/index.js';
import { G, withCommand } from '../supervision/supervisionFixtures.js';
import { C, H, P, U, at, baseLedger, deepFreeze, ev, ledgerWith, snapshot } from '../ledgerFixtures.js';

function thrown(run: () => unknown): FrontlineError {
  try {
    run();
  } catch (e) {
    if (e instanceof FrontlineError) return e;
    throw e;
  }
  throw new Error('expected a FrontlineError, nothing was thrown');
}

const actor = (personId: string, role: Actor['role'], unitId: string, extra: Partial<Actor> = {}): Actor => ({ personId, role, unitId, ...extra }) as Actor;
const wjgWorker = actor(P.wjgSec, 'villageWorker', U.wjg);
const cbWorker = actor(P.cbSec, 'villageWorker', U.cb);
const paWorker = actor(P.paSec, 'townshipWorker', U.pa);
const jlWorker = actor(P.jlSec, 'townshipWorker', U.jl);
const hq = actor(P.mayor, 'headquarters', U.yc);
const supervisor = actor(P.sup, 'supervisor', U.yc, { supervisionGroupId: 'sg-01' as Actor['supervisionGroupId'] });

/** The problems of a refused batch, checking that it was refused and nothing changed. */
function refused(who: Actor, l: Ledger, events: LedgerEvent[]): readonly Issue[] {
  const before = snapshot(l);
  const frozen = deepFreeze(events);
  const input = snapshot(frozen);
  const error = thrown(() => applyAs(who, l, frozen));
  // an event refused because of the actor makes the whole refusal an authorization one
  expect(error.code).toBe(error.issues.some((i) => i.code === 'not_authorized') ? 'not_authorized' : 'invalid_input');
  expect(tryApplyAs(who, l, frozen).ok).toBe(false);
  expect(snapshot(l)).toEqual(before);
  expect(snapshot(frozen)).toEqual(input);
  return error.issues;
}
const notAuthorized = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.code === 'not_authorized');

/** Work in one village-level unit, recorded by `by`. */
function villageWork(by: string, householdId: string, personId: string): LedgerEvent[] {
  const obs = ev.observe({ personId, fromDay: '2020-01-25', day: '2020-01-25', by });
  return [
    ev.letter({ householdId, day: '2020-01-25', by }),
    ev.visit({ householdId, day: '2020-01-25', by }),
    ev.classify({ householdId, personId, day: '2020-01-25', category: 'fromWuhan', by }),
    ev.travel({ personId, arrivalDay: '2020-01-25', by }),
    obs,
    ev.temperature({ observationId: obs.observationId, day: '2020-01-25', slot: 'evening', by }),
    ev.serviceRequested({ householdId, day: '2020-01-25', due: '2020-01-25T18:00:00+08:00', by }),
  ];
}

describe('applyAs: village and community workers', () => {
  it('record inside their own village: the same ledger as apply', () => {
    const events = villageWork(P.wjgSec, H.wjg1, P.wjg1);
    const l = baseLedger();
    expect(applyAs(wjgWorker, l, events)).toEqual(apply(l, events));
    const inCb = villageWork(P.cbSec, H.cb2, P.cb3);
    expect(applyAs(cbWorker, l, inCb)).toEqual(apply(l, inCb));
  });

  it('are refused in another village; the refusal names the actor, the action and the unit', () => {
    const events = [ev.visit({ householdId: H.cb1, day: '2020-01-25', by: P.wjgSec })];
    const issues = refused(wjgWorker, baseLedger(), events);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'not_authorized', path: [0] });
    const message = issues[0]?.message ?? '';
    expect(message).toContain(P.wjgSec);
    expect(message).toContain('villageWorker');
    expect(message).toContain('visitRecorded');
    expect(message).toContain("'cb'");
    expect(message).toContain('城北社区');
  });

  it('are refused for every kind of work in another village', () => {
    const events = villageWork(P.wjgSec, H.cb2, P.cb2);
    const issues = refused(wjgWorker, baseLedger(), events);
    expect(notAuthorized(issues).map((i) => i.path[0])).toEqual(
      events.map((_, i) => i).filter((i) => events[i]?.type !== 'temperatureChecked'), // the check refers to a refused observation
    );
    for (const i of notAuthorized(issues)) expect(i.message).toContain(events[i.path[0] as number]?.type);
  });

  it('may not open campaigns, change settings or add units', () => {
    const l = baseLedger();
    for (const e of [
      ev.campaignOpened({ kind: 'doorKnocking', ownerUnitId: U.wjg, covers: [U.wjg], by: P.wjgSec }),
      ev.settingsChanged({ settings: { lostAfterMisses: 3 }, by: P.wjgSec }),
    ]) {
      const issues = refused(wjgWorker, l, [e]);
      expect(notAuthorized(issues)).toHaveLength(1);
      expect(issues[0]?.message).toContain(e.type);
    }
  });

  it('may register a household in their own village, not in another', () => {
    const reg = (unitId: string): LedgerEvent =>
      ({ type: 'householdsRegistered', id: `reg-${unitId}`, at: at('2020-01-25'), by: P.wjgSec, households: [{ id: `h-new-${unitId}`, unitId, address: '新户', members: [] }] }) as unknown as LedgerEvent;
    expect(applyAs(wjgWorker, baseLedger(), [reg('wjg')]).households.size).toBe(7);
    expect(notAuthorized(refused(wjgWorker, baseLedger(), [reg('cb')]))).toHaveLength(1);
  });
});

describe('applyAs: township workers', () => {
  it('record anywhere inside their township', () => {
    const events = [...villageWork(P.paSec, H.wjg1, P.wjg1), ...villageWork(P.paSec, H.lsc1, P.lsc1)];
    expect(applyAs(paWorker, baseLedger(), events)).toEqual(apply(baseLedger(), events));
  });

  it('may open a campaign of their township, not one covering the county or another township', () => {
    const own = ev.campaignOpened({ kind: 'cleaning', ownerUnitId: U.pa, covers: [U.pa], by: P.paSec });
    const next = applyAs(paWorker, baseLedger(), [own]);
    expect(next.campaigns.size).toBe(5);
    const village = ev.campaignOpened({ kind: 'cleaning', ownerUnitId: U.pa, covers: [U.wjg, U.lsc], by: P.paSec });
    expect(applyAs(paWorker, baseLedger(), [village]).campaigns.size).toBe(5);
    for (const e of [
      ev.campaignOpened({ kind: 'cleaning', ownerUnitId: U.pa, covers: [U.yc], by: P.paSec }),
      ev.campaignOpened({ kind: 'cleaning', ownerUnitId: U.yc, covers: [U.pa], by: P.paSec }),
      ev.campaignOpened({ kind: 'cleaning', ownerUnitId: U.pa, covers: [U.pa, U.cb], by: P.paSec }),
    ]) {
      const issues = notAuthorized(refused(paWorker, baseLedger(), [e]));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.message).toContain(P.paSec);
      expect(issues[0]?.message).toContain('campaignOpened');
    }
  });

  it('may close their own campaign, not the county one', () => {
    const own = ev.campaignOpened({ kind: 'cleaning', campaignId: 'cl-pa', ownerUnitId: U.pa, covers: [U.pa], by: P.paSec });
    const l = applyAs(paWorker, baseLedger(), [own]);
    expect(() => applyAs(paWorker, l, [ev.campaignClosed({ campaignId: 'cl-pa', endDay: '2020-02-01', by: P.paSec })])).not.toThrow();
    expect(notAuthorized(refused(paWorker, l, [ev.campaignClosed({ campaignId: C.cl, endDay: '2020-02-01', by: P.paSec })]))).toHaveLength(1);
  });

  it('are refused outside their township, naming the unit', () => {
    const issues = notAuthorized(refused(paWorker, baseLedger(), [ev.visit({ householdId: H.cb1, day: '2020-01-25', by: P.paSec })]));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain(P.paSec);
    expect(issues[0]?.message).toContain('townshipWorker');
    expect(issues[0]?.message).toContain("'cb'");
    expect(notAuthorized(refused(jlWorker, baseLedger(), [ev.letter({ householdId: H.wjg2, by: P.jlSec })]))).toHaveLength(1);
  });

  it('may not change the county settings', () => {
    expect(notAuthorized(refused(paWorker, baseLedger(), [ev.settingsChanged({ settings: { revisitAfterDays: 3 }, by: P.paSec })]))).toHaveLength(1);
  });

  it('cleaning: a disinfection falls in the scope of the responsible unit', () => {
    const l = ledgerWith([ev.site({ siteId: 's-wjg', unitId: U.wjg, responsibleUnitId: U.paDis })]);
    expect(() => applyAs(paWorker, l, [ev.disinfect({ siteId: 's-wjg', day: '2020-01-25', by: P.paSec })])).not.toThrow();
    expect(notAuthorized(refused(wjgWorker, l, [ev.disinfect({ siteId: 's-wjg', day: '2020-01-25', by: P.wjgSec })]))).toHaveLength(1);
  });
});

describe('applyAs: headquarters and supervisors', () => {
  it('the headquarters records everywhere, including county-wide acts', () => {
    const events = [
      ...villageWork(P.mayor, H.wjg1, P.wjg1),
      ...villageWork(P.mayor, H.cb1, P.cb1),
      ev.settingsChanged({ settings: { lostAfterMisses: 3 } }),
      ev.campaignOpened({ kind: 'volunteerService', ownerUnitId: U.yc, covers: [U.yc] }),
      ev.site({ unitId: U.cb, responsibleUnitId: U.housing }),
      ev.volunteer({ personId: P.vol1 }),
    ];
    expect(applyAs(hq, baseLedger(), events)).toEqual(apply(baseLedger(), events));
  });

  it('a supervisor is refused any campaign work, even inside the units covered', () => {
    const l = baseLedger();
    for (const e of villageWork(P.sup, H.wjg1, P.wjg1).slice(0, 4)) {
      const issues = notAuthorized(refused(supervisor, l, [e]));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.message).toContain(P.sup);
      expect(issues[0]?.message).toContain('supervisor');
      expect(issues[0]?.message).toContain(e.type);
      expect(issues[0]?.message).toContain("'wjg'");
    }
    expect(notAuthorized(refused(supervisor, l, [ev.settingsChanged({ settings: { lostAfterMisses: 3 }, by: P.sup })]))).toHaveLength(1);
  });
});

describe('applyAs: the recorder and the batch', () => {
  it('`by` must be the actor', () => {
    const issues = refused(wjgWorker, baseLedger(), [ev.visit({ householdId: H.wjg1, day: '2020-01-25', by: P.lscSec })]);
    expect(notAuthorized(issues)).toHaveLength(1);
    expect(issues[0]?.message).toContain(P.wjgSec);
    expect(issues[0]?.message).toContain(P.lscSec);
    expect(notAuthorized(refused(hq, baseLedger(), [ev.visit({ householdId: H.wjg1, day: '2020-01-25', by: P.wjgSec })]))).toHaveLength(1);
  });

  it('nothing is applied when any one event is refused; every refusal is listed', () => {
    const ok = villageWork(P.wjgSec, H.wjg1, P.wjg1);
    const bad1 = ev.visit({ householdId: H.cb1, day: '2020-01-25', by: P.wjgSec });
    const bad2 = ev.visit({ householdId: H.lsc1, day: '2020-01-25', by: P.wjgSec });
    const issues = refused(wjgWorker, baseLedger(), [...ok, bad1, ...ok.slice(0, 0), bad2]);
    expect(issues.map((i) => [i.path[0], i.code])).toEqual([
      [ok.length, 'not_authorized'],
      [ok.length + 1, 'not_authorized'],
    ]);
    const r = tryApplyAs(wjgWorker, baseLedger(), [...ok, bad1]);
    expect(r.ok).toBe(false);
  });

  it('an invalid actor is refused before any event: unknown unit, unknown person, bad role', () => {
    const events = [ev.visit({ householdId: H.wjg1, day: '2020-01-25', by: P.wjgSec })];
    const e1 = thrown(() => applyAs(actor(P.wjgSec, 'villageWorker', 'nowhere'), baseLedger(), events));
    expect(e1.issues.map((i) => [[...i.path], i.code])).toEqual([[['actor', 'unitId'], 'unknown_unit']]);
    const e2 = thrown(() => applyAs(actor('ghost', 'villageWorker', U.wjg), baseLedger(), events));
    expect(e2.issues.map((i) => [[...i.path], i.code])).toEqual([[['actor', 'personId'], 'unknown_person']]);
    const e3 = thrown(() => applyAs({ ...wjgWorker, role: 'king' } as unknown as Actor, baseLedger(), events));
    expect(e3.issues[0]?.path).toEqual(['actor', 'role']);
    expect(tryApplyAs(actor('ghost', 'villageWorker', U.wjg), baseLedger(), events).ok).toBe(false);
  });

  it('the claimed role must fit the register and the command structure', () => {
    const events = [ev.visit({ householdId: H.wjg1, day: '2020-01-25', by: P.wjgSec })];
    const claims = (who: Actor, l: Ledger = baseLedger()): [PropertyKey[], string][] => thrown(() => applyAs(who, l, events)).issues.map((i) => [[...i.path], i.code]);
    // a resident claiming the headquarters (no command structure yet: a county-level cadre is needed)
    expect(claims(actor(P.wjg1, 'headquarters', U.yc))).toEqual([[['actor', 'role'], 'not_in_role']]);
    // the headquarters acts for the county
    expect(claims(actor(P.mayor, 'headquarters', U.pa))).toEqual([[['actor', 'unitId'], 'role_unit']]);
    // a village secretary claiming another village, or a township as a village worker
    expect(claims(actor(P.cbSec, 'villageWorker', U.wjg))).toEqual([[['actor', 'unitId'], 'not_in_role']]);
    expect(claims(actor(P.paSec, 'villageWorker', U.pa))).toEqual([[['actor', 'unitId'], 'role_unit']]);
    // a township worker may act for a village below the township (a cadre sent down to it)
    expect(applyAs(actor(P.paSec, 'villageWorker', U.wjg), baseLedger(), [ev.visit({ householdId: H.wjg1, day: '2020-01-25', by: P.paSec })]).visits.size).toBe(
      baseLedger().visits.size + 1,
    );
    // with a command structure: the headquarters and the supervision groups are who it says
    const l = withCommand();
    expect(claims(actor(P.cbSec, 'headquarters', U.yc), l)).toEqual([[['actor', 'role'], 'not_in_role']]);
    expect(claims(actor(P.paSec, 'supervisor', U.yc, { supervisionGroupId: G.pa as Actor['supervisionGroupId'] }), l)).toEqual([[['actor', 'personId'], 'not_in_role']]);
    expect(claims(actor(P.sup, 'supervisor', U.yc, { supervisionGroupId: 'sg-x' as Actor['supervisionGroupId'] }), l)).toEqual([
      [['actor', 'supervisionGroupId'], 'unknown_group'],
    ]);
  });

  it('the checks of apply still hold under applyAs', () => {
    const issues = refused(wjgWorker, baseLedger(), [ev.visit({ householdId: H.wjg1, day: '2020-01-23', by: P.wjgSec })]);
    expect(issues.map((i) => i.code)).toEqual(['outside_campaign']);
  });
});
