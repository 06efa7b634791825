import { z } from 'zod';
import { FrontlineError, type Issue } from './errors.js';
import { describeValue } from './guards.js';

/**
 * A value's names in the library's two locales.
 *
 * @example
 * const l: Label = { zh: '正式党员', en: 'full member' };
 * @category Vocabulary
 */
export interface Label {
  /** The Chinese name (zh-CN). */
  readonly zh: string;
  /** The English name. */
  readonly en: string;
}

/**
 * The locales the library speaks.
 *
 * @example
 * Locale.parse('en'); // => 'en'
 * @category Vocabulary
 */
export const Locale = z.enum(['zh-CN', 'en']);
/**
 * `'zh-CN'` (the default) or `'en'`.
 *
 * @category Vocabulary
 */
export type Locale = z.infer<typeof Locale>;

const keysOf = <K extends string>(o: Record<K, Label>): [K, ...K[]] => Object.keys(o) as [K, ...K[]];

const PARTY_STATUS = {
  fullMember: { zh: '正式党员', en: 'full member' },
  probationaryMember: { zh: '预备党员', en: 'probationary member' },
  developmentTarget: { zh: '发展对象', en: 'development target' },
  activist: { zh: '入党积极分子', en: 'activist' },
  applicant: { zh: '入党申请人', en: 'applicant' },
  nonMember: { zh: '群众', en: 'non-member' },
} as const;
/**
 * A person's standing towards the Party, from full member to non-member (群众).
 *
 * @example
 * PartyStatus.parse('probationaryMember'); // => 'probationaryMember'
 * @category Vocabulary
 */
export const PartyStatus = z.enum(keysOf(PARTY_STATUS));
/**
 * A person's Party status.
 *
 * @category Vocabulary
 */
export type PartyStatus = z.infer<typeof PartyStatus>;

const PARTY_FORM = {
  committee: { zh: '党委', en: 'Party committee' },
  generalBranch: { zh: '党总支', en: 'general branch' },
  branch: { zh: '党支部', en: 'branch' },
  jointBranch: { zh: '联合党支部', en: 'joint branch' },
  group: { zh: '党小组', en: 'Party group' },
} as const;
/**
 * The form of a Party organization, chosen by its size (see `checkPartyRules`).
 *
 * @example
 * PartyForm.parse('generalBranch'); // => 'generalBranch'
 * @category Vocabulary
 */
export const PartyForm = z.enum(keysOf(PARTY_FORM));
/**
 * The form of a Party organization.
 *
 * @category Vocabulary
 */
export type PartyForm = z.infer<typeof PartyForm>;

const UNIT_KIND = {
  county: { zh: '县', en: 'county' },
  subdistrict: { zh: '街道', en: 'subdistrict' },
  town: { zh: '镇', en: 'town' },
  township: { zh: '乡', en: 'township' },
  village: { zh: '村', en: 'village' },
  community: { zh: '社区', en: 'community' },
  institution: { zh: '单位', en: 'institution' },
  temporaryBranch: { zh: '临时党支部', en: 'temporary branch' },
  commandoTeam: { zh: '党员突击队', en: 'Party member commando team' },
  volunteerTeam: { zh: '志愿服务队', en: 'volunteer team' },
  disinfectionTeam: { zh: '消杀工作队', en: 'disinfection team' },
} as const;
/**
 * The kind of an organization unit. The township level has three kinds, as the division codes tell
 * them apart (GB/T 2260 and the NBS statistical codes: 001–099 subdistrict 街道, 100–199 town 镇,
 * 200–399 township 乡).
 *
 * @example
 * UnitKind.parse('community'); // => 'community'
 * @category Vocabulary
 */
export const UnitKind = z.enum(keysOf(UNIT_KIND));
/**
 * The kind of an organization unit.
 *
 * @category Vocabulary
 */
export type UnitKind = z.infer<typeof UnitKind>;

const CADRE_LEVEL = {
  county: { zh: '县级', en: 'county level' },
  section: { zh: '乡科级', en: 'section level' },
  village: { zh: '村(社区)干部', en: 'village cadre' },
} as const;
/**
 * A cadre's level: county, section (township and bureau) or village/community cadre.
 *
 * @example
 * CadreLevel.parse('section'); // => 'section'
 * @category Vocabulary
 */
export const CadreLevel = z.enum(keysOf(CADRE_LEVEL));
/**
 * A cadre's level.
 *
 * @category Vocabulary
 */
export type CadreLevel = z.infer<typeof CadreLevel>;

const SCREENING_CATEGORY = {
  fromWuhan: { zh: '武汉来返', en: 'arrived from Wuhan' },
  fromHubei: { zh: '湖北来返', en: 'arrived from Hubei' },
  closeContact: { zh: '密切接触者', en: 'close contact' },
  suspectedExposure: { zh: '可疑暴露者', en: 'suspected exposure' },
  fever: { zh: '发热', en: 'fever' },
  suspected: { zh: '疑似', en: 'suspected case' },
  confirmed: { zh: '确诊', en: 'confirmed case' },
  asymptomatic: { zh: '无症状感染者', en: 'asymptomatic infection' },
  general: { zh: '一般', en: 'general' },
} as const;
/**
 * The classified registration (分类登记) of a screened household member.
 *
 * @example
 * ScreeningCategory.parse('closeContact'); // => 'closeContact'
 * @category Vocabulary
 */
export const ScreeningCategory = z.enum(keysOf(SCREENING_CATEGORY));
/**
 * A screening category.
 *
 * @category Vocabulary
 */
export type ScreeningCategory = z.infer<typeof ScreeningCategory>;

const OBSERVATION_SETTING = {
  home: { zh: '居家医学观察', en: 'home observation' },
  centralized: { zh: '集中隔离', en: 'centralized isolation' },
} as const;
/**
 * Where a medical observation takes place.
 *
 * @example
 * ObservationSetting.parse('home'); // => 'home'
 * @category Vocabulary
 */
