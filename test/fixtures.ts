/**
 * A small hand-built county for the tests of the organization modules:
 *
 * ```
 * 岳池县 yc (county, 511621)
 * ├── 普安镇 pa (township, 511621103000)
 * │   └── 吴家沟村 wjg (village, 511621103201)
 * ├── 九龙街道 jl (subdistrict, 511621001000)
 * │   └── 城北社区 cb (community, 511621001001)
 * └── 岳池县人民医院 hosp (institution)
 *     └── 临时党支部 tb (temporaryBranch, 7 assigned full members)
 * ```
 */
import {
  FrontlineError,
  Person,
  createOrgTree,
  type Issue,
  type OrgId,
  type OrgTree,
  type OrgUnit,
  type PartyStatus,
  type PersonId,
} from '../src/index.js';

/** Brands a plain string as an {@link OrgId}. */
export const oid = (s: string): OrgId => s as OrgId;
/** Brands a plain string as a {@link PersonId}. */
export const pid = (s: string): PersonId => s as PersonId;

/** Input shape of a unit in tests: plain strings for ids (the tree functions take `unknown`). */
export interface UnitInput {
  id: string;
  name: string;
  kind: OrgUnit['kind'];
  parentId: string | null;
  divisionCode?: string;
  opened?: string;
  closed?: string;
  party?: Record<string, unknown>;
  taskBodyId?: string;
}

/** The units of the fixture county, in a fresh array of fresh objects on every call. */
export function fixtureUnits(): UnitInput[] {
  return [
    { id: 'yc', name: '岳池县', kind: 'county', parentId: null, divisionCode: '511621' },
    { id: 'pa', name: '普安镇', kind: 'township', parentId: 'yc', divisionCode: '511621103000' },
    { id: 'wjg', name: '吴家沟村', kind: 'village', parentId: 'pa', divisionCode: '511621103201' },
    { id: 'jl', name: '九龙街道', kind: 'subdistrict', parentId: 'yc', divisionCode: '511621001000' },
    { id: 'cb', name: '城北社区', kind: 'community', parentId: 'jl', divisionCode: '511621001001' },
    {
      id: 'hosp',
      name: '岳池县人民医院',
      kind: 'institution',
      parentId: 'yc',
      party: { form: 'branch', leadership: 'elected', committeeSize: 3 },
    },
    {
      id: 'tb',
      name: '岳池县人民医院新冠肺炎疫情防控临时党支部',
      kind: 'temporaryBranch',
      parentId: 'hosp',
      opened: '2020-01-24',
      taskBodyId: 'hosp',
      party: { form: 'branch', leadership: 'appointed', committeeSize: 3, approvedBy: 'hosp' },
    },
  ];
}

/** The fixture tree. */
export function fixtureTree(): OrgTree {
  return createOrgTree(fixtureUnits());
}

/** Builds (and validates) a person; `extra` may set any other field of {@link Person}. */
export function person(
  id: string,
  unitId: string,
  partyStatus: PartyStatus = 'nonMember',
  extra: Record<string, unknown> = {},
): Person {
  return Person.parse({
    id,
    name: `测试${id}`,
    sex: 'male',
    birthDate: '1980-05-01',
    unitId,
    partyStatus,
    ...extra,
  });
}

/** `n` people of one unit and status, with ids `${prefix}1` … `${prefix}n`. */
export function people(prefix: string, n: number, unitId: string, status: PartyStatus, extra: Record<string, unknown> = {}): Person[] {
  return Array.from({ length: n }, (_, k) => person(`${prefix}${k + 1}`, unitId, status, extra));
}

/**
 * The people of the fixture: county cadres (secretary, mayor, three Standing Committee members), a
 * township cadre, hospital staff (8 full members, 7 of them assigned to the temporary branch, and a
 * probationary member), and residents of 吴家沟村 and 城北社区.
 */
export function fixturePeople(): Person[] {
  return [
    person('sec', 'yc', 'fullMember', { cadreLevel: 'county', post: '县委书记' }),
    person('mayor', 'yc', 'fullMember', { cadreLevel: 'county', post: '县委副书记、县长' }),
    person('sc1', 'yc', 'fullMember', { cadreLevel: 'county', post: '县委常委、组织部长' }),
    person('sc2', 'yc', 'fullMember', { cadreLevel: 'county', post: '县委常委、宣传部长' }),
    person('sc3', 'yc', 'fullMember', { cadreLevel: 'county', post: '县委常委、政法委书记' }),
    person('pa-sec', 'pa', 'fullMember', { cadreLevel: 'section', post: '镇党委书记' }),
    ...people('doc', 7, 'hosp', 'fullMember', { assignments: ['tb'] }),
    person('doc8', 'hosp', 'fullMember'),
    person('nurse', 'hosp', 'probationaryMember'),
    person('wjg-sec', 'wjg', 'fullMember', { cadreLevel: 'village', post: '村党支部书记' }),
    person('wjg-1', 'wjg', 'nonMember', { sex: 'female', birthDate: '1990-02-03' }),
    person('wjg-2', 'wjg', 'activist'),
    person('cb-1', 'cb', 'nonMember'),
    person('cb-2', 'cb', 'applicant'),
  ];
}

/** A command structure valid for the fixture tree and people. */
export function fixtureCommand(): {
  leadingGroup: { name: string; coLeaders: string[]; members: string[] };
  headquarters: { name: string; unitId: string; commander: string; deputies: string[]; members: string[] };
  supervisionGroups: { id: string; name: string; leader: string; members: string[]; line: string; covers: string[]; warZone?: string }[];
  warZones: { id: string; name: string; exclusive: boolean; groups: { id: string; name: string; units: string[] }[] };
} {
  return {
    leadingGroup: { name: '岳池县应对疫情工作领导小组', coLeaders: ['sec', 'mayor'], members: ['sc1', 'sc2', 'sc3'] },
    headquarters: { name: '应急指挥部', unitId: 'yc', commander: 'mayor', deputies: ['sc1'], members: [] },
    supervisionGroups: [
      { id: 'sg-01', name: '第一督导组', leader: 'sc1', members: ['pa-sec'], line: 'warZone', covers: ['jl'], warZone: 'wz-1' },
      { id: 'sg-02', name: '第二督导组', leader: 'sc2', members: [], line: 'township', covers: ['pa'] },
      { id: 'sg-03', name: '第三督导组', leader: 'sc3', members: [], line: 'department', covers: ['hosp'] },
    ],
    warZones: {
      id: 'war-zones',
      name: '战区',
      exclusive: true,
      groups: [
        { id: 'wz-1', name: '城区战区', units: ['jl'] },
        { id: 'wz-2', name: '农村战区', units: ['pa'] },
      ],
    },
  };
}

/** Freezes a value and everything reachable from it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** A deep copy through JSON, to compare an input with itself after a call. */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The problems named by the {@link FrontlineError} that `run` throws: `[]` when it throws nothing, or,
 * with `expectThrow`, a failure; any other error is thrown on.
 */
export function thrownIssues(run: () => unknown, expectThrow = false): readonly Issue[] {
  try {
    run();
  } catch (e) {
    if (e instanceof FrontlineError) return e.issues;
    throw e;
  }
  if (expectThrow) throw new Error('expected a FrontlineError, nothing was thrown');
  return [];
}
