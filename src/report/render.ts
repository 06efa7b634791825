import { coverage } from '../campaigns/metrics.js';
import { FrontlineError, type Issue } from '../core/errors.js';
import { describeValue, requireOptions } from '../core/guards.js';
import type { Label, Locale } from '../core/vocabulary.js';
import { textTable } from '../internal/textTable.js';
import type { DailyDispatch } from './dispatch.js';
import { requireReport } from './reportShape.js';
import type { LevelReporting } from './reporting.js';
import type { DispatchSummary } from './summary.js';

/**
 * Options of {@link renderDispatch}: the locale (`zh-CN` by default, or `en`) and the format:
 * aligned terminal `text` (default), `markdown`, `csv` (one row per unit of the scope's children,
 * then the scope), or `html`: a self-contained page a reviewer opens in a browser, with an inline
 * SVG chart of screening coverage per unit and, when the report has a trend, one of people under
 * observation day by day.
 *
 * @example
 * const o: RenderOptions = { locale: 'en', format: 'markdown' };
 * @category Reports
 */
export interface RenderOptions {
  /** `zh-CN` (default) or `en`. */
  readonly locale?: Locale;
  /** `text` (default), `markdown`, `csv`, or `html` (a self-contained page with inline SVG charts). */
  readonly format?: 'text' | 'markdown' | 'csv' | 'html';
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const share = (a: number, b: number): string => (b === 0 ? '—' : pct(a / b));

interface Column {
  readonly head: Label;
  readonly cell: (s: DispatchSummary) => string | number;
}

const COLUMNS: readonly Column[] = [
  { head: { zh: '摸排覆盖率', en: 'screening' }, cell: (s) => (s.doorKnocking.households === 0 ? '—' : pct(coverage(s.doorKnocking))) },
  { head: { zh: '在观察', en: 'observed' }, cell: (s) => s.homePrevention.underObservation },
  { head: { zh: '漏测', en: 'missed checks' }, cell: (s) => s.homePrevention.checksMissed },
  { head: { zh: '失访', en: 'lost' }, cell: (s) => s.homePrevention.lost },
  { head: { zh: '诉求超时', en: 'requests overdue' }, cell: (s) => s.doorKnocking.servicesOverdue },
  { head: { zh: '消杀欠账', en: 'sites overdue' }, cell: (s) => s.cleaning.sitesOverdue },
  { head: { zh: '排班填充', en: 'roster filled' }, cell: (s) => share(s.duty.filled, s.duty.seats) },
  { head: { zh: '带班到位', en: 'leaders on duty' }, cell: (s) => share(s.duty.leadersFilled, s.duty.leaderSeats) },
  { head: { zh: '问题逾期', en: 'findings overdue' }, cell: (s) => s.supervision.overdue },
];

/**
 * Renders a daily dispatch for people: the headline figures with their change from the day
 * before, a table of the scope's children, and the villages whose figures moved most — in Chinese
 * (default) or English, as terminal text, Markdown, CSV or HTML. The only people it names are
 * those on the report's attention list (fever or lost to follow-up): as the report holds them,
 * with masked ids and phones and surname + 某 unless names were disclosed for a purpose. An
 * unknown locale or format is an error.
 *
 * @example
 * console.log(renderDispatch(dailyDispatch(ledger, '2020-02-07'), { locale: 'en' }));
 * @category Reports
 */
export function renderDispatch(report: DailyDispatch, options: RenderOptions = {}): string {
  requireOptions(options);
  const locale = options.locale ?? 'zh-CN';
  const format = options.format ?? 'text';
  const issues: Issue[] = [];
  if (locale !== 'zh-CN' && locale !== 'en') issues.push({ path: ['locale'], code: 'unknown_locale', message: `unknown locale ${describeValue(locale)}: use 'zh-CN' or 'en'` });
  if (format !== 'text' && format !== 'markdown' && format !== 'csv' && format !== 'html')
    issues.push({ path: ['format'], code: 'unknown_format', message: `unknown format ${describeValue(format)}: use 'text', 'markdown', 'csv' or 'html'` });
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'cannot render the dispatch', issues);
  requireReport(report);
  const zh = locale === 'zh-CN';
  const w = (l: Label): string => (zh ? l.zh : l.en);
  const head = COLUMNS.map((c) => w(c.head));
  const allRows = report.rows.map((r) => [r.unit.name, ...COLUMNS.map((c) => c.cell(r.summary))]);
  // units whose every figure shown is 0 or does not apply (a county bureau has no households or posts) are counted, not listed
  const rows = allRows.filter((r) => r.slice(1).some((c) => c !== 0 && c !== '—'));
  const hidden = allRows.length - rows.length;
  const hiddenNote: Label = { zh: `另有 ${n(hidden)} 个单位各项为零或不适用，未列出`, en: hidden === 1 ? '1 unit whose figures are all zero or do not apply is not listed' : `${n(hidden)} units whose figures are all zero or do not apply are not listed` };
  const totalRow = [w({ zh: '合计', en: 'total' }), ...COLUMNS.map((c) => c.cell(report.total))];
  const unitHead = w({ zh: '单位', en: 'unit' });