export const ObservationSetting = z.enum(keysOf(OBSERVATION_SETTING));
/**
 * Where a medical observation takes place.
 *
 * @category Vocabulary
 */
export type ObservationSetting = z.infer<typeof ObservationSetting>;

const HOUSEHOLD_SERVICE = {
  goods: { zh: '送物', en: 'goods' },
  medicine: { zh: '送药', en: 'medicine' },
  necessities: { zh: '送生活必需品', en: 'daily necessities' },
  counselling: { zh: '心理疏导', en: 'counselling' },
} as const;
/**
 * A service delivered to a key home-isolated household.
 *
 * @example
 * HouseholdService.parse('medicine'); // => 'medicine'
 * @category Vocabulary
 */
export const HouseholdService = z.enum(keysOf(HOUSEHOLD_SERVICE));
/**
 * A household service.
 *
 * @category Vocabulary
 */
export type HouseholdService = z.infer<typeof HouseholdService>;

const SITE_CATEGORY = {
  street: { zh: '街道', en: 'street' },
  square: { zh: '广场', en: 'square' },
  farmersMarket: { zh: '农贸市场', en: "farmers' market" },
  internetCafe: { zh: '网吧', en: 'internet café' },
  station: { zh: '车站', en: 'station' },
  publicToilet: { zh: '公厕', en: 'public toilet' },
} as const;
/**
 * The category of a site to disinfect: public places (street, square, farmers' market) or key places
 * (internet café, station, public toilet).
 *
 * @example
 * SiteCategory.parse('station'); // => 'station'
 * @category Vocabulary
 */
export const SiteCategory = z.enum(keysOf(SITE_CATEGORY));
/**
 * A site category.
 *
 * @category Vocabulary
 */
export type SiteCategory = z.infer<typeof SiteCategory>;

const VOLUNTEER_TASK = {
  screening: { zh: '入户摸排', en: 'household screening' },
  publicity: { zh: '防治宣传', en: 'publicity' },
  counselling: { zh: '心理疏导', en: 'counselling' },
  convenience: { zh: '便民服务', en: 'convenience services' },
} as const;
/**
 * The kind of a volunteer task.
 *
 * @example
 * VolunteerTaskKind.parse('publicity'); // => 'publicity'
 * @category Vocabulary
 */
export const VolunteerTaskKind = z.enum(keysOf(VOLUNTEER_TASK));
/**
 * A volunteer task kind.
 *
 * @category Vocabulary
 */
export type VolunteerTaskKind = z.infer<typeof VolunteerTaskKind>;

const CAMPAIGN_KIND = {
  homePrevention: { zh: '居家防控行动', en: 'home-based prevention' },
  doorKnocking: { zh: '入户敲门行动', en: 'door-knocking' },
  cleaning: { zh: '家园清洁行动', en: 'cleaning' },
  volunteerService: { zh: '志愿服务行动', en: 'volunteer service' },
} as const;
/**
 * The four actions (四大行动), the kinds of campaign.
 *
 * @example
 * CampaignKind.parse('doorKnocking'); // => 'doorKnocking'
 * @category Vocabulary
 */
export const CampaignKind = z.enum(keysOf(CAMPAIGN_KIND));
/**
 * A campaign kind.
 *
 * @category Vocabulary
 */
export type CampaignKind = z.infer<typeof CampaignKind>;

const EVALUATION_DIMENSION = {
  morality: { zh: '德', en: 'morality' },
  ability: { zh: '能', en: 'ability' },
  diligence: { zh: '勤', en: 'diligence' },
  achievement: { zh: '绩', en: 'achievement' },
  integrity: { zh: '廉', en: 'integrity' },
} as const;
/**
 * The five dimensions on which cadres are assessed (德能勤绩廉).
 *
 * @example
 * EvaluationDimension.parse('achievement'); // => 'achievement'
 * @category Vocabulary
 */
export const EvaluationDimension = z.enum(keysOf(EVALUATION_DIMENSION));
/**
 * An evaluation dimension.
 *
 * @category Vocabulary
 */
export type EvaluationDimension = z.infer<typeof EvaluationDimension>;

const CADRE_GRADE = {
  excellent: { zh: '优秀', en: 'excellent' },
  competent: { zh: '称职', en: 'competent' },
  basicallyCompetent: { zh: '基本称职', en: 'basically competent' },
  incompetent: { zh: '不称职', en: 'incompetent' },
} as const;
/**
 * A cadre's annual grade.
 *
 * @example
 * CadreGrade.parse('competent'); // => 'competent'
 * @category Vocabulary
 */
export const CadreGrade = z.enum(keysOf(CADRE_GRADE));
/**
 * A cadre grade.
 *
 * @category Vocabulary
 */
export type CadreGrade = z.infer<typeof CadreGrade>;

const TEAM_GRADE = {
  good: { zh: '好', en: 'good' },
  fairlyGood: { zh: '较好', en: 'fairly good' },
  average: { zh: '一般', en: 'average' },
  poor: { zh: '较差', en: 'poor' },
} as const;
/**
 * A leadership team's grade (and a routine assessment grade).
 *
 * @example
 * TeamGrade.parse('fairlyGood'); // => 'fairlyGood'
 * @category Vocabulary
 */
export const TeamGrade = z.enum(keysOf(TEAM_GRADE));
/**
 * A team grade.
 *
 * @category Vocabulary
 */
export type TeamGrade = z.infer<typeof TeamGrade>;

const APPRAISAL_GRADE = {
  excellent: { zh: '优秀', en: 'excellent' },
  qualified: { zh: '合格', en: 'qualified' },
  basicallyQualified: { zh: '基本合格', en: 'basically qualified' },
  unqualified: { zh: '不合格', en: 'unqualified' },
} as const;
/**
 * A member's grade in the yearly democratic appraisal.
 *
 * @example
 * AppraisalGrade.parse('qualified'); // => 'qualified'
 * @category Vocabulary
 */
