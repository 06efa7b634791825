import { coverage } from '../campaigns/metrics.js';
import { FrontlineError, type Issue } from '../core/errors.js';
import { describeValue, requireOptions } from '../core/guards.js';
import type { Label, Locale } from '../core/vocabulary.js';
import { countOf } from '../internal/plural.js';
import { textTable, wrapText } from '../internal/textTable.js';
import type { DailyDispatch, DispatchPart } from './dispatch.js';
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
  /**
   * For `text`: the width to fit, in terminal columns (a Chinese character takes two). Lines wrap
   * with a hanging indent, and the table's text columns and headers wrap until it fits. Default: no
   * wrapping. A terminal's width is `process.stdout.columns` (80 is the usual width otherwise).
   */
  readonly width?: number;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const share = (a: number, b: number): string => (b === 0 ? '—' : pct(a / b));

interface Column {
  readonly head: Label;
  /** The part of the report the figure belongs to: without records of it, the cell is '—'. */
  readonly part: DispatchPart;
  readonly cell: (s: DispatchSummary) => string | number;
}

const COLUMNS: readonly Column[] = [
  { head: { zh: '摸排覆盖率', en: 'screening' }, part: 'doorKnocking', cell: (s) => (s.doorKnocking.households === 0 ? '—' : pct(coverage(s.doorKnocking))) },
  { head: { zh: '在观察', en: 'observed' }, part: 'homePrevention', cell: (s) => s.homePrevention.underObservation },
  { head: { zh: '漏测', en: 'missed checks' }, part: 'homePrevention', cell: (s) => s.homePrevention.checksMissed },
  { head: { zh: '失访', en: 'lost' }, part: 'homePrevention', cell: (s) => s.homePrevention.lost },
  { head: { zh: '诉求超时', en: 'requests overdue' }, part: 'doorKnocking', cell: (s) => s.doorKnocking.servicesOverdue },
  { head: { zh: '消杀欠账', en: 'sites overdue' }, part: 'cleaning', cell: (s) => s.cleaning.sitesOverdue },
  { head: { zh: '排班填充', en: 'roster filled' }, part: 'duty', cell: (s) => share(s.duty.filled, s.duty.seats) },
  { head: { zh: '带班到位', en: 'leaders on duty' }, part: 'duty', cell: (s) => share(s.duty.leadersFilled, s.duty.leaderSeats) },
  { head: { zh: '问题逾期', en: 'findings overdue' }, part: 'supervision', cell: (s) => s.supervision.overdue },
];

