/**
 * How well a rule is sourced: `H` well sourced, `M` one source, `L` local practice
 * (configurable).
 *
 * @example
 * RULES['party.jointBranchSize'].strength; // => 'M'
 * @category Rules
 */
export type RuleStrength = 'H' | 'M' | 'L';

/**
 * A rule the library encodes, with its source and, where it drifted, its edition.
 *
 * @example
 * RULES['party.minFullMembers'].source; // => '党章 Art.30; 中国共产党支部工作条例(试行) 2018 Art.5'
 * @category Rules
 */
export interface Rule {
  /** The stable id, such as `party.minFullMembers`. */
  readonly id: string;
  /** What the rule says, in Chinese. */
  readonly zh: string;
  /** What the rule says, in English. */
  readonly en: string;
  /** The document (and article) it comes from. */
  readonly source: string;
  /** How well it is sourced. */
  readonly strength: RuleStrength;
  /** The edition of the rule, where the rule changed over time. */
  readonly edition?: string;
}

const rule = <const I extends string>(r: Rule & { id: I }): Rule & { id: I } => r;

/**
 * Every rule of the organization tree, Party organizations, command structure and identity numbers,
 * by id. Issues found by the checks cite these ids.
 *
 * @example
 * RULES['party.branchCommittee'].en; // => 'A branch with 7 or more full members elects a committee of 3–5 (at most 7); with fewer, a secretary and perhaps a deputy'
 * @category Rules
 */