export const AppraisalGrade = z.enum(keysOf(APPRAISAL_GRADE));
/**
 * An appraisal grade.
 *
 * @category Vocabulary
 */
export type AppraisalGrade = z.infer<typeof AppraisalGrade>;

const SUPERVISION_LINE = {
  warZone: { zh: '分战区', en: 'by war-zone' },
  township: { zh: '分乡镇', en: 'by township' },
  department: { zh: '分部门', en: 'by department' },
} as const;
/**
 * The three lines (三条线) along which supervision groups work.
 *
 * @example
 * SupervisionLine.parse('warZone'); // => 'warZone'
 * @category Vocabulary
 */
export const SupervisionLine = z.enum(keysOf(SUPERVISION_LINE));
/**
 * A supervision line.
 *
 * @category Vocabulary
 */
export type SupervisionLine = z.infer<typeof SupervisionLine>;

const THREE_SHOWS = {
  commitment: { zh: '亮承诺', en: 'show commitment' },
  identity: { zh: '亮身份', en: 'show identity' },
  action: { zh: '亮行动', en: 'show action' },
} as const;
/**
 * The three shows (三亮行动) of Party members on the front line.
 *
 * @example
 * ThreeShows.parse('identity'); // => 'identity'
 * @category Vocabulary
 */
export const ThreeShows = z.enum(keysOf(THREE_SHOWS));
/**
 * One of the three shows.
 *
 * @category Vocabulary
 */
export type ThreeShows = z.infer<typeof ThreeShows>;

const SEX = {
  male: { zh: '男', en: 'male' },
  female: { zh: '女', en: 'female' },
} as const;
/**
 * Sex as recorded on the resident identity card.
 *
 * @example
 * Sex.parse('female'); // => 'female'
 * @category Vocabulary
 */
export const Sex = z.enum(keysOf(SEX));
/**
 * Sex as recorded on the resident identity card.
 *
 * @category Vocabulary
 */
export type Sex = z.infer<typeof Sex>;

const LEADERSHIP = {
  elected: { zh: '选举产生', en: 'elected' },
  appointed: { zh: '上级指定', en: 'appointed' },
} as const;
/**
 * How an organization's leaders come to office: elected, or appointed by the higher organization
 * (temporary branches).
 *
 * @example
 * Leadership.parse('appointed'); // => 'appointed'
 * @category Vocabulary
 */
export const Leadership = z.enum(keysOf(LEADERSHIP));
/**
 * How an organization's leaders come to office.
 *
 * @category Vocabulary
 */
export type Leadership = z.infer<typeof Leadership>;

const SEVERITY = {
  error: { zh: '违规', en: 'error' },
  warning: { zh: '提示', en: 'warning' },
} as const;
/**
 * How serious a rule finding is: an `error` breaks a rule, a `warning` departs from what a rule says
 * is normal ("generally") and needs a reason or an approval.
 *
 * @example
 * Severity.parse('warning'); // => 'warning'
 * @category Vocabulary
 */
export const Severity = z.enum(keysOf(SEVERITY));
/**
 * `'error'` or `'warning'`.
 *
 * @category Vocabulary
 */
export type Severity = z.infer<typeof Severity>;

const POST_KIND = {
  checkpoint: { zh: '临时检查点', en: 'checkpoint' },
  dutyRoom: { zh: '值班室', en: 'duty room' },
  hotline: { zh: '值班热线', en: 'hotline' },
} as const;
/**
 * The kind of a staffed post: a temporary checkpoint (临时检查点), a duty room (值班室) or a hotline.
 *
 * @example
 * PostKind.parse('checkpoint'); // => 'checkpoint'
 * @category Vocabulary
 */
export const PostKind = z.enum(keysOf(POST_KIND));
/**
 * The kind of a post.
 *
 * @category Vocabulary
 */
export type PostKind = z.infer<typeof PostKind>;

const ABSENCE_REASON = {
  leave: { zh: '请假', en: 'leave' },
  sickness: { zh: '病假', en: 'sickness' },
  observation: { zh: '医学观察', en: 'medical observation' },
  isolation: { zh: '隔离', en: 'isolation' },
  blocked: { zh: '不宜排班', en: 'blocked' },
} as const;
/**
 * Why a person cannot be rostered on some days or shifts: leave, sickness, their own medical
 * observation or isolation, or a blocked day.
 *
 * @example
 * AbsenceReason.parse('sickness'); // => 'sickness'
 * @category Vocabulary
 */
export const AbsenceReason = z.enum(keysOf(ABSENCE_REASON));
/**
 * Why a person is unavailable.
 *
 * @category Vocabulary
 */
export type AbsenceReason = z.infer<typeof AbsenceReason>;

const ROSTER_CONSTRAINT = {
  H1: { zh: '带班领导资格', en: 'leader qualification' },
  H2: { zh: '每班一名带班领导', en: 'one leader per shift' },
  H3: { zh: '每班值守人数', en: 'staff per shift' },
  H4: { zh: '人员可用性', en: 'availability' },
  H5: { zh: '班次不重叠、每日班次上限', en: 'no overlap, shifts per day' },
  H6: { zh: '班次间最短休息', en: 'minimum rest' },
  H7: { zh: '最多连续值班天数', en: 'consecutive working days' },
  H8: { zh: '任意7天班次上限', en: 'shifts in any 7 days' },
  H9: { zh: '锁定与冻结的席位不变', en: 'locked and frozen seats' },
  M1: { zh: '空缺席位', en: 'unfilled seat' },
  S1: { zh: '就近值守', en: 'locality' },
  S2: { zh: '班次公平', en: 'fairness' },
  S3: { zh: '与已发布排班的差异', en: 'change from the published roster' },
  S4: { zh: '意愿日期', en: 'desired and undesired days' },
  S5: { zh: '零散班次与夜班接日班', en: 'isolated shifts and night-to-day turnarounds' },
  S6: { zh: '带班领导相对固定', en: 'leader continuity at a post' },
} as const;
/**
 * A constraint of a duty roster: hard `H1`–`H9`, medium `M1` (unfilled seats) and soft `S1`–`S6`;
 * see `ROSTER_CONSTRAINTS` for what each says and where it comes from.
 *
 * @example
 * RosterConstraint.parse('H6'); // => 'H6'
 * @category Vocabulary
 */