/**
 * Renders a daily dispatch for people: the headline figures with their change from the day
 * before, a table of the scope's children, and the villages whose figures moved most — in Chinese
 * (default) or English, as terminal text, Markdown, CSV or HTML. The only people it names are
 * those on the report's attention list (fever or lost to follow-up): as the report holds them,
 * with masked ids and phones and surname + 某 unless names were disclosed for a purpose. An
 * unknown locale or format is an error. CSV starts with a UTF-8 byte-order mark (so Excel reads the
 * Chinese) and writes a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return after
 * a `'`, so no spreadsheet runs it as a formula; Markdown writes the `<`, `>` and `&` of names as
 * entities, so no unit name turns into HTML.
 *
 * @param report - The dispatch, from {@link dailyDispatch}.
 * @param options - {@link RenderOptions}: the locale (default `zh-CN`), the format (default `text`) and the width to fit.
 * @returns The rendered report.
 * @throws {@link FrontlineError} `invalid_input` for an unknown locale or format, a width under 20, or a report missing a part or with a part of the wrong kind (such as a trend figure that is not a whole number of people).
 * @example
 * renderDispatch(dailyDispatch(ledger, '2020-02-07'), { locale: 'en' }).split('\n')[0]; // => '■ 岳池县 daily dispatch, 2020-02-07'
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
  const width = options.width ?? Infinity;
  if (typeof width !== 'number' || !(width >= 20))
    issues.push({ path: ['width'], code: 'invalid_type', message: `width must be a number of columns, 20 or more, got ${describeValue(width)}` });
  if (issues.length > 0) throw new FrontlineError('invalid_input', 'cannot render the dispatch', issues);
  requireReport(report);
  const zh = locale === 'zh-CN';
  const w = (l: Label): string => (zh ? l.zh : l.en);
  const head = COLUMNS.map((c) => w(c.head));
  const has = (part: DispatchPart): boolean => report.recorded.includes(part);
  // a figure of a part with no records that day is not a zero: its cell is '—'
  const cell = (c: Column, summary: DispatchSummary): string | number => (has(c.part) ? c.cell(summary) : '—');
  const allRows = report.rows.map((r) => [r.unit.name, ...COLUMNS.map((c) => cell(c, r.summary))]);
  // units whose every figure shown is 0 or does not apply (a county bureau has no households or posts) are counted, not listed
  const rows = allRows.filter((r) => r.slice(1).some((c) => c !== 0 && c !== '—'));
  // with no records of any column's part, there is no table, and no unit is left out of it
  const hidden = COLUMNS.some((c) => has(c.part)) ? allRows.length - rows.length : 0;
  const hiddenNote: Label = { zh: `另有 ${n(hidden)} 个单位各项为零或不适用，未列出`, en: hidden === 1 ? '1 unit whose figures are all zero or do not apply is not listed' : `${n(hidden)} units whose figures are all zero or do not apply are not listed` };
  const totalRow = [w({ zh: '合计', en: 'total' }), ...COLUMNS.map((c) => cell(c, report.total))];
  const unitHead = w({ zh: '单位', en: 'unit' });

  if (format === 'csv') {
    // a text cell starting with = + - @ (or a tab or carriage return) is read as a formula by a
    // spreadsheet: it gets a leading ' (OWASP, CSV injection); the byte-order mark makes Excel read UTF-8
    const esc = (v: string | number): string => {
      const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
      return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    };
    return '\uFEFF' + [[unitHead, ...head], ...allRows, [report.scope.name, ...totalRow.slice(1)]].map((r) => r.map(esc).join(',')).join('\n') + '\n';
  }

  const title = zh ? `${report.scope.name}疫情防控每日调度 ${report.day}` : `${report.scope.name} daily dispatch, ${report.day}`;
  const t = report.total;
  // the day before counts only for the parts with records on both days
  const was = (part: DispatchPart): DispatchSummary | null => (report.previous !== null && report.recordedBefore.includes(part) ? report.previous : null);
  const delta = (now: number, before: number | undefined, digits = 0): string => {
    if (before === undefined) return '';
    const d = now - before;
    const s = digits === 0 ? n(Math.abs(d)) : Math.abs(d).toFixed(digits);
    return d === 0 ? (zh ? '（持平）' : ' (no change)') : zh ? `（${d > 0 ? '+' : '−'}${s}）` : ` (${d > 0 ? '+' : '−'}${s})`;
  };
  const cov = coverage(t.doorKnocking);
  const dkWas = was('doorKnocking');
  const covWas = dkWas === null ? undefined : coverage(dkWas.doorKnocking);
  const points = covWas === undefined ? undefined : Math.round(1000 * (cov - covWas)) / 10;
  const covChange: Label =
    points === undefined
      ? { zh: '', en: '' }
      : points === 0
        ? { zh: '（持平）', en: ' (no change)' }
        : { zh: `（${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)}个百分点）`, en: ` (${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} points)` };
  const observedWas = was('homePrevention')?.homePrevention.underObservation;
  // service requests, disinfections and volunteers share a line: each part that has records
  const chores: Label[] = [
    ...(has('doorKnocking')
      ? [{ zh: `服务诉求未办 ${n(t.doorKnocking.servicesOpen)}（超时 ${n(t.doorKnocking.servicesOverdue)}）`, en: `service requests open ${n(t.doorKnocking.servicesOpen)} (${n(t.doorKnocking.servicesOverdue)} overdue)` }]
      : []),
    ...(has('cleaning')
      ? [{ zh: `消杀 ${n(t.cleaning.done)}/${n(t.cleaning.required)}，欠账场所 ${n(t.cleaning.sitesOverdue)}`, en: `disinfections ${n(t.cleaning.done)}/${n(t.cleaning.required)}, ${countOf(t.cleaning.sitesOverdue, 'site', 'sites')} overdue` }]
      : []),
    ...(has('volunteerService')
      ? [{ zh: `志愿服务 ${n(t.volunteerService.hours)} 小时，空缺任务 ${n(t.volunteerService.openTasks)}`, en: `${countOf(t.volunteerService.hours, 'volunteer hour', 'volunteer hours')}, ${countOf(t.volunteerService.openTasks, 'task', 'tasks')} with places left` }]
      : []),
  ];
  const parts: [DispatchPart | null, Label][] = [
    [
      'doorKnocking',
      {
        zh: `入户摸排覆盖率 ${pct(cov)}${covChange.zh}，今日走访 ${n(t.doorKnocking.visits)} 次，待复访 ${n(t.doorKnocking.dueRevisit)} 户`,
        en: `screening coverage ${pct(cov)}${covChange.en}, ${countOf(t.doorKnocking.visits, 'visit', 'visits')} today, ${countOf(t.doorKnocking.dueRevisit, 'household', 'households')} due a revisit`,
      },
    ],
    [
      'homePrevention',
      {
        zh: `在观察 ${n(t.homePrevention.underObservation)} 人${delta(t.homePrevention.underObservation, observedWas)}：新增 ${n(t.homePrevention.newObservations)}，解除 ${n(t.homePrevention.released)}，发热待转运 ${n(t.homePrevention.escalated)}，今日转运 ${n(t.homePrevention.transferred)}，体温漏测 ${n(t.homePrevention.checksMissed)}，失访 ${n(t.homePrevention.lost)}`,
        en: `${n(t.homePrevention.underObservation)} under observation${delta(t.homePrevention.underObservation, observedWas)}: ${n(t.homePrevention.newObservations)} new, ${n(t.homePrevention.released)} released, ${n(t.homePrevention.escalated)} with fever awaiting transfer, ${n(t.homePrevention.transferred)} transferred today, ${countOf(t.homePrevention.checksMissed, 'check', 'checks')} missed, ${n(t.homePrevention.lost)} lost to follow-up`,
      },
    ],
    ...(chores.length > 0 ? [[null, { zh: chores.map((c) => c.zh).join('；'), en: chores.map((c) => c.en).join('; ') }] as [null, Label]] : []),
    [
      'duty',
      {
        zh: `值班：席位 ${n(t.duty.seats)}，填充 ${share(t.duty.filled, t.duty.seats)}，带班领导到位 ${share(t.duty.leadersFilled, t.duty.leaderSeats)}，签到抽查 ${n(t.duty.checked)}（缺岗 ${n(t.duty.absent)}）`,
        en: `duty: ${countOf(t.duty.seats, 'seat', 'seats')}, ${share(t.duty.filled, t.duty.seats)} filled, leading cadres on ${share(t.duty.leadersFilled, t.duty.leaderSeats)} of the shifts, ${n(t.duty.checked)} checked (${n(t.duty.absent)} absent)`,
      },
    ],
    [
      'supervision',
      {
        zh: `督导：今日检查 ${n(t.supervision.inspections)} 次，新发现问题 ${n(t.supervision.raised)} 个，未销号 ${n(t.supervision.open)} 个，其中逾期 ${n(t.supervision.overdue)} 个`,
        en: `supervision: ${countOf(t.supervision.inspections, 'inspection', 'inspections')} today, ${countOf(t.supervision.raised, 'finding', 'findings')} raised, ${n(t.supervision.open)} open, ${n(t.supervision.overdue)} overdue`,
      },
    ],
    [
      'admission',
      {
        zh: `发展党员（在办案件）：申请人 ${n(t.admission.applicant)}，积极分子 ${n(t.admission.activist)}，发展对象 ${n(t.admission.developmentTarget)}，预备党员 ${n(t.admission.probationaryMember)}；今日推进 ${n(t.admission.steps)} 步`,
        en: `member development (open cases): ${countOf(t.admission.applicant, 'applicant', 'applicants')}, ${countOf(t.admission.activist, 'activist', 'activists')}, ${countOf(t.admission.developmentTarget, 'development target', 'development targets')}, ${countOf(t.admission.probationaryMember, 'probationary member', 'probationary members')}; ${countOf(t.admission.steps, 'step', 'steps')} today`,
      },
    ],
    ['reporting', reportingLine(report)],
    ['epidemic', epidemicLine(report)],
  ];
  const lines: Label[] = report.hasData
    ? [
        ...parts.filter(([part]) => part === null || has(part)).map(([, line]) => line),
        ...(report.trend.length > 0 ? [trendLine(report)] : []),
        ...(report.note === null ? [] : [report.note]),
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
    // Markdown passes HTML through: a unit name (or a purpose) with < > & is written as text
    const text = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const md = (r: readonly (string | number)[]): string => `| ${r.map((c) => text(typeof c === 'number' ? n(c) : c).replaceAll('|', '\\|')).join(' | ')} |`;
    const out = [`# ${text(title)}`, '', ...lines.map((l) => `- ${text(w(l))}`), ''];
    if (report.hasData && rows.length > 0) {
      out.push(md([unitHead, ...head]), `| --- | ${head.map(() => '---:').join(' | ')} |`, ...rows.map(md), md(totalRow), '');
      if (hidden > 0) out.push(text(w(hiddenNote)), '');
    }
    if (movers.length > 0) out.push(`## ${text(moversTitle)}`, '', ...movers.map((m) => `- ${text(w(m))}`), '');
    if (attention.length > 0) out.push(`## ${text(attentionTitle)}`, '', ...attention.map((a) => `- ${text(a)}`), '');
    return out.join('\n');
  }
  // a line too long for the width goes on under a hanging indent
  const fit = (line: string, indent: string): string[] => wrapText(line, width, indent);
  const out = [...fit(`■ ${title}`, '  '), ...lines.flatMap((l) => fit(`  ${w(l)}`, '    '))];
  const colon = zh ? '：' : ': ';
  if (report.hasData && rows.length > 0) out.push('', textTable([unitHead, ...head], [...rows, totalRow], width));
  if (report.hasData && hidden > 0) out.push(...fit(w(hiddenNote), '  '));
  if (movers.length > 0) out.push('', ...fit(`${moversTitle}${colon}${movers.map(w).join(zh ? '；' : '; ')}`, '  '));
  if (attention.length > 0) out.push('', `${attentionTitle}${colon.trimEnd()}`, ...attention.flatMap((a) => fit(`  ${a}`, '    ')));
  return out.join('\n') + '\n';
}

const esc = (s: string | number): string => String(s).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Chart text size (CSS pixels): at least 12, for the staff reading it on a phone. */
const CHART_TEXT_PX = 13;
/** Coverage colours: every household screened, most of them, fewer (only the last is an alarm). */
const COVERAGE_DONE = '#2e7d32';
const COVERAGE_NEAR = '#b7791f';
const COVERAGE_LOW = '#c0392b';
/** Coverage from this share up is "most": amber, not red. */
const COVERAGE_NEAR_FROM = 0.9;

