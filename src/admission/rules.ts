import type { Rule } from '../core/rules.js';

const rule = <const I extends string>(r: Rule & { id: I }): Rule & { id: I } => r;

const XIZE = '中国共产党发展党员工作细则 2014';

/**
 * Every rule of member development (发展党员) that {@link advance} enforces, by id, each with its
 * source: 中国共产党发展党员工作细则 (2014) and 党章 for the steps, deadlines and probation; the 2020
 * front-line fast track from provincial notices. Refused steps cite these ids in their issues.
 *
 * @example
 * ADMISSION_RULES['admission.activistPeriod'].source; // => '中国共产党发展党员工作细则 2014 Art.13'
 * ADMISSION_RULES['admission.frontLineFastTrack'].strength; // => 'M'
 * @category Admission
 */
export const ADMISSION_RULES = {
  'admission.minimumAge': rule({
    id: 'admission.minimumAge',
    zh: '年满十八岁的，可以申请加入中国共产党',
    en: 'An applicant is at least 18 years old on the day of the application',
    source: `党章 Art.1; ${XIZE} Art.5`,
    strength: 'H',
  }),
  'admission.applicationTalk': rule({
    id: 'admission.applicationTalk',
    zh: '党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话',
    en: 'The Party organization talks with the applicant within one month of the application',
    source: `${XIZE} Art.7`,
    strength: 'H',
  }),
  'admission.activistSelection': rule({
    id: 'admission.activistSelection',
    zh: '入党积极分子由党员推荐、群团组织推优等方式产生人选，由支部委员会（不设支部委员会的由支部大会）研究决定，并报上级党委备案',
    en: 'An activist is put forward by Party members or a mass organization, decided by the branch committee (the branch meeting where there is no committee) and filed with the higher committee',
    source: `${XIZE} Art.8`,
    strength: 'H',
  }),
  'admission.cultivationContacts': rule({
    id: 'admission.cultivationContacts',
    zh: '党组织应当指定一至两名正式党员作入党积极分子的培养联系人',
    en: 'One or two full members are appointed as the activist’s cultivation contacts',
    source: `${XIZE} Art.9`,
    strength: 'H',
  }),
  'admission.activistAssessment': rule({
    id: 'admission.activistAssessment',
    zh: '党支部每半年对入党积极分子进行一次考察；列为发展对象须经培养教育和考察',
    en: 'The branch assesses an activist every six months; an activist becomes a development target only after being assessed',
    source: `${XIZE} Art.11, Art.13`,
    strength: 'H',
  }),
  'admission.activistPeriod': rule({
    id: 'admission.activistPeriod',
    zh: '经过一年以上培养教育和考察的入党积极分子，方可列为发展对象',
    en: 'An activist becomes a development target only after at least one year as an activist',
    source: `${XIZE} Art.13`,
    strength: 'H',
  }),
  'admission.developmentTargetSelection': rule({
    id: 'admission.developmentTargetSelection',
    zh: '列为发展对象须经支部委员会讨论同意并报上级党委备案',
    en: 'A development target is agreed by the branch committee and filed with the higher committee',
    source: `${XIZE} Art.13`,
    strength: 'H',
  }),
  'admission.annualQuota': rule({
    id: 'admission.annualQuota',
    zh: '发展党员有领导、有计划地进行，接收预备党员须在年度发展党员计划之内',
    en: 'Members are admitted according to plan: an admission falls within the approving committee’s annual quota',
    source: `${XIZE} Art.3`,
    strength: 'M',
  }),
  'admission.frontLineFastTrack': rule({
    id: 'admission.frontLineFastTrack',
    zh: '2020年疫情防控一线表现突出、符合条件的，可及时发展入党：经上级党组织同意，不受一年培养期和年度发展计划限制；年龄、政治审查、入党介绍人、集中培训、支部大会表决、审批时限和预备期一律不得减免',
    en: 'In 2020 outstanding people on the epidemic front line could be admitted promptly: with a higher organization’s grant, the one-year activist period and the annual quota are waived; age, political review, introducers, training, the vote, approval deadlines and probation never are',
    source: '省级党委组织部关于在疫情防控一线及时发展党员的通知 2020; Yuechi County report 2020 (及时发展入党)',
    strength: 'M',
    edition: '2020',
  }),
  'admission.politicalReview': rule({
    id: 'admission.politicalReview',
    zh: '对发展对象进行政治审查；凡是未经政治审查或政治审查不合格的，不能发展入党',
    en: 'A development target passes a political review; nobody is admitted without one',
    source: `${XIZE} Art.15–16`,
    strength: 'H',
  }),
  'admission.introducers': rule({
    id: 'admission.introducers',
    zh: '发展对象应当有两名正式党员作入党介绍人',
    en: 'A development target has two full members as introducers',
    source: `党章 Art.5; ${XIZE} Art.14`,
    strength: 'H',
  }),
  'admission.training': rule({
    id: 'admission.training',
    zh: '对发展对象进行短期集中培训，时间一般不少于三天（或不少于二十四个学时）',
    en: 'A development target completes short-term training of at least 3 days or at least 24 class hours',
    source: `${XIZE} Art.17`,
    strength: 'H',
  }),
  'admission.temporaryBranch': rule({
    id: 'admission.temporaryBranch',
    zh: '临时党支部一般不发展党员；2020年疫情防控一线临时党组织经上级党组织批准可以发展党员',
    en: 'A temporary branch admits members only with a higher organization’s approval (front-line temporary organizations did so in 2020)',
    source: '中国共产党支部工作条例(试行) 2018 Art.6; 中共中央组织部关于在防控新型冠状病毒感染肺炎疫情斗争中发展党员工作的通知 2020',
    strength: 'H',
    edition: '2020',
  }),
  'admission.meetingQuorum': rule({
    id: 'admission.meetingQuorum',
    zh: '讨论接收预备党员（或预备党员转正等）的支部大会，有表决权的到会人数必须超过应到会有表决权人数的半数',
    en: 'More than half of the members entitled to vote attend the branch general meeting',
    source: `${XIZE} Art.20, Art.33`,
    strength: 'H',
  }),
  'admission.meetingMajority': rule({
    id: 'admission.meetingMajority',
    zh: '赞成人数超过应到会有表决权的正式党员的半数，才能通过决议；因故不能到会的有表决权的正式党员会前提出的书面意见统计在票数内',
    en: 'A resolution passes only when the yes votes exceed half of the full members entitled to vote (not of those present); written opinions of absent entitled members are counted',
    source: `${XIZE} Art.21, Art.33`,
    strength: 'H',
  }),
  'admission.higherTalk': rule({
    id: 'admission.higherTalk',
    zh: '上级党组织在批准申请人入党以前，要派人同他谈话',
    en: 'Before approving, the higher committee sends someone to talk with the applicant',
    source: `党章 Art.5; ${XIZE} Art.23`,
    strength: 'H',
  }),
  'admission.approvalDeadline': rule({
    id: 'admission.approvalDeadline',
    zh: '基层党委对党支部上报的接收预备党员的决议，应当在三个月内审批；遇有特殊情况可适当延长，但不得超过六个月',
    en: 'The higher committee approves within 3 months of the branch meeting; in special circumstances later, but never after 6 months',
    source: `${XIZE} Art.25`,
    strength: 'H',
  }),
  'admission.probationPeriod': rule({
    id: 'admission.probationPeriod',
    zh: '预备期为一年，从支部大会通过其为预备党员之日算起；预备期满，党支部讨论其能否转为正式党员',
    en: 'Probation lasts one year from the branch meeting; conversion (or an extension) is decided when it ends',
    source: `党章 Art.7; ${XIZE} Art.32`,
    strength: 'H',
  }),
  'admission.probationDecision': rule({
    id: 'admission.probationDecision',
    zh: '预备党员转为正式党员、延长预备期或取消预备党员资格，都应当经支部大会讨论通过和上级党组织批准',
    en: 'Conversion, an extension of probation and cancellation each need a branch meeting and the higher organization’s approval',
    source: `党章 Art.7; ${XIZE} Art.32`,
    strength: 'H',
  }),
  'admission.probationExtension': rule({
    id: 'admission.probationExtension',
    zh: '需要继续考察和教育的，可以延长一次预备期，延长时间不能少于半年，最长不超过一年',
    en: 'Probation may be extended once, by 6 to 12 months',
    source: `党章 Art.7; ${XIZE} Art.32`,
    strength: 'H',
  }),
  'admission.probationApprovalDeadline': rule({
    id: 'admission.probationApprovalDeadline',
    zh: '党委对党支部上报的预备党员转正等决议，应当在三个月内审批',
    en: 'The higher committee approves a decision on a probationary member within 3 months of the branch meeting',
    source: `${XIZE} Art.34`,
    strength: 'H',
  }),
  'admission.standing': rule({
    id: 'admission.standing',
    zh: '党员的党龄，从预备期满转为正式党员之日算起；预备党员没有表决权、选举权和被选举权',
    en: 'Party standing counts from the end of probation, on conversion; probationary members cannot vote, elect or stand',
    source: `党章 Art.7; ${XIZE} Art.34`,
    strength: 'H',
  }),
  'admission.sequence': rule({
    id: 'admission.sequence',
    zh: '发展党员应当严格按照党章规定的程序办理，各环节依次进行，不得颠倒或重复',
    en: 'Admission follows the prescribed procedure: each step in its place and order, once, never dated before the step before it',
    source: `党章 Art.5; ${XIZE} Art.18`,
    strength: 'H',
  }),
} as const;

/**
 * The id of one of the {@link ADMISSION_RULES}.
 *
 * @example
 * const id: AdmissionRuleId = 'admission.meetingMajority';
 * @category Admission
 */
export type AdmissionRuleId = keyof typeof ADMISSION_RULES;
