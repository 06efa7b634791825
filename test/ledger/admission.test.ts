/**
 * Member development (发展党员) in the ledger: the events `admissionCaseOpened` and
 * `admissionStepRecorded`, checked against the admission rules exactly as `advance` checks them,
 * with the register following each case; the simulated cases of `simulateAdmissions`; and the
 * member-development figures of the daily dispatch.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FrontlineError,
  admissionStatus,
  apply,
  checkAdmissionCase,
  countyEvents,
  dailyDispatch,
  emptySummary,
  generateCounty,
  ledgerTree,
  mergeSummaries,
  replay,
  simulateAdmissions,
  tableForEach,
  tableGet,
  tableValues,
  tryApplyAs,
  Actor,
  isWithin,
  tryAdvance,
  tryApply,
  type AdmissionCase,
  type Issue,
  type Ledger,
  type OrgUnit,
  type Person,
} from '../../src/index.js';
import type { AdmissionStepInput } from '../../src/admission/model.js';
import type { Table } from '../../src/store/table.js';
import { PIPELINE } from '../admission/admissionFixtures.js';

const SEED = 5;

let base: Ledger;
/** The recorder of every event: the headquarters' commander. */
let by: string;
/** A village or community with a Party organization and at least 3 full members. */
let unit: OrgUnit;
/** The township (or subdistrict) above it. */
let higher: OrgUnit;
/** Full members of the unit. */
let members: string[];
/** A non-member of the unit, 18 or older on the PIPELINE's application day. */
let candidate: Person;
/** A second non-member of the unit, for the case opened with earlier steps. */
let other: Person;
/** The PIPELINE's steps with the sponsors, talkers and committees of this ledger. */
let steps: AdmissionStepInput[];

let seq = 0;
const eventId = (prefix: string): string => `${prefix}-${++seq}`;
const at = (day: string): string => `${day}T10:00:00+08:00`;

function openEvent(fields: { caseId: string; personId: string; branch: string; steps?: readonly AdmissionStepInput[]; day: string }): Record<string, unknown> {
  const { day, ...rest } = fields;
  return { type: 'admissionCaseOpened', id: eventId('open'), at: at(day), by, ...rest };
}

function stepEvent(caseId: string, step: AdmissionStepInput, day: string = step.day): Record<string, unknown> {
  return { type: 'admissionStepRecorded', id: eventId('step'), at: at(day), by, caseId, step };
}

/** The index of the (first) step of a kind in {@link steps}. */
const indexOf = (kind: AdmissionStepInput['step']): number => steps.findIndex((s) => s.step === kind);

/** The step at an index with fields replaced. */
const patched = (i: number, patch: Record<string, unknown>): AdmissionStepInput => ({ ...steps[i], ...patch }) as AdmissionStepInput;

/** The error of a refused batch (fails the test when the batch is accepted). */
function refused(ledger: Ledger, events: readonly unknown[]): FrontlineError {
  const r = tryApply(ledger, events);
  expect(r.ok, 'expected the batch to be refused').toBe(false);
  if (r.ok) throw new Error('accepted');
  expect(r.error).toBeInstanceOf(FrontlineError);
  expect(r.error.code).toBe('invalid_input');
  return r.error;
}

/** What a refusal may not change: the admissions, the people of the candidates, the event count. */
const state = (l: Ledger): string =>
  JSON.stringify([
    l.eventCount,
    tableValues(l.admissions).sort((a, b) => (a.id < b.id ? -1 : 1)),
    tableGet(l.people, candidate.id),
    tableGet(l.people, other.id),
  ]);

/** Issues without the batch index in front of their paths, as [path, code, rule]. */
const shape = (issues: readonly Issue[], dropIndex: boolean): [PropertyKey[], string, string | undefined][] =>
  issues.map((i) => [dropIndex ? i.path.slice(1) : [...i.path], i.code, i.rule]);

