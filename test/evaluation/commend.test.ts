import { describe, expect, it } from 'vitest';
import {
  COMMENDATION_CRITERIA,
  evaluateCadres,
  evaluateTeams,
  nominate,
  suggestAdmissions,
  type OrgId,
  type PartyStatus,
  type PerformanceRecord,
  type PersonId,
} from '../../src/index.js';
import { PERIOD, cadres, many, problems, rec, top } from './evaluationFixtures.js';

const person = (id: string, partyStatus: PartyStatus = 'fullMember') => ({ id: id as PersonId, partyStatus });
const ids = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, k) => `${prefix}${String(k).padStart(2, '0')}`);
const nominated = (r: ReturnType<typeof nominate>, title: string): string[] => r.nominations.filter((n) => n.title === title).map((n) => (n.personId ?? n.unitId) as string);

describe('nominate: outstanding Party members', () => {
  it.each([
    [3, 1],
    [25, 1],
    [39, 1],
    [40, 2],
    [61, 3],
  ])('among %d eligible members nominates %d (a twentieth, at least one)', (n, quota) => {
    const members = ids(n, 'm');
    const records = members.flatMap((id, k) => many(5, id, { points: 1 + (k % 4) }));
    const r = nominate({ records, period: PERIOD, people: members.map((id) => person(id)) });
    expect(r.quotas.outstandingMember).toBe(quota);
    const got = nominated(r, 'outstandingMember');
    expect(got).toHaveLength(quota);
    // the best net points first, ties by id
    const expected = members.map((id, k) => ({ id, net: 5 * (1 + (k % 4)) })).sort((a, b) => b.net - a.net || (a.id < b.id ? -1 : 1));
    expect(got).toEqual(expected.slice(0, quota).map((x) => x.id));
    expect(r.nominations.map((x) => x.rank)).toEqual(Array.from({ length: quota }, (_, k) => k + 1));
  });

  it('nominates nobody, with a quota of 0, when nobody is eligible', () => {
    const members = ids(5, 'm');
    const r = nominate({ records: members.flatMap((id) => many(4, id, { points: 5 })), period: PERIOD, people: members.map((id) => person(id)) });
    expect(r.quotas).toEqual({ outstandingMember: 0, outstandingPartyWorker: 0, advancedOrganization: 0 });
    expect(r.nominations).toEqual([]);
  });

  it('leaves out a missed shift, an overdue finding, non-members, too few front-line records and records outside the period', () => {
    const records: PerformanceRecord[] = [
      ...many(6, 'missed', { points: 5 }),
      rec('missed', { kind: 'shiftMissed', points: -4, dimension: 'diligence' }),
      ...many(6, 'overdue', { points: 5 }),
      rec('overdue', { kind: 'findingOverdue', points: -3 }),
      ...many(6, 'activist', { points: 5 }),
      ...many(4, 'four', { points: 5 }),
      rec('four', { points: -1 }), // a fault is no front-line record
      rec('four', { kind: 'shiftLate', points: -1, dimension: 'diligence' }),
      ...many(4, 'old', { points: 5 }),
      rec('old', { points: 5, day: '2020-01-01' }),
      ...many(5, 'plain', { points: 1 }),
    ];
    const people = [person('missed'), person('overdue'), person('activist', 'activist'), person('four'), person('old'), person('plain', 'probationaryMember')];
    const r = nominate({ records, period: PERIOD, people });
    expect(nominated(r, 'outstandingMember')).toEqual(['plain']);
    expect(r.quotas.outstandingMember).toBe(1);
  });

  it('counts every front-line kind, and explains each nomination with its evidence', () => {
    const kinds = ['deed', 'threeShows', 'shiftLed', 'shiftKept', 'householdsScreened', 'deliveryFulfilled', 'volunteerHours', 'findingFixed'] as const;
    const records = kinds.map((kind, k) => rec('m00', { kind, points: k + 1, source: kind }));
    const r = nominate({ records, period: PERIOD, people: [person('m00')] });
    const n = r.nominations[0];
    expect(n).toMatchObject({ title: 'outstandingMember', personId: 'm00', rank: 1, score: 36, rule: 'commendation.titles' });
    expect(n?.evidence.map((e) => e.sources[0]?.id)).toEqual(['findingFixed', 'volunteerHours', 'deliveryFulfilled']);
    expect(n?.reason.zh).toContain('一线记录8条');
    expect(n?.reason.zh).toContain('无缺岗、无逾期未改问题');
    expect(n?.reason.en).toContain('8 front-line records, net points 36');
    expect(n?.reason.en).toContain('place 1 of 1 eligible (quota 1)');
  });

  it('refuses a quota share outside (0, 1]', () => {
    const criteria = { ...COMMENDATION_CRITERIA, outstandingMember: { ...COMMENDATION_CRITERIA.outstandingMember, quotaShare: 0 } };
    expect(problems(() => nominate({ records: [], period: PERIOD, people: [] }, criteria))).toEqual([{ path: ['outstandingMember', 'quotaShare'], code: 'invalid_share' }]);
    expect(problems(() => nominate({ records: [], period: { from: PERIOD.to, to: PERIOD.from }, people: [] })).map((i) => i.path)).toEqual([['to']]);
  });

  it('follows published criteria of its own', () => {
    const members = ids(4, 'm');
    const records = members.flatMap((id) => many(2, id, { points: 2 }));
    const criteria = { ...COMMENDATION_CRITERIA, outstandingMember: { ...COMMENDATION_CRITERIA.outstandingMember, minFrontLineRecords: 2, quotaShare: 0.5 } };
    const r = nominate({ records, period: PERIOD, people: members.map((id) => person(id)) }, criteria);
    expect(nominated(r, 'outstandingMember')).toEqual(['m00', 'm01']);
  });
});

