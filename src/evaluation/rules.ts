import type { Rule } from '../core/rules.js';

const rule = <const I extends string>(r: Rule & { id: I }): Rule & { id: I } => r;

/**
 * The rules of evaluation and commendation, each with its source and, where it drifted, its
 * edition. Grades cite these ids.
 *
 * @example
 * EVALUATION_RULES['evaluation.excellentQuota.2020'].edition; // => '2020'
 * @category Evaluation
 */
export const EVALUATION_RULES = {
  'evaluation.dimensions': rule({
    id: 'evaluation.dimensions',
    zh: '考核内容包括德、能、勤、绩、廉，重点考核工作实绩',
    en: 'Cadres are assessed on morality, ability, diligence, achievement and integrity, with emphasis on achievement',
    source: '公务员考核规定（试行）2007 Art.4',
    strength: 'H',
  }),
  'evaluation.grades': rule({
    id: 'evaluation.grades',
    zh: '年度考核结果分为优秀、称职、基本称职和不称职四个等次',
    en: 'Annual grades are excellent, competent, basically competent and incompetent',
    source: '公务员考核规定（试行）2007 Art.5',
    strength: 'H',
  }),
  'evaluation.excellentQuota.2007': rule({
    id: 'evaluation.excellentQuota.2007',
    zh: '优秀等次人数一般掌握在参加年度考核人数的15%以内，最多不超过20%',
    en: 'Excellent grades generally within 15% of those assessed, at most 20%',
    source: '公务员考核规定（试行）2007 Art.12',
    strength: 'H',
    edition: '2007',
  }),
  'evaluation.excellentQuota.2020': rule({
    id: 'evaluation.excellentQuota.2020',
    zh: '优秀等次人数一般掌握在参加年度考核人数的20%以内，经批准可适当提高，最多不超过25%',
    en: 'Excellent grades generally within 20% of those assessed; with approval up to 25%',
    source: '公务员考核规定 2020',
    strength: 'M',
    edition: '2020',
  }),
  'evaluation.routineGood': rule({
    id: 'evaluation.routineGood',
    zh: '平时考核结果分为好、较好、一般、较差，好等次人数一般不超过40%',
    en: 'Routine assessment grades are good, fairly good, average and poor, with good generally within 40%',
    source: '公务员平时考核办法（试行）2019',
    strength: 'M',
  }),
  'evaluation.teams': rule({
    id: 'evaluation.teams',
    zh: '领导班子从政治素质、履职能力、工作成效、作风形象等方面考核，结果分为好、较好、一般、较差；战疫一线的考核按专项考核进行',
    en: 'Leadership teams are assessed on political quality, capacity, results and work style, graded good, fairly good, average or poor; front-line judging is a special assessment',
    source: '党政领导班子和领导干部年度考核办法（试行）2009; special assessment on the front line: local practice',
    strength: 'M',
  }),
  'evaluation.memberAppraisal': rule({
    id: 'evaluation.memberAppraisal',
    zh: '民主评议党员每年一次，经个人自评、党员互评、民主测评，评为优秀的一般不超过参加评议党员的三分之一',
    en: 'Members are appraised yearly (self, mutual, vote); excellent generally for at most a third of those appraised',
    source: '中共中央组织部《关于对党员进行民主评议的意见》1988',
    strength: 'M',
  }),
  'commendation.titles': rule({
    id: 'commendation.titles',
    zh: '表彰优秀共产党员、优秀党务工作者、先进基层党组织，向基层和一线倾斜，表彰机关公布评选条件',
    en: 'Outstanding Party members, outstanding Party workers and advanced grassroots organizations are commended, favouring the grassroots and the front line; the commending body publishes its criteria',
    source: '中国共产党党内功勋荣誉表彰条例 2017',
    strength: 'M',
  }),
} as const;

/**
 * The id of one of the {@link EVALUATION_RULES}.
 *
 * @example
 * const id: EvaluationRuleId = 'evaluation.memberAppraisal';
 * @category Evaluation
 */
export type EvaluationRuleId = keyof typeof EVALUATION_RULES;
