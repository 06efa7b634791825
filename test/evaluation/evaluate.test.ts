import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RUBRIC,
  EVALUATION_RULES,
  appraiseMembers,
  evaluateCadres,
  evaluateTeams,
  type AppraisalVotes,
  type OrgId,
  type PerformanceRecord,
  type PersonId,
  type QuotaRule,
  type Rubric,
} from '../../src/index.js';
import { PERIOD, cadres, issuesOf, many, problems, rec, top } from './evaluationFixtures.js';

const RULE_IDS = Object.keys(EVALUATION_RULES);
const excellent = (r: ReturnType<typeof evaluateCadres>): string[] => r.grades.filter((g) => g.grade === 'excellent').map((g) => g.personId);

describe('evaluateCadres: the quota of excellent grades', () => {
  const twenty = cadres(20);
  const allTop = twenty.flatMap((c) => top(c.id));
  const cases: [QuotaRule, number, number, string][] = [
    [{ edition: '2007', withApproval: false }, 0.15, 3, 'evaluation.excellentQuota.2007'],
    [{ edition: '2007', withApproval: true }, 0.2, 4, 'evaluation.excellentQuota.2007'],
    [{ edition: '2020', withApproval: false }, 0.2, 4, 'evaluation.excellentQuota.2020'],
    [{ edition: '2020', withApproval: true }, 0.25, 5, 'evaluation.excellentQuota.2020'],
  ];

  it.each(cases)('%o: share %d, floor(20 × share) = %d excellent among 20 with the top score', (quota, share, max, rule) => {
    const r = evaluateCadres(allTop, twenty, { period: PERIOD, quota });
    expect(r.quota).toEqual({ share, max, used: max, rule });
    expect(excellent(r)).toEqual(twenty.slice(0, max).map((c) => c.id));
    for (const g of r.grades.slice(max)) {
      expect(g.total).toBe(100);
      expect(g.grade).toBe('competent');
      expect(g.reason.en).toContain(`the ${max} excellent places are taken`);
      expect(g.rules).toContain(rule);
    }
  });

  it('defaults to the 2020 rules without approval', () => {
    expect(evaluateCadres(allTop, twenty, { period: PERIOD }).quota).toMatchObject({ share: 0.2, max: 4, rule: 'evaluation.excellentQuota.2020' });
  });

  it('rounds the quota down, to none for a handful of cadres', () => {
    const six = cadres(6);
    const records = six.flatMap((c) => top(c.id));
    expect(evaluateCadres(records, six, { period: PERIOD, quota: { edition: '2007', withApproval: false } }).quota).toMatchObject({ max: 0, used: 0 });
    expect(excellent(evaluateCadres(records, six, { period: PERIOD, quota: { edition: '2007', withApproval: false } }))).toEqual([]);
    expect(evaluateCadres(records, six, { period: PERIOD, quota: { edition: '2007', withApproval: true } }).quota.max).toBe(1);
    const seven = cadres(7);
    expect(evaluateCadres(seven.flatMap((c) => top(c.id)), seven, { period: PERIOD, quota: { edition: '2007', withApproval: false } }).quota.max).toBe(1);
  });

  it('gives excellent only from the threshold, even within the quota', () => {
    const five = cadres(5);
    const records = [...many(3, 'c00', { points: 5 }), rec('c01')]; // c00: 70 + 0.35 × 30 = 80.5; c01 slightly above 70
    const r = evaluateCadres(records, five, { period: PERIOD, quota: { edition: '2020', withApproval: true } });
    expect(r.quota.max).toBe(1);
    expect(r.grades[0]).toMatchObject({ personId: 'c00', total: 80.5, grade: 'excellent' });
    const below = evaluateCadres([...many(2, 'c00', { points: 5 }), rec('c01')], five, { period: PERIOD, quota: { edition: '2020', withApproval: true } });
    expect(below.grades[0]).toMatchObject({ personId: 'c00', total: 77, grade: 'competent' });
    expect(below.quota.used).toBe(0);
  });
});