export const RosterConstraint = z.enum(keysOf(ROSTER_CONSTRAINT));
/**
 * A roster constraint code.
 *
 * @category Vocabulary
 */
export type RosterConstraint = z.infer<typeof RosterConstraint>;

const ATTENDANCE = {
  present: { zh: '到岗', en: 'present' },
  late: { zh: '迟到', en: 'late' },
  absent: { zh: '缺岗', en: 'absent' },
} as const;
/**
 * What a check of a duty seat found: the person present, late, or absent.
 *
 * @example
 * Attendance.parse('late'); // => 'late'
 * @category Vocabulary
 */
export const Attendance = z.enum(keysOf(ATTENDANCE));
/**
 * Attendance at a duty seat.
 *
 * @category Vocabulary
 */
export type Attendance = z.infer<typeof Attendance>;

const CHECK_ITEM = {
  staffOnDuty: { zh: '在岗人数', en: 'staff on duty' },
  leaderOnDuty: { zh: '带班领导', en: 'leading cadre on duty' },
  gatherings: { zh: '群众聚集', en: 'collective gatherings' },
  supplies: { zh: '保障物资', en: 'support supplies' },
  custom: { zh: '其他事项', en: 'other item' },
} as const;
/**
 * An item of a supervision group's checklist: the article's four questions ("how many of you are
 * on duty, and who is the leading cadre on duty?", "any collective gatherings of villagers
 * lately?", "are the support supplies in place?") and custom items.
 *
 * @example
 * CheckItem.parse('leaderOnDuty'); // => 'leaderOnDuty'
 * @category Vocabulary
 */
export const CheckItem = z.enum(keysOf(CHECK_ITEM));
/**
 * A checklist item.
 *
 * @category Vocabulary
 */
export type CheckItem = z.infer<typeof CheckItem>;

const FINDING_SEVERITY = {
  minor: { zh: '一般', en: 'minor' },
  major: { zh: '较重', en: 'major' },
  critical: { zh: '严重', en: 'critical' },
} as const;
/**
 * How serious a supervision finding is.
 *
 * @example
 * FindingSeverity.parse('major'); // => 'major'
 * @category Vocabulary
 */
export const FindingSeverity = z.enum(keysOf(FINDING_SEVERITY));
/**
 * A finding's severity.
 *
 * @category Vocabulary
 */
export type FindingSeverity = z.infer<typeof FindingSeverity>;

const FINDING_STATUS = {
  open: { zh: '待整改', en: 'open' },
  submitted: { zh: '已报整改', en: 'rectification submitted' },
  passed: { zh: '复查通过', en: 'passed on re-check' },
} as const;
/**
 * Where a finding stands: open (or reopened after a failed re-check), rectification submitted, or
 * passed on re-check.
 *
 * @example
 * FindingStatus.parse('submitted'); // => 'submitted'
 * @category Vocabulary
 */
export const FindingStatus = z.enum(keysOf(FINDING_STATUS));
/**
 * A finding's status.
 *
 * @category Vocabulary
 */
export type FindingStatus = z.infer<typeof FindingStatus>;

const RECORD_KIND = {
  deed: { zh: '具体事例', en: 'deed' },
  threeShows: { zh: '三亮', en: 'three shows' },
  shiftLed: { zh: '带班', en: 'shift led' },
  shiftKept: { zh: '值守到岗', en: 'shift kept' },
  shiftLate: { zh: '值守迟到', en: 'late for a shift' },
  shiftMissed: { zh: '值守缺岗', en: 'shift missed' },
  householdsScreened: { zh: '入户摸排', en: 'households screened' },
  deliveryFulfilled: { zh: '上门服务', en: 'delivery fulfilled' },
  findingFixed: { zh: '问题整改到位', en: 'finding fixed' },
  findingOverdue: { zh: '问题逾期未改', en: 'finding overdue' },
  volunteerHours: { zh: '志愿服务时长', en: 'volunteer hours' },
} as const;
/**
 * The kind of a performance record: a manual deed or three-shows entry, or a record derived from
 * operations (shifts, screening visits, deliveries, findings, volunteer hours).
 *
 * @example
 * RecordKind.parse('shiftLed'); // => 'shiftLed'
 * @category Vocabulary
 */
export const RecordKind = z.enum(keysOf(RECORD_KIND));
/**
 * A performance record's kind.
 *
 * @category Vocabulary
 */
export type RecordKind = z.infer<typeof RecordKind>;

const COMMENDATION = {
  outstandingMember: { zh: '优秀共产党员', en: 'outstanding Party member' },
  outstandingPartyWorker: { zh: '优秀党务工作者', en: 'outstanding Party worker' },
  advancedOrganization: { zh: '先进基层党组织', en: 'advanced grassroots Party organization' },
} as const;
/**
 * A commendation title (党内功勋荣誉表彰条例 2017): outstanding Party member, outstanding Party
 * worker, advanced grassroots Party organization.
 *
 * @example
 * Commendation.parse('advancedOrganization'); // => 'advancedOrganization'
 * @category Vocabulary
 */
export const Commendation = z.enum(keysOf(COMMENDATION));
/**
 * A commendation title.
 *
 * @category Vocabulary
 */
export type Commendation = z.infer<typeof Commendation>;

const COMMUNITY_STATE = {
  none: { zh: '未发现病例', en: 'no case' },
  case: { zh: '出现病例', en: 'case' },
  outbreak: { zh: '暴发疫情', en: 'outbreak' },
  communityTransmission: { zh: '传播疫情', en: 'community transmission' },
} as const;
/**
 * The epidemic state of a community (社区防控工作方案): no case; a case (one confirmed); an outbreak
 * (a cluster in one household or building entrance within 14 days); community transmission
 * (sporadic cases within 14 days).
 *
 * @example
 * CommunityState.parse('outbreak'); // => 'outbreak'
 * @category Vocabulary
 */
