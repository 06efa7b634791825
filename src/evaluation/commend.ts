import { FAST_TRACK_FROM, FAST_TRACK_TO } from '../admission/state.js';
import { FrontlineError, parseOrThrow } from '../core/errors.js';
import type { OrgId, PersonId } from '../core/ids.js';
import { LABELS, type Commendation, type Label, type PartyStatus, type RecordKind } from '../core/vocabulary.js';
import { Period, compareEvidence, type PerformanceRecord } from './derive.js';
import type { CadreEvaluations, TeamEvaluation } from './evaluate.js';
import { round, settle } from './numbers.js';
import type { EvaluationRuleId } from './rules.js';

/** Kinds of record that show work on the front line. */
const FRONT_LINE: ReadonlySet<RecordKind> = new Set<RecordKind>(['deed', 'threeShows', 'shiftLed', 'shiftKept', 'householdsScreened', 'deliveryFulfilled', 'volunteerHours', 'findingFixed']);

/**
 * The published criteria of a commendation title: what it asks, the most that may be nominated
 * (a share of those eligible, at least one), the front-line records it needs, and the records that
 * exclude a candidate.
 *
 * @example
 * COMMENDATION_CRITERIA.outstandingMember.exclusions; // => ['shiftMissed', 'findingOverdue']
 * @category Evaluation
 */
export interface CommendationCriteria {
  /** The title. */
  readonly title: Commendation;
  /** The criteria as published, in Chinese. */
  readonly zh: string;
  /** The criteria in English. */
  readonly en: string;
  /** Most nominated, as a share of those eligible (at least one when anyone is). */
  readonly quotaShare: number;
  /** Front-line records (shifts, screening, deliveries, hours, deeds, three shows) needed. */
  readonly minFrontLineRecords: number;
  /** Records that exclude a candidate. */
  readonly exclusions: readonly RecordKind[];
}

/**
 * The default criteria: outstanding Party members from the members with the most front-line
 * evidence, outstanding Party workers from the cadres graded excellent, advanced grassroots Party
 * organizations from the teams graded good; a missed shift or an overdue finding excludes.
 *
 * @example
 * COMMENDATION_CRITERIA.advancedOrganization.quotaShare; // => 0.1
 * @category Evaluation
 */
export const COMMENDATION_CRITERIA: Readonly<Record<Commendation, CommendationCriteria>> = {
  outstandingMember: {
    title: 'outstandingMember',
    zh: '在疫情防控一线表现突出的党员：一线记录不少于5条，无缺岗、无逾期未改问题，按净分排序，名额不超过符合条件党员的5%，不足1名的按1名计',
    en: 'Party members outstanding on the front line: at least 5 front-line records, no missed shift or overdue finding, ranked by net points, at most 5% of those eligible, one when that comes to less',
    quotaShare: 0.05,
    minFrontLineRecords: 5,
    exclusions: ['shiftMissed', 'findingOverdue'],
  },
  outstandingPartyWorker: {
    title: 'outstandingPartyWorker',
    zh: '年度（专项）考核为优秀的党员干部：一线记录不少于3条，无缺岗、无逾期未改问题，名额不超过优秀党员干部的20%，不足1名的按1名计',
    en: 'Cadres who are Party members graded excellent: at least 3 front-line records, no missed shift or overdue finding, at most 20% of them, one when that comes to less',
    quotaShare: 0.2,
    minFrontLineRecords: 3,
    exclusions: ['shiftMissed', 'findingOverdue'],
  },
  advancedOrganization: {
    title: 'advancedOrganization',
    zh: '领导班子评为“好”的基层党组织：无逾期未改问题，名额不超过参评组织的10%，不足1名的按1名计',
    en: 'Grassroots Party organizations whose leadership team is graded good: no overdue finding, at most 10% of those assessed, one when that comes to less',
    quotaShare: 0.1,
    minFrontLineRecords: 0,
    exclusions: ['findingOverdue'],
  },
};