describe('evaluateCadres: vetoes, ties, grades and their evidence', () => {
  const five = cadres(5);
  const approval: QuotaRule = { edition: '2020', withApproval: true }; // one excellent among five
  /** The top score (100) with a vetoed record on diligence that the extra merit hides. */
  const vetoed = (id: string, kind: 'shiftMissed' | 'findingOverdue'): PerformanceRecord[] => [
    ...top(id),
    ...many(2, id, { dimension: kind === 'shiftMissed' ? 'diligence' : 'achievement', points: 5, source: `${id}-extra` }),
    rec(id, { kind, points: kind === 'shiftMissed' ? -8 : -3, dimension: kind === 'shiftMissed' ? 'diligence' : 'achievement' }),
  ];

  it.each(['shiftMissed', 'findingOverdue'] as const)('a %s bars excellent even with the top score and the first rank', (kind) => {
    const r = evaluateCadres([...vetoed('c00', kind), ...top('c01')], five, { period: PERIOD, quota: approval });
    expect(r.grades[0]).toMatchObject({ personId: 'c00', rank: 1, total: 100, grade: 'competent' });
    expect(r.grades[0]?.reason.en).toContain('a missed shift or an overdue finding bars excellent');
    expect(r.grades[0]?.reason.zh).toContain('不评优秀');
    expect(r.grades[1]).toMatchObject({ personId: 'c01', rank: 2, grade: 'excellent' });
    expect(r.quota.used).toBe(1);
    // without vetoes the first rank is excellent
    expect(excellent(evaluateCadres([...vetoed('c00', kind), ...top('c01')], five, { period: PERIOD, quota: approval, vetoes: [] }))).toEqual(['c00']);
  });

  it('breaks ties by person id, whatever the order of the cadres and the records', () => {
    const records = [...top('c02'), ...top('c00'), ...top('c01')];
    const a = evaluateCadres(records, five, { period: PERIOD, quota: approval });
    const b = evaluateCadres([...records].reverse(), [...five].reverse(), { period: PERIOD, quota: approval });
    expect(a.grades.map((g) => [g.personId, g.rank, g.grade])).toEqual([
      ['c00', 1, 'excellent'],
      ['c01', 2, 'competent'],
      ['c02', 3, 'competent'],
      ['c03', 4, 'competent'],
      ['c04', 5, 'competent'],
    ]);
    expect(b.grades.map((g) => [g.personId, g.rank, g.grade])).toEqual(a.grades.map((g) => [g.personId, g.rank, g.grade]));
  });

  it('grades by threshold: competent from 65, basically competent from 55, else incompetent', () => {
    const records = [...many(2, 'c01', { points: -5 }), ...many(6, 'c02', { points: -5 })];
    const r = evaluateCadres(records, cadres(3), { period: PERIOD });
    const by = new Map(r.grades.map((g) => [g.personId, g]));
    expect(by.get('c00' as PersonId)).toMatchObject({ total: 70, grade: 'competent' });
    expect(by.get('c01' as PersonId)).toMatchObject({ total: 63, grade: 'basicallyCompetent' });
    expect(by.get('c02' as PersonId)).toMatchObject({ total: 49, grade: 'incompetent' });
    expect(by.get('c02' as PersonId)?.dimensions).toEqual({ morality: 70, ability: 70, diligence: 70, achievement: 10, integrity: 70 });
  });

  it('weighs achievement (绩) most: the same points count more on achievement', () => {
    const r = evaluateCadres([rec('c00', { dimension: 'achievement', points: 5 }), rec('c01', { dimension: 'morality', points: 5 })], cadres(2), { period: PERIOD });
    expect(r.grades.map((g) => [g.personId, g.total])).toEqual([
      ['c00', 73.5],
      ['c01', 72],
    ]);
  });

  it('gives every grade a reason in both languages, known rules, and the evidence: top merits and every fault', () => {
    const records = [
      rec('c00', { points: 2, source: 'a' }),
      rec('c00', { points: 5, source: 'b', dimension: 'ability' }),
      rec('c00', { points: -1, source: 'c', kind: 'shiftLate', dimension: 'diligence' }),
      rec('c00', { points: 1, source: 'd' }),
      rec('c00', { points: 3, source: 'e' }),
      rec('c00', { points: -4, source: 'f', kind: 'shiftMissed', dimension: 'diligence' }),
      rec('c00', { points: 4, source: 'g', day: '2020-03-01' }), // outside the period
      ...top('c01'),
    ];
    const r = evaluateCadres(records, five, { period: PERIOD, quota: approval });
    for (const g of r.grades) {
      expect(g.reason.zh.length).toBeGreaterThan(0);
      expect(g.reason.en.length).toBeGreaterThan(0);
      expect(g.rules).toEqual(expect.arrayContaining(['evaluation.dimensions', 'evaluation.grades']));
      for (const id of g.rules) expect(RULE_IDS).toContain(id);
    }
    const c00 = r.grades.find((g) => g.personId === 'c00');
    expect(c00?.evidence.records).toBe(6);
    expect(c00?.evidence.points).toBe(6);
    expect(c00?.evidence.top.map((x) => x.sources[0]?.id)).toEqual(['b', 'e', 'a']);
    expect(c00?.evidence.faults.map((x) => x.sources[0]?.id).sort()).toEqual(['c', 'f']);
    expect(c00?.dimensions).toEqual({ morality: 70, ability: 80, diligence: 60, achievement: 82, integrity: 70 });
    const c01 = r.grades.find((g) => g.personId === 'c01');
    expect(c01?.grade).toBe('excellent');
    expect(c01?.rules).toContain('evaluation.excellentQuota.2020');
    expect(c01?.reason.en).toContain('within the quota of 1');
    expect(r.grades.find((g) => g.personId === 'c03')?.evidence).toEqual({ records: 0, points: 0, top: [], faults: [] });
  });

  it('shows the same evidence whatever the order of the records: top merits tied on points by day, kind and source', () => {
    const one = cadres(1);
    const id = one[0]!.id;
    const records = [
      rec(id, { points: 5, day: '2020-01-29', source: 'D' }),
      rec(id, { points: 5, day: '2020-01-27', source: 'B' }),
      rec(id, { points: 5, day: '2020-01-27', source: 'A' }),
      rec(id, { points: 5, day: '2020-01-28', source: 'C' }),
      rec(id, { points: -2, dimension: 'diligence', kind: 'shiftLate', day: '2020-01-28', source: 'F2' }),
      rec(id, { points: -2, dimension: 'diligence', kind: 'shiftLate', day: '2020-01-27', source: 'F1' }),
      rec(id, { points: -4, dimension: 'diligence', kind: 'shiftMissed', day: '2020-01-29', source: 'F3' }),
    ];
    const evidence = (rs: PerformanceRecord[]) => {
      const g = evaluateCadres(rs, one, { period: PERIOD }).grades[0]!;
      // every fault is shown: the same set in any order
      return [g.evidence.top.map((r) => r.sources[0]?.id), g.evidence.faults.map((r) => r.sources[0]?.id).sort()];
    };
    expect(evidence(records)).toEqual([
      ['A', 'B', 'C'],
      ['F1', 'F2', 'F3'],
    ]);
    expect(evidence([...records].reverse())).toEqual(evidence(records));
  });

  it('refuses records it cannot count and unknown veto kinds, naming each', () => {
    const one = cadres(1);
    const id = one[0]!.id;
    const bad = [rec(id), { ...rec(id), dimension: 'bogus' }, { ...rec(id), points: Number.NaN }] as PerformanceRecord[];
    expect(problems(() => evaluateCadres(bad, one, { period: PERIOD }))).toEqual([
      { path: ['records', 1, 'dimension'], code: 'invalid_value' },
      { path: ['records', 2, 'points'], code: 'invalid_type' },
    ]);
    expect(() => evaluateCadres([rec(id)], one, { period: PERIOD, vetoes: ['nonsense' as never] })).toThrow(/vetoes/);
  });

  it('refuses a cadre listed twice', () => {
    expect(problems(() => evaluateCadres([], [{ id: 'c00' as PersonId }, { id: 'c00' as PersonId }], { period: PERIOD }))).toEqual([{ path: ['cadres', 1, 'id'], code: 'duplicate_id' }]);
  });
});

