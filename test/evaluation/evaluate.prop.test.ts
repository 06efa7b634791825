import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  appraiseMembers,
  evaluateCadres,
  evaluateTeams,
  type AppraisalVotes,
  type EvaluationDimension,
  type OrgId,
  type PerformanceRecord,
  type PersonId,
  type QuotaRule,
  type RecordKind,
} from '../../src/index.js';
import { PERIOD, cadres, rec } from './evaluationFixtures.js';

const KINDS: readonly RecordKind[] = ['deed', 'threeShows', 'shiftLed', 'shiftKept', 'shiftLate', 'shiftMissed', 'householdsScreened', 'deliveryFulfilled', 'findingFixed', 'findingOverdue', 'volunteerHours'];
const DIMS: readonly EvaluationDimension[] = ['morality', 'ability', 'diligence', 'achievement', 'integrity'];
const VETOES: ReadonlySet<RecordKind> = new Set<RecordKind>(['shiftMissed', 'findingOverdue']);
const QUOTAS: readonly [QuotaRule, number][] = [
  [{ edition: '2007', withApproval: false }, 15],
  [{ edition: '2007', withApproval: true }, 20],
  [{ edition: '2020', withApproval: false }, 20],
  [{ edition: '2020', withApproval: true }, 25],
];

/** A day from 3 days before the period to 2 days after it (14 days). */
const dayOf = (offset: number): string => new Date(Date.UTC(2020, 0, 26 + offset)).toISOString().slice(0, 10);

/** Kinds that are always faults (negative points), as deriveRecords makes them. */
const FAULTS: ReadonlySet<RecordKind> = new Set<RecordKind>(['shiftLate', 'shiftMissed', 'findingOverdue']);

/**
 * Records of subjects `${prefix}00` … `${prefix}${n + 1}` (two unknown to the evaluation), some
 * outside the period; integer points, negative for the kinds that are faults.
 */
const recordsArb = (n: number, prefix: string, unit = false): fc.Arbitrary<PerformanceRecord[]> =>
  fc
    .array(
      fc.record({
        who: fc.integer({ min: 0, max: n + 1 }),
        kind: fc.constantFrom(...KINDS),
        dimension: fc.constantFrom(...DIMS),
        points: fc.integer({ min: -8, max: 6 }),
        day: fc.integer({ min: -3, max: 15 }),
      }),
      { maxLength: 120 },
    )
    .map((rows) => [
      // one record in the period, so that the period is never empty
      rec(`${prefix}00`, { unit, points: 1, source: 'anchor' }),
      ...rows.map((r, k) =>
        rec(`${prefix}${String(r.who).padStart(2, '0')}`, { unit, kind: r.kind, dimension: r.dimension, points: FAULTS.has(r.kind) ? -Math.abs(r.points) || -1 : r.points, day: dayOf(r.day), source: `r${k}` }),
      ),
    ]);

const inPeriod = (r: PerformanceRecord): boolean => r.day >= PERIOD.from && r.day <= PERIOD.to;

/** Cadres and their records. */
const cadreCase = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(cadres(n)), recordsArb(n, 'c')));