const STYLE = [
  'body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:.75rem;color:#222;line-height:1.45;max-width:64rem}',
  'h1{font-size:1.35rem}h2{font-size:1.1rem}',
  '.scroll{overflow-x:auto;max-width:100%}',
  'table{border-collapse:collapse;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:right;white-space:nowrap}th:first-child,td:first-child{text-align:left}',
  'figure{margin:1.5rem 0;overflow-x:auto;max-width:100%}figcaption{font-weight:600;margin-bottom:.5rem}',
  `svg text{font-size:${CHART_TEXT_PX}px;fill:#222}`,
  `.done{fill:${COVERAGE_DONE}}.near{fill:${COVERAGE_NEAR}}.low{fill:${COVERAGE_LOW}}`,
  '.axis{stroke:#555;stroke-width:1}.tick{stroke:#555}.grid{stroke:#e2e2e2}',
  `.target{stroke:${COVERAGE_DONE};stroke-width:1.5;stroke-dasharray:5 3}`,
  '.line{fill:none;stroke:#1f5fa8;stroke-width:2}.dot{fill:#1f5fa8}.nodata{fill:#eeeeee}svg text.muted{fill:#666}',
  '.legend{font-size:.9rem;margin:.25rem 0}.key{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 .8rem;vertical-align:-.1rem}.key.done{background:' +
    COVERAGE_DONE +
    '}.key.near{background:' +
    COVERAGE_NEAR +
    '}.key.low{background:' +
    COVERAGE_LOW +
    '}',
].join('');