describe('evaluateCadres: bad rubrics and periods', () => {
  const weights = (w: Partial<Rubric['weights']>): Rubric => ({ ...DEFAULT_RUBRIC, weights: { ...DEFAULT_RUBRIC.weights, ...w } });
  const run = (rubric: Rubric) => () => evaluateCadres(top('c00'), cadres(3), { period: PERIOD, rubric });

  it('refuses weights that do not sum to 1, naming the sum', () => {
    const issues = issuesOf(run(weights({ achievement: 0.25 })));
    expect(issues.map((i) => i.path)).toEqual([['weights']]);
    expect(issues[0]?.message).toContain('0.9');
  });

  it('refuses a rubric where achievement (绩) does not weigh most, naming the dimension', () => {
    const issues = issuesOf(run(weights({ morality: 0.35, diligence: 0.15, achievement: 0.25 })));
    expect(issues.map((i) => i.path)).toEqual([['weights', 'morality']]);
    expect(issues[0]?.message).toMatch(/achievement \(绩\) must weigh most/);
    // a tie is not weighing most
    expect(issuesOf(run(weights({ morality: 0.2, ability: 0.2, diligence: 0.2, achievement: 0.2, integrity: 0.2 }))).map((i) => i.path)).toEqual([
      ['weights', 'morality'],
      ['weights', 'ability'],
      ['weights', 'diligence'],
      ['weights', 'integrity'],
    ]);
  });

  it('refuses thresholds that rise from excellent down', () => {
    expect(problems(run({ ...DEFAULT_RUBRIC, thresholds: { excellent: 60, competent: 65, basicallyCompetent: 55 } })).map((i) => i.path)).toEqual([['thresholds']]);
  });

  it('accepts another valid rubric and scores by it', () => {
    const rubric: Rubric = { weights: { morality: 0.1, ability: 0.1, diligence: 0.1, achievement: 0.6, integrity: 0.1 }, base: 60, pointValue: 1, thresholds: { excellent: 90, competent: 60, basicallyCompetent: 50 } };
    const r = evaluateCadres([rec('c00', { points: 5 })], cadres(1), { period: PERIOD, rubric });
    expect(r.grades[0]?.total).toBe(63);
  });

  it("refuses grades for a period with no record in it ('empty_period') and an empty period", () => {
    expect(problems(() => evaluateCadres([rec('c00', { day: '2020-03-01' })], cadres(3), { period: PERIOD }))).toEqual([{ path: ['period'], code: 'empty_period' }]);
    expect(problems(() => evaluateTeams([rec('u0', { unit: true, day: '2020-01-01' })], ['u0' as OrgId], { period: PERIOD }))).toEqual([{ path: ['period'], code: 'empty_period' }]);
    expect(problems(() => appraiseMembers(['c00'], { records: [rec('c00', { day: '2020-03-01' })], period: PERIOD }))).toEqual([{ path: ['period'], code: 'empty_period' }]);
    expect(problems(() => evaluateCadres(top('c00'), cadres(3), { period: { from: PERIOD.to, to: PERIOD.from } }))).toEqual([{ path: ['to'], code: 'custom' }]);
    expect(problems(() => evaluateCadres(top('c00'), cadres(3), { period: PERIOD, quota: { edition: '2016' } as never })).length).toBeGreaterThan(0);
  });

  // The rule is that grades need evidence from the period, and one record outside the period makes
  // the call an error (above); with no record at all, every cadre is graded competent instead, on
  // no evidence.
  it("refuses grades when there is no record at all ('empty_period')", () => {
    expect(problems(() => evaluateCadres([], cadres(3), { period: PERIOD }))).toEqual([{ path: ['period'], code: 'empty_period' }]);
  });
});