/**
 * A nomination for commendation and why: the title, the person or unit, its place, its score, the
 * criteria it meets, the evidence, and the rule.
 *
 * @example
 * const n: Nomination = nominate({ records, period, people: tableValues(ledger.people) }).nominations[0]!;
 * n.reason.en.startsWith('outstanding Party member: '); // => true (then its records, points and place)
 * @category Evaluation
 */
export interface Nomination {
  /** The title. */
  readonly title: Commendation;
  /** The person nominated. */
  readonly personId?: PersonId;
  /** The organization nominated. */
  readonly unitId?: OrgId;
  /** Place among those eligible for the title. */
  readonly rank: number;
  /** Net points (people) or team score (organizations). */
  readonly score: number;
  /** Why, in words. */
  readonly reason: Label;
  /** The strongest evidence. */
  readonly evidence: readonly PerformanceRecord[];
  /** The rule. */
  readonly rule: EvaluationRuleId;
}

/**
 * What {@link nominate} works from: the records of the period, the people (for Party standing),
 * and the cadre and team evaluations of the same period when there are any.
 *
 * @example
 * const input: NominationInput = { records, period, people: tableValues(ledger.people), cadres: evaluateCadres(records, cadres, { period }) };
 * @category Evaluation
 */
export interface NominationInput {
  /** The records. */
  readonly records: readonly PerformanceRecord[];
  /** The period. */
  readonly period: Period;
  /** The people who may be nominated, with their Party standing. */
  readonly people: readonly { readonly id: PersonId; readonly partyStatus: PartyStatus }[];
  /** Cadre evaluations of the period (for outstanding Party workers). */
  readonly cadres?: CadreEvaluations;
  /** Team evaluations of the period (for advanced organizations). */
  readonly teams?: readonly TeamEvaluation[];
}

interface Candidate {
  readonly front: number;
  readonly net: number;
  readonly best: PerformanceRecord[];
}

/**
 * Nominations for commendation from the evidence, under published criteria: each title's eligible
 * candidates ranked (ties by id), those excluded by a missed shift or an overdue finding left out,
 * the quota never exceeded, and each nomination explaining itself.
 *
 * @param input - The records, period, people, and any cadre and team evaluations of the period.
 * @param criteria - The criteria of each title (default {@link COMMENDATION_CRITERIA}).
 * @returns The nominations, by title and place, and each title's quota.
 * @throws {@link FrontlineError} `invalid_input` for an invalid period or a quota share not above 0 and at most 1.
 * @example
 * const villages = ledgerTree(ledger).units.filter((u) => u.kind === 'village' || u.kind === 'community');
 * const teams = evaluateTeams(records, villages.map((u) => u.id), { period }).grades;
 * const { nominations, quotas } = nominate({ records, period, people: tableValues(ledger.people), teams });
 * nominations.filter((n) => n.title === 'advancedOrganization').length <= quotas.advancedOrganization; // => true (at most 10% of the teams)
 * @category Evaluation
 */