/** The class of a coverage bar: done (every household screened), near (90% or more) or low. */
const coverageClass = (c: number): 'done' | 'near' | 'low' => (c >= 1 ? 'done' : c >= COVERAGE_NEAR_FROM ? 'near' : 'low');

/** A round step for about `parts` ticks up to `max`: 1, 2 or 5 times a power of ten. */
function niceStep(max: number, parts: number): number {
  const raw = Math.max(1, max / parts);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** Width (px) that a short label of `chars` digits and dashes takes at the chart's text size, generously. */
const labelWidth = (chars: number): number => Math.ceil(chars * CHART_TEXT_PX * 0.62);

/** Chart width (CSS pixels): narrow enough for a phone's screen, so that the text never shrinks. */
const CHART_WIDTH = 360;

/** A unit name for a chart's row label: at most `max` characters, the rest as '…'. */
const short = (name: string, max: number): string => ([...name].length <= max ? name : `${[...name].slice(0, max - 1).join('')}…`);

/** Screening coverage per unit: horizontal bars on a 0–100% axis with ticks and a 100% line, coloured by how far each unit is. */
function coverageChart(report: DailyDispatch, zh: boolean): string[] {
  const bars = report.rows.filter((r) => r.summary.doorKnocking.households > 0);
  const rowH = 22;
  const width = CHART_WIDTH;
  const left = 8 * CHART_TEXT_PX + 6;
  const right = labelWidth(6) + 10;
  const top = 6;
  const plot = width - left - right;
  const axisY = top + bars.length * rowH + 4;
  const height = axisY + CHART_TEXT_PX + 14;
  const x = (c: number): number => left + Math.round(plot * c * 10) / 10;
  const caption = zh ? '各单位入户摸排覆盖率' : 'Screening coverage by unit';
  const out = ['<figure>', `<figcaption>${esc(caption)}</figcaption>`];
  out.push(
    `<p class="legend"><span class="key done"></span>${esc(zh ? '全部摸排' : 'every household screened')}<span class="key near"></span>${esc(zh ? '90%及以上' : '90% or more')}<span class="key low"></span>${esc(zh ? '低于90%' : 'below 90%')}</p>`,
  );
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" class="coverage">`);
  out.push(`<title>${esc(caption)}</title>`);
  for (const t of [0.25, 0.5, 0.75]) out.push(`<line class="grid" x1="${x(t)}" y1="${top}" x2="${x(t)}" y2="${axisY}" />`);
  bars.forEach((r, i) => {
    const c = coverage(r.summary.doorKnocking);
    const y = top + i * rowH;
    const name = short(r.unit.name, 7);
    out.push(`<text class="name" x="${left - 6}" y="${y + 15}" text-anchor="end">${esc(name)}${name === r.unit.name ? '' : `<title>${esc(r.unit.name)}</title>`}</text>`);
    out.push(`<rect class="bar ${coverageClass(c)}" x="${left}" y="${y + 3}" width="${Math.round(plot * c * 10) / 10}" height="${rowH - 7}" />`);
    // the values in a column right of the 100% line
    out.push(`<text class="value" x="${x(1) + 6}" y="${y + 15}">${esc(pct(c))}</text>`);
  });
  // the axis, its ticks, and the target: every household screened
  out.push(`<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${axisY}" />`, `<line class="axis" x1="${left}" y1="${axisY}" x2="${x(1)}" y2="${axisY}" />`);
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line class="tick" x1="${x(t)}" y1="${axisY}" x2="${x(t)}" y2="${axisY + 5}" />`);
    out.push(`<text class="tick-label" x="${x(t)}" y="${axisY + 5 + CHART_TEXT_PX}" text-anchor="middle">${t * 100}%</text>`);
  }
  out.push(`<line class="target" x1="${x(1)}" y1="${top}" x2="${x(1)}" y2="${axisY}" />`);
  out.push('</svg>', '</figure>');
  return out;
}

/**
 * People under observation day by day: a line over the measured days, broken where a day has no
 * data (a shaded "no data" band instead of a false zero), a y-axis with round ticks and its unit,
 * and day labels spaced so that they never overlap.
 */
function trendChart(report: DailyDispatch, zh: boolean): string[] {
  const trend = report.trend;
  const values = trend.map((p) => p.underObservation).filter((v): v is number => v !== null);
  if (values.length === 0) return [];
  const step = niceStep(Math.max(...values), 4);
  const yMax = Math.max(step, Math.ceil(Math.max(...values) / step) * step);
  const width = CHART_WIDTH;
  const height = 230;
  const left = labelWidth(n(yMax).length) + 12;
  const right = Math.ceil(labelWidth(5) / 2) + 4;
  const top = 28;
  const bottom = 30;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const count = trend.length;
  const dx = count === 1 ? plotW : plotW / (count - 1);
  const x = (i: number): number => Math.round((left + (count === 1 ? plotW / 2 : dx * i)) * 10) / 10;
  const y = (v: number): number => Math.round((top + plotH - (plotH * v) / yMax) * 10) / 10;
  const baseY = top + plotH;
  const caption = zh ? '在观察人数走势' : 'People under observation, day by day';
  const out = ['<figure>', `<figcaption>${esc(caption)}</figcaption>`];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" class="trend">`);
  out.push(`<title>${esc(caption)}</title>`);
  // days with no data: shaded, labelled, and left out of the line
  for (let i = 0; i < count; ) {
    if (trend[i]?.underObservation !== null) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < count && trend[j + 1]?.underObservation === null) j++;
    const x0 = Math.max(left, count === 1 ? left : x(i) - dx / 2);
    const x1 = Math.min(left + plotW, count === 1 ? left + plotW : x(j) + dx / 2);
    out.push(`<rect class="nodata" x="${x0.toFixed(1)}" y="${top}" width="${(x1 - x0).toFixed(1)}" height="${plotH}" />`);
    const text = zh ? '无数据' : 'no data';
    if (x1 - x0 >= (zh ? 3 * CHART_TEXT_PX : labelWidth(text.length)) + 6)
      out.push(`<text class="muted nodata-label" x="${((x0 + x1) / 2).toFixed(1)}" y="${top + CHART_TEXT_PX + 4}" text-anchor="middle">${esc(text)}</text>`);
    i = j + 1;
  }
  // the y-axis: round ticks with grid lines, and the unit
  for (let v = 0; v <= yMax; v += step) {
    out.push(`<line class="grid" x1="${left}" y1="${y(v)}" x2="${left + plotW}" y2="${y(v)}" />`);
    out.push(`<line class="tick" x1="${left - 5}" y1="${y(v)}" x2="${left}" y2="${y(v)}" />`);
    out.push(`<text class="tick-label" x="${left - 8}" y="${y(v) + CHART_TEXT_PX / 2 - 1}" text-anchor="end">${esc(n(v))}</text>`);
  }
  out.push(`<text class="unit" x="4" y="${top - 12}">${esc(zh ? '人数（人）' : 'people')}</text>`);
  out.push(`<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${baseY}" />`, `<line class="axis" x1="${left}" y1="${baseY}" x2="${left + plotW}" y2="${baseY}" />`);
  // the line, one piece per run of measured days; a dot on every measured day
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 1) out.push(`<polyline class="line" points="${run.join(' ')}" />`);
    run = [];
  };
  trend.forEach((p, i) => {
    if (p.underObservation === null) flush();
    else run.push(`${x(i)},${y(p.underObservation)}`);
  });
  flush();
  trend.forEach((p, i) => {
    if (p.underObservation !== null) out.push(`<circle class="dot" cx="${x(i)}" cy="${y(p.underObservation)}" r="2.5"><title>${esc(`${p.day} ${n(p.underObservation)}`)}</title></circle>`);
  });
  // day labels: every k-th day counted back from the last, k chosen so that neighbours never touch
  const every = Math.max(1, Math.ceil((labelWidth(5) + 10) / dx));
  trend.forEach((p, i) => {
    if ((count - 1 - i) % every !== 0) return;
    out.push(`<line class="tick" x1="${x(i)}" y1="${baseY}" x2="${x(i)}" y2="${baseY + 5}" />`);
    out.push(`<text class="day" x="${x(i)}" y="${baseY + 7 + CHART_TEXT_PX}" text-anchor="middle">${esc(p.day.slice(5))}</text>`);
  });
  out.push('</svg>', '</figure>');
  return out;
}

