/**
 * The main job: generate the synthetic county at full Yuechi scale and print its summary.
 *
 *   npm run demo                     full scale, Chinese
 *   npm run demo -- --locale en      in English
 *   npm run demo -- --scale 0.05 --seed 7
 */
import { parseArgs } from 'node:util';
import {
  LABELS,
  PARTY_COUNTS,
  checkCommand,
  checkOrgTree,
  checkPartyRules,
  createOrgTree,
  findUnits,
  generateCounty,
  getUnit,
  label,
  maskPhone,
  maskResidentId,
  partyCountsByUnit,
  path,
  rollup,
  type Locale,
  type OrgUnit,
  type Person,
  type UnitKind,
} from '../src/index.js';
import { textTable } from '../src/internal/textTable.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '2020' },
    locale: { type: 'string', default: 'zh-CN' },
  },
});
const locale = values.locale as Locale;
if (locale !== 'zh-CN' && locale !== 'en') throw new RangeError(`unknown locale '${values.locale}': use zh-CN or en`);
const scale = Number(values.scale);
const seed = Number(values.seed);
const zh = locale === 'zh-CN';
const t = (cn: string, en: string): string => (zh ? cn : en);
const L = (v: string, vocabulary?: keyof typeof LABELS): string => label(v, locale, vocabulary);

const started = performance.now();
const county = generateCounty({ seed, scale });
const generatedMs = performance.now() - started;
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

const checkStart = performance.now();
const treeIssues = checkOrgTree(county.units);
const tree = createOrgTree(county.units);
const partyIssues = checkPartyRules(tree, county.people);
const commandIssues = checkCommand(county.command, tree, county.people);
const checkMs = performance.now() - checkStart;

const out: string[] = [];
const section = (title: string): void => {
  out.push('', `■ ${title}`);
};
out.push(
  t(`frontline 演示 — 合成${county.name}（种子 ${seed}，规模 ${scale}，截至 ${county.asOf}）`, `frontline demo — synthetic ${county.name} Yuechi County (seed ${seed}, scale ${scale}, as of ${county.asOf})`),
);

section(t('组织单位（按层级）', 'Organization units by level'));
const kinds = Object.keys(LABELS.unitKind) as UnitKind[];
const byKind = new Map<UnitKind, number>();
for (const u of county.units) byKind.set(u.kind, (byKind.get(u.kind) ?? 0) + 1);
const depthRows = kinds
  .filter((k) => (byKind.get(k) ?? 0) > 0)
  .map((k) => [L(k, 'unitKind'), byKind.get(k) ?? 0]);
out.push(textTable([t('类别', 'kind'), t('数量', 'units')], depthRows));
const villages = (byKind.get('village') ?? 0) + (byKind.get('community') ?? 0);
const townships = (byKind.get('township') ?? 0) + (byKind.get('subdistrict') ?? 0);
out.push(t(`乡镇（街道）${townships} 个，村（社区）${villages} 个`, `${townships} townships and subdistricts, ${villages} villages and communities`));

section(t('党组织形式', 'Party organization forms'));
const forms = new Map<string, number>();
for (const u of county.units) if (u.party !== undefined) forms.set(`${u.kind}|${u.party.form}`, (forms.get(`${u.kind}|${u.party.form}`) ?? 0) + 1);
out.push(
  textTable(
    [t('单位类别', 'unit kind'), t('组织形式', 'form'), t('数量', 'count')],
    [...forms.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([key, n]) => {
        const [kind, form] = key.split('|') as [string, string];
        return [L(kind, 'unitKind'), L(form, 'partyForm'), n];
      }),
  ),
);

section(t('规则检查', 'Rule checks'));
const errors = partyIssues.filter((i) => i.severity === 'error');
const warnings = partyIssues.filter((i) => i.severity === 'warning');
out.push(
  textTable(
    [t('检查', 'check'), t('问题', 'problems')],
    [
      [t('组织树（checkOrgTree）', 'organization tree (checkOrgTree)'), treeIssues.length],
      [t('党组织设置违规（checkPartyRules）', 'Party rule errors (checkPartyRules)'), errors.length],
      [t('党组织设置提示', 'Party rule warnings'), warnings.length],
      [t('指挥体系（checkCommand）', 'command structure (checkCommand)'), commandIssues.length],
    ],
  ),
);
const byRule = new Map<string, number>();
for (const i of partyIssues) byRule.set(`${i.severity} ${i.rule}`, (byRule.get(`${i.severity} ${i.rule}`) ?? 0) + 1);
for (const [rule, n] of byRule) out.push(`  ${rule}: ${n}`);
for (const i of partyIssues.slice(0, 3)) out.push(`  · ${i.message}`);