export const CommunityState = z.enum(keysOf(COMMUNITY_STATE));
/**
 * A community's epidemic state.
 *
 * @category Vocabulary
 */
export type CommunityState = z.infer<typeof CommunityState>;

const SENSITIVITY = {
  name: { zh: '姓名', en: 'name' },
  residentId: { zh: '身份证号码', en: 'resident id' },
  phone: { zh: '手机号码', en: 'phone number' },
  address: { zh: '住址', en: 'address' },
  birthDate: { zh: '出生日期（未成年人信息）', en: "birth date (minors' data)" },
  health: { zh: '健康信息（体温、症状、诊断）', en: 'health (temperature, symptoms, diagnosis)' },
  observation: { zh: '医学观察', en: 'medical observation' },
  travel: { zh: '行程信息', en: 'travel history' },
  freeText: { zh: '自由文本（可能写有姓名）', en: 'free text (may name people)' },
} as const;
/**
 * The kinds of personal data the schemas mark as sensitive (个人信息): names, resident ids, phone
 * numbers, addresses, birth dates (which tell minors apart), health (temperatures, symptoms,
 * diagnoses), medical observation, travel history, and free text, which may name people.
 *
 * @example
 * Sensitivity.parse('travel'); // => 'travel'
 * @category Vocabulary
 */
export const Sensitivity = z.enum(keysOf(SENSITIVITY));
/**
 * A kind of personal data.
 *
 * @category Vocabulary
 */
export type Sensitivity = z.infer<typeof Sensitivity>;

const ADMISSION_STEP = {
  application: { zh: '提交入党申请书', en: 'application' },
  applicationTalk: { zh: '党组织派人谈话', en: 'talk with the applicant' },
  activist: { zh: '确定为入党积极分子', en: 'chosen as an activist' },
  assessment: { zh: '入党积极分子考察', en: 'activist assessment' },
  fastTrack: { zh: '疫情防控一线及时发展', en: 'front-line fast track' },
  developmentTarget: { zh: '列为发展对象', en: 'made a development target' },
  politicalReview: { zh: '政治审查', en: 'political review' },
  introducers: { zh: '确定入党介绍人', en: 'introducers named' },
  training: { zh: '短期集中培训', en: 'short-term training' },
  temporaryBranchApproval: { zh: '临时党支部发展党员的上级批准', en: 'higher approval for a temporary branch to admit' },
  admissionMeeting: { zh: '支部大会讨论接收预备党员', en: 'branch meeting on admission' },
  higherTalk: { zh: '上级党委派人谈话', en: 'talk by the higher committee' },
  admissionApproval: { zh: '上级党委审批', en: 'approval by the higher committee' },
  conversionMeeting: { zh: '支部大会讨论转正', en: 'branch meeting on conversion' },
  extensionMeeting: { zh: '支部大会讨论延长预备期', en: 'branch meeting on extending probation' },
  cancellationMeeting: { zh: '支部大会讨论取消预备党员资格', en: 'branch meeting on cancelling probation' },
  probationApproval: { zh: '上级党组织批准（转正、延长或取消）', en: 'higher approval of the decision on probation' },
} as const;

const ADMISSION_STATUS = {
  nonMember: { zh: '群众', en: 'non-member' },
  applicant: { zh: '入党申请人', en: 'applicant' },
  activist: { zh: '入党积极分子', en: 'activist' },
  developmentTarget: { zh: '发展对象', en: 'development target' },
  probationaryMember: { zh: '预备党员', en: 'probationary member' },
  fullMember: { zh: '正式党员', en: 'full member' },
  cancelled: { zh: '取消预备党员资格', en: 'probation cancelled' },
} as const;

const RECOMMENDATION = {
  partyMembers: { zh: '党员推荐', en: 'recommended by Party members' },
  massOrganization: { zh: '群团组织推优', en: 'recommended by a mass organization' },
} as const;

const DECISION_BODY = {
  branchCommittee: { zh: '支部委员会', en: 'branch committee' },
  branchMeeting: { zh: '支部大会（不设支部委员会的）', en: 'branch meeting (where there is no committee)' },
} as const;

const VISIT_OUTCOME = {
  screened: { zh: '已摸排', en: 'screened' },
  nobodyHome: { zh: '无人在家', en: 'nobody home' },
  refused: { zh: '拒绝配合', en: 'refused' },
} as const;

const ACTOR_ROLE = {
  villageWorker: { zh: '村（社区）工作人员', en: 'village or community worker' },
  townshipWorker: { zh: '乡镇（街道）工作人员', en: 'township worker' },
  supervisor: { zh: '督导组', en: 'supervision group' },
  headquarters: { zh: '指挥部', en: 'headquarters' },
} as const;

const SIGN_OFF_LEVEL = {
  township: { zh: '乡镇（街道）签收', en: 'township sign-off' },
  headquarters: { zh: '指挥部签收', en: 'headquarters sign-off' },
} as const;

const READING_SLOT = {
  morning: { zh: '上午', en: 'morning' },
  evening: { zh: '下午', en: 'evening' },
} as const;

const OBSERVATION_BASIS = {
  arrival: { zh: '自抵达之日起', en: 'from arrival' },
  lastContact: { zh: '自末次无防护接触之日起', en: 'from the last unprotected contact' },
} as const;

const OBSERVATION_END = {
  released: { zh: '解除观察', en: 'released' },
  transferred: { zh: '转送定点医院', en: 'transferred to a designated hospital' },
  convertedToCase: { zh: '转为确诊病例', en: 'converted to a case' },
  lostToFollowUp: { zh: '失访终止', en: 'ended as lost to follow-up' },
  cancelled: { zh: '取消', en: 'cancelled' },
} as const;

