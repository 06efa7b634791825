/** @internal The divisions a county is generated on: Yuechi's real ones, or drawn names. */
import type { Day } from '../core/day.js';
import type { OrgId } from '../core/ids.js';
import type { Random } from '../core/random.js';
import { YUECHI_TOWNSHIPS, YUECHI_VILLAGES } from './data/yuechi.js';
import { COMMUNITY_NAMES, NAMED_PLACES, TOWNSHIPS, VILLAGE_FIRST, VILLAGE_SECOND } from './names.js';

/** The township-level kinds. */
export type TownshipKind = 'subdistrict' | 'town' | 'township';

/** A village or community to generate. */
export interface PlaceDraft {
  readonly id: OrgId;
  readonly name: string;
  readonly kind: 'village' | 'community';
  /** Its 12-digit code; absent when the data has none that fits its township. */
  readonly divisionCode?: string;
  readonly opened?: Day;
  /** A small unit (fewer than 3 full members) gathered in a joint branch: the host holds the branch, the member joins it. */
  readonly joint?: { readonly role: 'host' } | { readonly role: 'member'; readonly host: OrgId };
}

/** A township-level unit to generate, with its villages and communities. */
export interface TownshipDraft {
  readonly id: OrgId;
  readonly name: string;
  readonly kind: TownshipKind;
  readonly divisionCode: string;
  readonly places: readonly PlaceDraft[];
}

/** Villages and communities of Yuechi in early 2020 (882) and the Party organizations the article counts (869). */
export const REAL_PLACES = YUECHI_VILLAGES.length;
export const ARTICLE_ORGANIZATIONS = 869;

/** The NBS kind of a township-level code (its three digits): 001–099 subdistrict, 100–199 town, 200–399 township. */
export function townshipKindOfCode(code3: string): TownshipKind {
  const n = Number(code3);
  return n < 100 ? 'subdistrict' : n < 200 ? 'town' : 'township';
}

/**
 * Yuechi's real divisions of early 2020: the 27 township-level units and, at scale 1 or more, all
 * 882 villages and communities; below 1, a seeded sample of each township's (at least one, the
 * article's places always). The 13 places more than the 869 organizations of the article are
 * small villages paired in joint branches (at scale 1; fewer, at least one, below): which ones, the
 * data does not say, so they are drawn from the seed.
 */
export function realDivisions(rng: Random, scale: number): TownshipDraft[] {
  const named = new Set(NAMED_PLACES.map((p) => `${p.township}|${p.name}`));
  const byTownship = new Map<string, (typeof YUECHI_VILLAGES)[number][]>();
  for (const v of YUECHI_VILLAGES) {
    const list = byTownship.get(v[2]) ?? [];
    list.push(v);
    byTownship.set(v[2], list);
  }
  const nameOf = new Map(YUECHI_TOWNSHIPS.map(([code, name]) => [code, name]));
  const isNamed = (v: (typeof YUECHI_VILLAGES)[number]): boolean => named.has(`${nameOf.get(v[2]) ?? ''}|${v[1]}`);
  // which villages: all at full scale, else a sample of each township's, the named places kept
  const chosen = new Set<string>();
  for (const [, list] of byTownship) {
    if (scale >= 1) {
      for (const v of list) chosen.add(v[0]);
      continue;
    }
    const keep = Math.max(1, Math.round(list.length * scale));
    const must = list.filter(isNamed);
    for (const v of must) chosen.add(v[0]);
    for (const v of rng.shuffle(list.filter((x) => !isNamed(x))).slice(0, Math.max(0, keep - must.length))) chosen.add(v[0]);
  }
  // joint branches: pairs of small villages of one township, none of them a named place
  const pairs = scale >= 1 ? REAL_PLACES - ARTICLE_ORGANIZATIONS : Math.max(1, Math.round((REAL_PLACES - ARTICLE_ORGANIZATIONS) * scale));
  const joint = new Map<string, PlaceDraft['joint']>();
  const townships = rng.shuffle(YUECHI_TOWNSHIPS.map(([code]) => code));
  for (let j = 0, k = 0; j < pairs && k < 4 * townships.length; k++) {
    const code = townships[k % townships.length] as string;
    const candidates = (byTownship.get(code) ?? []).filter((v) => v[0].charAt(3) === '2' && !isNamed(v) && !joint.has(v[0]));
    // the villages already drawn first, so that a small county keeps its size
    const ordered = [...rng.shuffle(candidates.filter((v) => chosen.has(v[0]))), ...rng.shuffle(candidates.filter((v) => !chosen.has(v[0])))];
    const [x, y] = ordered;
    if (x === undefined || y === undefined) continue;
    // the host comes first in the list, so that it is built first
    const [a, b] = x[0] < y[0] ? [x, y] : [y, x];
    chosen.add(a[0]);
    chosen.add(b[0]);
    joint.set(a[0], { role: 'host' });
    joint.set(b[0], { role: 'member', host: `yc.v${a[0]}` as OrgId });
    j++;
  }
  return YUECHI_TOWNSHIPS.map(([code, name]) => ({
    id: `yc.t${code}` as OrgId,
    name,
    kind: townshipKindOfCode(code),
    divisionCode: `511621${code}000`,
    places: (byTownship.get(code) ?? [])
      .filter((v) => chosen.has(v[0]))
      .map(([code2019, placeName, , own]) => {
        const place: { -readonly [K in keyof PlaceDraft]: PlaceDraft[K] } = {
          id: `yc.v${code2019}` as OrgId,
          name: placeName,
          kind: code2019.charAt(3) === '0' || code2019.charAt(3) === '1' ? 'community' : 'village',
        };
        if (own !== '') place.divisionCode = own === '=' ? `511621${code2019}` : `511621${own}`;
        const j = joint.get(code2019);
        if (j !== undefined) place.joint = j;
        return place;
      }),
  }));
}