/** The ledger with a case open on the candidate and the first `n` PIPELINE steps recorded one event at a time. */
function caseAfter(n: number, caseId = 'adm-c'): Ledger {
  let l = apply(base, [openEvent({ caseId, personId: candidate.id, branch: unit.id, day: steps[0]!.day })]);
  for (const s of steps.slice(0, n)) l = apply(l, [stepEvent(caseId, s)]);
  return l;
}

/** Sorted JSON of a table's values. */
const tableJson = <T extends { id: string }>(t: Table<T>): string => JSON.stringify(tableValues(t).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));

beforeAll(() => {
  const county = generateCounty({ scale: 0.03, seed: SEED });
  base = replay(countyEvents(county), undefined, { trusted: true });
  by = county.command.headquarters.commander;
  const tree = ledgerTree(base);
  const full = new Map<string, string[]>();
  const nonMembers = new Map<string, Person[]>();
  tableForEach(base.people, (p) => {
    if (p.partyStatus === 'fullMember') full.set(p.unitId, [...(full.get(p.unitId) ?? []), p.id]);
    if (p.partyStatus === 'nonMember' && p.birthDate <= '1990-01-01') nonMembers.set(p.unitId, [...(nonMembers.get(p.unitId) ?? []), p]);
  });
  const chosen = tree.units.find(
    (u) => (u.kind === 'village' || u.kind === 'community') && u.party !== undefined && (full.get(u.id)?.length ?? 0) >= 3 && (nonMembers.get(u.id)?.length ?? 0) >= 2,
  );
  if (chosen === undefined) throw new Error('no unit with a Party organization, 3 full members and 2 non-members');
  unit = chosen;
  higher = tree.units.find((u) => u.id === chosen.parentId)!;
  members = full.get(unit.id)!.slice().sort();
  [candidate, other] = nonMembers.get(unit.id)!.sort((a, b) => (a.id < b.id ? -1 : 1)) as [Person, Person];
  // the fixture's sponsors, talkers and committees replaced by people and units of this ledger
  const n = members.length;
  steps = PIPELINE.map((s) => {
    const json = JSON.stringify(s)
      .replaceAll('"p0000101"', JSON.stringify(members[0]))
      .replaceAll('"p0000102"', JSON.stringify(members[1]))
      .replaceAll('"p0000900"', JSON.stringify(by))
      .replaceAll('"yc.t03"', JSON.stringify(higher.id));
    const step = JSON.parse(json) as AdmissionStepInput;
    return step.step === 'admissionMeeting' || step.step === 'conversionMeeting' ? { ...step, votes: { entitled: n, attending: n, yes: n } } : step;
  });
}, 60_000);