  if (format === 'csv') {
    const esc = (v: string | number): string => {
      const s = String(v);
      return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    };
    return [[unitHead, ...head], ...allRows, [report.scope.name, ...totalRow.slice(1)]].map((r) => r.map(esc).join(',')).join('\n') + '\n';
  }

  const title = zh ? `${report.scope.name}疫情防控每日调度 ${report.day}` : `${report.scope.name} daily dispatch, ${report.day}`;
  const t = report.total;
  const p = report.previous;
  const delta = (now: number, was: number | undefined, digits = 0): string => {
    if (was === undefined) return '';
    const d = now - was;
    const s = digits === 0 ? n(Math.abs(d)) : Math.abs(d).toFixed(digits);
    return d === 0 ? (zh ? '（持平）' : ' (no change)') : zh ? `（${d > 0 ? '+' : '−'}${s}）` : ` (${d > 0 ? '+' : '−'}${s})`;
  };
  const cov = coverage(t.doorKnocking);
  const covWas = p === null ? undefined : coverage(p.doorKnocking);
  const points = covWas === undefined ? undefined : Math.round(1000 * (cov - covWas)) / 10;
  const covChange: Label =
    points === undefined
      ? { zh: '', en: '' }
      : points === 0
        ? { zh: '（持平）', en: ' (no change)' }
        : { zh: `（${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)}个百分点）`, en: ` (${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} points)` };
  const lines: Label[] = report.hasData
    ? [
        {
          zh: `入户摸排覆盖率 ${pct(cov)}${covChange.zh}，今日走访 ${n(t.doorKnocking.visits)} 次，待复访 ${n(t.doorKnocking.dueRevisit)} 户`,
          en: `screening coverage ${pct(cov)}${covChange.en}, ${n(t.doorKnocking.visits)} visits today, ${n(t.doorKnocking.dueRevisit)} households due a revisit`,
        },
        {
          zh: `在观察 ${n(t.homePrevention.underObservation)} 人${delta(t.homePrevention.underObservation, p?.homePrevention.underObservation)}：新增 ${n(t.homePrevention.newObservations)}，解除 ${n(t.homePrevention.released)}，发热待转运 ${n(t.homePrevention.escalated)}，今日转运 ${n(t.homePrevention.transferred)}，体温漏测 ${n(t.homePrevention.checksMissed)}，失访 ${n(t.homePrevention.lost)}`,
          en: `${n(t.homePrevention.underObservation)} under observation${delta(t.homePrevention.underObservation, p?.homePrevention.underObservation)}: ${n(t.homePrevention.newObservations)} new, ${n(t.homePrevention.released)} released, ${n(t.homePrevention.escalated)} with fever awaiting transfer, ${n(t.homePrevention.transferred)} transferred today, ${n(t.homePrevention.checksMissed)} checks missed, ${n(t.homePrevention.lost)} lost to follow-up`,
        },
        {
          zh: `服务诉求未办 ${n(t.doorKnocking.servicesOpen)}（超时 ${n(t.doorKnocking.servicesOverdue)}）；消杀 ${n(t.cleaning.done)}/${n(t.cleaning.required)}，欠账场所 ${n(t.cleaning.sitesOverdue)}；志愿服务 ${n(t.volunteerService.hours)} 小时，空缺任务 ${n(t.volunteerService.openTasks)}`,
          en: `service requests open ${n(t.doorKnocking.servicesOpen)} (${n(t.doorKnocking.servicesOverdue)} overdue); disinfections ${n(t.cleaning.done)}/${n(t.cleaning.required)}, ${n(t.cleaning.sitesOverdue)} sites overdue; ${n(t.volunteerService.hours)} volunteer hours, ${n(t.volunteerService.openTasks)} tasks with places left`,
        },
        {
          zh: `值班：席位 ${n(t.duty.seats)}，填充 ${share(t.duty.filled, t.duty.seats)}，带班领导到位 ${share(t.duty.leadersFilled, t.duty.leaderSeats)}，签到抽查 ${n(t.duty.checked)}（缺岗 ${n(t.duty.absent)}）`,
          en: `duty: ${n(t.duty.seats)} seats, ${share(t.duty.filled, t.duty.seats)} filled, leading cadres on ${share(t.duty.leadersFilled, t.duty.leaderSeats)} of the shifts, ${n(t.duty.checked)} checked (${n(t.duty.absent)} absent)`,
        },
        {
          zh: `督导：今日检查 ${n(t.supervision.inspections)} 次，新发现问题 ${n(t.supervision.raised)} 个，未销号 ${n(t.supervision.open)} 个，其中逾期 ${n(t.supervision.overdue)} 个`,
          en: `supervision: ${n(t.supervision.inspections)} inspections today, ${n(t.supervision.raised)} findings raised, ${n(t.supervision.open)} open, ${n(t.supervision.overdue)} overdue`,
        },
        {
          zh: `发展党员（在办案件）：申请人 ${n(t.admission.applicant)}，积极分子 ${n(t.admission.activist)}，发展对象 ${n(t.admission.developmentTarget)}，预备党员 ${n(t.admission.probationaryMember)}；今日推进 ${n(t.admission.steps)} 步`,
          en: `member development (open cases): ${n(t.admission.applicant)} applicants, ${n(t.admission.activist)} activists, ${n(t.admission.developmentTarget)} development targets, ${n(t.admission.probationaryMember)} probationary members; ${n(t.admission.steps)} steps today`,
        },
        reportingLine(report),
        epidemicLine(report),
        ...(report.trend.length > 0
          ? [
              {
                zh: `在观察人数走势：${report.trend.map((p) => `${p.day.slice(5)} ${n(p.underObservation)}`).join('，')}`,
                en: `under observation, day by day: ${report.trend.map((p) => `${p.day.slice(5)} ${n(p.underObservation)}`).join(', ')}`,
              },
            ]
          : []),
      ]
    : [report.note ?? { zh: '无数据', en: 'no data' }];
  const movers = report.movers.map((m) =>
    m.figure === 'underObservation'
      ? { zh: `${m.unit.name} 在观察 ${m.from}→${m.to}`, en: `${m.unit.name}: under observation ${m.from} → ${m.to}` }
      : { zh: `${m.unit.name} 摸排覆盖率 ${m.from}%→${m.to}%`, en: `${m.unit.name}: screening ${m.from}% → ${m.to}%` },
  );
  const moversTitle = w({ zh: '变化最大的村（社区）', en: 'Villages and communities that moved most' });
  const attention = attentionLines(report).map(w);
  const attentionTitle = w(
    report.disclosedFor === null
      ? { zh: '需处置人员（发热转诊、失访）', en: 'People to act on (fever, lost to follow-up)' }
      : { zh: `需处置人员（发热转诊、失访；姓名因“${report.disclosedFor}”披露）`, en: `People to act on (fever, lost to follow-up; names disclosed for: ${report.disclosedFor})` },
  );