const OBSERVATION_STATUS = {
  notStarted: { zh: '尚未开始', en: 'not started' },
  active: { zh: '观察中', en: 'under observation' },
  completed: { zh: '观察期满', en: 'period completed' },
  released: { zh: '已解除观察', en: 'released' },
  transferred: { zh: '已转送定点医院', en: 'transferred to a designated hospital' },
  escalated: { zh: '发热待转运', en: 'fever, awaiting transfer' },
  lost: { zh: '失访', en: 'lost to follow-up' },
  convertedToCase: { zh: '已转为确诊病例', en: 'converted to a case' },
  lostToFollowUp: { zh: '已失访终止', en: 'follow-up ended: lost' },
  cancelled: { zh: '已取消', en: 'cancelled' },
} as const;

const EPIDEMIC_FIGURE = {
  confirmedCases: { zh: '确诊病例', en: 'confirmed cases' },
  closeContacts: { zh: '密切接触者', en: 'close contacts' },
  contactsTraced: { zh: '密切接触者追踪率', en: 'close contacts traced' },
  contactsConfirmed: { zh: '密切接触者后确诊比例', en: 'close contacts later confirmed' },
  householdAttackRate: { zh: '家庭二代发病率', en: 'household secondary attack rate' },
} as const;
/**
 * A figure of a simulated (or real) fortnight that published figures anchor: confirmed cases,
 * close contacts, the share of contacts traced, the share of contacts later confirmed, the
 * household secondary attack rate.
 *
 * @example
 * EpidemicFigure.parse('householdAttackRate'); // => 'householdAttackRate'
 * @category Vocabulary
 */
export const EpidemicFigure = z.enum(keysOf(EPIDEMIC_FIGURE));
/**
 * An anchored epidemic figure.
 *
 * @category Vocabulary
 */
export type EpidemicFigure = z.infer<typeof EpidemicFigure>;

const TRACING_INDICATOR = {
  seenDaily: { zh: '密接每日随访率', en: 'contacts seen each day' },
  followedFully: { zh: '密接全程随访率', en: 'contacts followed for the whole period' },
  casesFromContacts: { zh: '新病例来自密接名单比例', en: 'new cases from the contact list' },
  tracedWithin24h: { zh: '24小时内完成密接追踪的病例比例', en: 'cases whose contacts were traced within 24 h' },
  lostToFollowUp: { zh: '密接失访率', en: 'contacts lost to follow-up' },
} as const;
/**
 * The WHO contact-tracing indicators (Contact tracing in the context of COVID-19, WHO 2020): the
 * share of contacts seen each day, the share followed for the whole period, the share of new cases
 * that came from the contact list, the share of cases whose contacts were traced within 24 hours,
 * the share lost to follow-up.
 *
 * @example
 * TracingIndicator.parse('tracedWithin24h'); // => 'tracedWithin24h'
 * @category Vocabulary
 */
export const TracingIndicator = z.enum(keysOf(TRACING_INDICATOR));
/**
 * A contact-tracing indicator.
 *
 * @category Vocabulary
 */
export type TracingIndicator = z.infer<typeof TracingIndicator>;

const CAMPAIGN_STATUS = {
  active: { zh: '进行中', en: 'active' },
  closed: { zh: '已结束', en: 'closed' },
} as const;

const RECTIFICATION_ACTION = {
  submitted: { zh: '提交整改', en: 'rectification submitted' },
  passed: { zh: '复查通过', en: 'passed on re-check' },
  reopened: { zh: '复查未通过，重新整改', en: 'reopened on re-check' },
} as const;

/**
 * The outcome of a door-knocking visit: screened, nobody home, or refused.
 *
 * @example
 * VisitOutcome.parse('nobodyHome'); // => 'nobodyHome'
 * @category Vocabulary
 */
export const VisitOutcome = z.enum(keysOf(VISIT_OUTCOME));
/**
 * The outcome of a visit.
 *
 * @category Vocabulary
 */
export type VisitOutcome = z.infer<typeof VisitOutcome>;

/**
 * The roles an actor can hold: a village or community worker records inside their unit, a township
 * worker inside the township's subtree, a supervision group inspects inside the units it covers
 * (and records no campaign work), the headquarters acts everywhere.
 *
 * @example
 * ActorRole.parse('townshipWorker'); // => 'townshipWorker'
 * @category Vocabulary
 */
export const ActorRole = z.enum(keysOf(ACTOR_ROLE));
/**
 * An actor's role.
 *
 * @category Vocabulary
 */
export type ActorRole = z.infer<typeof ActorRole>;

/**
 * Who signs off a daily report: the township (for a village's or community's), then the headquarters.
 *
 * @example
 * SignOffLevel.parse('township'); // => 'township'
 * @category Vocabulary
 */
export const SignOffLevel = z.enum(keysOf(SIGN_OFF_LEVEL));
/**
 * A sign-off level.
 *
 * @category Vocabulary
 */
export type SignOffLevel = z.infer<typeof SignOffLevel>;

/**
 * The twice-daily temperature checks: morning and evening.
 *
 * @example
 * ReadingSlot.parse('evening'); // => 'evening'
 * @category Vocabulary
 */
export const ReadingSlot = z.enum(keysOf(READING_SLOT));
/**
 * A check's slot.
 *
 * @category Vocabulary
 */
export type ReadingSlot = z.infer<typeof ReadingSlot>;

/**
 * What an observation period counts from: the arrival day or the last unprotected contact.
 *
 * @example
 * ObservationBasis.parse('lastContact'); // => 'lastContact'
 * @category Vocabulary
 */
export const ObservationBasis = z.enum(keysOf(OBSERVATION_BASIS));
/**
 * An observation's basis.
 *
 * @category Vocabulary
 */
export type ObservationBasis = z.infer<typeof ObservationBasis>;