section(t('人员（按政治面貌）', 'People by Party status'));
const totals = rollup(tree, partyCountsByUnit(tree, county.people), PARTY_COUNTS).get(tree.root) ?? PARTY_COUNTS.empty;
out.push(
  textTable(
    [t('政治面貌', 'status'), t('人数', 'people'), t('占比', 'share')],
    (Object.keys(totals) as (keyof typeof totals)[]).map((s) => [L(s, 'partyStatus'), totals[s], `${((100 * totals[s]) / county.people.length).toFixed(2)}%`]),
  ),
);
const cadres = new Map<string, number>();
for (const p of county.people) if (p.cadreLevel !== undefined) cadres.set(p.cadreLevel, (cadres.get(p.cadreLevel) ?? 0) + 1);
out.push(
  t(
    `共 ${county.people.length.toLocaleString('en-US')} 人，${county.households.length.toLocaleString('en-US')} 户（户均 ${(county.households.reduce((a, h) => a + h.members.length, 0) / county.households.length).toFixed(2)} 人）`,
    `${county.people.length.toLocaleString('en-US')} people in ${county.households.length.toLocaleString('en-US')} households (${(county.households.reduce((a, h) => a + h.members.length, 0) / county.households.length).toFixed(2)} per household)`,
  ),
);
out.push(`${t('干部', 'Cadres')}: ${[...cadres.entries()].map(([k, n]) => `${L(k, 'cadreLevel')} ${n.toLocaleString('en-US')}`).join(t('，', ', '))}`);

section(t('"1+1+10" 指挥体系', 'The "1+1+10" command structure'));
const byId = new Map<string, Person>(county.people.map((p) => [p.id, p]));
const who = (id: string): string => {
  const p = byId.get(id);
  return p === undefined ? id : `${p.name}（${p.post ?? ''}）`;
};
const c = county.command;
out.push(`${t('领导小组双组长', 'Leading group co-leaders')}: ${c.leadingGroup.coLeaders.map(who).join(t('、', ', '))}`);
out.push(`${t('应急指挥部指挥长', 'Headquarters commander')}: ${who(c.headquarters.commander)}`);
out.push(
  textTable(
    [t('督导组', 'group'), t('线别', 'line'), t('带队', 'leader'), t('覆盖单位', 'covers')],
    c.supervisionGroups.map((g) => [g.name, L(g.line, 'supervisionLine'), who(g.leader), g.covers.map((id) => getUnit(tree, id).name).slice(0, 3).join('、') + (g.covers.length > 3 ? ` …(${g.covers.length})` : '')]),
  ),
);

section(t('文中提到的地方', 'Places named in the article'));
const named = ['乔家镇', '吴家沟村', '城北社区', '兴盛社区', '永胜社区'].flatMap((n) => findUnits(tree, (u) => u.name === n));
const counts = partyCountsByUnit(tree, county.people);
const rolled = rollup(tree, counts, PARTY_COUNTS);
out.push(
  textTable(
    [t('单位', 'unit'), t('党组织', 'organization'), t('正式党员', 'full'), t('预备党员', 'probationary'), t('积极分子', 'activists')],
    named.map((u: OrgUnit) => {
      const k = rolled.get(u.id) ?? PARTY_COUNTS.empty;
      return [path(tree, u.id).map((x) => x.name).join(' / '), u.party === undefined ? '—' : L(u.party.form, 'partyForm'), k.fullMember, k.probationaryMember, k.activist];
    }),
  ),
);
const tb = findUnits(tree, (u) => u.kind === 'temporaryBranch')[0];
if (tb !== undefined) {
  const members = county.people.filter((p) => p.assignments?.includes(tb.id));
  out.push(`${tb.name}: ${members.length} ${t('名党员，委员会', 'members, committee of')} ${tb.party?.committeeSize ?? 0}`);
}
const sample = county.people.find((p) => p.residentId !== undefined && p.phone !== undefined);
if (sample?.residentId !== undefined && sample.phone !== undefined)
  out.push(`${t('脱敏示例', 'Masked example')}: ${maskResidentId(sample.residentId)}  ${maskPhone(sample.phone)}`);

section(t('耗时', 'Time taken'));
out.push(
  textTable(
    [t('步骤', 'step'), t('毫秒', 'ms')],
    [
      [t('生成县（generateCounty）', 'generate county (generateCounty)'), Math.round(generatedMs)],
      [t('建树并检查规则', 'build tree and check rules'), Math.round(checkMs)],
      [t('合计', 'total'), Math.round(performance.now() - started)],
    ],
  ),
);
out.push(t(`堆内存 ${heapMb.toFixed(0)} MB`, `heap ${heapMb.toFixed(0)} MB`));
console.log(out.join('\n'));
if (treeIssues.length > 0 || errors.length > 0 || commandIssues.length > 0) process.exitCode = 1;