/**
 * A self-contained page (no script, no external resource, readable as XHTML) with inline SVG
 * charts, laid out for a phone as well as a desktop: wide tables and charts scroll sideways inside
 * the page instead of shrinking their text.
 */
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
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(title)}</h1>`,
    '<ul>',
    ...lines.map((l) => `<li>${esc(l)}</li>`),
    '</ul>',
  ];
  if (report.hasData && rows.length > 1) {
    out.push('<div class="scroll">', '<table>', `<tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`);
    for (const r of rows) out.push(`<tr>${r.map((c) => `<td>${esc(typeof c === 'number' ? n(c) : c)}</td>`).join('')}</tr>`);
    out.push('</table>', '</div>');
  }
  if (hiddenNote !== null) out.push(`<p>${esc(hiddenNote)}</p>`);
  if (report.recorded.includes('doorKnocking')) out.push(...coverageChart(report, zh));
  out.push(...trendChart(report, zh));
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
    // where: the township, then the village or community (once, when the unit is the township)
    const where = a.township === null || a.township.id === a.unit.id ? a.unit.name : `${a.township.name} ${a.unit.name}`;
    return a.status === 'escalated'
      ? { zh: `${where} ${a.name} ${contact}：发热，报告并转运（${a.since}起观察）`, en: `${where} ${a.name} ${contact}: fever, report and transfer (observed since ${a.since})` }
      : { zh: `${where} ${a.name} ${contact}：失访，已漏测 ${a.missed} 次（${a.since}起观察）`, en: `${where} ${a.name} ${contact}: lost to follow-up, ${countOf(a.missed, 'check', 'checks')} missed (observed since ${a.since})` };
  });
  const more = report.attention.length - ATTENTION_SHOWN;
  if (more > 0) lines.push({ zh: `另有 ${n(more)} 人`, en: `and ${n(more)} more` });
  return lines;
}

/** People under observation day by day, in one line; a day with no data says so. */
function trendLine(report: DailyDispatch): Label {
  const value = (v: number | null, zh: boolean): string => (v === null ? (zh ? '无数据' : 'no data') : n(v));
  return {
    zh: `在观察人数走势：${report.trend.map((p) => `${p.day.slice(5)} ${value(p.underObservation, true)}`).join('，')}`,
    en: `under observation, day by day: ${report.trend.map((p) => `${p.day.slice(5)} ${value(p.underObservation, false)}`).join(', ')}`,
  };
}

/** The reporting discipline in one line: each level's completeness, timeliness and sign-off, and who is missing. */
function reportingLine(report: DailyDispatch): Label {
  const r = report.reporting;
  const [v, t] = r.levels as [LevelReporting, LevelReporting];
  const names = r.missing.slice(0, 5).map((u) => u.name);
  const more = r.missing.length > 5 ? '…' : '';
  // zero reports are reports: counted apart from the missing ones, shown when there are any
  const zeroV: Label = v.nothingToReport > 0 ? { zh: `，零报告 ${n(v.nothingToReport)}`, en: `, ${n(v.nothingToReport)} with nothing to report` } : { zh: '', en: '' };
  const zeroT: Label = t.nothingToReport > 0 ? { zh: `，零报告 ${n(t.nothingToReport)}`, en: `, ${n(t.nothingToReport)} with nothing to report` } : { zh: '', en: '' };
  return {
    zh: `报告（${r.deadline}前）：村（社区）${n(v.submitted)}/${n(v.expected)}（按时 ${n(v.onTime)}，迟报 ${n(v.late)}，缺报 ${n(v.missing)}${zeroV.zh}，逐级签收 ${n(v.signedOff)}），乡镇（街道）${n(t.submitted)}/${n(t.expected)}（签收 ${n(t.signedOff)}${zeroT.zh}）${names.length > 0 ? `；缺报：${names.join('、')}${more}` : ''}`,
    en: `reports (due ${r.deadline}): villages and communities ${n(v.submitted)}/${n(v.expected)} (${n(v.onTime)} on time, ${n(v.late)} late, ${n(v.missing)} missing${zeroV.en}, ${n(v.signedOff)} signed off at every level), townships ${n(t.submitted)}/${n(t.expected)} (${n(t.signedOff)} signed off${zeroT.en})${names.length > 0 ? `; missing: ${names.join(', ')}${more}` : ''}`,
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
    en: `community epidemic state: ${count('case')} with a case, ${countOf(count('outbreak'), 'outbreak', 'outbreaks')}, ${count('communityTransmission')} with community transmission (${names.join(', ')})`,
  };
}