export const RULES = {
  'party.minFullMembers': rule({
    id: 'party.minFullMembers',
    zh: '有正式党员三人以上的单位应当成立党的基层组织；预备党员不计入',
    en: 'A unit with 3 or more full members forms a Party organization; probationary members do not count',
    source: '党章 Art.30; 中国共产党支部工作条例(试行) 2018 Art.5',
    strength: 'H',
  }),
  'party.jointBranchSize': rule({
    id: 'party.jointBranchSize',
    zh: '正式党员不足三人的单位可联合成立党支部，联合单位一般不超过5个',
    en: 'Units with fewer than 3 full members may form a joint branch, generally of at most 5 units',
    source: '中国共产党支部工作条例(试行) 2018 Art.5',
    strength: 'M',
  }),
  'party.branchSize': rule({
    id: 'party.branchSize',
    zh: '党支部党员人数一般不超过50人',
    en: 'A branch generally has at most 50 members',
    source: '中国共产党支部工作条例(试行) 2018 Art.5',
    strength: 'H',
  }),
  'party.branchCommittee': rule({
    id: 'party.branchCommittee',
    zh: '正式党员7人以上的党支部设立支部委员会，由3至5人组成，一般不超过7人；不足7人的不设委员会，设书记1名，必要时设副书记1名',
    en: 'A branch with 7 or more full members elects a committee of 3–5 (at most 7); with fewer, a secretary and perhaps a deputy',
    source: '中国共产党支部工作条例(试行) 2018 Art.8',
    strength: 'H',
  }),
  'party.generalBranchSize': rule({
    id: 'party.generalBranchSize',
    zh: '党员50人以上、100人以下的，设立党的总支部委员会；不足50人的须经上级批准',
    en: 'A general branch has 50–100 members; fewer only with higher approval',
    source: '中国共产党支部工作条例(试行) 2018 Art.5; 农村基层组织工作条例 2019 Art.6',
    strength: 'H',
  }),
  'party.committeeSize': rule({
    id: 'party.committeeSize',
    zh: '党员100人以上的，设立党的基层委员会；不足100人的须经上级批准',
    en: 'A grassroots committee has 100 or more members; fewer only with higher approval',
    source: '党章 Art.30; 农村基层组织工作条例 2019 Art.6',
    strength: 'H',
  }),
  'party.villageCommitteeApproval': rule({
    id: 'party.villageCommitteeApproval',
    zh: '村党委的设立须经县级地方党委批准',
    en: 'A village Party committee needs the approval of the county committee',
    source: '中国共产党农村基层组织工作条例 2019 Art.6',
    strength: 'H',
  }),
  'party.temporaryBranch': rule({
    id: 'party.temporaryBranch',
    zh: '临时党支部经上级党组织批准成立，其负责人由上级党组织指定，一般不发展党员、不处分党员、不收缴党费、不选举，任务完成后自然撤销',
    en: 'A temporary branch is formed with higher approval; its leaders are appointed; as a rule it does not admit members, discipline, collect dues or hold elections; it dissolves with its task body',
    source: '中国共产党支部工作条例(试行) 2018 Art.6',
    strength: 'H',
  }),
  'party.temporaryAdmission': rule({
    id: 'party.temporaryAdmission',
    zh: '2020年疫情防控一线临时党组织经上级党组织批准可以发展党员',
    en: 'In 2020 front-line temporary organizations admitted members with higher approval',
    source: '中共中央组织部《关于在防控新型冠状病毒感染肺炎疫情斗争中发展党员工作的通知》 2020',
    strength: 'H',
    edition: '2020',
  }),
  'org.unknownParent': rule({
    id: 'org.unknownParent',
    zh: '上级单位必须存在',
    en: 'A unit’s parent must exist in the tree',
    source: 'frontline organization model',
    strength: 'H',
  }),
  'org.singleRoot': rule({
    id: 'org.singleRoot',
    zh: '组织树只有一个根，即县',
    en: 'The tree has exactly one root (the county)',
    source: 'frontline organization model',
    strength: 'H',
  }),
  'org.acyclic': rule({
    id: 'org.acyclic',
    zh: '组织隶属关系不能成环',
    en: 'No unit is its own ancestor',
    source: 'frontline organization model',
    strength: 'H',
  }),
  'org.parentKind': rule({
    id: 'org.parentKind',
    zh: '单位只能隶属于允许的上级类型（如村隶属乡镇，社区隶属街道或乡镇）',
    en: 'A unit belongs only under a parent of an allowed kind (a village or community under a subdistrict, town or township)',
    source: 'GB/T 2260',
    strength: 'H',
  }),
  'org.openParent': rule({
    id: 'org.openParent',
    zh: '开放的单位不能隶属于已撤销的上级',
    en: 'An open unit cannot belong to a closed parent (a unit moved or split may have opened before its new parent)',
    source: 'DHIS2 organisation unit opening and closing dates',
    strength: 'H',
  }),
  'org.divisionCode': rule({
    id: 'org.divisionCode',
    zh: '区划代码：县6位；乡镇、村为12位统计代码，且以上级代码为前缀',
    en: 'Division codes: 6 digits for the county, 12-digit statistical codes for townships and villages, each starting with its parent’s prefix',
    source: 'GB/T 2260; 统计用区划代码',
    strength: 'H',
  }),
  'command.coLeaders': rule({
    id: 'command.coLeaders',
    zh: '领导小组实行双组长制：县委书记和县长',
    en: 'The leading group has exactly two co-leaders: the county Party secretary and the county mayor',
    source: 'Yuechi County report, 2020 ("1+1+10" mechanism)',
    strength: 'H',
  }),
  'command.headquarters': rule({
    id: 'command.headquarters',
    zh: '应急指挥部设在县一级，指挥长由县级领导担任',
    en: 'The emergency command headquarters is the county’s, with a county-level leader as commander',
    source: 'Yuechi County report, 2020 ("1+1+10" mechanism)',
    strength: 'M',
  }),
  'command.supervisionLeader': rule({
    id: 'command.supervisionLeader',
    zh: '每个督导组由一名县委常委带队',
    en: 'Each supervision group is led by one county Standing Committee member',
    source: 'Yuechi County report, 2020',
    strength: 'H',
  }),
  'command.supervisionLine': rule({
    id: 'command.supervisionLine',
    zh: '督导组分战区、分乡镇、分部门三条线开展工作，覆盖的单位须与其线别相符',
    en: 'Supervision groups work along three lines (war-zone, township, department) and cover units that fit their line',
    source: 'Yuechi County report, 2020',
    strength: 'H',
  }),
  'command.structure': rule({
    id: 'command.structure',
    zh: '“1+1+10”指挥体系：一个领导小组、一个应急指挥部和若干督导组，各有名称和成员，督导组编号不重复，另有战区分组',
    en: 'The "1+1+10" command structure: one leading group, one headquarters and supervision groups, each with its name and members, supervision groups with distinct ids, and the war-zone set',
    source: 'Yuechi County report, 2020 ("1+1+10" mechanism); frontline command model',
    strength: 'H',
  }),
  'command.references': rule({
    id: 'command.references',
    zh: '指挥体系所列人员须在人员名册中，所列单位须为组织树中未撤销的单位',
    en: 'Everyone the command structure names is in the register of people, and every unit it names is an open unit of the tree',
    source: 'frontline command model',
    strength: 'H',
  }),
  'groupSet.exclusive': rule({
    id: 'groupSet.exclusive',
    zh: '互斥分组中每个单位至多属于一个组',
    en: 'In an exclusive group set each unit belongs to at most one group',
    source: 'DHIS2 organisation unit group sets',
    strength: 'H',
  }),
  'id.residentId': rule({
    id: 'id.residentId',
    zh: '公民身份号码由6位地址码、8位出生日期码、3位顺序码和1位校验码组成（ISO 7064 MOD 11-2）；出生日期为真实日期，且不晚于查验之日',
    en: 'A resident id is a 6-digit address code, an 8-digit birth date (a real day, not after the day it is read on), a 3-digit sequence and an ISO 7064 MOD 11-2 check character',
    source: 'GB 11643-1999',
    strength: 'H',
  }),
} as const;

/**
 * The id of one of the {@link RULES}.
 *
 * @example
 * const id: RuleId = 'party.branchCommittee';
 * @category Rules
 */
export type RuleId = keyof typeof RULES;
