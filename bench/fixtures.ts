/**
 * Data shared by benchmark files, built once per run and only when asked for.
 */
import { generateCounty, isTownshipLevel, type OrgId, type OrgUnit } from '../src/index.js';
import { countyEvents, replay, simulateCampaigns, type Ledger, type LedgerEvent } from '../src/index.js';

/** A small seeded generator (mulberry32), independent of the library's, for reproducible inputs. */
export function seeded(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let countyUnitsMemo: readonly OrgUnit[] | undefined;

/**
 * The units of the full-scale county (`generateCounty()`, seed 2020, scale 1), about 970 rows. Only
 * the units are kept: the 1.2M people are dropped so they do not weigh on the GC of later benchmarks.
 */
export function countyUnits(): readonly OrgUnit[] {
  if (countyUnitsMemo === undefined) countyUnitsMemo = generateCounty().units;
  return countyUnitsMemo;
}

/**
 * A wide synthetic tree: the county's units plus `extra` institutions, each under a random earlier
 * unit that may hold an institution (the county, a unit of the township level, or another institution).
 * Valid for `createOrgTree`; depth grows like log(n).
 */
export function wideTree(extra: number, seed = 1): readonly OrgUnit[] {
  const rnd = seeded(seed);
  const units: OrgUnit[] = [...countyUnits()];
  const hosts: OrgId[] = units
    .filter((u) => u.kind === 'county' || isTownshipLevel(u.kind) || u.kind === 'institution')
    .map((u) => u.id);
  for (let k = 0; k < extra; k++) {
    const id = `syn.i${k}` as OrgId;
    units.push({ id, name: `机构${k}`, kind: 'institution', parentId: hosts[Math.floor(rnd() * hosts.length)] as OrgId });
    hosts.push(id);
  }
  return units;
}

/**
 * A deep synthetic tree: a county root and `chains` chains of `length` institutions each (an
 * institution may belong to an institution), so depths run from 1 to `length`.
 */
export function deepTree(chains: number, length: number): readonly OrgUnit[] {
  const units: OrgUnit[] = [{ id: 'deep' as OrgId, name: '深县', kind: 'county', parentId: null }];
  for (let c = 0; c < chains; c++) {
    let parent = 'deep' as OrgId;
    for (let k = 0; k < length; k++) {
      const id = `deep.c${c}.${k}` as OrgId;
      units.push({ id, name: `链${c}-${k}`, kind: 'institution', parentId: parent });
      parent = id;
    }
  }
  return units;
}

/** The full-scale simulated fortnight of {@link simulatedFortnight}. */
export interface SimulatedFortnight {
  /** The register: `replay(countyEvents(generateCounty()), undefined, { trusted: true })`. */
  readonly base: Ledger;
  /** `simulateCampaigns(base)`: 14 days, seed 2020 (about 1.4M events). */
  readonly journal: readonly LedgerEvent[];
  /** People and households of the county. */
  readonly people: number;
  readonly households: number;
  /** Wall time of each step, in milliseconds. */
  readonly ms: { readonly county: number; readonly register: number; readonly simulate: number };
}

let fortnightMemo: SimulatedFortnight | undefined;

/**
 * The full-scale county's register ledger and the journal of a simulated fortnight on it (the
 * default `simulateCampaigns` options), built once per process when first asked for: about 12 s and
 * 1.3 GB of heap, so only in a child process started with a larger heap (see `ledger-child.ts`).
 * The county itself is dropped; its people and households live on in the base ledger.
 */
export function simulatedFortnight(): SimulatedFortnight {
  if (fortnightMemo !== undefined) return fortnightMemo;
  let t = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const dt = now - t;
    t = now;
    return dt;
  };
  const county = generateCounty();
  const people = county.people.length;
  const households = county.households.length;
  const countyMs = lap();
  const base = replay(countyEvents(county), undefined, { trusted: true });
  const register = lap();
  const journal = simulateCampaigns(base);
  const simulate = lap();
  fortnightMemo = { base, journal, people, households, ms: { county: countyMs, register, simulate } };
  return fortnightMemo;
}