describe('admissionCaseOpened', () => {
  it('stores a case without steps, with the birth date of the register and temporaryBranch from the unit', () => {
    const next = apply(base, [openEvent({ caseId: 'adm-1', personId: candidate.id, branch: unit.id, day: '2020-01-26' })]);
    expect(tableGet(next.admissions, 'adm-1')).toEqual({ id: 'adm-1', person: candidate.id, birthDate: candidate.birthDate, branch: unit.id, temporaryBranch: false, openedOn: '2020-01-26', steps: [] });
    expect(next.admissions.size).toBe(base.admissions.size + 1);
    // no step yet: the register is as it was, and names the case
    expect(tableGet(next.people, candidate.id)).toEqual({ ...tableGet(base.people, candidate.id), admissionCase: 'adm-1' });
    expect(base.admissions.size).toBe(0);
  });

  it('stores a case with its earlier steps, and the register follows them', () => {
    const earlier = steps.slice(0, indexOf('activist') + 1);
    const next = apply(base, [openEvent({ caseId: 'adm-2', personId: other.id, branch: unit.id, steps: earlier, day: '2020-02-03' })]);
    const c = tableGet(next.admissions, 'adm-2');
    expect(c).toEqual({ id: 'adm-2', person: other.id, birthDate: other.birthDate, branch: unit.id, temporaryBranch: false, openedOn: '2020-02-03', steps: earlier });
    expect(admissionStatus(c!)).toBe('activist');
    expect(tableGet(next.people, other.id)?.partyStatus).toBe('activist');
    expect(tableGet(next.people, other.id)?.partyJoinedOn).toBeUndefined();
    expect(tableGet(next.people, other.id)?.admissionCase).toBe('adm-2');
  });

  it('enters a registered probationary member with the history that admitted them, so that the conversion can follow', () => {
    const upTo = indexOf('admissionApproval');
    const history = steps.slice(0, upTo + 1);
    const meeting = history.findLast((s) => s.step === 'admissionMeeting')!.day;
    const day = history[upTo]!.day;
    const newcomer = { id: 'p-prob', name: '预备', sex: 'female', birthDate: candidate.birthDate, unitId: unit.id, partyStatus: 'probationaryMember', partyJoinedOn: meeting };
    const l = apply(base, [{ type: 'peopleRegistered', id: eventId('reg'), at: at(day), by, people: [newcomer, { ...newcomer, id: 'p-prob2', partyJoinedOn: '2019-05-25' }] }]);
    // without the history, or with one that admits them on another day: refused
    expect(refused(l, [openEvent({ caseId: 'adm-p0', personId: 'p-prob', branch: unit.id, day })]).issues.map((i) => i.code)).toEqual(['already_member']);
    expect(refused(l, [openEvent({ caseId: 'adm-p2', personId: 'p-prob2', branch: unit.id, steps: history, day })]).issues.map((i) => i.code)).toEqual([
      'join_date_mismatch',
    ]);
    const opened = apply(l, [openEvent({ caseId: 'adm-p', personId: 'p-prob', branch: unit.id, steps: history, day })]);
    expect(admissionStatus(tableGet(opened.admissions, 'adm-p')!)).toBe('probationaryMember');
    expect(tableGet(opened.people, 'p-prob')).toMatchObject({ partyStatus: 'probationaryMember', partyJoinedOn: meeting, admissionCase: 'adm-p' });
    let after = opened;
    for (const s of steps.slice(upTo + 1)) after = apply(after, [stepEvent('adm-p', s)]);
    expect(tableGet(after.people, 'p-prob')).toMatchObject({ partyStatus: 'fullMember', partyJoinedOn: meeting });
  });

  it('refuses a second open case for a person, a case for a member, a history behind the register and sponsors the register contradicts', () => {
    const opened = apply(base, [openEvent({ caseId: 'adm-a', personId: candidate.id, branch: unit.id, day: '2020-01-26' })]);
    const second = tryApply(opened, [openEvent({ caseId: 'adm-b', personId: candidate.id, branch: unit.id, day: '2020-01-27' })]);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.issues.map((i) => [i.code, i.path.slice(1)])).toContainEqual(['open_case', ['personId']]);
    const member = tableValues(base.people).find((p) => p.partyStatus === 'fullMember')!;
    const onMember = tryApply(base, [openEvent({ caseId: 'adm-m', personId: member.id, branch: unit.id, day: '2020-01-26' })]);
    expect(onMember.ok).toBe(false);
    if (!onMember.ok) expect(onMember.error.issues.map((i) => i.code)).toContain('already_member');
    const activist = tableValues(base.people).find((p) => p.partyStatus === 'activist' && p.birthDate < '2000-01-01');
    if (activist !== undefined) {
      const behind = tryApply(base, [openEvent({ caseId: 'adm-x', personId: activist.id, branch: unit.id, steps: steps.slice(0, 1), day: '2020-02-03' })]);
      expect(behind.ok).toBe(false);
      if (!behind.ok) expect(behind.error.issues.map((i) => i.code)).toContain('behind_register');
    }
    const contactAt = indexOf('activist');
    const bad = steps.slice(0, contactAt + 1).map((s, i) =>
      i === contactAt && s.step === 'activist' ? { ...s, contacts: [{ person: other.id, status: 'fullMember' as const }] } : s,
    );
    const sponsor = tryApply(base, [openEvent({ caseId: 'adm-s', personId: candidate.id, branch: unit.id, steps: bad, day: '2020-02-03' })]);
    expect(sponsor.ok).toBe(false);
    if (!sponsor.ok) expect(sponsor.error.issues.map((i) => [i.code, i.path.slice(1)])).toContainEqual(['status_mismatch', ['steps', contactAt, 'contacts', 0, 'status']]);
  });

  it('sets temporaryBranch for a temporary branch', () => {
    const tb = ledgerTree(base).units.find((u) => u.kind === 'temporaryBranch' && u.party !== undefined);
    expect(tb, 'the county has a temporary branch with a Party organization').toBeDefined();
    const next = apply(base, [openEvent({ caseId: 'adm-tb', personId: candidate.id, branch: tb!.id, day: '2020-02-03' })]);
    expect(tableGet(next.admissions, 'adm-tb')).toMatchObject({ branch: tb!.id, temporaryBranch: true, birthDate: candidate.birthDate });
  });

  it('refuses an unknown person, an unknown unit, a unit without a Party organization, a duplicate case and a step after the event’s day, each by its field; nothing changes', () => {
    const before = state(base);
    const cases: [string, Record<string, unknown>, PropertyKey[], string][] = [
      ['unknown person', openEvent({ caseId: 'adm-x', personId: 'p9999999', branch: unit.id, day: '2020-02-03' }), ['personId'], 'unknown_person'],
      ['unknown unit', openEvent({ caseId: 'adm-x', personId: candidate.id, branch: 'yc.nowhere', day: '2020-02-03' }), ['branch'], 'unknown_unit'],
      [
        'a step after the event’s day',
        openEvent({ caseId: 'adm-x', personId: candidate.id, branch: unit.id, steps: steps.slice(0, 3), day: '2019-12-01' }),
        ['steps', 2, 'day'],
        'future_step',
      ],
    ];
    const noParty = ledgerTree(base).units.find((u) => (u.kind === 'village' || u.kind === 'community') && u.party === undefined);
    if (noParty !== undefined) cases.push(['no Party organization', openEvent({ caseId: 'adm-x', personId: candidate.id, branch: noParty.id, day: '2020-02-03' }), ['branch'], 'no_party_organization']);
    for (const [what, event, path, code] of cases) {
      const e = refused(base, [event]);
      expect(shape(e.issues, true), what).toEqual([[path, code, undefined]]);
      expect(e.issues[0]!.path[0], what).toBe(0);
      expect(() => apply(base, [event]), what).toThrow(FrontlineError);
      expect(state(base), what).toBe(before);
    }
    // a duplicate case id, in a later ledger and within one batch
    const opened = apply(base, [openEvent({ caseId: 'adm-d', personId: candidate.id, branch: unit.id, day: '2020-02-03' })]);
    const openedBefore = state(opened);
    const dup = refused(opened, [openEvent({ caseId: 'adm-d', personId: other.id, branch: unit.id, day: '2020-02-04' })]);
    expect(shape(dup.issues, true)).toEqual([[['caseId'], 'duplicate_case', undefined]]);
    expect(state(opened)).toBe(openedBefore);
    const inBatch = refused(base, [
      openEvent({ caseId: 'adm-e', personId: candidate.id, branch: unit.id, day: '2020-02-03' }),
      openEvent({ caseId: 'adm-e', personId: other.id, branch: unit.id, day: '2020-02-03' }),
    ]);
    expect(inBatch.issues.map((i) => i.path)).toEqual([[1, 'caseId']]);
    expect(state(base)).toBe(before);
  });

  it('refuses earlier steps that break a rule, citing the rule under steps[i]', () => {
    const late = [steps[0]!, { ...steps[1]!, day: '2019-12-06' } as AdmissionStepInput];
    const e = refused(base, [openEvent({ caseId: 'adm-late', personId: candidate.id, branch: unit.id, steps: late, day: '2020-01-10' })]);
    expect(shape(e.issues, true)).toEqual([[['steps', 1, 'day'], 'late', 'admission.applicationTalk']]);
  });
});