export function nominate(input: NominationInput, criteria: Readonly<Record<Commendation, CommendationCriteria>> = COMMENDATION_CRITERIA): { readonly nominations: readonly Nomination[]; readonly quotas: Readonly<Record<Commendation, number>> } {
  const period = parseOrThrow(Period, input.period, 'invalid_input', 'period');
  for (const c of Object.values(criteria)) {
    if (!(c.quotaShare > 0 && c.quotaShare <= 1)) throw new FrontlineError('invalid_input', 'invalid criteria', [{ path: [c.title, 'quotaShare'], code: 'invalid_share', message: 'a quota share is above 0 and at most 1' }]);
  }
  const byPerson = candidates(input.records, period, 'personId');
  const byUnit = candidates(input.records, period, 'unitId');
  const nominations: Nomination[] = [];
  const quotas = { outstandingMember: 0, outstandingPartyWorker: 0, advancedOrganization: 0 };
  const words = (c: Candidate): Label => ({ zh: `一线记录${c.front}条，净分${round(c.net)}`, en: `${c.front} front-line records, net points ${round(c.net)}` });

  const members = new Set(input.people.filter((p) => p.partyStatus === 'fullMember' || p.partyStatus === 'probationaryMember').map((p) => p.id as string));
  // the quota is the published share of the pool the criteria name (those eligible, the excellent
  // cadres, the organizations assessed), rounded down, and one when the share comes to less than one
  const pick = (title: Commendation, pool: { id: string; score: number; c: Candidate }[], unit: boolean, base: 'eligible' | number): void => {
    const crit = criteria[title];
    const eligible = pool.filter((x) => x.c.front >= crit.minFrontLineRecords && !crit.exclusions.some((k) => hasKind(x.c, k)));
    eligible.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const max = eligible.length === 0 ? 0 : Math.min(eligible.length, Math.max(1, Math.floor((base === 'eligible' ? eligible.length : base) * crit.quotaShare + 1e-9)));
    quotas[title] = max;
    eligible.slice(0, max).forEach((x, i) => {
      const w = words(x.c);
      const none = crit.exclusions.length > 0 ? { zh: '，无缺岗、无逾期未改问题', en: ', no missed shift or overdue finding' } : { zh: '', en: '' };
      nominations.push({
        title,
        ...(unit ? { unitId: x.id as OrgId } : { personId: x.id as PersonId }),
        rank: i + 1,
        score: round(x.score),
        reason: { zh: `${LABELS.commendation[title].zh}：${w.zh}${none.zh}；符合条件者${eligible.length}名中列第${i + 1}（名额${max}）`, en: `${LABELS.commendation[title].en}: ${w.en}${none.en}; place ${i + 1} of ${eligible.length} eligible (quota ${max})` },
        evidence: x.c.best,
        rule: 'commendation.titles',
      });
    });
  };
  pick(
    'outstandingMember',
    [...byPerson].filter(([id]) => members.has(id)).map(([id, c]) => ({ id, score: c.net, c })),
    false,
    'eligible',
  );
  if (input.cadres !== undefined) {
    const pool = input.cadres.grades
      .filter((g) => g.grade === 'excellent' && members.has(g.personId))
      .map((g) => ({ id: g.personId as string, score: g.total, c: byPerson.get(g.personId) ?? EMPTY }));
    pick('outstandingPartyWorker', pool, false, pool.length);
  }
  if (input.teams !== undefined) {
    const pool = input.teams.filter((t) => t.grade === 'good').map((t) => ({ id: t.unitId as string, score: t.score, c: byUnit.get(t.unitId) ?? EMPTY }));
    pick('advancedOrganization', pool, true, input.teams.length);
  }
  return { nominations, quotas };
}

const EMPTY: Candidate = { front: 0, net: 0, best: [] };
const kindsSeen = new WeakMap<Candidate, Set<RecordKind>>();
const hasKind = (c: Candidate, k: RecordKind): boolean => kindsSeen.get(c)?.has(k) ?? false;

function candidates(records: readonly PerformanceRecord[], period: Period, key: 'personId' | 'unitId'): Map<string, Candidate> {
  const acc = new Map<string, { front: number; net: number; kinds: Set<RecordKind>; best: PerformanceRecord[] }>();
  for (const r of records) {
    const id = r[key];
    if (id === undefined || r.day < period.from || r.day > period.to) continue;
    let a = acc.get(id);
    if (a === undefined) acc.set(id, (a = { front: 0, net: 0, kinds: new Set(), best: [] }));
    a.net += r.points;
    if (r.points < 0) a.kinds.add(r.kind);
    else if (FRONT_LINE.has(r.kind)) {
      a.front++;
      a.best.push(r);
      if (a.best.length > 3) {
        a.best.sort(compareEvidence);
        a.best.length = 3;
      }
    }
  }
  const out = new Map<string, Candidate>();
  for (const [id, a] of acc) {
    const c: Candidate = { front: a.front, net: settle(a.net), best: a.best.sort(compareEvidence) };
    kindsSeen.set(c, a.kinds);
    out.set(id, c);
  }
  return out;
}