/**
 * How an observation (a follow-up) ended: released at the end of its period (completed),
 * transferred to a designated hospital, converted to a case (the person was confirmed), ended as
 * lost to follow-up, or cancelled (registered in error, or no longer a contact). After a follow-up
 * ended no check falls due; after it was ended as lost or cancelled, none falls due that day
 * either (SORMAS #1534, #4820).
 *
 * @example
 * ObservationEnd.parse('transferred'); // => 'transferred'
 * @category Vocabulary
 */
export const ObservationEnd = z.enum(keysOf(OBSERVATION_END));
/**
 * How an observation ended.
 *
 * @category Vocabulary
 */
export type ObservationEnd = z.infer<typeof ObservationEnd>;

/**
 * Where an observation stands on a day (see `followUp`): not started yet, under observation, its
 * period completed, released, transferred, escalated by a fever, or lost to follow-up.
 *
 * @example
 * ObservationStatus.parse('notStarted'); // => 'notStarted'
 * label('lost', 'en', 'observationStatus'); // => 'lost to follow-up'
 * @category Vocabulary
 */
export const ObservationStatus = z.enum(keysOf(OBSERVATION_STATUS));
/**
 * An observation's status on a day.
 *
 * @category Vocabulary
 */
export type ObservationStatus = z.infer<typeof ObservationStatus>;

/**
 * A campaign's status: active or closed.
 *
 * @example
 * CampaignStatus.parse('closed'); // => 'closed'
 * @category Vocabulary
 */
export const CampaignStatus = z.enum(keysOf(CAMPAIGN_STATUS));
/**
 * A campaign's status.
 *
 * @category Vocabulary
 */
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/**
 * A step of a finding's rectification loop: submitted, passed on re-check, or reopened.
 *
 * @example
 * RectificationAction.parse('reopened'); // => 'reopened'
 * @category Vocabulary
 */
export const RectificationAction = z.enum(keysOf(RECTIFICATION_ACTION));
/**
 * A rectification step.
 *
 * @category Vocabulary
 */
export type RectificationAction = z.infer<typeof RectificationAction>;

const CONSTRAINT_LEVEL = {
  hard: { zh: '硬约束（不得违反）', en: 'hard (never broken)' },
  medium: { zh: '中约束（空缺席位）', en: 'medium (unfilled seats)' },
  soft: { zh: '软约束（违反计罚分）', en: 'soft (penalized)' },
} as const;

/**
 * The level of a roster constraint: `hard` rules are never broken by the search, `medium` counts
 * unfilled seats, `soft` goals are optimized.
 *
 * @example
 * ConstraintLevel.parse('medium'); // => 'medium'
 * @category Vocabulary
 */
export const ConstraintLevel = z.enum(keysOf(CONSTRAINT_LEVEL));
/**
 * A constraint's level.
 *
 * @category Vocabulary
 */
export type ConstraintLevel = z.infer<typeof ConstraintLevel>;

const EVENT_TYPE = {
  unitsAdded: { zh: '组织单位登记', en: 'units added' },
  peopleRegistered: { zh: '人员登记', en: 'people registered' },
  householdsRegistered: { zh: '户籍登记', en: 'households registered' },
  commandSet: { zh: '指挥体系设立', en: 'command structure set' },
  settingsChanged: { zh: '设置变更', en: 'settings changed' },
  campaignOpened: { zh: '行动启动', en: 'campaign opened' },
  campaignClosed: { zh: '行动结束', en: 'campaign closed' },
  letterDelivered: { zh: '告知书送达', en: 'letter delivered' },
  travelDeclared: { zh: '行程申报', en: 'travel declared' },
  observationStarted: { zh: '医学观察开始', en: 'observation started' },
  observationExtended: { zh: '医学观察延长', en: 'observation extended' },
  observationShortened: { zh: '医学观察缩短', en: 'observation shortened' },
  temperatureChecked: { zh: '体温检测', en: 'temperature checked' },
  observationEnded: { zh: '医学观察结束', en: 'observation ended' },
  observationReexposed: { zh: '医学观察再次暴露', en: 'observation re-exposed' },
  observationHandedOver: { zh: '医学观察移交', en: 'observation handed over' },
  visitRecorded: { zh: '入户走访', en: 'visit recorded' },
  householdClassified: { zh: '户分类', en: 'household classified' },
  serviceRequested: { zh: '服务诉求', en: 'service requested' },
  serviceFulfilled: { zh: '服务办结', en: 'service fulfilled' },
  siteRegistered: { zh: '场所登记', en: 'site registered' },
  siteDisinfected: { zh: '场所消杀', en: 'site disinfected' },
  volunteerRegistered: { zh: '志愿者登记', en: 'volunteer registered' },
  volunteerTaskPosted: { zh: '志愿任务发布', en: 'volunteer task posted' },
  volunteerSignedUp: { zh: '志愿报名', en: 'volunteer signed up' },
  volunteerAttended: { zh: '志愿到岗', en: 'volunteer attended' },
  postOpened: { zh: '岗点开设', en: 'post opened' },
  postClosed: { zh: '岗点撤销', en: 'post closed' },
  absenceRecorded: { zh: '不可排班登记', en: 'absence recorded' },
  rosterPublished: { zh: '排班表发布', en: 'roster published' },
  dutiesReassigned: { zh: '补位调整', en: 'duties reassigned' },
  dutySwapped: { zh: '换班', en: 'duty swapped' },
  attendanceRecorded: { zh: '值守签到', en: 'attendance recorded' },
  inspectionRecorded: { zh: '督导检查', en: 'inspection recorded' },
  rectificationSubmitted: { zh: '整改提交', en: 'rectification submitted' },
  findingRechecked: { zh: '整改复查', en: 'finding rechecked' },
  deedRecorded: { zh: '具体事例记录', en: 'deed recorded' },
  threeShowsRecorded: { zh: '三亮记录', en: 'three shows recorded' },
  dailyReportSubmitted: { zh: '日报上报', en: 'daily report submitted' },
  dailyReportSignedOff: { zh: '日报审核', en: 'daily report signed off' },
  admissionCaseOpened: { zh: '发展党员立案', en: 'admission case opened' },
  admissionStepRecorded: { zh: '发展党员程序记录', en: 'admission step recorded' },
} as const;