/** Yuechi: 869 villages and communities in the drawn county, as the article counts them. */
const FULL_VILLAGES = 869;

/**
 * A drawn county: the 27 township-level names of the synthetic county (coded by the NBS ranges in
 * list order), villages and communities with drawn names, the article's places among them, and
 * small resettlement communities gathered in joint branches, 869 in all at scale 1.
 */
export function syntheticDivisions(rng: Random, scale: number): TownshipDraft[] {
  const jointPairs = Math.max(1, Math.round(2 * scale));
  const villageTotal = Math.max(Math.round(FULL_VILLAGES * scale), TOWNSHIPS.length + 2 * jointPairs) - 2 * jointPairs;
  const weights = TOWNSHIPS.map((t) => (t.kind === 'subdistrict' ? 0.55 : 0.8 + rng.next() * 0.6));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / weightSum) * villageTotal)));
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < villageTotal; k = (k + 1) % counts.length) counts[k] = (counts[k] as number) + 1;
  const next: Record<TownshipKind, number> = { subdistrict: 1, town: 101, township: 201 };
  const drafts = TOWNSHIPS.map((t, ti) => {
    const code3 = String(next[t.kind]++).padStart(3, '0');
    const code = `511621${code3}000`;
    const tid = `yc.t${String(ti + 1).padStart(2, '0')}` as OrgId;
    const n = counts[ti] as number;
    const named = NAMED_PLACES.filter((p) => p.township === t.name);
    const used = new Set<string>(named.map((p) => p.name));
    const placed = new Set<string>();
    const namedCommunities = named.filter((p) => p.kind === 'community').length;
    const namedVillages = named.length - namedCommunities;
    const communities = Math.min(
      n - namedVillages,
      Math.max(namedCommunities, t.kind === 'subdistrict' ? Math.max(1, Math.round(n * 0.75)) : Math.round(n * 0.06)),
    );
    let communityNo = 0;
    let villageNo = 0;
    const places: PlaceDraft[] = [];
    for (let v = 0; v < n; v++) {
      const isCommunity = v < communities;
      const namedPlace = named.find((p) => (p.kind === 'community') === isCommunity && !placed.has(p.name));
      let name = namedPlace?.name;
      let tries = 0;
      while (name === undefined || (used.has(name) && namedPlace === undefined)) {
        name = isCommunity
          ? `${rng.pick(COMMUNITY_NAMES)}社区`
          : `${VILLAGE_FIRST[rng.int(VILLAGE_FIRST.length)] as string}${VILLAGE_SECOND[rng.int(VILLAGE_SECOND.length)] as string}村`;
        // once the names of a kind run out (a large scale), a number tells the units apart
        if (used.has(name) && namedPlace === undefined) name = used.size > 400 || ++tries > 200 ? `${name.slice(0, -1)}${v}${name.slice(-1)}` : undefined;
      }
      used.add(name);
      placed.add(name);
      const seq = isCommunity ? ++communityNo : 200 + ++villageNo;
      places.push({
        id: `${tid}.${isCommunity ? 'c' : 'v'}${String(seq).padStart(3, '0')}` as OrgId,
        name,
        kind: isCommunity ? 'community' : 'village',
        divisionCode: `${code.slice(0, 9)}${String(seq).padStart(3, '0')}`,
      });
    }
    return { id: tid, name: t.name, kind: t.kind, divisionCode: code, places };
  });
  // small resettlement communities with fewer than 3 full members each, gathered in joint branches
  const subdistricts = drafts.map((t, ti) => (t.kind === 'subdistrict' ? ti : -1)).filter((ti) => ti >= 0);
  for (let j = 0; j < jointPairs; j++) {
    const township = drafts[subdistricts[j % subdistricts.length] as number] as TownshipDraft;
    const base = 90 + j * 2;
    const ids = [0, 1].map((k) => `${township.id}.c${String(base + k).padStart(3, '0')}` as OrgId);
    (township.places as PlaceDraft[]).push(
      ...[0, 1].map((k) => ({
        id: ids[k] as OrgId,
        name: `${['安居', '康居', '乐居', '宜居', '和居', '泰居'][(2 * j + k) % 6] as string}${j > 2 ? j : ''}社区`,
        kind: 'community' as const,
        divisionCode: `${township.divisionCode.slice(0, 9)}${String(base + k).padStart(3, '0')}`,
        opened: '2019-06-01' as Day,
        joint: k === 0 ? ({ role: 'host' } as const) : ({ role: 'member', host: ids[0] as OrgId } as const),
      })),
    );
  }
  return drafts;
}