describe('nominate: outstanding Party workers and advanced organizations', () => {
  it('nominates Party members among the cadres graded excellent, within 20% of them (at least one)', () => {
    const ten = cadres(10);
    const records = ten.flatMap((c) => top(c.id));
    const graded = evaluateCadres(records, ten, { period: PERIOD, quota: { edition: '2020', withApproval: true } });
    expect(graded.grades.filter((g) => g.grade === 'excellent').map((g) => g.personId)).toEqual(['c00', 'c01']);
    const people = ten.map((c) => person(c.id));
    const r = nominate({ records, period: PERIOD, people, cadres: graded });
    expect(r.quotas.outstandingPartyWorker).toBe(1);
    expect(r.nominations.find((n) => n.title === 'outstandingPartyWorker')).toMatchObject({ personId: 'c00', score: 100, rank: 1 });
    // a cadre who is not a Party member is left out
    const r2 = nominate({ records, period: PERIOD, people: [person('c00', 'nonMember'), ...people.slice(1)], cadres: graded });
    expect(nominated(r2, 'outstandingPartyWorker')).toEqual(['c01']);
    // no cadre evaluations, no outstanding Party workers
    expect(nominated(nominate({ records, period: PERIOD, people }), 'outstandingPartyWorker')).toEqual([]);
  });

  it('needs front-line records of an excellent cadre', () => {
    const five = cadres(5);
    const records = [...many(3, 'c00', { points: 5, kind: 'findingFixed' }), ...many(3, 'c00', { points: 5, kind: 'deed', dimension: 'ability' }), ...many(3, 'c00', { points: 5, dimension: 'integrity' })];
    const graded = evaluateCadres(records, five, { period: PERIOD, quota: { edition: '2020', withApproval: true } });
    expect(graded.grades[0]).toMatchObject({ personId: 'c00', grade: 'excellent' });
    const r = nominate({ records, period: PERIOD, people: five.map((c) => person(c.id)), cadres: graded });
    expect(nominated(r, 'outstandingPartyWorker')).toEqual(['c00']);
    const fewer = records.slice(0, 2);
    expect(nominated(nominate({ records: fewer, period: PERIOD, people: five.map((c) => person(c.id)), cadres: graded }), 'outstandingPartyWorker')).toEqual([]);
  });

  it('nominates organizations whose team is graded good, without an overdue finding, within 10% of those assessed (at least one)', () => {
    const units = ids(25, 'u') as OrgId[];
    const teamRecords = units.flatMap((u) => many(5, u, { unit: true, points: 5, kind: 'findingFixed' }));
    const teams = evaluateTeams(teamRecords, units, { period: PERIOD }).grades;
    expect(teams.filter((t) => t.grade === 'good')).toHaveLength(10);
    const r = nominate({ records: teamRecords, period: PERIOD, people: [], teams });
    // 10% of the 25 assessed, rounded down
    expect(r.quotas.advancedOrganization).toBe(2);
    expect(r.nominations).toEqual([
      expect.objectContaining({ title: 'advancedOrganization', unitId: 'u00', rank: 1, score: 100 }),
      expect.objectContaining({ title: 'advancedOrganization', unitId: 'u01', rank: 2, score: 100 }),
    ]);
    expect(r.nominations[0]?.personId).toBeUndefined();
    // an overdue finding (in records beyond those the teams were graded on) excludes
    const overdue = [...teamRecords, rec('u00', { unit: true, kind: 'findingOverdue', points: -3 })];
    expect(nominated(nominate({ records: overdue, period: PERIOD, people: [], teams }), 'advancedOrganization')).toEqual(['u01', 'u02']);
    // five assessed: less than one place comes to one
    const five = evaluateTeams(teamRecords, units.slice(0, 5), { period: PERIOD }).grades;
    expect(nominate({ records: teamRecords, period: PERIOD, people: [], teams: five }).quotas.advancedOrganization).toBe(1);
  });
});