  if (format === 'html') return html(report, title, lines.map(w), [unitHead, ...head], [...rows, totalRow], hidden > 0 ? w(hiddenNote) : null, moversTitle, movers.map(w), attentionTitle, attention, zh);

  if (format === 'markdown') {
    const md = (r: readonly (string | number)[]): string => `| ${r.map((c) => (typeof c === 'number' ? n(c) : c).replaceAll('|', '\\|')).join(' | ')} |`;
    const out = [`# ${title}`, '', ...lines.map((l) => `- ${w(l)}`), ''];
    if (report.hasData && rows.length > 0) {
      out.push(md([unitHead, ...head]), `| --- | ${head.map(() => '---:').join(' | ')} |`, ...rows.map(md), md(totalRow), '');
      if (hidden > 0) out.push(w(hiddenNote), '');
    }
    if (movers.length > 0) out.push(`## ${moversTitle}`, '', ...movers.map((m) => `- ${w(m)}`), '');
    if (attention.length > 0) out.push(`## ${attentionTitle}`, '', ...attention.map((a) => `- ${a}`), '');
    return out.join('\n');
  }
  const out = [`■ ${title}`, ...lines.map((l) => `  ${w(l)}`)];
  const colon = zh ? '：' : ': ';
  if (report.hasData && rows.length > 0) out.push('', textTable([unitHead, ...head], [...rows, totalRow]));
  if (report.hasData && hidden > 0) out.push(w(hiddenNote));
  if (movers.length > 0) out.push('', `${moversTitle}${colon}${movers.map(w).join(zh ? '；' : '; ')}`);
  if (attention.length > 0) out.push('', `${attentionTitle}${colon.trimEnd()}`, ...attention.map((a) => `  ${a}`));
  return out.join('\n') + '\n';
}