describe('evaluateCadres: properties', () => {
  test.prop([cadreCase], { numRuns: 150 })('never gives more excellent grades than floor(n × share), and none to a vetoed cadre', ([people, records]) => {
    for (const [quota, percent] of QUOTAS) {
      const r = evaluateCadres(records, people, { period: PERIOD, quota });
      const max = Math.floor((people.length * percent) / 100);
      const best = r.grades.filter((g) => g.grade === 'excellent');
      expect(r.quota.max).toBe(max);
      expect(best.length).toBe(r.quota.used);
      expect(best.length).toBeLessThanOrEqual(max);
      for (const g of best) {
        expect(g.total).toBeGreaterThanOrEqual(80);
        expect(records.some((x) => x.personId === g.personId && inPeriod(x) && VETOES.has(x.kind))).toBe(false);
      }
      // an unvetoed cadre from the threshold is denied excellent only when the quota is full
      const unused = r.grades.filter((g) => g.grade !== 'excellent' && g.total >= 80 && !records.some((x) => x.personId === g.personId && inPeriod(x) && VETOES.has(x.kind)));
      if (unused.length > 0) expect(best.length).toBe(max);
      expect(r.grades.map((g) => g.rank)).toEqual(people.map((_, k) => k + 1));
    }
  });

  test.prop(
    [
      cadreCase.chain(([people, records]) =>
        fc.tuple(
          fc.constant(people),
          fc.constant(records),
          fc.integer({ min: 0, max: people.length - 1 }),
          fc.constantFrom(...DIMS),
          fc.constantFrom(1, 2, 3, 5, 0.2, 0.25, 0.75),
          fc.integer({ min: 0, max: 13 }),
        ),
      ),
    ],
    { numRuns: 150 },
  )('adding one positive record for a person never lowers their total, nor changes anyone else’s', ([people, records, who, dimension, points, day]) => {
    const id = people[who]?.id as PersonId;
    const before = evaluateCadres(records, people, { period: PERIOD });
    const after = evaluateCadres([...records, rec(id, { dimension, points, day: dayOf(day), source: 'added' })], people, { period: PERIOD });
    const totals = (r: typeof before) => new Map(r.grades.map((g) => [g.personId as string, g.total]));
    const b = totals(before);
    const a = totals(after);
    expect(a.get(id)).toBeGreaterThanOrEqual(b.get(id) as number);
    for (const p of people) if (p.id !== id) expect(a.get(p.id)).toBe(b.get(p.id));
  });

  test.prop(
    [
      cadreCase.chain(([people, records]) =>
        fc.tuple(
          fc.constant(people),
          fc.constant(records),
          fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }),
          fc.shuffledSubarray(people, { minLength: people.length, maxLength: people.length }),
        ),
      ),
      fc.constantFrom(...QUOTAS.map(([q]) => q)),
    ],
    { numRuns: 150 },
  )('gives the same grades for the same records and cadres in any order', ([people, records, shuffled, reordered], quota) => {
    const view = (r: ReturnType<typeof evaluateCadres>) => r.grades.map((g) => [g.personId, g.rank, g.total, g.grade, g.dimensions]);
    expect(view(evaluateCadres(shuffled, reordered, { period: PERIOD, quota }))).toEqual(view(evaluateCadres(records, people, { period: PERIOD, quota })));
  });

  // Totals are sums of fractional points (0.2 a household screened, 0.25 an hour volunteered) added
  // in the order the records come; the same records in another order can give totals one ulp apart,
  // which the ranking then compares before the person id: two cadres with the same evidence swap
  // places, and the excellent grade goes to whichever summed last to the larger float.
  it('gives the same grades for fractional points in any order (ties broken by person id)', () => {
    const period = PERIOD;
    const people = cadres(4); // 2020 rules with approval: one excellent place
    const merits = (id: string): PerformanceRecord[] => DIMS.filter((d) => d !== 'achievement').flatMap((dimension) => [5, 5, 5].map((points) => rec(id, { dimension, points })));
    const work = (id: string): PerformanceRecord[] => [
      rec(id, { points: 5 }),
      rec(id, { points: 5 }),
      rec(id, { kind: 'householdsScreened', points: 0.2 }),
      rec(id, { kind: 'householdsScreened', points: 0.2 }),
      rec(id, { kind: 'householdsScreened', points: 0.2 }),
    ];
    const quota: QuotaRule = { edition: '2020', withApproval: true };
    const one = evaluateCadres([...merits('c00'), ...merits('c01'), ...work('c00'), ...work('c01').reverse()], people, { period, quota });
    const other = evaluateCadres([...merits('c00'), ...merits('c01'), ...work('c00').reverse(), ...work('c01')], people, { period, quota });
    // c00 and c01 have the same evidence: c00 (the lower id) should be excellent both times
    expect(one.grades[0]).toMatchObject({ personId: 'c00', grade: 'excellent' });
    expect(other.grades[0]).toMatchObject({ personId: 'c00', grade: 'excellent' });
  });
});

