import type { RuleStrength } from '../core/rules.js';
import type { RosterConstraint } from '../core/vocabulary.js';
import type { RosterRules } from './model.js';

/**
 * A roster constraint: its level, what it says, where it comes from, and how well that is sourced
 * (`L`: local practice, configurable through {@link RosterRules}).
 *
 * @example
 * const c: RosterConstraintRule = ROSTER_CONSTRAINTS.H6;
 * c.level; // => 'hard'
 * @category Rosters
 */
export interface RosterConstraintRule {
  /** The code, H1–H9, M1, S1–S6. */
  readonly code: RosterConstraint;
  /** Hard, medium or soft (H7 and H8 can be made soft by the rules). */
  readonly level: 'hard' | 'medium' | 'soft';
  /** What it says, in Chinese. */
  readonly zh: string;
  /** What it says, in English. */
  readonly en: string;
  /** Where it comes from. */
  readonly source: string;
  /** How well it is sourced. */
  readonly strength: RuleStrength;
}

const TIMEFOLD = 'Timefold Solver employee scheduling (constraints and scoring)';
const INRC = 'Second International Nurse Rostering Competition (INRC-II, 2015)';

/**
 * Every constraint of a duty roster, with its source. The limits of H5–H8 and the weights of M1 and
 * S1–S6 are local practice, set in {@link RosterRules}.
 *
 * @example
 * ROSTER_CONSTRAINTS.H1.zh; // => '带班领导须为规定级别的干部（如有要求须为党员）'
 * @category Rosters
 */
export const ROSTER_CONSTRAINTS: Readonly<Record<RosterConstraint, RosterConstraintRule>> = {
  H1: {
    code: 'H1',
    level: 'hard',
    zh: '带班领导须为规定级别的干部（如有要求须为党员）',
    en: 'A leader seat takes only a cadre of the required level (and a Party member, if required)',
    source: 'Yuechi County report, 2020 (supervision asks for the leading cadre on duty, 带班领导); required skill in ' + TIMEFOLD,
    strength: 'M',
  },
  H2: {
    code: 'H2',
    level: 'hard',
    zh: '每个岗点每班恰有一名带班领导（排班表漏列带班领导席位即违反；空缺席位计入M1）',
    en: 'Exactly one leader per post and shift: a roster leaving the leader seat out breaks it (an empty leader seat is M1, never a second leader)',
    source: 'Yuechi County report, 2020',
    strength: 'M',
  },
  H3: {
    code: 'H3',
    level: 'hard',
    zh: '每班值守人数按岗点规定（排班表漏列值守席位即违反；空缺席位计入M1）',
    en: 'Each post and shift has its set number of staff seats: a roster leaving one out breaks it (an empty one is M1)',
    source: 'Local practice: the post sets its staff',
    strength: 'L',
  },
  H4: {
    code: 'H4',
    level: 'hard',
    zh: '请假、病假、不宜排班日期及本人医学观察、隔离期间不排班',
    en: 'Nobody serves while on leave, sick, blocked, or under their own medical observation or isolation',
    source: 'Unavailability in ' + TIMEFOLD + '; medical observation of arrivals and close contacts (肺炎机制发〔2020〕5号)',
    strength: 'H',
  },
  H5: {
    code: 'H5',
    level: 'hard',
    zh: '班次不重叠，每日班次不超过上限（默认1）',
    en: 'No overlapping shifts; at most k shifts a day (default 1)',
    source: TIMEFOLD + ' (no overlapping shifts, one shift per day)',
    strength: 'M',
  },
  H6: {
    code: 'H6',
    level: 'hard',
    zh: '两班之间最短休息时间（默认12小时）',
    en: 'Minimum rest between two shifts (default 12 hours)',
    source: TIMEFOLD + ' (at least 10 hours between shifts); 12 hours is local practice',
    strength: 'L',
  },
  H7: {
    code: 'H7',
    level: 'hard',
    zh: '连续值班天数不超过上限（默认6天），可设为软约束',
    en: 'At most n consecutive working days (default 6); can be made soft',
    source: INRC + ' (maximum consecutive working days)',
    strength: 'L',
  },
  H8: {
    code: 'H8',
    level: 'hard',
    zh: '任意连续7天内班次不超过上限（默认6，即每周至少休息一日），可设为软约束',
    en: 'At most m shifts in any 7 consecutive days (default 6: a weekly rest day); can be made soft',
    source: '劳动法 Art.38 (at least one day of rest a week); ' + INRC + ' (maximum assignments)',
    strength: 'M',
  },
  H9: {
    code: 'H9',
    level: 'hard',
    zh: '锁定的席位和冻结时点之前的席位不得改动',
    en: 'Locked seats and every seat starting before the freeze time never change',
    source: TIMEFOLD + ' (pinned shifts)',
    strength: 'H',
  },
  M1: {
    code: 'M1',
    level: 'medium',
    zh: '无人可排的席位留空并计入中级分，带班领导席位权重高于值守席位',
    en: 'A seat nobody can take stays unfilled and counts on the medium level, a leader seat above a staff seat',
    source: TIMEFOLD + ' (unassigned shifts on a medium level, never dummy people)',
    strength: 'H',
  },
  S1: {
    code: 'S1',
    level: 'soft',
    zh: '就近值守：本村（社区）优先，其次本乡镇，再次县内其他地方',
    en: 'Locality: own village or community first, then own township, then elsewhere in the county',
    source: 'Local practice (grassroots organizations staff their own checkpoints)',
    strength: 'L',
  },
  S2: {
    code: 'S2',
    level: 'soft',
    zh: '班次公平：总班次与夜班按可用天数折算后均衡（平方和）',
    en: 'Fairness: total and night shifts balanced against availability (sum of squared loads, scaled)',
    source: TIMEFOLD + ' (load balancing by squared loads); quotas adjusted for availability as users ask',
    strength: 'M',
  },
  S3: {
    code: 'S3',
    level: 'soft',
    zh: '与已发布排班的差异尽量小（权重远高于S1）',
    en: 'Difference from the published roster (weight far above S1)',
    source: TIMEFOLD + ' (non-disruptive replanning)',
    strength: 'H',
  },
  S4: {
    code: 'S4',
    level: 'soft',
    zh: '尊重本人希望值班或不希望值班的日期',
    en: 'Desired and undesired days',
    source: TIMEFOLD + ' (desired and undesired days)',
    strength: 'M',
  },
  S5: {
    code: 'S5',
    level: 'soft',
    zh: '避免零散单班、夜班后次日接日班',
    en: 'Avoid isolated single working days and night-to-day turnarounds',
    source: INRC + ' (minimum consecutive working days, forbidden successions)',
    strength: 'M',
  },
  S6: {
    code: 'S6',
    level: 'soft',
    zh: '带班领导相对固定在同一岗点',
    en: 'Leader continuity: a cadre leads at as few posts as possible',
    source: 'Local practice',
    strength: 'L',
  },
};