const esc = (s: string | number): string => String(s).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A self-contained XHTML-compatible page with inline SVG charts. */
function html(
  report: DailyDispatch,
  title: string,
  lines: readonly string[],
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  hiddenNote: string | null,
  moversTitle: string,
  movers: readonly string[],
  attentionTitle: string,
  attention: readonly string[],
  zh: boolean,
): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${zh ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8" />',
    `<title>${esc(title)}</title>`,
    '<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}figure{margin:1.5rem 0}figcaption{font-weight:600;margin-bottom:.5rem}.bar{fill:#c0392b}.line{fill:none;stroke:#c0392b;stroke-width:2}.axis{stroke:#999}text{font-size:11px}</style>',
    '</head>',
    '<body>',
    `<h1>${esc(title)}</h1>`,
    '<ul>',
    ...lines.map((l) => `<li>${esc(l)}</li>`),
    '</ul>',
  ];
  if (report.hasData) {
    out.push('<table>', `<tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`);
    for (const r of rows) out.push(`<tr>${r.map((c) => `<td>${esc(typeof c === 'number' ? n(c) : c)}</td>`).join('')}</tr>`);
    out.push('</table>');
    if (hiddenNote !== null) out.push(`<p>${esc(hiddenNote)}</p>`);
    // coverage per unit: horizontal bars
    const bars = report.rows.filter((r) => r.summary.doorKnocking.households > 0);
    const rowH = 18;
    const width = 560;
    const left = 170;
    const height = bars.length * rowH + 24;
    out.push('<figure>', `<figcaption>${esc(zh ? '各单位入户摸排覆盖率' : 'Screening coverage by unit')}</figcaption>`);
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`);
    bars.forEach((r, i) => {
      const c = coverage(r.summary.doorKnocking);
      const y = i * rowH + 4;
      out.push(`<text x="${left - 6}" y="${y + 12}" text-anchor="end">${esc(r.unit.name)}</text>`);
      out.push(`<rect class="bar" x="${left}" y="${y}" width="${Math.round((width - left - 60) * c)}" height="${rowH - 6}" />`);
      out.push(`<text x="${left + Math.round((width - left - 60) * c) + 4}" y="${y + 12}">${esc(pct(c))}</text>`);
    });
    out.push('</svg>', '</figure>');
    if (report.trend.length > 0) {
      const tw = 560;
      const th = 220;
      const pad = 36;
      const max = Math.max(1, ...report.trend.map((p) => p.underObservation));
      const x = (i: number): number => pad + (report.trend.length === 1 ? 0 : ((tw - 2 * pad) * i) / (report.trend.length - 1));
      const y = (v: number): number => th - pad - ((th - 2 * pad) * v) / max;
      const points = report.trend.map((p, i) => `${x(i).toFixed(1)},${y(p.underObservation).toFixed(1)}`).join(' ');
      out.push('<figure>', `<figcaption>${esc(zh ? '在观察人数走势' : 'People under observation, day by day')}</figcaption>`);
      out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${tw}" height="${th}" viewBox="0 0 ${tw} ${th}" role="img">`);
      out.push(`<line class="axis" x1="${pad}" y1="${th - pad}" x2="${tw - pad}" y2="${th - pad}" />`, `<line class="axis" x1="${pad}" y1="${pad}" x2="${pad}" y2="${th - pad}" />`);
      out.push(`<text x="${pad - 4}" y="${y(max) + 4}" text-anchor="end">${esc(n(max))}</text>`, `<text x="${pad - 4}" y="${th - pad + 4}" text-anchor="end">0</text>`);
      out.push(`<polyline class="line" points="${points}" />`);
      report.trend.forEach((p, i) => {
        if (i === 0 || i === report.trend.length - 1 || i % 3 === 0) out.push(`<text x="${x(i).toFixed(1)}" y="${th - pad + 16}" text-anchor="middle">${esc(p.day.slice(5))}</text>`);
      });
      out.push('</svg>', '</figure>');
    }
  }
  if (movers.length > 0) out.push(`<h2>${esc(moversTitle)}</h2>`, '<ul>', ...movers.map((m) => `<li>${esc(m)}</li>`), '</ul>');
  if (attention.length > 0) out.push(`<h2>${esc(attentionTitle)}</h2>`, '<ul>', ...attention.map((a) => `<li>${esc(a)}</li>`), '</ul>');
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}