describe('suggestAdmissions', () => {
  const people = [
    person('activist', 'activist'),
    person('target', 'developmentTarget'),
    person('applicant', 'applicant'),
    person('member', 'fullMember'),
    person('probationary', 'probationaryMember'),
    person('resident', 'nonMember'),
    person('few', 'activist'),
    person('weak', 'activist'),
    person('missed', 'activist'),
    person('overdue', 'developmentTarget'),
    person('old', 'applicant'),
  ];
  const records: PerformanceRecord[] = [
    ...many(3, 'activist', { points: 2 }),
    ...many(3, 'target', { points: 3 }),
    ...many(4, 'applicant', { points: 2 }),
    ...['member', 'probationary', 'resident'].flatMap((id) => many(5, id, { points: 5 })),
    ...many(2, 'few', { points: 5 }),
    ...many(3, 'weak', { points: 1 }),
    ...many(4, 'missed', { points: 3 }),
    rec('missed', { kind: 'shiftMissed', points: -4, dimension: 'diligence' }),
    ...many(4, 'overdue', { points: 3 }),
    rec('overdue', { kind: 'findingOverdue', points: -3 }),
    ...many(5, 'old', { points: 5, day: '2020-01-10' }),
  ];

  it('suggests activists, development targets and applicants with enough front-line evidence, strongest first', () => {
    const { suggestions } = suggestAdmissions({ records, period: PERIOD, people });
    expect(suggestions.map((s) => [s.personId, s.partyStatus, s.records, s.points, s.fastTrack])).toEqual([
      ['target', 'developmentTarget', 3, 9, false],
      ['applicant', 'applicant', 4, 8, false],
      ['activist', 'activist', 3, 6, true],
    ]);
    const activist = suggestions.find((s) => s.personId === 'activist');
    expect(activist?.reason.en).toContain('fast track');
    expect(activist?.reason.zh).toContain('免除一年培养期');
    expect(suggestions.find((s) => s.personId === 'target')?.reason.en).not.toContain('fast track');
    expect(activist?.evidence).toHaveLength(3);
  });

  it('offers the front-line fast track only for a period within 2020, as advance grants it', () => {
    const later = records.map((r) => ({ ...r, day: r.day.replace('2020', '2022') as typeof r.day }));
    const { suggestions } = suggestAdmissions({ records: later, period: { from: '2022-01-01', to: '2022-12-31' } as typeof PERIOD, people });
    const activist = suggestions.find((s) => s.personId === 'activist');
    expect(activist?.fastTrack).toBe(false);
    expect(activist?.reason.en).not.toContain('fast track');
  });

  it('takes other thresholds', () => {
    const { suggestions } = suggestAdmissions({ records, period: PERIOD, people }, { minRecords: 2, minPoints: 3 });
    expect(suggestions.map((s) => s.personId)).toEqual(['few', 'target', 'applicant', 'activist', 'weak']);
  });
});
