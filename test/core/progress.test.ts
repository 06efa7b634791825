import { describe, expect, it } from 'vitest';
import { countyEvents, generateCounty, replay, simulateCampaigns, type Progress } from '../../src/index.js';

// long work reports its progress through `onProgress`: steps that only grow, ending at their total
function checkReports(seen: readonly Progress[], step: string, total: number): void {
  expect(seen.length).toBeGreaterThan(1);
  expect(seen.every((p) => p.step === step && p.total === total)).toBe(true);
  for (let i = 1; i < seen.length; i++) expect((seen[i] as Progress).done).toBeGreaterThanOrEqual((seen[i - 1] as Progress).done);
  expect(seen.at(-1)).toEqual({ step, done: total, total });
  expect(seen.length).toBeLessThanOrEqual(102);
}

describe('onProgress', () => {
  it('generateCounty, replay and simulateCampaigns report their steps, and give what they give without it', () => {
    const seen: Progress[] = [];
    const county = generateCounty({ scale: 0.01, onProgress: (p) => seen.push(p) });
    checkReports(seen, 'townships', 27);
    expect(county).toEqual(generateCounty({ scale: 0.01 }));

    const register = countyEvents(county);
    const replayed: Progress[] = [];
    const base = replay(register, undefined, { trusted: true, onProgress: (p) => replayed.push(p) });
    expect(replayed.at(-1)).toEqual({ step: 'events', done: register.length, total: register.length });

    const days: Progress[] = [];
    const journal = simulateCampaigns(base, { days: 3, onProgress: (p) => days.push(p) });
    checkReports(days, 'days', 3);
    expect(journal.length).toBe(simulateCampaigns(base, { days: 3 }).length);

    const events: Progress[] = [];
    replay(journal, base, { onProgress: (p) => events.push(p) });
    checkReports(events, 'events', journal.length);
  });

  it('refuses an onProgress that is not a function', () => {
    expect(() => generateCounty({ scale: 0.01, onProgress: 1 as never })).toThrow(/onProgress/);
    expect(() => replay([], undefined, { onProgress: 'x' as never })).toThrow(/onProgress/);
  });
});