/** At most this many people are listed; the rest are counted. */
const ATTENTION_SHOWN = 20;

/** The attention list, one line a person (masked as the report holds it), at most {@link ATTENTION_SHOWN}. */
function attentionLines(report: DailyDispatch): Label[] {
  const lines: Label[] = report.attention.slice(0, ATTENTION_SHOWN).map((a) => {
    const contact = [a.phone, a.residentId].filter((x): x is string => x !== null).join(' ');
    return a.status === 'escalated'
      ? { zh: `${a.unit.name} ${a.name} ${contact}：发热，报告并转运（${a.since}起观察）`, en: `${a.unit.name} ${a.name} ${contact}: fever, report and transfer (observed since ${a.since})` }
      : { zh: `${a.unit.name} ${a.name} ${contact}：失访，已漏测 ${a.missed} 次（${a.since}起观察）`, en: `${a.unit.name} ${a.name} ${contact}: lost to follow-up, ${a.missed} checks missed (observed since ${a.since})` };
  });
  const more = report.attention.length - ATTENTION_SHOWN;
  if (more > 0) lines.push({ zh: `另有 ${n(more)} 人`, en: `and ${n(more)} more` });
  return lines;
}

/** The reporting discipline in one line: each level's completeness, timeliness and sign-off, and who is missing. */
function reportingLine(report: DailyDispatch): Label {
  const r = report.reporting;
  const [v, t] = r.levels as [LevelReporting, LevelReporting];
  const names = r.missing.slice(0, 5).map((u) => u.name);
  const more = r.missing.length > 5 ? '…' : '';
  return {
    zh: `报告（${r.deadline}前）：村（社区）${n(v.submitted)}/${n(v.expected)}（按时 ${n(v.onTime)}，迟报 ${n(v.late)}，缺报 ${n(v.missing)}，逐级签收 ${n(v.signedOff)}），乡镇（街道）${n(t.submitted)}/${n(t.expected)}（签收 ${n(t.signedOff)}）${names.length > 0 ? `；缺报：${names.join('、')}${more}` : ''}`,
    en: `reports (due ${r.deadline}): villages and communities ${n(v.submitted)}/${n(v.expected)} (${n(v.onTime)} on time, ${n(v.late)} late, ${n(v.missing)} missing, ${n(v.signedOff)} signed off at every level), townships ${n(t.submitted)}/${n(t.expected)} (${n(t.signedOff)} signed off)${names.length > 0 ? `; missing: ${names.join(', ')}${more}` : ''}`,
  };
}

/** The community epidemic states in one line. */
function epidemicLine(report: DailyDispatch): Label {
  const c = report.communities;
  if (c.length === 0) return { zh: '社区疫情：14天内无确诊病例', en: 'community epidemic state: no confirmed case in 14 days' };
  const count = (s: string): number => c.filter((x) => x.state === s).length;
  const names = c.slice(0, 5).map((x) => `${x.unit.name} ${x.confirmed}`);
  return {
    zh: `社区疫情：出现病例 ${count('case')}，暴发疫情 ${count('outbreak')}，传播疫情 ${count('communityTransmission')}（${names.join('、')}）`,
    en: `community epidemic state: ${count('case')} with a case, ${count('outbreak')} outbreaks, ${count('communityTransmission')} with community transmission (${names.join(', ')})`,
  };
}