describe('evaluateTeams', () => {
  const units = (n: number): OrgId[] => Array.from({ length: n }, (_, k) => `u${k}` as OrgId);
  const topUnit = (u: string): PerformanceRecord[] => many(5, u, { unit: true, points: 5, kind: 'findingFixed' });

  it('grades good at most 40% of the teams (rounded down), the best first', () => {
    const ten = units(10);
    const r = evaluateTeams(ten.flatMap(topUnit), ten, { period: PERIOD });
    expect(r.goodMax).toBe(4);
    expect(r.grades.filter((g) => g.grade === 'good').map((g) => g.unitId)).toEqual(['u0', 'u1', 'u2', 'u3']);
    for (const g of r.grades.slice(4)) {
      expect(g).toMatchObject({ score: 100, grade: 'fairlyGood' });
      expect(g.reason.en).toContain('the 4 good places are taken');
    }
    for (const g of r.grades) expect(g.rules).toEqual(['evaluation.teams', 'evaluation.routineGood']);
    const two = units(2);
    expect(evaluateTeams(two.flatMap(topUnit), two, { period: PERIOD }).grades.map((g) => g.grade)).toEqual(['fairlyGood', 'fairlyGood']);
    const three = units(3);
    expect(evaluateTeams(three.flatMap(topUnit), three, { period: PERIOD }).grades.map((g) => g.grade)).toEqual(['good', 'fairlyGood', 'fairlyGood']);
  });

  it('does not grade good a team with an overdue finding', () => {
    const five = units(5);
    const records = [...five.flatMap(topUnit), rec('u0', { unit: true, kind: 'findingOverdue', points: -3 })];
    const r = evaluateTeams(records, five, { period: PERIOD });
    expect(r.goodMax).toBe(2);
    const u0 = r.grades.find((g) => g.unitId === 'u0');
    expect(u0).toMatchObject({ rank: 1, score: 100, grade: 'fairlyGood' });
    expect(u0?.reason.en).toContain('an overdue finding');
    expect(u0?.evidence.faults.map((f) => f.kind)).toEqual(['findingOverdue']);
    expect(r.grades.filter((g) => g.grade === 'good').map((g) => g.unitId)).toEqual(['u1', 'u2']);
  });

  it('grades by score: fairly good from 65, average from 55, else poor', () => {
    const four = units(4);
    const records = [rec('u1', { unit: true, points: -3 }), rec('u2', { unit: true, points: -5 }), ...many(2, 'u3', { unit: true, points: -5 })];
    const r = evaluateTeams(records, four, { period: PERIOD });
    expect(r.grades.map((g) => [g.unitId, g.score, g.grade])).toEqual([
      ['u0', 70, 'fairlyGood'],
      ['u1', 64, 'average'],
      ['u2', 60, 'average'],
      ['u3', 50, 'poor'],
    ]);
  });

  it('averages a team’s own score with the mean total of its cadres', () => {
    const two = units(2);
    const people = cadres(2);
    const cadreGrades = evaluateCadres([...top('c00'), rec('u0', { unit: true })], people, { period: PERIOD });
    const unitOf = new Map<string, OrgId>([
      ['c00', 'u0' as OrgId],
      ['c01', 'u0' as OrgId],
    ]);
    const r = evaluateTeams([rec('u0', { unit: true })], two, { period: PERIOD, cadres: cadreGrades, unitOf });
    const u0 = r.grades.find((g) => g.unitId === 'u0');
    // own 72; cadres 100 and 70, mean 85
    expect(u0).toMatchObject({ score: 78.5, cadreMean: 85 });
    expect(u0?.reason.en).toContain('with the mean of 2 cadres');
    expect(r.grades.find((g) => g.unitId === 'u1')).toMatchObject({ score: 70, cadreMean: null });
  });

  it('refuses thresholds that rise from good down', () => {
    expect(problems(() => evaluateTeams(topUnit('u0'), units(1), { period: PERIOD, thresholds: { good: 60, fairlyGood: 65, average: 55 } }))).toEqual([{ path: ['thresholds'], code: 'invalid_thresholds' }]);
  });
});

