import { addDays, requireDay, type Day } from '../core/day.js';
import type { OrgId } from '../core/ids.js';
import type { CommunityState } from '../core/vocabulary.js';
import type { Rule } from '../core/rules.js';
import { ledgerTree, requireLedger, type Ledger } from '../ledger/ledger.js';
import { tableForEach } from '../ledger/table.js';

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
 * has a cluster (under the rule edition in force that day), community transmission when cases in
 * several households reach the cluster size. Units with no case are left out.
 *
 * @example
 * communityStates(ledger, '2020-02-07').get('yc.t03.v201'); // => { state: 'case', confirmed: 1, … }
 * @category Reports
 */
export function communityStates(ledger: Ledger, day: Day): ReadonlyMap<OrgId, { readonly state: CommunityState; readonly confirmed: number; readonly households: number; readonly edition: string }> {
  requireLedger(ledger);
  requireDay(day);
  const rule = [...COMMUNITY_STATE_RULES].reverse().find((r) => r.since <= day) ?? (COMMUNITY_STATE_RULES[0] as (typeof COMMUNITY_STATE_RULES)[number]);
  const from = addDays(day, -13);
  const byUnit = new Map<OrgId, Map<string, Set<string>>>();
  tableForEach(ledger.classifications, (h) => {
    for (const e of h.entries) {
      if (e.category !== 'confirmed' || e.day < from || e.day > day) continue;
      let households = byUnit.get(h.unitId);
      if (households === undefined) byUnit.set(h.unitId, (households = new Map()));
      let people = households.get(h.householdId);
      if (people === undefined) households.set(h.householdId, (people = new Set()));
      people.add(e.personId ?? `${h.householdId}#${e.eventId}`);
    }
  });
  const tree = ledgerTree(ledger);
  const out = new Map<OrgId, { state: CommunityState; confirmed: number; households: number; edition: string }>();
  for (const [unit, households] of byUnit) {
    if (!tree.indexOf.has(unit)) continue;
    let confirmed = 0;
    let cluster = false;
    for (const people of households.values()) {
      confirmed += people.size;
      if (people.size >= rule.cluster) cluster = true;
    }
    // a cluster (the edition's size, in one household) is an outbreak; two or more sporadic cases in
    // different households are community transmission under every edition: only clusters changed
    const state: CommunityState = confirmed === 0 ? 'none' : cluster ? 'outbreak' : confirmed >= 2 && households.size >= 2 ? 'communityTransmission' : 'case';
    out.set(unit, { state, confirmed, households: households.size, edition: rule.edition ?? '' });
  }
  return out;
}
