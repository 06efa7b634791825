/**
 * The main job: generate the county at full Yuechi scale (its real divisions, synthetic people) and
 * print its summary.
 *
 *   npm run demo                     full scale, Chinese
 *   npm run demo -- --locale en      in English
 *   npm run demo -- --scale 0.05 --seed 7
 *   npm run demo -- --divisions synthetic   drawn places instead of Yuechi's real ones
 *   npm run demo -- --store memory   keep nothing (default: --store pglite:out/store, an embedded
 *                                    PostgreSQL; or --store postgres://user@host:port/db); a second
 *                                    run with the same county continues from what the first stored
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  LABELS,
  SIMULATED_CAMPAIGNS,
  addDays,
  campaignProgress,
  checkEpidemicAnchors,
  tracingIndicators,
  tracingShares,
  countyEvents,
  coverage,
  followUps,
  replay,
  simulateCampaigns,
  tableForEach,
  tableGet,
  type CleaningMetrics,
  type Day,
  type DoorKnockingMetrics,
  type HomePreventionMetrics,
  type VolunteerMetrics,
  type EventId,
  type Instant,
  type PersonId,
  type RecordId,
  buildRoster,
  checkCapacity,
  countyPosts,
  ledgerRoster,
  onDuty,
  repairRoster,
  rosterProblemFromLedger,
  daysBetween,
  deriveRecords,
  evaluateCadres,
  evaluateTeams,
  findingsOn,
  nominate,
  simulateSupervision,
  suggestAdmissions,
  tableValues,
  uninspectedUnits,
  type OrgId,
  dailyDispatch,
  renderDispatch,
  simulateReporting,
  simulateAdmissions,
  PARTY_COUNTS,
  RULES,
  checkCommand,
  isTownshipLevel,
  checkOrgTree,
  checkPartyRules,
  createOrgTree,
  findUnits,
  generateCounty,
  getUnit,
  label,
  localize,
  maskPhone,
  maskResidentId,
  partyCountsByUnit,
  path,
  rollup,
  type Locale,
  type OrgUnit,
  type Person,
  type UnitKind,
  type Ledger,
} from '../src/index.js';
import { displayWidth, textTable as table, wrapText } from '../src/internal/textTable.js';
import { countOf } from '../src/internal/plural.js';
import { DEFAULT_STORE, demoStream, openDemoStore, resume, save } from './store.js';
import { withProgress } from './progress.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '2020' },
    locale: { type: 'string', default: 'zh-CN' },
    days: { type: 'string', default: '14' },
    divisions: { type: 'string', default: 'yuechi' },
    store: { type: 'string', default: DEFAULT_STORE },
  },
});
const locale = values.locale as Locale;
if (locale !== 'zh-CN' && locale !== 'en') throw new RangeError(`unknown locale '${values.locale}': use zh-CN or en`);
const scale = Number(values.scale);
const seed = Number(values.seed);
const zh = locale === 'zh-CN';
const n0 = (x: number): string => x.toLocaleString('en-US');
const t = (cn: string, en: string): string => (zh ? cn : en);
const L = (v: string, vocabulary?: keyof typeof LABELS): string => label(v, locale, vocabulary);
/** A Chinese text of the data (a post, a group's or a post's name, a finding) in the locale. */
const T = (text: string): string => localize(text, locale);
/** An English count with its noun in the singular or the plural: `1 household`, `2 households`. */
const count = (x: number, one: string, other: string): string => countOf(x, one, other);
/** The width to fit: the terminal's (at least 40 columns), or 80 when the output is not a terminal. */
const width = Math.max(40, process.stdout.columns ?? 80);
const textTable = (header: readonly string[], rows: readonly (readonly (string | number)[])[]): string => table(header, rows, width);

