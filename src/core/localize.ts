import type { Label, Locale } from './vocabulary.js';

/**
 * Chinese texts that the library, the synthetic county and the simulation write into the data
 * (cadres' posts, shift names, findings, notes, deeds), with their English: the data keeps the
 * Chinese text, as a county's records would, and {@link localize} shows it in either locale.
 * Cadres' posts are listed part by part (a post such as 县委常委、组织部长 is two parts).
 *
 * @example
 * PHRASES.countySecretary; // => { zh: '县委书记', en: 'county Party secretary' }
 * @category Vocabulary
 */
export const PHRASES = {
  // county cadres' posts
  countySecretary: { zh: '县委书记', en: 'county Party secretary' },
  countyDeputySecretary: { zh: '县委副书记', en: 'deputy county Party secretary' },
  countyHead: { zh: '县长', en: 'county head' },
  standingCommitteeMember: { zh: '县委常委', en: 'Standing Committee member' },
  disciplineSecretary: { zh: '纪委书记', en: 'discipline inspection secretary' },
  organizationHead: { zh: '组织部长', en: 'head of the organization department' },
  publicityHead: { zh: '宣传部长', en: 'head of the publicity department' },
  unitedFrontHead: { zh: '统战部长', en: 'head of the united front department' },
  politicalLegalSecretary: { zh: '政法委书记', en: 'political and legal affairs secretary' },
  partyOfficeDirector: { zh: '县委办主任', en: 'director of the county Party office' },
  executiveDeputyCountyHead: { zh: '常务副县长', en: 'executive deputy county head' },
  armedForcesHead: { zh: '人武部部长', en: "head of the people's armed forces department" },
  deputyCountyHead: { zh: '副县长', en: 'deputy county head' },
  policyResearchDirector: { zh: '县委政研室主任', en: 'director of the policy research office' },
  congressChair: { zh: '县人大常委会主任', en: "chair of the county people's congress" },
  congressViceChair: { zh: '县人大常委会副主任', en: "vice-chair of the county people's congress" },
  cppccChair: { zh: '县政协主席', en: 'chair of the county CPPCC' },
  cppccViceChair: { zh: '县政协副主席', en: 'vice-chair of the county CPPCC' },
  courtPresident: { zh: '县法院院长', en: 'president of the county court' },
  chiefProcurator: { zh: '县检察院检察长', en: 'chief procurator of the county' },
  // township and subdistrict cadres' posts
  townshipSecretary: { zh: '党委书记', en: 'Party committee secretary' },
  townshipDeputySecretary: { zh: '党委副书记', en: 'deputy Party committee secretary' },
  townshipHead: { zh: '镇长', en: 'township head' },
  deputyTownshipHead: { zh: '副镇长', en: 'deputy township head' },
  subdistrictDirector: { zh: '主任', en: 'subdistrict director' },
  deputySubdistrictDirector: { zh: '副主任', en: 'deputy subdistrict director' },
  congressPresidium: { zh: '人大主席', en: "chair of the people's congress presidium" },
  organizationMember: { zh: '组织委员', en: 'organization committee member' },
  publicityMember: { zh: '宣传委员', en: 'publicity committee member' },
  armedForcesMember: { zh: '武装部长', en: 'head of the armed forces department' },
  politicalLegalMember: { zh: '政法委员', en: 'political and legal affairs member' },
  unitedFrontMember: { zh: '统战委员', en: 'united front committee member' },
  officeDirector: { zh: '党政办主任', en: 'director of the Party and government office' },
  socialAffairsDirector: { zh: '社会事务办主任', en: 'director of the social affairs office' },
  economicDirector: { zh: '经济发展办主任', en: 'director of the economic development office' },
  enforcementHead: { zh: '综合执法队长', en: 'head of the law enforcement team' },
  serviceCentreDirector: { zh: '便民服务中心主任', en: 'director of the public service centre' },
  // village and community cadres' posts
  villageSecretary: { zh: '党组织书记', en: 'Party organization secretary' },
  villageCommitteeDirector: { zh: '村委会主任', en: "villagers' committee director" },
  residentsCommitteeDirector: { zh: '居委会主任', en: "residents' committee director" },
  communityCommitteeDirector: { zh: '社区居委会主任', en: "community residents' committee director" },
  supervisoryCommitteeDirector: { zh: '监委会主任', en: 'supervisory committee director' },
  clerk: { zh: '文书', en: 'clerk' },
  publicSecurityOfficer: { zh: '综治专干', en: 'public security officer' },
  womenFederationChair: { zh: '妇联主席', en: "women's federation chair" },
  youthLeagueSecretary: { zh: '团支部书记', en: 'Youth League branch secretary' },
  // institutions' posts
  partyGroupSecretary: { zh: '党组书记', en: 'Party group secretary' },
  partyGroupMember: { zh: '党组成员', en: 'Party group member' },
  deputyHead: { zh: '副职', en: 'deputy head' },
  // shifts
  morningShift: { zh: '早班', en: 'morning shift' },
  eveningShift: { zh: '中班', en: 'evening shift' },
  nightShift: { zh: '夜班', en: 'night shift' },
  dayShift: { zh: '白班', en: 'day shift' },
  // war zones
  urbanZone: { zh: '城区战区', en: 'urban war zone' },
  eastZone: { zh: '东部战区', en: 'eastern war zone' },
  southZone: { zh: '南部战区', en: 'southern war zone' },
  northwestZone: { zh: '西北战区', en: 'north-western war zone' },
  warZones: { zh: '战区', en: 'war zones' },
  // supervision: findings, checklist notes, rectification
  gatheringsFinding: { zh: '发现村民聚集，劝导不力', en: 'villagers gathering, not dispersed' },
  suppliesFinding: { zh: '保障物资储备不足', en: 'short of supplies in reserve' },
  gatheringsNote: { zh: '村民聚集打牌', en: 'villagers gathering to play cards' },
  suppliesNote: { zh: '口罩、消毒液储备不足', en: 'short of masks and disinfectant' },
  rectified: { zh: '已整改到位', en: 'rectified in full' },
  notRectified: { zh: '整改不彻底', en: 'not fully rectified' },
  // deeds and the three shows
  screenedWholeVillage: { zh: '带队完成全村入户摸排，做到不漏一户', en: 'led the screening of the whole village, no household missed' },
  heldCheckpoint: { zh: '连续坚守卡点，劝返外来车辆和人员', en: 'held the checkpoint day after day, turning back outside vehicles and people' },
  gaveUpHoliday: { zh: '春节期间放弃休假，吃住在村', en: 'gave up the Spring Festival holiday to live in the village' },
  organizedDeliveries: { zh: '组织志愿者为居家隔离户送菜送药', en: 'had volunteers bring food and medicine to isolated households' },
  donated: { zh: '主动捐款捐物支援一线', en: 'gave money and goods to the front line' },
  irregularSupplies: { zh: '防疫物资登记发放不规范', en: 'epidemic supplies registered and handed out irregularly' },
  leftPost: { zh: '值守期间擅离岗位', en: 'left the post while on duty' },
  memberGoesFirst: { zh: '我是党员，我先上', en: 'I am a Party member: I go first' },
  badgeAndVanguardPost: { zh: '佩戴党员徽章，设立党员先锋岗', en: 'wears the Party badge, set up a vanguard post' },
  leadsPublicityAndDuty: { zh: '带头入户宣传、值守卡点', en: 'leads door-to-door publicity and checkpoint duty' },
  // admission and observation
  politicalReviewPassed: { zh: '政治审查合格', en: 'political review passed' },
  outstandingOnFrontLine: { zh: '疫情防控一线表现突出', en: 'outstanding on the epidemic front line' },
  reexposed: { zh: '密切接触者再次暴露，按规定延长观察', en: 'close contact exposed again: observation extended under the rules' },
  leftHubeiEarlier: { zh: '行程核查：实际离鄂日期早于申报，经专家组评估', en: 'travel check: left Hubei earlier than declared, assessed by the expert group' },
  // cleaning sites
  mainStreet: { zh: '主街', en: 'main street' },
  square: { zh: '广场', en: 'square' },
  farmersMarket: { zh: '农贸市场', en: "farmers' market" },
  internetCafe: { zh: '网吧', en: 'internet café' },
  busStation: { zh: '客运站', en: 'bus station' },
  publicToilet: { zh: '公厕', en: 'public toilet' },
  // the title of a published source of the epidemic's reality check
  guanganNoNewCases: {
    zh: '广安新闻网：【疫情要情】3月7日广安市无新增新型冠状病毒肺炎确诊病例',
    en: 'Guang’an News: epidemic update, no new confirmed case of novel coronavirus pneumonia in Guang’an on 7 March',
  },
} as const satisfies Record<string, Label>;