/**
 * The type of a ledger event, by name (`visitRecorded`, 入户走访): the same names as the ledger's
 * event union, so that a journal's events can be counted and shown in either locale.
 *
 * @example
 * EventType.parse('visitRecorded'); // => 'visitRecorded'
 * label('visitRecorded', 'zh-CN', 'eventType'); // => '入户走访'
 * @category Vocabulary
 */
export const EventType = z.enum(keysOf(EVENT_TYPE));
/**
 * An event type's name.
 *
 * @category Vocabulary
 */
export type EventType = z.infer<typeof EventType>;

/**
 * The Chinese and English labels of every enumerated value of the library, by vocabulary.
 *
 * @example
 * LABELS.partyStatus.activist.zh; // => '入党积极分子'
 * @category Vocabulary
 */
export const LABELS = {
  partyStatus: PARTY_STATUS,
  partyForm: PARTY_FORM,
  unitKind: UNIT_KIND,
  cadreLevel: CADRE_LEVEL,
  screeningCategory: SCREENING_CATEGORY,
  observationSetting: OBSERVATION_SETTING,
  householdService: HOUSEHOLD_SERVICE,
  siteCategory: SITE_CATEGORY,
  volunteerTaskKind: VOLUNTEER_TASK,
  campaignKind: CAMPAIGN_KIND,
  evaluationDimension: EVALUATION_DIMENSION,
  cadreGrade: CADRE_GRADE,
  teamGrade: TEAM_GRADE,
  appraisalGrade: APPRAISAL_GRADE,
  supervisionLine: SUPERVISION_LINE,
  threeShows: THREE_SHOWS,
  sex: SEX,
  leadership: LEADERSHIP,
  severity: SEVERITY,
  postKind: POST_KIND,
  absenceReason: ABSENCE_REASON,
  rosterConstraint: ROSTER_CONSTRAINT,
  attendance: ATTENDANCE,
  checkItem: CHECK_ITEM,
  findingSeverity: FINDING_SEVERITY,
  findingStatus: FINDING_STATUS,
  recordKind: RECORD_KIND,
  commendation: COMMENDATION,
  communityState: COMMUNITY_STATE,
  sensitivity: SENSITIVITY,
  admissionStep: ADMISSION_STEP,
  admissionStatus: ADMISSION_STATUS,
  recommendation: RECOMMENDATION,
  decisionBody: DECISION_BODY,
  visitOutcome: VISIT_OUTCOME,
  actorRole: ACTOR_ROLE,
  signOffLevel: SIGN_OFF_LEVEL,
  readingSlot: READING_SLOT,
  observationBasis: OBSERVATION_BASIS,
  observationEnd: OBSERVATION_END,
  campaignStatus: CAMPAIGN_STATUS,
  rectificationAction: RECTIFICATION_ACTION,
  constraintLevel: CONSTRAINT_LEVEL,
  observationStatus: OBSERVATION_STATUS,
  epidemicFigure: EPIDEMIC_FIGURE,
  tracingIndicator: TRACING_INDICATOR,
  eventType: EVENT_TYPE,
} as const;

/**
 * The name of one vocabulary of {@link LABELS}.
 *
 * @example
 * const v: Vocabulary = 'cadreLevel';
 * label('county', 'en', v); // => 'county level'
 * @category Vocabulary
 */
export type Vocabulary = keyof typeof LABELS;

/**
 * The name of an enumerated value in a locale (`'zh-CN'` by default). A few values belong to two
 * vocabularies with different names (`county` is a unit kind, 县, and a cadre level, 县级): pass the
 * vocabulary to choose; without it the first vocabulary of {@link LABELS} that has the value wins.
 * An unknown value, locale or vocabulary throws a {@link FrontlineError} (`invalid_input`:
 * `unknown_value`, `unknown_locale`, `unknown_vocabulary`).
 *
 * @param value - An enumerated value, such as `fullMember`.
 * @param locale - `'zh-CN'` (default) or `'en'`.
 * @param vocabulary - The vocabulary of {@link LABELS} to look in (default: the first that has the value).
 * @returns The value's name in the locale.
 * @throws `RangeError` for an unknown locale, or a value the vocabulary (or every vocabulary) lacks.
 * @example
 * label('fullMember'); // => '正式党员'
 * label('fullMember', 'en'); // => 'full member'
 * label('county', 'zh-CN', 'cadreLevel'); // => '县级'
 * @category Vocabulary
 */
export function label(value: string, locale: Locale = 'zh-CN', vocabulary?: Vocabulary): string {
  const issues: Issue[] = [];
  if (locale !== 'zh-CN' && locale !== 'en')
    issues.push({ path: ['locale'], code: 'unknown_locale', message: `unknown locale ${describeValue(locale)}: use 'zh-CN' or 'en'` });
  if (vocabulary !== undefined && !(typeof vocabulary === 'string' && Object.hasOwn(LABELS, vocabulary)))
    issues.push({ path: ['vocabulary'], code: 'unknown_vocabulary', message: `unknown vocabulary ${describeValue(vocabulary)}` });
  if (typeof value !== 'string') issues.push({ path: ['value'], code: 'invalid_type', message: `a value to label is a string, got ${describeValue(value)}` });
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'cannot label', issues);
  const tables: readonly Record<string, Label>[] =
    vocabulary === undefined ? Object.values(LABELS) : [LABELS[vocabulary]];
  for (const table of tables) {
    const found = Object.hasOwn(table, value) ? table[value] : undefined;
    if (found !== undefined) return locale === 'en' ? found.en : found.zh;
  }
  throw new FrontlineError('invalid_input', 'cannot label', [
    { path: ['value'], code: 'unknown_value', message: `no label for ${describeValue(value)}${vocabulary === undefined ? '' : ` in vocabulary '${vocabulary}'`}` },
  ]);
}
