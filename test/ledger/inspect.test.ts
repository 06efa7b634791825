import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { apply, emptyLedger, emptyTable, generateRosterProblem, buildRoster, redact, replay, tableOf, type Ledger } from '../../src/index.js';
import { baseLedger, ev, H, setupEvents } from '../ledgerFixtures.js';

// where Node prints a ledger, a table, a roster…: a short summary, not every record; the summaries
// are no data (JSON, structuredClone and deep equality do not see them)

describe('a ledger where Node prints it', () => {
  const ledger = baseLedger();

  it('is one summary of its counts, whichever way it was made', () => {
    const next = apply(ledger, [ev.letter({ householdId: H.wjg1 })]);
    for (const l of [ledger, replay(setupEvents()), next, redact(next), emptyLedger()]) {
      const text = inspect(l);
      expect(text).toMatch(/^Ledger \{\s+events: \d+, units: \d+/);
      expect(text.split('\n').length).toBeLessThan(8);
      expect(text).toContain(`events: ${l.eventCount}`);
    }
    expect(inspect(next)).toContain('letters: 1');
    expect(inspect({ nested: { deeper: { ledger } } })).toContain(`[Ledger: ${ledger.eventCount} events]`);
  });

  it('stays plain data: JSON, structuredClone, freezing and strict deep equality', () => {
    const next = apply(ledger, [ev.letter({ householdId: H.wjg1 })]);
    expect(JSON.parse(JSON.stringify(next))).toStrictEqual(next);
    expect(structuredClone(next)).toStrictEqual(next);
    expect(Object.keys(next)).toEqual(Object.keys(emptyLedger()));
    expect(Object.isFrozen(next) && Object.isFrozen(next.letters)).toBe(true);
    expect(next.constructor).toBe(Object);
    // a JSON copy (no summary) is still a ledger apply takes, and gives the same
    const copy = JSON.parse(JSON.stringify(ledger)) as Ledger;
    const letter = ev.letter({ householdId: H.wjg1 });
    expect(JSON.stringify(apply(copy, [letter]))).toBe(JSON.stringify(apply(ledger, [letter])));
  });
});

describe('a table where Node prints it', () => {
  it('shows its size and its first two records', () => {
    const t = tableOf(
      Array.from({ length: 1000 }, (_, n) => ({ id: `r${n}`, n })),
      (r) => r.id,
    );
    const text = inspect(t);
    expect(text).toMatch(/^Table\(1,000\) \{/);
    expect(text).toContain('… 998 more');
    expect(text.match(/=> \{/g)).toHaveLength(2);
    expect(inspect(emptyTable())).toBe('Table(0) {}');
    expect(inspect(tableOf([{ id: 'a' }], (r) => r.id))).toBe("Table(1) { 'a' => { id: 'a' } }");
    expect(inspect({ a: { b: { t } } })).toContain('[Table(1,000)]');
    expect(JSON.parse(JSON.stringify(t))).toStrictEqual(t);
  });
});

describe('a roster problem and a roster result where Node prints them', () => {
  it('are one short summary each', () => {
    const problem = generateRosterProblem({ size: 'S', seed: 1 });
    expect(inspect(problem)).toMatch(/^RosterProblem \{ from: \d{4}-\d\d-\d\d, days: \d+, pools: \d+, posts: \d+, people: [\d,]+ \}$/);
    const built = buildRoster(problem, { seed: 1, iterations: 1000 });
    const text = inspect(built);
    expect(text).toMatch(/^RosterResult \{/);
    expect(text).toContain('roster: Roster { from:');
    expect(text.split('\n').length).toBeLessThan(8);
    expect(JSON.parse(JSON.stringify(built.roster))).toStrictEqual(built.roster);
  });
});
