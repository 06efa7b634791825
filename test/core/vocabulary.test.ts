import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import {
  FrontlineError,
  AppraisalGrade,
  CadreGrade,
  CadreLevel,
  CampaignKind,
  EvaluationDimension,
  HouseholdService,
  LABELS,
  Leadership,
  Locale,
  ObservationSetting,
  PartyForm,
  PartyStatus,
  ScreeningCategory,
  Severity,
  Sex,
  SiteCategory,
  SupervisionLine,
  TeamGrade,
  ThreeShows,
  UnitKind,
  VolunteerTaskKind,
  label,
  PostKind,
  AbsenceReason,
  RosterConstraint,
  Attendance,
  CheckItem,
  FindingSeverity,
  FindingStatus,
  RecordKind,
  Commendation,
  CommunityState,
  Sensitivity,
  AdmissionStepKind,
  AdmissionStatus,
  Recommendation,
  DecisionBody,
  VisitOutcome,
  ActorRole,
  SignOffLevel,
  ReadingSlot,
  ObservationBasis,
  ObservationEnd,
  ObservationStatus,
  EpidemicFigure,
  TracingIndicator,
  CampaignStatus,
  RectificationAction,
  ConstraintLevel,
  EventType,
  EVENT_TYPES,
  type Label,
  type Vocabulary,
} from '../../src/index.js';

const ENUMS: Record<Vocabulary, z.ZodEnum> = {
  partyStatus: PartyStatus,
  partyForm: PartyForm,
  unitKind: UnitKind,
  cadreLevel: CadreLevel,
  screeningCategory: ScreeningCategory,
  observationSetting: ObservationSetting,
  householdService: HouseholdService,
  siteCategory: SiteCategory,
  volunteerTaskKind: VolunteerTaskKind,
  campaignKind: CampaignKind,
  evaluationDimension: EvaluationDimension,
  cadreGrade: CadreGrade,
  teamGrade: TeamGrade,
  appraisalGrade: AppraisalGrade,
  supervisionLine: SupervisionLine,
  threeShows: ThreeShows,
  sex: Sex,
  leadership: Leadership,
  severity: Severity,
  postKind: PostKind,
  absenceReason: AbsenceReason,
  rosterConstraint: RosterConstraint,
  attendance: Attendance,
  checkItem: CheckItem,
  findingSeverity: FindingSeverity,
  findingStatus: FindingStatus,
  recordKind: RecordKind,
  commendation: Commendation,
  communityState: CommunityState,
  sensitivity: Sensitivity,
  admissionStep: AdmissionStepKind,
  admissionStatus: AdmissionStatus,
  recommendation: Recommendation,
  decisionBody: DecisionBody,
  visitOutcome: VisitOutcome,
  actorRole: ActorRole,
  signOffLevel: SignOffLevel,
  readingSlot: ReadingSlot,
  observationBasis: ObservationBasis,
  observationEnd: ObservationEnd,
  campaignStatus: CampaignStatus,
  rectificationAction: RectificationAction,
  constraintLevel: ConstraintLevel,
  observationStatus: ObservationStatus,
  epidemicFigure: EpidemicFigure,
  tracingIndicator: TracingIndicator,
  eventType: EventType,
};

const tables = Object.entries(LABELS) as [Vocabulary, Record<string, Label>][];

