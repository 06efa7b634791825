import { describe, expect, it } from 'vitest';
import { FrontlineError, buildRoster, generateRosterProblem, repairRoster, validateRoster, type RosterProgress } from '../../src/index.js';

const problem = generateRosterProblem({ size: 'S', seed: 3 });

describe('buildRoster options', () => {
  it('reports progress: construction first, then the search at every progressEvery iterations', () => {
    const seen: RosterProgress[] = [];
    const r = buildRoster(problem, { seed: 1, iterations: 30_000, idleLimit: 1_000_000, progressEvery: 10_000, onProgress: (p) => seen.push(p) });
    expect(seen[0]?.phase).toBe('construction');
    expect(seen[0]?.iteration).toBe(0);
    expect(seen[0]?.score).toEqual(r.stats.constructedScore);
    const search = seen.slice(1);
    expect(search.map((p) => p.phase)).toEqual(['search', 'search']);
    expect(search.map((p) => p.iteration)).toEqual([10_000, 20_000]);
    for (const p of seen) {
      expect(p.score[0]).toBe(0);
      expect(p.elapsedMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps the constructed roster with iterations 0, and the search never makes it worse', () => {
    const constructed = buildRoster(problem, { seed: 1, iterations: 0 });
    expect(constructed.score).toEqual(constructed.stats.constructedScore);
    expect(constructed.stats.evaluations).toBe(0);
    const searched = buildRoster(problem, { seed: 1, iterations: 20_000 });
    const [, m0, s0] = constructed.score;
    const [, m1, s1] = searched.score;
    expect(m1 > m0 || (m1 === m0 && s1 >= s0)).toBe(true);
  });

  it('stops at the time limit and still returns a roster that breaks no hard rule', () => {
    const started = Date.now();
    const r = buildRoster(problem, { seed: 1, iterations: 50_000_000, idleLimit: 50_000_000, timeLimitMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.stats.evaluations).toBeLessThan(50_000_000);
    expect(validateRoster(problem, r.roster, { soft: false }).score[0]).toBe(0);
  });

  it('refuses bad options, naming each', () => {
    try {
      buildRoster(problem, { seed: 1, iterations: -1, onProgress: 'no' } as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FrontlineError);
      const paths = (e as FrontlineError).issues.map((i) => i.path.join('.')).sort();
      expect(paths).toEqual(['iterations', 'onProgress']);
    }
  });

  it('refuses a search budget beyond a billion iterations and a history beyond a million, which would search for days or allocate terabytes', () => {
    const paths = (run: () => unknown): string[] => {
      try {
        run();
      } catch (e) {
        expect(e).toBeInstanceOf(FrontlineError);
        return (e as FrontlineError).issues.map((i) => i.path.join('.')).sort();
      }
      return ['(accepted)'];
    };
    expect(paths(() => buildRoster(problem, { iterations: 1e15, idleLimit: 1e15, historyLength: 1e12 }))).toEqual(['historyLength', 'idleLimit', 'iterations']);
    expect(paths(() => buildRoster(problem, { iterations: 1_000_000_001, idleLimit: 1_000_000_001 }))).toEqual(['idleLimit', 'iterations']);
    const { roster } = buildRoster(problem, { seed: 1, iterations: 0 });
    const person = problem.people[0]!;
    const change = { kind: 'unavailable', personId: person.id, from: problem.startDay, to: problem.startDay, reason: 'sickness' } as const;
    expect(paths(() => repairRoster(problem, roster, change, { iterations: 1e15 }))).toEqual(['iterations']);
  });
});
