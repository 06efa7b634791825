import { addDays, requireDay, type Day } from '../core/day.js';
import type { OrgId } from '../core/ids.js';
import type { CaseSource } from '../campaigns/records.js';
import type { CommunityState } from '../core/vocabulary.js';
import type { Rule } from '../core/rules.js';
import { ledgerTree, requireLedger, type Ledger } from '../ledger/ledger.js';
import { tableForEach } from '../store/table.js';

/**
 * The editions of the rule of community epidemic states (社区防控工作方案), by the day they took
 * effect: until the 7th edition a cluster was 2 or more confirmed cases, from 2020-09-15 5 or more.
 *
 * @example
 * COMMUNITY_STATE_RULES[1].edition; // => '7th edition'
 * @category Reports
 */
export const COMMUNITY_STATE_RULES: readonly (Rule & { readonly since: Day; readonly cluster: number })[] = [
  {
    id: 'epidemic.communityState',
    zh: '社区疫情分为未发现病例、出现病例（1例确诊）、暴发疫情（14天内同一户或同一单元出现2例及以上）、传播疫情（14天内出现2例及以上感染来源不清的散发病例）',
    en: 'No case; a case (1 confirmed); an outbreak (2 or more in one household or entrance within 14 days); community transmission (2 or more sporadic cases of unclear source within 14 days)',
    source: '新型冠状病毒感染的肺炎疫情社区防控工作方案（试行）2020',
    strength: 'H',
    edition: '1st–6th editions',
    since: '2020-01-01' as Day,
    cluster: 2,
  },
  {
    id: 'epidemic.communityState',
    zh: '聚集性疫情为14天内在小范围内发现5例及以上病例',
    en: 'A cluster is 5 or more cases in a small area within 14 days',
    source: '新型冠状病毒肺炎防控方案（第七版）2020-09-15',
    strength: 'H',
    edition: '7th edition',
    since: '2020-09-15' as Day,
    cluster: 5,
  },
];

/**
 * The epidemic state of each village and community on a day, from the confirmed cases registered
 * in the household classifications of the 14 days up to it: a case, an outbreak when a household
 * has a cluster (under the rule edition in force that day), community transmission when two or
 * more cases of unclear source (感染来源不清的散发病例) lie in different households. A case whose
 * registration names its source — another case, or imported ({@link CaseSource}) — is not of
 * unclear source; a case registered without a source counts as unclear, as before sources could be
 * named. Units with no case are left out.
 *
 * Cases are people: a member registered as confirmed twice is one case, and so is a household
 * registered as confirmed without naming a member, however often; such a household-level
 * registration adds a case only when no member of the household is named as confirmed.
 *
 * @param ledger - The ledger.
 * @param day - The day.
 * @returns The state of each village and community with a case, by unit id.
 * @throws {@link FrontlineError} `invalid_input` for a day that is not a real date.
 * @example
 * const confirmed = { type: 'householdClassified', id: 'e200', at: '2020-02-07T10:00:00+08:00', by: 'p0028490', householdId: 'h0008824', personId: 'p0027333', category: 'confirmed' };
 * communityStates(apply(ledger, [confirmed]), '2020-02-07' as Day).get('yc.v119212' as OrgId);
 * // => { state: 'case', confirmed: 1, unclear: 1, households: 1, edition: '1st–6th editions' }
 * @category Reports
 */
export function communityStates(
  ledger: Ledger,
  day: Day,
): ReadonlyMap<OrgId, { readonly state: CommunityState; readonly confirmed: number; readonly unclear: number; readonly households: number; readonly edition: string }> {
  requireLedger(ledger);
  requireDay(day);
  const rule = [...COMMUNITY_STATE_RULES].reverse().find((r) => r.since <= day) ?? (COMMUNITY_STATE_RULES[0] as (typeof COMMUNITY_STATE_RULES)[number]);
  const from = addDays(day, -13);
  /** Per unit, per household: each named member's case (its last stated source), and the household-level case, if any. */
  type Cases = { named: Map<string, CaseSource | undefined>; unnamed: { source: CaseSource | undefined } | null };
  const byUnit = new Map<OrgId, Map<string, Cases>>();
  tableForEach(ledger.classifications, (h) => {
    for (const e of h.entries) {
      if (e.category !== 'confirmed' || e.day < from || e.day > day) continue;
      let households = byUnit.get(h.unitId);
      if (households === undefined) byUnit.set(h.unitId, (households = new Map()));
      let cases = households.get(h.householdId);
      if (cases === undefined) households.set(h.householdId, (cases = { named: new Map(), unnamed: null }));
      // entries are oldest first: a later registration's stated source wins, an unstated one keeps the earlier
      if (e.personId !== undefined) cases.named.set(e.personId, e.source ?? cases.named.get(e.personId));
      else cases.unnamed = { source: e.source ?? cases.unnamed?.source };
    }
  });
  const tree = ledgerTree(ledger);
  const out = new Map<OrgId, { state: CommunityState; confirmed: number; unclear: number; households: number; edition: string }>();
  const isUnclear = (s: CaseSource | undefined): boolean => s === undefined || s.kind === 'unclear';
  for (const [unit, households] of byUnit) {
    if (!tree.indexOf.has(unit)) continue;
    let confirmed = 0;
    let unclear = 0;
    let unclearHouseholds = 0;
    let cluster = false;
    for (const cases of households.values()) {
      const sources = cases.named.size > 0 ? [...cases.named.values()] : cases.unnamed === null ? [] : [cases.unnamed.source];
      const u = sources.filter(isUnclear).length;
      confirmed += sources.length;
      unclear += u;
      if (u > 0) unclearHouseholds++;
      if (sources.length >= rule.cluster) cluster = true;
    }
    // a cluster (the edition's size, in one household) is an outbreak; two or more sporadic cases of
    // unclear source in different households are community transmission under every edition: only
    // clusters changed
    const state: CommunityState = confirmed === 0 ? 'none' : cluster ? 'outbreak' : unclear >= 2 && unclearHouseholds >= 2 ? 'communityTransmission' : 'case';
    out.set(unit, { state, confirmed, unclear, households: households.size, edition: rule.edition ?? '' });
  }
  return out;
}