describe('admissionStepRecorded', () => {
  it('takes the PIPELINE to full membership one event at a time, the register following every status', () => {
    let l = apply(base, [openEvent({ caseId: 'adm-p', personId: candidate.id, branch: unit.id, day: steps[0]!.day })]);
    const seen: string[] = [];
    for (const s of steps) {
      l = apply(l, [stepEvent('adm-p', s)]);
      const c = tableGet(l.admissions, 'adm-p')!;
      expect(c.steps.at(-1)).toEqual(s);
      const p = tableGet(l.people, candidate.id)!;
      expect(p.partyStatus).toBe(admissionStatus(c));
      if (seen.at(-1) !== p.partyStatus) seen.push(p.partyStatus);
      if (p.partyStatus === 'probationaryMember' || p.partyStatus === 'fullMember') expect(p.partyJoinedOn).toBe(steps[indexOf('admissionMeeting')]!.day);
      else expect(p.partyJoinedOn).toBeUndefined();
    }
    expect(seen).toEqual(['applicant', 'activist', 'developmentTarget', 'probationaryMember', 'fullMember']);
    const c = tableGet(l.admissions, 'adm-p')!;
    expect(c.steps).toEqual(steps);
    expect(checkAdmissionCase(c)).toEqual([]);
    expect(l.eventCount).toBe(base.eventCount + 1 + steps.length);
    // everyone else in the register is as they were
    const changed: string[] = [];
    tableForEach(l.people, (p, id) => {
      if (p !== tableGet(base.people, id)) changed.push(id);
    });
    expect(changed).toEqual([candidate.id]);
  });

  it('refuses a step that breaks a rule with the same issues as tryAdvance, and changes nothing', () => {
    const fastTracked = (): Ledger => {
      // an activist fast-tracked in 2020: the one-year activist period is waived
      const i = indexOf('assessment');
      let l = caseAfter(i, 'adm-f');
      l = apply(l, [stepEvent('adm-f', { step: 'fastTrack', day: '2020-03-01', grantedBy: higher.id, reason: '疫情防控一线表现突出' })]);
      return apply(l, [stepEvent('adm-f', steps[i]!)]);
    };
    const n = members.length;
    const cases: { what: string; ledger: Ledger; caseId: string; step: AdmissionStepInput; rule: string; path: PropertyKey[] }[] = [
      {
        what: 'a talk more than one month after the application',
        ledger: caseAfter(indexOf('applicationTalk')),
        caseId: 'adm-c',
        step: patched(indexOf('applicationTalk'), { day: '2019-12-06' }),
        rule: 'admission.applicationTalk',
        path: ['step', 'day'],
      },
      {
        what: 'a development target less than a year after becoming an activist, not fast-tracked',
        ledger: caseAfter(indexOf('developmentTarget')),
        caseId: 'adm-c',
        step: patched(indexOf('developmentTarget'), { day: '2021-01-25' }),
        rule: 'admission.activistPeriod',
        path: ['step', 'day'],
      },
      {
        what: 'an admission meeting where the yes votes are only half of those entitled',
        ledger: caseAfter(indexOf('admissionMeeting')),
        caseId: 'adm-c',
        step: patched(indexOf('admissionMeeting'), { votes: { entitled: n, attending: n, yes: Math.floor(n / 2) } }),
        rule: 'admission.meetingMajority',
        path: ['step', 'votes', 'yes'],
      },
      {
        what: 'a conversion meeting before probation ends',
        ledger: caseAfter(indexOf('conversionMeeting')),
        caseId: 'adm-c',
        step: patched(indexOf('conversionMeeting'), { day: '2022-03-01' }),
        rule: 'admission.probationPeriod',
        path: ['step', 'day'],
      },
    ];
    for (const { what, ledger, caseId, step, rule, path } of cases) {
      const before = state(ledger);
      const c = tableGet(ledger.admissions, caseId)! as AdmissionCase;
      const expected = tryAdvance(c, step);
      expect(expected.ok, what).toBe(false);
      if (expected.ok) continue;
      const e = refused(ledger, [stepEvent(caseId, step)]);
      expect(shape(e.issues, true), what).toEqual(shape(expected.error.issues, false));
      expect(e.issues.map((i) => i.rule), what).toContain(rule);
      expect(e.issues.find((i) => i.rule === rule)?.path, what).toEqual([0, ...path]);
      for (const i of e.issues) expect(i.path.slice(0, 2), what).toEqual([0, 'step']);
      expect(state(ledger), what).toBe(before);
      expect(() => apply(ledger, [stepEvent(caseId, step)]), what).toThrow(FrontlineError);
    }
    // the same early development target is accepted on the fast track, as by tryAdvance
    const f = fastTracked();
    const early = patched(indexOf('developmentTarget'), { day: '2020-08-01' });
    expect(tryAdvance(tableGet(f.admissions, 'adm-f')!, early).ok).toBe(true);
    const after = apply(f, [stepEvent('adm-f', early)]);
    expect(tableGet(after.people, candidate.id)?.partyStatus).toBe('developmentTarget');
  });

  it('refuses an unknown case by caseId and a step dated after the event’s day by step.day', () => {
    const l = caseAfter(1);
    const before = state(l);
    const unknown = refused(l, [stepEvent('adm-nope', steps[1]!)]);
    expect(shape(unknown.issues, true)).toEqual([[['caseId'], 'unknown_case', undefined]]);
    const future = refused(l, [stepEvent('adm-c', steps[1]!, '2019-11-10')]);
    expect(shape(future.issues, true)).toEqual([[['step', 'day'], 'future_step', undefined]]);
    expect(state(l)).toBe(before);
  });

  it('replay of a journal equals apply one event at a time: the same admissions and people', () => {
    const journal = [
      openEvent({ caseId: 'adm-r', personId: candidate.id, branch: unit.id, day: steps[0]!.day }),
      ...steps.map((s) => stepEvent('adm-r', s)),
      openEvent({ caseId: 'adm-s', personId: other.id, branch: unit.id, steps: steps.slice(0, indexOf('developmentTarget') + 1), day: '2021-06-01' }),
      stepEvent('adm-s', steps[indexOf('politicalReview')]!, '2021-06-02'),
    ];
    let one = base;
    for (const e of journal) one = apply(one, [e]);
    const all = replay(journal, base);
    expect(tableJson(all.admissions)).toBe(tableJson(one.admissions));
    expect(tableJson(all.people)).toBe(tableJson(one.people));
    expect(all.eventCount).toBe(one.eventCount);
    expect(tableGet(all.people, candidate.id)?.partyStatus).toBe('fullMember');
    expect(tableGet(all.people, other.id)?.partyStatus).toBe('developmentTarget');
    // and one batch of apply
    const batch = apply(base, journal);
    expect(tableJson(batch.admissions)).toBe(tableJson(one.admissions));
  });
});

