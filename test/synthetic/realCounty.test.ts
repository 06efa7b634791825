import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOrgTree, checkPartyRules, createOrgTree, generateCounty, isTownshipLevel, type County, type OrgUnit } from '../../src/index.js';

/**
 * Verbatim copies of the source data (NBS division codes, see src/synthetic/data/README.md): the
 * county is checked against them, not against the compact module it is built from.
 */
interface Row {
  readonly code: string;
  readonly name: string;
  readonly level: 'county' | 'subdistrict' | 'town' | 'township' | 'community' | 'village';
  readonly parentCode: string;
}
const read = (file: string): Row[] => JSON.parse(readFileSync(fileURLToPath(new URL(`../data/yuechi/${file}`, import.meta.url)), 'utf8')) as Row[];
const early2020 = read('divisions-2020-02.inferred.json');
const mid2020 = read('divisions-2020.json');

/** NBS prints 吴家沟村委会 and 城北社区居委会; the tree says 吴家沟村 and 城北社区. */
const spoken = (name: string): string => name.replace(/村委会$/, '村').replace(/居委会$/, '');

const townshipRows = early2020.filter((r) => r.code.length === 9);
const placeRows = early2020.filter((r) => r.code.length === 12);

/**
 * The code a place has in the early-2020 tree, derived from the raw rows: its own code when it starts
 * with its township's; else the mid-2020 code of a place of the same name under the same township,
 * unless another place of the tree already holds that code; else none.
 */
function expectedCode(row: Row): string | undefined {
  if (row.code.startsWith(row.parentCode)) return row.code;
  const later = mid2020.find((r) => r.parentCode === row.parentCode && r.name === row.name);
  if (later === undefined) return undefined;
  const taken = placeRows.some((r) => r.code === later.code && r.code.startsWith(r.parentCode));
  return taken ? undefined : later.code;
}

/** One line per place: township code, name, kind, code (sorted, so that the two lists compare as multisets). */
function expectedPlaces(): string[] {
  return placeRows.map((r) => `${r.parentCode} ${spoken(r.name)} ${r.level} ${expectedCode(r) ?? '-'}`).sort();
}

function generatedPlaces(county: County): string[] {
  const byId = new Map(county.units.map((u) => [u.id as string, u]));
  return county.units
    .filter((u) => u.kind === 'village' || u.kind === 'community')
    .map((u) => `${(byId.get(u.parentId as string)?.divisionCode ?? '').slice(0, 9)} ${u.name} ${u.kind} ${u.divisionCode ?? '-'}`)
    .sort();
}

const THE_ARTICLES_PLACES: readonly [township: string, place: string, code: string][] = [
  ['普安镇', '吴家沟村', '511621119212'],
  ['九龙街道', '城北社区', '511621001007'],
  ['罗渡镇', '兴盛社区', '511621115002'],
  ['新场镇', '永胜社区', '511621118001'],
];

function articleProblems(county: County): string[] {
  const byId = new Map(county.units.map((u) => [u.id as string, u]));
  const problems: string[] = [];
  if (county.units.find((u) => u.name === '乔家镇')?.divisionCode !== '511621114000') problems.push('乔家镇 is not 511621114000');
  for (const [township, place, code] of THE_ARTICLES_PLACES) {
    const found = county.units.filter((u) => u.name === place);
    if (found.length !== 1) problems.push(`${place}: ${found.length} units`);
    for (const u of found) {
      if (u.divisionCode !== code) problems.push(`${place} has code ${u.divisionCode}`);
      if (byId.get(u.parentId as string)?.name !== township) problems.push(`${place} is not under ${township}`);
    }
  }
  return problems;
}