/** English of each Chinese phrase. */
let english: Map<string, string> | undefined;
const englishOf = (zh: string): string | undefined => {
  english ??= new Map(Object.values(PHRASES).map((l) => [l.zh as string, l.en as string]));
  return english.get(zh);
};

const NUMERALS = '一二三四五六七八九';
/** A Chinese numeral up to 99 (一, 十, 十二, 二十三) as a number. */
function chineseNumber(s: string): number | undefined {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/u.exec(s);
  if (m === null || s === '') return undefined;
  const digit = (d: string | undefined): number => (d === undefined || d === '' ? 0 : NUMERALS.indexOf(d) + 1);
  if (m[2] === '') return m[1] === '' ? digit(m[3]) : m[3] === '' ? digit(m[1]) : undefined;
  return (m[1] === '' ? 1 : digit(m[1])) * 10 + digit(m[3]);
}

/**
 * Names made of a proper name and a generic part: the proper name stays, the generic part is
 * translated. Tried in order; the first match wins.
 */
const NAMES: readonly [RegExp, (m: RegExpExecArray) => string | undefined][] = [
  [/^第([一二三四五六七八九十]+)督导组$/u, (m) => { const k = chineseNumber(m[1] as string); return k === undefined ? undefined : `supervision group ${k}`; }],
  [/^(.+?)新冠肺炎疫情防控临时党支部$/u, (m) => `temporary Party branch for epidemic control at ${m[1]}`],
  [/^(.+?)临时党支部$/u, (m) => `temporary Party branch at ${m[1]}`],
  [/^(.+?)(\d+)号卡点$/u, (m) => `checkpoint ${m[2]} at ${m[1]}`],
  [/^(.+?)(\d+)号值班室$/u, (m) => `duty room ${m[2]} at ${m[1]}`],
  [/^(.+?)临时检查点$/u, (m) => `checkpoint at ${m[1]}`],
  [/^(.+?)值班室$/u, (m) => `duty room at ${m[1]}`],
  [/^(.+?)疫情防控热线$/u, (m) => `epidemic hotline of ${m[1]}`],
  [/^(.+?)应对新型冠状病毒感染的肺炎疫情工作领导小组$/u, (m) => `${m[1]} leading group for the novel coronavirus epidemic`],
  [/^(.+?)新型冠状病毒感染的肺炎疫情应急指挥部$/u, (m) => `${m[1]} novel coronavirus epidemic headquarters`],
];