describe('LABELS', () => {
  test('every value of every vocabulary has non-empty zh and en names', () => {
    expect(tables.length).toBeGreaterThan(0);
    for (const [vocabulary, table] of tables) {
      const entries = Object.entries(table);
      expect(entries.length, vocabulary).toBeGreaterThan(0);
      for (const [value, l] of entries) {
        expect(typeof l.zh, `${vocabulary}.${value}.zh`).toBe('string');
        expect(l.zh.trim(), `${vocabulary}.${value}.zh`).not.toBe('');
        expect(typeof l.en, `${vocabulary}.${value}.en`).toBe('string');
        expect(l.en.trim(), `${vocabulary}.${value}.en`).not.toBe('');
      }
    }
  });

  test('within a vocabulary no two values share a name', () => {
    for (const [vocabulary, table] of tables) {
      const labels = Object.values(table);
      expect(new Set(labels.map((l) => l.zh)).size, `${vocabulary} zh`).toBe(labels.length);
      expect(new Set(labels.map((l) => l.en)).size, `${vocabulary} en`).toBe(labels.length);
    }
  });

  test('each zod enum has exactly the keys of its LABELS table, in order', () => {
    expect(Object.keys(ENUMS).sort()).toEqual(Object.keys(LABELS).sort());
    for (const [vocabulary, table] of tables) {
      expect(ENUMS[vocabulary].options, vocabulary).toEqual(Object.keys(table));
      for (const value of Object.keys(table)) expect(ENUMS[vocabulary].safeParse(value).success).toBe(true);
      expect(ENUMS[vocabulary].safeParse('noSuchValue').success).toBe(false);
    }
  });

  test('the event types are those of the ledger, each with its names', () => {
    expect([...EventType.options].sort()).toEqual([...EVENT_TYPES].sort());
  });

  // The glossary of kinds (docs/concepts.md).
  test.each<[Vocabulary, Record<string, string>]>([
    ['partyStatus', { fullMember: '正式党员', probationaryMember: '预备党员', developmentTarget: '发展对象', activist: '入党积极分子', applicant: '入党申请人', nonMember: '群众' }],
    ['partyForm', { committee: '党委', generalBranch: '党总支', branch: '党支部', jointBranch: '联合党支部', group: '党小组' }],
    ['unitKind', { county: '县', subdistrict: '街道', town: '镇', township: '乡', village: '村', community: '社区', institution: '单位', temporaryBranch: '临时党支部', commandoTeam: '党员突击队', volunteerTeam: '志愿服务队', disinfectionTeam: '消杀工作队' }],
    ['cadreLevel', { county: '县级', section: '乡科级', village: '村(社区)干部' }],
    ['screeningCategory', { fromWuhan: '武汉来返', fromHubei: '湖北来返', closeContact: '密切接触者', suspectedExposure: '可疑暴露者', fever: '发热', suspected: '疑似', confirmed: '确诊', asymptomatic: '无症状感染者', general: '一般' }],
    ['observationSetting', { home: '居家医学观察', centralized: '集中隔离' }],
    ['householdService', { goods: '送物', medicine: '送药', necessities: '送生活必需品', counselling: '心理疏导' }],
    ['siteCategory', { street: '街道', square: '广场', farmersMarket: '农贸市场', internetCafe: '网吧', station: '车站', publicToilet: '公厕' }],
    ['volunteerTaskKind', { screening: '入户摸排', publicity: '防治宣传', counselling: '心理疏导', convenience: '便民服务' }],
    ['campaignKind', { homePrevention: '居家防控行动', doorKnocking: '入户敲门行动', cleaning: '家园清洁行动', volunteerService: '志愿服务行动' }],
    ['evaluationDimension', { morality: '德', ability: '能', diligence: '勤', achievement: '绩', integrity: '廉' }],
    ['cadreGrade', { excellent: '优秀', competent: '称职', basicallyCompetent: '基本称职', incompetent: '不称职' }],
    ['teamGrade', { good: '好', fairlyGood: '较好', average: '一般', poor: '较差' }],
    ['appraisalGrade', { excellent: '优秀', qualified: '合格', basicallyQualified: '基本合格', unqualified: '不合格' }],
    ['supervisionLine', { warZone: '分战区', township: '分乡镇', department: '分部门' }],
    ['threeShows', { commitment: '亮承诺', identity: '亮身份', action: '亮行动' }],
  ])('%s matches the glossary', (vocabulary, expected) => {
    const table = LABELS[vocabulary] as Record<string, Label>;
    expect(Object.fromEntries(Object.entries(table).map(([k, l]) => [k, l.zh]))).toEqual(expected);
  });
});

describe('label', () => {
  test('zh-CN by default, en on request', () => {
    expect(label('fullMember')).toBe('正式党员');
    expect(label('fullMember', 'zh-CN')).toBe('正式党员');
    expect(label('fullMember', 'en')).toBe('full member');
    expect(label('doorKnocking', 'en')).toBe('door-knocking');
  });

  test('agrees with LABELS for every value of every vocabulary', () => {
    for (const [vocabulary, table] of tables) {
      for (const [value, l] of Object.entries(table)) {
        expect(label(value, 'zh-CN', vocabulary)).toBe(l.zh);
        expect(label(value, 'en', vocabulary)).toBe(l.en);
      }
    }
  });

  test('the vocabulary chooses between values shared by two vocabularies', () => {
    expect(label('county', 'zh-CN', 'cadreLevel')).toBe('县级');
    expect(label('county', 'zh-CN', 'unitKind')).toBe('县');
    expect(label('county')).toBe('县');
    expect(label('village', 'zh-CN', 'cadreLevel')).toBe('村(社区)干部');
    expect(label('village')).toBe('村');
    expect(label('township', 'en', 'supervisionLine')).toBe('by township');
    expect(label('township', 'en')).toBe('township');
  });

  /** The error code and the issue codes of a refused call. */
  const refusal = (run: () => unknown): [string, string[]] => {
    try {
      run();
    } catch (e) {
      if (e instanceof FrontlineError) return [e.code, e.issues.map((i) => i.code)];
      throw e;
    }
    throw new Error('expected a FrontlineError');
  };

  test('an unknown value throws a FrontlineError (invalid_input, unknown_value)', () => {
    for (const v of ['noSuchValue', '', 'toString', '__proto__']) expect(refusal(() => label(v, 'en'))).toEqual(['invalid_input', ['unknown_value']]);
    // known elsewhere, but not in the vocabulary asked for
    expect(() => label('fullMember', 'zh-CN', 'unitKind')).toThrow(/in vocabulary 'unitKind'/);
  });

  test('an unknown locale throws a FrontlineError (invalid_input, unknown_locale), as renderDispatch does', () => {
    expect(refusal(() => label('fullMember', 'fr' as Locale))).toEqual(['invalid_input', ['unknown_locale']]);
    expect(refusal(() => label('fullMember', 'zh' as Locale))).toEqual(['invalid_input', ['unknown_locale']]);
    expect(Locale.safeParse('fr').success).toBe(false);
    expect(Locale.options).toEqual(['zh-CN', 'en']);
  });
});