/**
 * An activist or development target whose front-line record suggests prompt admission, with the
 * evidence, and whether the 2020 front-line fast track could waive the one-year activist period.
 *
 * @example
 * const s: AdmissionSuggestion = suggestAdmissions({ records, period, people: tableValues(ledger.people) }, { minRecords: 1, minPoints: 1 }).suggestions[0]!;
 * [s.partyStatus, s.fastTrack]; // => ['activist', true] (an activist: the fast track can waive the one-year activist period)
 * @category Evaluation
 */
export interface AdmissionSuggestion {
  /** The person. */
  readonly personId: PersonId;
  /** Their Party standing now. */
  readonly partyStatus: PartyStatus;
  /** Front-line records. */
  readonly records: number;
  /** Net points. */
  readonly points: number;
  /** Whether the 2020 front-line fast track could apply: an activist, in a period within 2020. */
  readonly fastTrack: boolean;
  /** Why, in words. */
  readonly reason: Label;
  /** The strongest evidence. */
  readonly evidence: readonly PerformanceRecord[];
}

/**
 * Suggests activists, development targets and applicants tested on the front line for prompt
 * admission: at least `minRecords` front-line records (default 3), net points of at least
 * `minPoints` (default 5), no missed shift or overdue finding, strongest first. A suggestion is only
 * that: each case still goes through every step of the admission rules (the fast track waives only
 * the one-year activist period and the quota).
 *
 * @param input - The records, the period and the people.
 * @param options - `minRecords` (default 3) and `minPoints` (default 5).
 * @returns The suggestions, strongest first.
 * @throws {@link FrontlineError} `invalid_input` for an invalid period.
 * @example
 * suggestAdmissions({ records, period, people: tableValues(ledger.people) }).suggestions.map((s) => s.personId);
 * @category Evaluation
 */
export function suggestAdmissions(
  input: Pick<NominationInput, 'records' | 'period' | 'people'>,
  options: { readonly minRecords?: number; readonly minPoints?: number } = {},
): { readonly suggestions: readonly AdmissionSuggestion[] } {
  const period = parseOrThrow(Period, input.period, 'invalid_input', 'period');
  const minRecords = options.minRecords ?? 3;
  const minPoints = options.minPoints ?? 5;
  const byPerson = candidates(input.records, period, 'personId');
  const out: AdmissionSuggestion[] = [];
  for (const p of input.people) {
    if (p.partyStatus !== 'activist' && p.partyStatus !== 'developmentTarget' && p.partyStatus !== 'applicant') continue;
    const c = byPerson.get(p.id);
    if (c === undefined || c.front < minRecords || c.net < minPoints || hasKind(c, 'shiftMissed') || hasKind(c, 'findingOverdue')) continue;
    const status = LABELS.partyStatus[p.partyStatus];
    // the front-line fast track of 2020 (admission.frontLineFastTrack): only for a period within its year
    const fastTrack = p.partyStatus === 'activist' && period.from <= FAST_TRACK_TO && period.to >= FAST_TRACK_FROM;
    out.push({
      personId: p.id,
      partyStatus: p.partyStatus,
      records: c.front,
      points: round(c.net),
      fastTrack,
      evidence: c.best,
      reason: {
        zh: `${status.zh}，一线记录${c.front}条，净分${round(c.net)}${fastTrack ? '；可按一线发展办法免除一年培养期' : ''}`,
        en: `${status.en}, ${c.front} front-line records, net points ${round(c.net)}${fastTrack ? '; the front-line fast track may waive the one-year activist period' : ''}`,
      },
    });
  }
  out.sort((a, b) => b.points - a.points || (a.personId < b.personId ? -1 : 1));
  return { suggestions: out };
}