describe('evaluateTeams: properties', () => {
  const teamCase = fc.integer({ min: 1, max: 30 }).chain((n) =>
    fc.tuple(
      fc.constant(Array.from({ length: n }, (_, k) => `u${String(k).padStart(2, '0')}` as OrgId)),
      recordsArb(n, 'u', true),
    ),
  );

  test.prop([teamCase], { numRuns: 150 })('grades good at most floor(0.4 n) teams, none with an overdue finding in the period', ([units, records]) => {
    const r = evaluateTeams(records, units, { period: PERIOD });
    const good = r.grades.filter((g) => g.grade === 'good');
    expect(r.goodMax).toBe(Math.floor((units.length * 2) / 5));
    expect(good.length).toBeLessThanOrEqual(r.goodMax);
    for (const g of good) {
      expect(g.score).toBeGreaterThanOrEqual(75);
      expect(records.some((x) => x.unitId === g.unitId && inPeriod(x) && x.kind === 'findingOverdue')).toBe(false);
    }
  });
});

describe('appraiseMembers: properties', () => {
  const votesCase = fc.integer({ min: 1, max: 30 }).chain((n) =>
    fc.integer({ min: 1, max: n }).chain((voters) =>
      fc.tuple(
        fc.constant(Array.from({ length: n }, (_, k) => `m${String(k).padStart(2, '0')}`)),
        fc.constant(voters),
        fc.array(
          fc.option(
            fc.tuple(fc.nat(voters), fc.nat(voters), fc.nat(voters), fc.nat(voters)).map(([e, q, b, u]): AppraisalVotes => {
              const sum = e + q + b + u;
              const scale = (x: number): number => (sum <= voters ? x : Math.floor((x * voters) / sum));
              return { excellent: scale(e), qualified: scale(q), basicallyQualified: scale(b), unqualified: scale(u) };
            }),
          ),
          { minLength: n, maxLength: n },
        ),
      ),
    ),
  );

  test.prop([votesCase], { numRuns: 200 })('by vote: excellent for at most floor(n / 3), each excellent with a plurality of excellent votes', ([members, voters, tally]) => {
    const votes: Record<string, AppraisalVotes> = {};
    tally.forEach((v, k) => {
      if (v !== null) votes[members[k] as string] = v;
    });
    const r = appraiseMembers(members, { votes, voters });
    const best = r.grades.filter((g) => g.grade === 'excellent');
    expect(r.excellentMax).toBe(Math.floor(members.length / 3));
    expect(best.length).toBeLessThanOrEqual(r.excellentMax);
    for (const g of best) {
      const v = votes[g.personId] as AppraisalVotes;
      expect(v.excellent).toBeGreaterThan(Math.max(v.qualified, v.basicallyQualified, v.unqualified));
    }
    // nobody capped has more excellent votes than someone excellent
    const fewest = Math.min(...best.map((g) => votes[g.personId]?.excellent ?? 0));
    for (const g of r.grades) if (g.grade !== 'excellent' && g.reason.en.includes('third')) expect(votes[g.personId]?.excellent ?? 0).toBeLessThanOrEqual(fewest);
  });

  test.prop([fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n), recordsArb(n, 'm')))], { numRuns: 100 })(
    'from records: excellent for at most floor(n / 3), each with net merit',
    ([n, records]) => {
      const members = Array.from({ length: n }, (_, k) => `m${String(k).padStart(2, '0')}`);
      const r = appraiseMembers(members, { records, period: PERIOD });
      const best = r.grades.filter((g) => g.grade === 'excellent');
      expect(best.length).toBeLessThanOrEqual(Math.floor(n / 3));
      for (const g of best) expect(g.points).toBeGreaterThan(0);
    },
  );
});