describe('simulateAdmissions', () => {
  let events: ReturnType<typeof simulateAdmissions>;
  let simulated: Ledger;
  const options = { startDay: '2020-01-26', days: 10, seed: SEED };

  beforeAll(() => {
    events = simulateAdmissions(base, options);
    simulated = replay(events, base); // validated: not trusted
  }, 60_000);

  it('emits events that all apply, deterministically for a seed', () => {
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'admissionCaseOpened').length).toBeGreaterThan(10);
    expect(events.filter((e) => e.type === 'admissionStepRecorded').length).toBeGreaterThan(0);
    expect(simulateAdmissions(base, options)).toEqual(events);
    expect(simulated.eventCount).toBe(base.eventCount + events.length);
    expect(simulated.admissions.size).toBe(events.filter((e) => e.type === 'admissionCaseOpened').length);
  });

  it('keeps every admission rule, and the register status equals each case’s status', () => {
    tableForEach(simulated.admissions, (c) => {
      expect(checkAdmissionCase(c), c.id).toEqual([]);
      const status = admissionStatus(c);
      expect(tableGet(simulated.people, c.person)?.partyStatus, c.id).toBe(status === 'cancelled' ? 'nonMember' : status);
      expect(c.birthDate).toBe(tableGet(base.people, c.person)?.birthDate);
    });
  });

  it('feeds the dispatch: stage counts per case, steps of the day, rows merging to the total', () => {
    // one more case, opened without steps: it counts as a non-member on every day
    const withEmpty = apply(simulated, [openEvent({ caseId: 'adm-empty', personId: candidate.id, branch: unit.id, day: '2020-02-01' })]);
    const cases = tableValues(withEmpty.admissions);
    const root = ledgerTree(withEmpty).root;
    const days = ['2020-01-20', '2020-01-25', '2020-01-26', '2020-01-28', '2020-01-30', '2020-02-02', '2020-02-04'];
    let stepsSeen = 0;
    for (const day of days) {
      const report = dailyDispatch(withEmpty, day);
      const a = report.total.admission;
      // a case counts from its first step, or from the day it was opened when that is earlier
      const counted = cases.filter((c) => (c.steps[0] !== undefined && c.steps[0].day <= day) || (c.openedOn !== undefined && c.openedOn <= day));
      const { steps: _steps, ...stages } = a;
      expect(Object.values(stages).reduce((x, y) => x + y, 0), day).toBe(counted.length);
      // each stage: the status of the case's steps up to that day
      const expected = { nonMember: 0, applicant: 0, activist: 0, developmentTarget: 0, probationaryMember: 0, fullMember: 0, cancelled: 0 };
      for (const c of counted) expected[admissionStatus({ ...c, steps: c.steps.filter((s) => s.day <= day) })]++;
      expect(stages, day).toEqual(expected);
      // the case opened on 02-01 with no step counts from then, not before
      expect(a.nonMember, day).toBe(day >= '2020-02-01' ? 1 : 0);
      const today = cases.reduce((k, c) => k + c.steps.filter((s) => s.day === day).length, 0);
      expect(a.steps, day).toBe(today);
      stepsSeen += today;
      // the rows (the county's children) merged, with the county's own cases, give the total
      const merged = report.rows.reduce((acc, r) => mergeSummaries(acc, r.summary), emptySummary()).admission;
      const own = { ...expected, steps: 0 };
      for (const k of Object.keys(own) as (keyof typeof own)[]) own[k] = 0;
      for (const c of counted.filter((x) => x.branch === root)) {
        own[admissionStatus({ ...c, steps: c.steps.filter((s) => s.day <= day) })]++;
        own.steps += c.steps.filter((s) => s.day === day).length;
      }
      const plusOwn = Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, v + own[k as keyof typeof own]]));
      expect(plusOwn, day).toEqual({ ...a });
    }
    expect(stepsSeen, 'some steps fall on the days checked').toBeGreaterThan(0);
  });
});