describe('appraiseMembers', () => {
  const v = (excellent: number, qualified: number, basicallyQualified = 0, unqualified = 0): AppraisalVotes => ({ excellent, qualified, basicallyQualified, unqualified });

  it('gives each member the grade most voters gave, excellent for at most a third', () => {
    const r = appraiseMembers(['p1', 'p2', 'p3'], { votes: { p1: v(3, 0), p2: v(2, 1), p3: v(0, 3) }, voters: 3 });
    expect(r.excellentMax).toBe(1);
    expect(r.grades.map((g) => g.grade)).toEqual(['excellent', 'qualified', 'qualified']);
    expect(r.grades[1]?.reason.en).toMatch(/at most a third/);
    expect(r.grades[1]?.reason.zh).toMatch(/三分之一/);
    expect(r.grades[1]?.votes).toEqual(v(2, 1));
    for (const g of r.grades) {
      expect(g.rule).toBe('evaluation.memberAppraisal');
      expect(g.points).toBeNull();
    }
  });

  it('breaks a tie to the lower grade, and grades qualified without votes', () => {
    const members = ['a', 'b', 'c', 'd', 'e', 'f'];
    const r = appraiseMembers(members, { votes: { a: v(2, 2), b: v(0, 1, 1), c: v(0, 0, 2, 2), d: v(0, 0, 0, 0), e: v(1, 0, 0, 3) }, voters: 4 });
    expect(r.grades.map((g) => [g.personId, g.grade])).toEqual([
      ['a', 'qualified'],
      ['b', 'basicallyQualified'],
      ['c', 'unqualified'],
      ['d', 'qualified'],
      ['e', 'unqualified'],
      ['f', 'qualified'],
    ]);
    expect(r.grades[5]).toMatchObject({ votes: null, reason: { en: 'no votes: qualified' } });
  });

  it('gives the excellent places to those with the most excellent votes, ties by id', () => {
    const members = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];
    const votes = { m1: v(4, 3), m2: v(7, 0), m3: v(5, 2), m4: v(5, 2), m5: v(6, 1), m6: v(1, 6), m7: v(4, 0, 3) };
    const r = appraiseMembers(members, { votes, voters: 7 });
    expect(r.excellentMax).toBe(2);
    expect(r.grades.filter((g) => g.grade === 'excellent').map((g) => g.personId)).toEqual(['m2', 'm5']);
    const r2 = appraiseMembers([...members, 'm8', 'm9'], { votes, voters: 7 });
    expect(r2.excellentMax).toBe(3);
    expect(r2.grades.filter((g) => g.grade === 'excellent').map((g) => g.personId)).toEqual(['m2', 'm3', 'm5']);
  });

  it('refuses more votes than voters, more voters than members, unknown members and bad counts', () => {
    expect(problems(() => appraiseMembers(['p1', 'p2'], { votes: { p1: v(2, 1) }, voters: 2 }))).toEqual([{ path: ['votes', 'p1'], code: 'too_many_votes' }]);
    expect(problems(() => appraiseMembers(['p1', 'p2'], { votes: { p1: v(1, 1) }, voters: 3 }))).toEqual([{ path: ['voters'], code: 'too_many_voters' }]);
    expect(problems(() => appraiseMembers(['p1', 'p2'], { votes: { px: v(1, 0) }, voters: 2 }))).toEqual([{ path: ['votes', 'px'], code: 'unknown_member' }]);
    expect(problems(() => appraiseMembers(['p1', 'p2'], { votes: { p1: v(1, 0) } }))).toEqual([{ path: ['voters'], code: 'invalid_voters' }]);
    expect(problems(() => appraiseMembers(['p1', 'p2'], { votes: { p1: v(-1, 0) }, voters: 2 }))).toEqual([{ path: ['votes', 'p1'], code: 'invalid_votes' }]);
    expect(problems(() => appraiseMembers(['p1', 'p1'], { votes: {}, voters: 1 }))).toEqual([{ path: ['members'], code: 'duplicate_id' }]);
    expect(problems(() => appraiseMembers(['p1'], {}))).toEqual([{ path: ['votes'], code: 'nothing_to_appraise' }]);
    const nullTally = { p1: null } as unknown as Record<string, AppraisalVotes>;
    expect(problems(() => appraiseMembers(['p1', 'p2'], { votes: nullTally, voters: 2 }))).toEqual([{ path: ['votes', 'p1'], code: 'invalid_votes' }]);
  });

  it('without votes, appraises from the records of a period', () => {
    const members = ['a', 'b', 'c', 'd', 'e', 'f'];
    const records = [...many(3, 'a'), ...many(2, 'b'), rec('c'), rec('e', { points: -2 }), ...many(2, 'f', { points: -5 }), rec('a', { points: 5, day: '2020-03-01' })];
    const r = appraiseMembers(members, { records, period: PERIOD });
    expect(r.excellentMax).toBe(2);
    expect(r.grades.map((g) => [g.personId, g.grade, g.points])).toEqual([
      ['a', 'excellent', 3],
      ['b', 'excellent', 2],
      ['c', 'qualified', 1],
      ['d', 'qualified', 0],
      ['e', 'basicallyQualified', -2],
      ['f', 'unqualified', -10],
    ]);
    for (const g of r.grades) {
      expect(g.votes).toBeNull();
      expect(g.reason.en).toContain('net points');
    }
  });
});