describe('the default county is Yuechi’s real divisions of early 2020', () => {
  let full: County;
  beforeAll(() => {
    full = generateCounty();
  }, 120_000);

  it('has the 27 township-level units with their NBS names, codes and kinds', () => {
    const units = full.units.filter((u) => isTownshipLevel(u.kind));
    const got = units.map((u) => `${u.divisionCode} ${u.name} ${u.kind}`).sort();
    const want = townshipRows.map((r) => `${r.code}000 ${r.name} ${r.level}`).sort();
    expect(got).toEqual(want);
    expect(got).toHaveLength(27);
    expect(units.filter((u) => u.kind === 'subdistrict')).toHaveLength(2);
    expect(units.filter((u) => u.kind === 'town')).toHaveLength(23);
    expect(units.filter((u) => u.kind === 'township')).toHaveLength(2);
  });

  it('has every village and community of the data, each under its township, with its name and the code the data gives it', () => {
    expect(generatedPlaces(full)).toEqual(expectedPlaces());
    expect(placeRows).toHaveLength(882);
  });

  it('follows the NBS code ranges: 001–099 subdistrict, 1xx town, 2xx township; 001–199 community, 200+ village', () => {
    const wrong = full.units.filter((u) => {
      const code = u.divisionCode;
      if (code === undefined || code.length !== 12) return false;
      const t = Number(code.slice(6, 9));
      const v = Number(code.slice(9));
      if (isTownshipLevel(u.kind)) return u.kind !== (t < 100 ? 'subdistrict' : t < 200 ? 'town' : 'township');
      if (u.kind === 'village' || u.kind === 'community') return u.kind !== (v < 200 ? 'community' : 'village');
      return false;
    });
    expect(wrong.map((u) => `${u.name} ${u.kind} ${u.divisionCode}`)).toEqual([]);
    const codes = full.units.flatMap((u) => (u.divisionCode === undefined ? [] : [u.divisionCode]));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives the places the article names their real codes', () => {
    expect(articleProblems(full)).toEqual([]);
  });

  it('counts 869 village and community Party organizations over 882 places: 13 joint branches of two small villages', () => {
    const places = full.units.filter((u) => u.kind === 'village' || u.kind === 'community');
    const joints = full.units.filter((u) => u.party?.form === 'jointBranch');
    const gathered = new Set(joints.flatMap((u) => u.party?.jointUnits ?? []));
    expect(joints).toHaveLength(13);
    expect(gathered.size).toBe(13);
    for (const j of joints) {
      expect(j.kind).toBe('village');
      for (const other of j.party?.jointUnits ?? []) expect(full.units.find((u) => u.id === other)?.parentId).toBe(j.parentId);
    }
    const organizations = places.filter((u) => !gathered.has(u.id) && u.party !== undefined);
    expect(organizations).toHaveLength(869);
    expect(places.filter((u) => !gathered.has(u.id) && u.party === undefined)).toEqual([]);
  });

  it('keeps the scale of the article: about 1.2 million people in about 400,000 households, and every rule check clean', () => {
    expect(full.households.length).toBeGreaterThanOrEqual(350_000);
    expect(full.households.length).toBeLessThanOrEqual(450_000);
    expect(full.people.length).toBeGreaterThanOrEqual(1_100_000);
    expect(full.people.length).toBeLessThanOrEqual(1_300_000);
    expect(checkOrgTree(full.units)).toEqual([]);
    const tree = createOrgTree(full.units);
    expect(checkPartyRules(tree, full.people)).toEqual([]);
  });
});

describe('a smaller real county', () => {
  const inData = new Set(expectedPlaces());
  test.prop([fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0.005, 0.01, 0.05, 0.2)], { numRuns: 5 })(
    'is a sample of the real places, the article’s among them, on all 27 township-level units, with a valid tree',
    (seed, scale) => {
      const c = generateCounty({ seed, scale });
      expect(generatedPlaces(c).filter((p) => !inData.has(p))).toEqual([]);
      expect(articleProblems(c)).toEqual([]);
      expect(checkOrgTree(c.units)).toEqual([]);
      const townships = c.units.filter((u) => isTownshipLevel(u.kind));
      expect(townships).toHaveLength(27);
      // every township keeps at least one place, and there is a joint branch
      const parents = new Set(c.units.filter((u) => u.kind === 'village' || u.kind === 'community').map((u) => u.parentId));
      expect(townships.filter((t) => !parents.has(t.id)).map((t: OrgUnit) => t.name)).toEqual([]);
      expect(c.units.some((u) => u.party?.form === 'jointBranch')).toBe(true);
      const places = c.units.filter((u) => u.kind === 'village' || u.kind === 'community').length;
      expect(Math.abs(places - Math.round(882 * scale))).toBeLessThanOrEqual(27 + 2 * Math.max(1, Math.round(13 * scale)));
    },
  );

});