describe('the register and member development stay consistent', () => {
  it('refuses a step that would set the register back, as it refuses the same history at opening', () => {
    const activist = tableValues(base.people).find((p) => p.partyStatus === 'activist' && p.unitId === unit.id) ?? tableValues(base.people).find((p) => p.partyStatus === 'activist')!;
    const opened = apply(base, [openEvent({ caseId: 'adm-back', personId: activist.id, branch: activist.unitId, day: '2020-02-01' })]);
    const err = refused(opened, [stepEvent('adm-back', { step: 'application', day: '2020-02-01' })]);
    expect(err.issues.map((i) => [i.code, i.path.slice(1, 2)])).toContainEqual(['behind_register', ['step']]);
    expect(tableGet(opened.people, activist.id)?.partyStatus).toBe('activist');
  });

  it('gives a member entered with a whole history the day they joined', () => {
    const whole = steps.slice(0, indexOf('probationApproval') + 1);
    const next = apply(base, [openEvent({ caseId: 'adm-whole', personId: candidate.id, branch: unit.id, steps: whole, day: '2022-05-01' })]);
    const p = tableGet(next.people, candidate.id)!;
    expect(p.partyStatus).toBe('fullMember');
    expect(p.partyJoinedOn).toBe(steps[indexOf('admissionMeeting')]!.day);
  });

  it('lets a worker develop only people of their own scope', () => {
    const tree = ledgerTree(base);
    const elsewhere = tableValues(base.people).find((p) => p.partyStatus === 'nonMember' && p.birthDate < '1990-01-01' && !isWithin(tree, p.unitId as never, unit.id as never))!;
    const worker: Actor = Actor.parse({ personId: members[0], role: 'villageWorker', unitId: unit.id });
    const as = (e: Record<string, unknown>): Record<string, unknown> => ({ ...e, by: members[0] });
    const r = tryApplyAs(worker, base, [as(openEvent({ caseId: 'adm-far', personId: elsewhere.id, branch: unit.id, day: '2020-02-01' }))]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => i.code)).toContain('not_authorized');
    const near = tryApplyAs(worker, base, [as(openEvent({ caseId: 'adm-near', personId: candidate.id, branch: unit.id, day: '2020-02-01' }))]);
    expect(near.ok, near.ok ? '' : near.error.message).toBe(true);
  });

  it('refuses a case set through the register', () => {
    const person = { ...tableGet(base.people, candidate.id)!, id: 'p9999990', admissionCase: 'adm-x' };
    const err = refused(base, [{ type: 'peopleRegistered', id: 'reg-x', at: at('2020-02-01'), by, people: [person] }]);
    expect(err.issues.map((i) => [i.code, i.path.slice(1)])).toContainEqual(['not_registered', ['people', 0, 'admissionCase']]);
  });

  it('a trusted apply leaves the events passed in unchanged, accepted or refused', () => {
    const person = { ...tableGet(base.people, candidate.id)!, id: 'p9999991' };
    delete (person as { residentId?: string }).residentId;
    const batch = [
      { type: 'peopleRegistered', id: 'reg-y', at: at('2022-05-01'), by, people: [person] },
      openEvent({ caseId: 'adm-y', personId: 'p9999991', branch: unit.id, steps: steps.slice(0, indexOf('admissionApproval') + 1), day: '2022-05-01' }),
    ];
    const before = JSON.stringify(batch);
    const next = apply(base, batch, { trusted: true });
    expect(tableGet(next.people, 'p9999991')?.partyStatus).toBe('probationaryMember');
    expect(JSON.stringify(batch)).toBe(before);
    expect(tryApply(base, [...batch, { type: 'admissionStepRecorded', id: 'bad', at: at('2022-05-02'), by, caseId: 'nope', step: { step: 'assessment', day: '2022-05-02' } }], { trusted: true }).ok).toBe(false);
    expect(JSON.stringify(batch)).toBe(before);
    // and the same journal replays
    expect(tableGet(replay(batch, base, { trusted: true }).people, 'p9999991')?.partyStatus).toBe('probationaryMember');
  });

  it('simulateAdmissions runs again on its own output, opening no second case', () => {
    const first = replay(simulateAdmissions(base, { startDay: '2020-01-26', days: 5, seed: SEED }), base);
    const again = simulateAdmissions(first, { startDay: '2020-02-01', days: 5, seed: SEED });
    const next = replay(again, first);
    // only people without a case yet get one, and every event applies (no repeated id)
    for (const e of again) if (e.type === 'admissionCaseOpened') expect(tableGet(first.people, e.personId)?.admissionCase).toBeUndefined();
    expect(next.admissions.size).toBe(first.admissions.size + again.filter((e) => e.type === 'admissionCaseOpened').length);
    expect(again.some((e) => e.type === 'admissionStepRecorded')).toBe(true);
  });
});