const started = performance.now();
if (values.divisions !== 'yuechi' && values.divisions !== 'synthetic') throw new RangeError(`unknown divisions '${values.divisions}': use yuechi or synthetic`);
const divisions = values.divisions;
const county = withProgress('generating the county', (onProgress) => generateCounty({ seed, scale, divisions, onProgress }));
const generatedMs = performance.now() - started;

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
  county.divisions === 'yuechi'
    ? t(`frontline 演示 — ${county.name}（真实区划、合成人口；种子 ${seed}，规模 ${scale}，截至 ${county.asOf}）`, `frontline demo — ${county.name} (Yuechi County: real divisions, synthetic people; seed ${seed}, scale ${scale}, as of ${county.asOf})`)
    : t(`frontline 演示 — 合成${county.name}（种子 ${seed}，规模 ${scale}，截至 ${county.asOf}）`, `frontline demo — synthetic county ${county.name} (seed ${seed}, scale ${scale}, as of ${county.asOf})`),
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
const townships = (byKind.get('subdistrict') ?? 0) + (byKind.get('town') ?? 0) + (byKind.get('township') ?? 0);
out.push(t(`乡级（街道、镇、乡）${townships} 个，村（社区）${villages} 个`, `${townships} subdistricts, towns and townships, ${villages} villages and communities`));

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
for (const i of partyIssues) byRule.set(`${L(i.severity, 'severity')} ${i.rule}`, (byRule.get(`${L(i.severity, 'severity')} ${i.rule}`) ?? 0) + 1);
for (const [rule, n] of byRule) out.push(`  ${rule}: ${n}`);
for (const i of partyIssues.slice(0, 3)) out.push(`  · ${zh ? `${getUnit(tree, i.unitId).name}：${RULES[i.rule].zh}` : i.message}`);

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
  if (p === undefined) return id;
  return p.post === undefined ? p.name : t(`${p.name}（${p.post}）`, `${p.name} (${T(p.post)})`);
};
const c = county.command;
out.push(`${t('领导小组双组长', 'Leading group co-leaders')}: ${c.leadingGroup.coLeaders.map(who).join(t('、', ', '))}`);
out.push(`${t('应急指挥部指挥长', 'Headquarters commander')}: ${who(c.headquarters.commander)}`);
out.push(
  textTable(
    [t('督导组', 'group'), t('线别', 'line'), t('带队', 'leader'), t('覆盖单位', 'covers')],
    c.supervisionGroups.map((g) => [T(g.name), L(g.line, 'supervisionLine'), who(g.leader), g.covers.map((id) => getUnit(tree, id).name).slice(0, 3).join(t('、', ', ')) + (g.covers.length > 3 ? ` …(${g.covers.length})` : '')]),
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
  out.push(t(`${tb.name}：党员 ${members.length} 名，委员会 ${tb.party?.committeeSize ?? 0} 人`, `${T(tb.name)}: ${count(members.length, 'member', 'members')}, a committee of ${tb.party?.committeeSize ?? 0}`));
}
const sample = county.people.find((p) => p.residentId !== undefined && p.phone !== undefined);
if (sample?.residentId !== undefined && sample.phone !== undefined)
  out.push(`${t('脱敏示例', 'Masked example')}: ${maskResidentId(sample.residentId)}  ${maskPhone(sample.phone)}`);

// ── the fortnight: the four campaigns in the ledger ─────────────────────────────────────────────
const store = await openDemoStore(values.store);
const stream = demoStream(county, Number(values.days));
const stored = await resume(store, stream);
let registerMs = 0;
let simulateMs = 0;
let replayMs = 0;
let ledger: Ledger;
let journalLength: number;
let byType = new Map<string, number>();
let storeNote: string;
let storeMs = 0;
if (stored !== undefined) {
  // a previous run stored this county's fortnight: continue from it
  ledger = stored.state.ledger;
  storeMs = stored.ms;
  byType = stored.byType;
  journalLength = [...byType.values()].reduce((a, b) => a + b, 0);
  storeNote = t(
    `台账库 ${store.label}：接续上次保存的台账（${n0(stored.state.position)} 条事件，快照位置 ${n0(stored.snapshotAt ?? 0)}），载入用时 ${Math.round(stored.ms)} 毫秒，未重新模拟`,
    `Store ${store.label}: continuing from the stored journal (${count(stored.state.position, 'event', 'events')}, snapshot at ${n0(stored.snapshotAt ?? 0)}), loaded in ${Math.round(stored.ms)} ms instead of simulating again`,
  );
} else {
  const ledgerStart = performance.now();
  const register = countyEvents(county);
  const base = replay(register, undefined, { trusted: true });
  registerMs = performance.now() - ledgerStart;
  const simStart = performance.now();
  const journal = withProgress('simulating the campaigns', (onProgress) => simulateCampaigns(base, { days: Number(values.days), seed, onProgress }));
  simulateMs = performance.now() - simStart;
  const replayStart = performance.now();
  ledger = withProgress('replaying the journal', (onProgress) => replay(journal, base, { onProgress }));
  replayMs = performance.now() - replayStart;
  journalLength = journal.length;
  for (const e of journal) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  const saved = await save(store, stream, register, journal, ledger);
  storeMs = saved?.ms ?? 0;
  storeNote =
    saved === undefined
      ? t('台账库：仅内存（--store memory），未保存', 'Store: memory only (--store memory), nothing kept')
      : t(
          `台账库 ${store.label}：已保存 ${n0(saved.state.position)} 条事件（COPY）和快照，用时 ${Math.round(saved.ms)} 毫秒；再次运行将接续此台账`,
          `Store ${store.label}: stored ${count(saved.state.position, 'event', 'events')} (COPY) and a snapshot in ${Math.round(saved.ms)} ms; the next run continues from them`,
        );
}
await store.close();
const lastDay = addDays('2020-01-25' as Day, Number(values.days) - 1);

section(t(`四大行动：${Number(values.days)} 天模拟（${journalLength.toLocaleString('en-US')} 条台账事件），截至 ${lastDay}`, `The four campaigns: ${count(Number(values.days), 'simulated day', 'simulated days')} (${count(journalLength, 'ledger event', 'ledger events')}), as of ${lastDay}`));
out.push(storeNote);
out.push(
  t('事件：', 'Events: ') +
    [...byType.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([type, n]) => `${Object.hasOwn(LABELS.eventType, type) ? L(type, 'eventType') : type} ${n.toLocaleString('en-US')}`)
      .join(t('，', ', ')),
);
const progress = {
  dk: campaignProgress(ledger, SIMULATED_CAMPAIGNS.doorKnocking, lastDay),
  hp: campaignProgress(ledger, SIMULATED_CAMPAIGNS.homePrevention, lastDay),
  cl: campaignProgress(ledger, SIMULATED_CAMPAIGNS.cleaning, lastDay),
  vs: campaignProgress(ledger, SIMULATED_CAMPAIGNS.volunteerService, lastDay),
};
const dk = progress.dk.total as DoorKnockingMetrics;
const hp = progress.hp.total as HomePreventionMetrics;
const cl = progress.cl.total as CleaningMetrics;
const vs = progress.vs.total as VolunteerMetrics;
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const n = (x: number): string => x.toLocaleString('en-US');
out.push(
  textTable(
    [t('行动', 'campaign'), t('今日进度', "today's progress")],
    [
      [L('doorKnocking', 'campaignKind'), t(`覆盖率 ${pct(coverage(dk))}（${dk.screened.toLocaleString('en-US')}/${dk.households.toLocaleString('en-US')} 户），今日走访 ${dk.visits.toLocaleString('en-US')} 次，待复访 ${dk.dueRevisit.toLocaleString('en-US')} 户，服务诉求未办 ${dk.servicesOpen}（超时 ${dk.servicesOverdue}）`, `coverage ${pct(coverage(dk))} (${dk.screened.toLocaleString('en-US')}/${count(dk.households, 'household', 'households')}), ${count(dk.visits, 'visit', 'visits')} today, ${count(dk.dueRevisit, 'household', 'households')} due a revisit, ${count(dk.servicesOpen, 'service request', 'service requests')} open (${dk.servicesOverdue} overdue)`)],
      [L('homePrevention', 'campaignKind'), t(`告知书 ${pct(hp.lettersDelivered / Math.max(1, hp.households))}，申报 ${n(hp.declarations)}，在观察 ${n(hp.underObservation)}（新增 ${hp.newObservations}，解除 ${hp.released}，发热转诊 ${hp.escalated}），体温 ${n(hp.checksDone)}/${n(hp.checksDue)}，失访 ${hp.lost}`, `letters ${pct(hp.lettersDelivered / Math.max(1, hp.households))}, ${count(hp.declarations, 'declaration', 'declarations')}, ${n(hp.underObservation)} under observation (${hp.newObservations} new, ${hp.released} released, ${hp.escalated} escalated), checks ${n(hp.checksDone)}/${n(hp.checksDue)}, ${hp.lost} lost to follow-up`)],
      [L('cleaning', 'campaignKind'), t(`场所 ${cl.sites}，消杀 ${cl.done}/${cl.required}，今日未达标 ${cl.sitesDue}，昨日欠账 ${cl.sitesOverdue}`, `${count(cl.sites, 'site', 'sites')}, disinfections ${cl.done}/${cl.required}, ${cl.sitesDue} short today, ${cl.sitesOverdue} short yesterday`)],
      [L('volunteerService', 'campaignKind'), t(`志愿者 ${vs.volunteers.toLocaleString('en-US')}，任务 ${vs.tasks}（空缺 ${vs.openTasks}），到岗 ${n(vs.attended)}/${n(vs.signUps)}，服务 ${vs.hours.toLocaleString('en-US')} 小时`, `${count(vs.volunteers, 'volunteer', 'volunteers')}, ${count(vs.tasks, 'task', 'tasks')} (${vs.openTasks} with places left), ${n(vs.attended)}/${n(vs.signUps)} came, ${count(vs.hours, 'hour', 'hours')}`)],
    ],
  ),
);
// the screening trend: households first screened by each day
const firstScreened = new Map<string, number>();
tableForEach(ledger.screenings, (sc) => {
  if (sc.firstScreenedOn !== undefined) firstScreened.set(sc.firstScreenedOn, (firstScreened.get(sc.firstScreenedOn) ?? 0) + 1);
});
let cumulative = 0;
const trend: string[] = [];
for (let d = 0; d < Number(values.days); d++) {
  const day = addDays('2020-01-25' as Day, d);
  cumulative += firstScreened.get(day) ?? 0;
  trend.push(`${day.slice(5)} ${pct(cumulative / Math.max(1, dk.households))}`);
}
out.push(`${t('入户摸排覆盖率走势', 'Screening coverage by day')}: ${trend.join('  ')}`);
const townshipRows = tree.units
  .filter((u) => isTownshipLevel(u.kind))
  .map((u) => ({
    u,
    d: progress.dk.rolledUp.get(u.id) as DoorKnockingMetrics,
    h: progress.hp.rolledUp.get(u.id) as HomePreventionMetrics,
    v: progress.vs.rolledUp.get(u.id) as VolunteerMetrics,
  }))
  .sort((a, b) => b.h.underObservation - a.h.underObservation || a.u.name.localeCompare(b.u.name))
  .slice(0, 8);
out.push(t('在观察人数最多的乡镇（街道）：', 'Townships with the most people under observation:'));
out.push(
  textTable(
    [t('乡镇（街道）', 'township'), t('户数', 'households'), t('覆盖率', 'coverage'), t('待复访', 'revisit'), t('在观察', 'observed'), t('体温', 'checks'), t('失访', 'lost'), t('志愿时长', 'vol. hours')],
    townshipRows.map(({ u, d, h, v }) => [u.name, d.households, pct(coverage(d)), d.dueRevisit, h.underObservation, `${h.checksDone}/${h.checksDue}`, h.lost, v.hours]),
  ),
);
const lost = followUps(ledger, lastDay).filter((f) => f.status === 'lost').slice(0, 3);
for (const f of lost) {
  const p = tableGet(ledger.people, f.personId);
  out.push(`  · ${t('失访', 'lost to follow-up')}: ${p?.residentId === undefined ? f.personId : maskResidentId(p.residentId)} ${getUnit(tree, f.unitId).name}, ${t('连续漏测', 'missed in a row')} ${f.missesInRow}`);
}

// ── the reality check: the fortnight beside published figures ──────────────────────────────────
{
  const check = checkEpidemicAnchors(ledger, { from: '2020-01-25' as Day, to: lastDay });
  section(t(`真实性检验：模拟的两周与公开数据对照（${check.met ? '全部符合' : '有不符'}）`, `Reality check: the simulated fortnight beside published figures (${check.met ? 'all met' : 'not all met'})`));
  const shown = (r: (typeof check.results)[number]): string =>
    r.denominator === null ? n0(r.value) : `${Number.isNaN(r.value) ? '—' : `${(100 * r.value).toFixed(1)}%`} (${n0(r.numerator)}/${n0(r.denominator)})`;
  const range = (r: (typeof check.results)[number]): string =>
    r.anchor.kind === 'count' ? `${n0(r.anchor.min)}–${n0(r.anchor.max)}` : `${+(100 * r.anchor.min).toFixed(1)}–${+(100 * r.anchor.max).toFixed(1)}%`;
  out.push(
    textTable(
      [t('指标', 'figure'), t('模拟', 'simulated'), t('参照范围', 'anchor'), t('符合', 'met'), t('依据', 'published')],
      check.results.map((r) => [L(r.figure, 'epidemicFigure'), shown(r), range(r), r.met ? '✓' : '✗', zh ? r.anchor.reference.zh : r.anchor.reference.en]),
    ),
  );
  if (scale !== 1) out.push(t(`（参照范围按全县120万人；规模 ${scale} 时病例和密接人数相应偏少）`, `(the anchors are for the whole county of 1.2 million: at scale ${scale} the counts fall short accordingly)`));
  const titles = [...new Set(check.results.flatMap((r) => r.anchor.sources.filter((x) => x.title.startsWith('arithmetic') === false).map((x) => x.title)))];
  out.push(t('来源：', 'Sources: ') + titles.map((x, i) => `[${i + 1}] ${T(x)}`).join('; '));
  const tracing = tracingIndicators(ledger, { from: '2020-01-25' as Day, to: lastDay });
  out.push(
    t('密接追踪（世卫组织指标）：', 'Contact tracing (WHO indicators): ') +
      tracingShares(tracing.total)
        .map((x) => `${L(x.indicator, 'tracingIndicator')} ${x.share === null ? '—' : `${(100 * x.share).toFixed(1)}%`} (${n0(x.numerator)}/${n0(x.denominator)})`)
        .join(t('，', ', ')),
  );
}

// ── duty rosters at the checkpoints ─────────────────────────────────────────────────────────────
const rosterStart = performance.now();
const by = county.command.headquarters.commander;
const posts = countyPosts(county.units);
const withPosts = replay(
  posts.map((post, i) => ({ type: 'postOpened' as const, id: `post-${i}` as EventId, at: '2020-01-25T09:00:00+08:00' as Instant, by, post })),
  ledger,
);
const rosterDay = '2020-01-26' as Day;
const problem = rosterProblemFromLedger(withPosts, { startDay: rosterDay, days: Number(values.days) });
const capacity = checkCapacity(problem);
const built = buildRoster(problem, { seed });
const rosterMs = performance.now() - rosterStart;
const staffGroups = built.stats.fairness.filter((g) => g.role === 'staff');
const staffSpread = staffGroups.reduce((m, g) => Math.max(m, g.spread), 0);
const leaderSpread = built.stats.fairness.filter((g) => g.role !== 'staff').reduce((m, g) => Math.max(m, g.spread), 0);
section(
  t(
    `值班排班：${posts.length} 个岗点（${n(posts.filter((p) => p.kind === 'checkpoint').length)} 个临时检查点、${posts.filter((p) => p.kind === 'dutyRoom').length} 个值班室、热线），${Number(values.days)} 天`,
    `Duty rosters: ${count(posts.length, 'post', 'posts')} (${count(posts.filter((p) => p.kind === 'checkpoint').length, 'checkpoint', 'checkpoints')}, ${count(posts.filter((p) => p.kind === 'dutyRoom').length, 'duty room', 'duty rooms')}, the hotline), ${count(Number(values.days), 'day', 'days')}`,
  ),
);
const absent = problem.people.filter((p) => (p.absences ?? []).length > 0).length;
out.push(
  t(
    `可排班人员 ${n(problem.people.length)}（干部 ${n(problem.people.filter((p) => p.cadreLevel !== undefined).length)}，其中 ${n(absent)} 人因医学观察、隔离或请假部分日期不可排）；预检：${capacity.feasible ? '全县容量充足' : '全县容量不足'}，乡镇缺口 ${capacity.shortfalls.length} 处`,
    `${count(problem.people.length, 'person', 'people')} can serve (${count(problem.people.filter((p) => p.cadreLevel !== undefined).length, 'cadre', 'cadres')}; ${n(absent)} unavailable on some days: observation, isolation or leave); pre-flight: ${capacity.feasible ? 'enough capacity county-wide' : 'short county-wide'}, ${count(capacity.shortfalls.length, 'pool shortfall', 'pool shortfalls')}`,
  ),
);
for (const s of capacity.shortfalls.slice(0, 3)) out.push(`  · ${zh ? s.message.zh : s.message.en}`);
out.push(
  textTable(
    [t('指标', 'figure'), t('数值', 'value')],
    [
      [t('席位', 'seats'), n(built.stats.seats)],
      [t('填充率', 'fill rate'), pct(built.stats.fillRate)],
      [t('空缺（带班领导 / 值守）', 'unfilled (leader / staff)'), `${built.stats.unfilledLeaders} / ${built.stats.unfilledStaff}`],
      [t('得分 [硬, 中, 软]', 'score [hard, medium, soft]'), `[${built.score.join(', ')}]`],
      [t('公平：值守人员班次差（最大）', 'fairness: staff shift-count spread (worst pool)'), staffSpread],
      [t('公平：带班领导班次差（最大）', 'fairness: leader shift-count spread (worst pool)'), leaderSpread],
      [t('首个完整排班（毫秒）', 'first full roster (ms)'), built.stats.constructionMs],
      [t('局部搜索：每秒评估步数', 'local search: moves evaluated per second'), n(built.stats.evaluationsPerSecond)],
    ],
  ),
);
for (const u of built.unfilled.slice(0, 3)) out.push(`  · ${t('空缺', 'unfilled')} ${u.seat}: ${zh ? u.reason.zh : u.reason.en}`);
// publish it, then someone falls ill and the roster is repaired
const published = replay([{ type: 'rosterPublished' as const, id: 'roster-1' as EventId, at: '2020-01-25T18:00:00+08:00' as Instant, by, rosterId: 'r1' as RecordId, roster: built.roster }], withPosts);
let rostered = published;
const sickDay = addDays(rosterDay, 4);
const sickSeat = Object.entries(built.roster.seats).find(([seat, person]) => person !== null && seat.startsWith('cp.') && seat.includes(`/${sickDay}/morning/L`));
if (sickSeat !== undefined) {
  const sick = sickSeat[1] as PersonId;
  const sickName = tableGet(published.people, sick)?.name ?? sick;
  const repaired = repairRoster(problem, built.roster, { kind: 'unavailable', personId: sick, from: sickDay, to: addDays(sickDay, 2), reason: 'sickness' }, { freezeAt: `${sickDay}T07:00:00+08:00` as Instant });
  out.push(
    t(
      `补位：带班领导 ${sickName} 自 ${sickDay} 病假 3 天：空出 ${repaired.repair.freedSeats} 个席位，改动 ${repaired.repair.changedSeats} 个，冻结时点前改动 ${repaired.repair.changedBeforeFreeze} 个，用时 ${repaired.repair.ms} 毫秒`,
      `Repair: leading cadre ${sickName} is sick for 3 days from ${sickDay}: ${count(repaired.repair.freedSeats, 'seat', 'seats')} freed, ${repaired.repair.changedSeats} changed, ${repaired.repair.changedBeforeFreeze} changed before the freeze, ${repaired.repair.ms} ms`,
    ),
  );
  for (const d of repaired.diff.slice(0, 4)) out.push(`  · ${zh ? d.message.zh : d.message.en}`);
  const after = replay(
    [
      { type: 'absenceRecorded' as const, id: 'absence-1' as EventId, at: `${sickDay}T07:00:00+08:00` as Instant, by, absence: { id: 'a1' as RecordId, personId: sick, from: sickDay, to: addDays(sickDay, 2), reason: 'sickness' as const } },
      { type: 'dutiesReassigned' as const, id: 'reassign-1' as EventId, at: `${sickDay}T07:05:00+08:00` as Instant, by, rosterId: 'r1' as RecordId, changes: repaired.diff.filter((d) => d.reason !== 'closed').map((d) => ({ seat: d.seat, personId: d.new })), reason: `${sickName} 病假` },
    ],
    published,
  );
  rostered = after;
  // the supervision group's question at Wujiagou village that night
  const wujiagou = findUnits(tree, (u) => u.name === '吴家沟村')[0];
  const post = wujiagou === undefined ? undefined : posts.find((p) => p.unitId === wujiagou.id);
  if (post !== undefined) {
    const at = `${addDays(sickDay, 1)}T23:30:00+08:00` as Instant;
    const duty = onDuty(ledgerRoster(after, 'r1'), post.id, at);
    const name = (id: PersonId | null): string => (id === null ? t('空缺', 'unfilled') : (tableGet(after.people, id)?.name ?? id));
    for (const s of duty.shifts) {
      const shift = T(post.shifts.find((x) => x.id === s.shiftId)?.name ?? s.shiftId);
      out.push(
        t(
          `督导组问：${post.name} ${at.slice(0, 16).replace('T', ' ')} 谁在值守、谁带班？ 带班领导 ${name(s.leader)}，值守 ${s.staff.map(name).join('、')}（${shift}）`,
          `Supervision asks at the ${T(post.name)}, ${at.slice(0, 16).replace('T', ' ')}: who is on duty, who leads? Leader ${name(s.leader)}, staff ${s.staff.map(name).join(', ')} (${shift})`,
        ),
      );
    }
  }
}

// ── supervision, evidence, evaluation, commendation, admission ──────────────────────────────────
const evalStart = performance.now();
const evalLast = lastDay;
const supervision = [
  ...simulateSupervision(rostered, { rosterId: 'r1', startDay: rosterDay, days: daysBetween(rosterDay, evalLast) + 1, seed }),
  ...simulateReporting(rostered, { startDay: rosterDay, days: daysBetween(rosterDay, evalLast) + 1, seed }),
  ...simulateAdmissions(rostered, { startDay: rosterDay, days: daysBetween(rosterDay, evalLast) + 1, seed }),
].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
const judged = replay(supervision, rostered);
const period = { from: rosterDay, to: evalLast };
const open = findingsOn(judged, evalLast);
const overdue = open.filter((v) => v.overdue);
const allFindings = findingsOn(judged, evalLast, { only: 'all' });
section(
  t(
    `督导检查：${n(judged.inspections.size)} 次检查，发现问题 ${n(allFindings.length)} 个（排班核对 ${n(allFindings.filter((v) => v.finding.fromRoster).length)} 个），已整改通过 ${n(allFindings.length - open.length)} 个，未销号 ${n(open.length)} 个，其中逾期 ${n(overdue.length)} 个（截至 ${evalLast}）`,
    `Supervision: ${count(judged.inspections.size, 'inspection', 'inspections')}, ${count(allFindings.length, 'finding', 'findings')} (${n(allFindings.filter((v) => v.finding.fromRoster).length)} from the roster check), ${n(allFindings.length - open.length)} rectified and passed, ${n(open.length)} open, ${n(overdue.length)} overdue (as of ${evalLast})`,
  ),
);
const unitName = (id: string): string => getUnit(tree, id as OrgId).name;
out.push(
  textTable(
    [t('逾期问题', 'overdue finding'), t('责任单位', 'unit'), t('等级', 'severity'), t('逾期天数', 'days over'), t('问题', 'what')],
    overdue.slice(0, 6).map((v) => [v.finding.id, unitName(v.finding.unitId), L(v.finding.severity, 'findingSeverity'), v.daysOverdue, T(v.finding.description)]),
  ),
);
const groups = judged.command?.supervisionGroups ?? [];
out.push(
  t('7 天内未检查的单位：', 'Units not inspected in the last 7 days: ') +
    groups.map((g) => t(`${g.name} ${uninspectedUnits(judged, g.id, evalLast, 7).length}`, `${T(g.name)}: ${uninspectedUnits(judged, g.id, evalLast, 7).length}`)).join(t('，', '; ')),
);
const records = deriveRecords(judged, period);
const people = tableValues(judged.people);
const villageCadres = people.filter((p) => p.cadreLevel === 'village');
const cadreEval = evaluateCadres(records, villageCadres, { period, quota: { edition: '2020', withApproval: false } });
const gradeCounts = new Map<string, number>();
for (const g of cadreEval.grades) gradeCounts.set(g.grade, (gradeCounts.get(g.grade) ?? 0) + 1);
section(
  t(
    `一线考核（专项）：${n(records.length)} 条考核记录（来自值守签到、入户摸排、上门服务、督导整改、志愿服务、具体事例、三亮），村（社区）干部 ${n(villageCadres.length)} 人`,
    `Front-line assessment (special): ${count(records.length, 'performance record', 'performance records')} (duty attendance, screening visits, deliveries, findings, volunteer hours, deeds, three shows), ${count(villageCadres.length, 'village or community cadre', 'village and community cadres')}`,
  ),
);
out.push(
  t(`等次：`, 'Grades: ') +
    (['excellent', 'competent', 'basicallyCompetent', 'incompetent'] as const).map((g) => `${L(g, 'cadreGrade')} ${n(gradeCounts.get(g) ?? 0)}`).join(t('，', ', ')) +
    t(`（优秀名额 ${cadreEval.quota.max}，2020 年规定 20%）`, ` (excellent quota ${cadreEval.quota.max}: 20% under the 2020 rules)`),
);
const personName = (id: string): string => tableGet(judged.people, id as PersonId)?.name ?? id;
out.push(
  textTable(
    [t('名次', 'rank'), t('姓名', 'name'), t('单位', 'unit'), t('总分', 'total'), t('等次', 'grade'), t('主要依据', 'main evidence')],
    cadreEval.grades.slice(0, 5).map((g) => {
      const top = g.evidence.top[0];
      const p = tableGet(judged.people, g.personId);
      return [g.rank, personName(g.personId), p === undefined ? '' : unitName(p.unitId), g.total, L(g.grade, 'cadreGrade'), top === undefined ? '' : `${L(top.kind, 'recordKind')}${top.text === undefined ? ` ×${top.amount}` : `${t('：', ': ')}${T(top.text)}`}${t(`（共${g.evidence.records}条）`, ` (${count(g.evidence.records, 'record', 'records')})`)}`];
    }),
  ),
);
const teamUnits = tree.units.filter((u) => u.kind === 'village' || u.kind === 'community').map((u) => u.id);
const unitOf = new Map<string, OrgId>(villageCadres.map((p) => [p.id, p.unitId]));
const teams = evaluateTeams(records, teamUnits, { period, cadres: cadreEval, unitOf });
const teamCounts = new Map<string, number>();
for (const g of teams.grades) teamCounts.set(g.grade, (teamCounts.get(g.grade) ?? 0) + 1);
out.push(t('村（社区）领导班子：', 'Village and community leadership teams: ') + (['good', 'fairlyGood', 'average', 'poor'] as const).map((g) => `${L(g, 'teamGrade')} ${n(teamCounts.get(g) ?? 0)}`).join(t('，', ', ')));
const { nominations, quotas } = nominate({ records, period, people, cadres: cadreEval, teams: teams.grades });
section(t('表彰推荐', 'Nominations for commendation'));
for (const title of ['outstandingMember', 'outstandingPartyWorker', 'advancedOrganization'] as const) {
  const list = nominations.filter((x) => x.title === title);
  out.push(`${L(title, 'commendation')}: ${list.length}/${quotas[title]} — ${list.slice(0, 4).map((x) => (x.personId !== undefined ? personName(x.personId) : unitName(x.unitId ?? ''))).join(t('、', ', '))}${list.length > 4 ? ' …' : ''}`);
  const first = list[0];
  if (first !== undefined) out.push(`  · ${zh ? first.reason.zh : first.reason.en}`);
}
const { suggestions } = suggestAdmissions({ records, period, people });
section(t(`火线发展：建议及时发展的入党积极分子等 ${suggestions.length} 人`, `Admission on the front line: ${count(suggestions.length, 'person', 'people')} (activists and others) suggested for prompt admission`));
for (const sgg of suggestions.slice(0, 4)) out.push(`  · ${personName(sgg.personId)}${t('：', ': ')}${zh ? sgg.reason.zh : sgg.reason.en}`);
const evalMs = performance.now() - evalStart;

// ── the headquarters' daily dispatch of the last day ───────────────────────────────────────────
const dispatchStart = performance.now();
const report = dailyDispatch(judged, evalLast, undefined, { trendDays: 14 });
const dispatchMs = performance.now() - dispatchStart;
out.push('');
out.push(renderDispatch(report, { locale, width }).trimEnd());
mkdirSync('out', { recursive: true });
const htmlFile = join('out', `dispatch-${evalLast}.html`);
writeFileSync(htmlFile, renderDispatch(report, { locale, format: 'html' }));
out.push(t(`网页版（含图表）：${htmlFile}`, `The HTML report with charts: ${htmlFile}`));

section(t('耗时', 'Time taken'));
out.push(
  textTable(
    [t('步骤', 'step'), t('毫秒', 'ms')],
    [
      [t('生成县（generateCounty）', 'generate county (generateCounty)'), Math.round(generatedMs)],
      [t('建树并检查规则', 'build tree and check rules'), Math.round(checkMs)],
      [t('户籍台账入账（replay）', 'register into the ledger (replay)'), Math.round(registerMs)],
      [t('模拟两周（simulateCampaigns）', 'simulate the fortnight (simulateCampaigns)'), Math.round(simulateMs)],
      [t('台账重放并校验（replay）', 'replay the journal, validated (replay)'), Math.round(replayMs)],
      [t(`台账库（${stored === undefined ? '保存' : '载入'}）`, `store (${stored === undefined ? 'save' : 'load'})`), Math.round(storeMs)],
      [t('值班排班（建问题、预检、排班）', 'duty roster (problem, pre-flight, build)'), Math.round(rosterMs)],
      [t('督导、考核、表彰、发展', 'supervision, evaluation, commendation, admission'), Math.round(evalMs)],
      [t('每日调度（dailyDispatch）', 'daily dispatch (dailyDispatch)'), Math.round(dispatchMs)],
      [t('合计', 'total'), Math.round(performance.now() - started)],
    ],
  ),
);
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
out.push(t(`堆内存 ${heapMb.toFixed(0)} MB`, `heap ${heapMb.toFixed(0)} MB`));
// prose lines too long for the width go on under a hanging indent (tables and the dispatch fit already)
const fitted = out
  .join('\n')
  .split('\n')
  .flatMap((line) => {
    const lead = /^\s*(?:■ |· )?/u.exec(line)?.[0] ?? '';
    return wrapText(line, width, ' '.repeat(displayWidth(lead) + (lead === '' ? 2 : 0)));
  });
console.log(fitted.join('\n'));
if (treeIssues.length > 0 || errors.length > 0 || commandIssues.length > 0) process.exitCode = 1;