/**
 * A Chinese text of the data in a locale. In Chinese it is the text itself (the Chinese half of a
 * `中文 / English` pair, as the roster check writes its findings). In English it is the English
 * half of such a pair, or the English of a known phrase ({@link PHRASES}: posts, shifts, findings,
 * notes, deeds), of each part of a post joined by `、` (县委常委、组织部长), or of the generic part
 * of a name whose proper name stays (城北社区临时检查点 → checkpoint at 城北社区, 第三督导组 →
 * supervision group 3); anything else (a person's or a place's name, an inspector's own words) is
 * returned as it is.
 *
 * @param text - A text from the data.
 * @param locale - `'zh-CN'` (default) or `'en'`.
 * @returns The text in the locale, or the text itself when there is nothing to translate.
 * @example
 * localize('县委常委、组织部长', 'en'); // => 'Standing Committee member, head of the organization department'
 * localize('城北社区临时检查点', 'en'); // => 'checkpoint at 城北社区'
 * localize('第十二督导组', 'en'); // => 'supervision group 12'
 * localize('早班', 'en'); // => 'morning shift'
 * localize('在岗2人，排班表为3人 / 2 on duty, the roster has 3', 'zh-CN'); // => '在岗2人，排班表为3人'
 * localize('吴家沟村', 'en'); // => '吴家沟村'
 * @category Vocabulary
 */
export function localize(text: string, locale: Locale = 'zh-CN'): string {
  const pair = /^([^/]*?) \/ (.*[A-Za-z].*)$/su.exec(text);
  if (pair !== null) return locale === 'en' ? (pair[2] as string) : (pair[1] as string);
  if (locale !== 'en') return text;
  const known = englishOf(text);
  if (known !== undefined) return known;
  for (const [pattern, render] of NAMES) {
    const m = pattern.exec(text);
    const en = m === null ? undefined : render(m);
    if (en !== undefined) return en;
  }
  const parts = text.split('、');
  if (parts.length > 1) {
    const each = parts.map(englishOf);
    if (each.every((p) => p !== undefined)) return each.join(', ');
  }
  return text;
}
