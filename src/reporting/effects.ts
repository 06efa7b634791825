import type { Issue } from '../core/errors.js';
import type { DailyReportSignedOff, DailyReportSubmitted } from './events.js';
import { tableEdit, tableGet, tableHas, tableSet } from '../store/table.js';
import { problem, type Effect } from '../store/effect.js';
import { pairKey } from '../store/keys.js';
import type { RegisterTables } from '../register/tables.js';
import type { ReportingTables } from './tables.js';

/** The parts of a ledger these effects read and change. */
type State = RegisterTables & ReportingTables;

const REPORTING = new Set(['village', 'community', 'subdistrict', 'town', 'township']);

export const dailyReportSubmitted: Effect<State, DailyReportSubmitted> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    const i = ctx.tree.indexOf.get(e.unitId);
    const unit = i === undefined ? undefined : ctx.tree.units[i];
    if (unit === undefined) issues.push(problem('unknown_unit', `unknown unit '${e.unitId}'`, 'unitId'));
    else if (!REPORTING.has(unit.kind)) issues.push(problem('not_reporting', `a ${unit.kind} does not submit a daily report: villages, communities, subdistricts, towns and townships do`, 'unitId'));
    if (e.day > ctx.day) issues.push(problem('future_report', `a report for ${e.day} cannot be submitted on ${ctx.day}`, 'day'));
    if (tableHas(state.reports, pairKey(e.unitId, e.day))) issues.push(problem('duplicate_report', `'${e.unitId}' has submitted its report for ${e.day}`, 'day'));
    return issues;
  },
  scope: (_s, e) => ({ units: [e.unitId], action: 'record' }),
  recipe: (state, e) => {
    tableSet(state.reports, pairKey(e.unitId, e.day), {
      unitId: e.unitId,
      day: e.day,
      submittedAt: e.at,
      by: e.by,
      ...(e.note === undefined ? {} : { note: e.note }),
      ...(e.nothingToReport === true ? { nothingToReport: true as const } : {}),
      signOffs: [],
    });
  },
};

export const dailyReportSignedOff: Effect<State, DailyReportSignedOff> = {
  check: (state, e, ctx) => {
    const report = tableGet(state.reports, pairKey(e.unitId, e.day));
    if (report === undefined) return [problem('unknown_report', `'${e.unitId}' has no report for ${e.day} to sign off`, 'day')];
    const i = ctx.tree.indexOf.get(e.unitId);
    const kind = i === undefined ? undefined : ctx.tree.units[i]?.kind;
    const village = kind === 'village' || kind === 'community';
    const levels = report.signOffs.map((s) => s.level);
    if (levels.includes(e.level)) return [problem('already_signed', `the report is signed off at ${e.level} level`, 'level')];
    if (e.level === 'township' && !village) return [problem('wrong_level', `a ${String(kind)}'s report is signed off by the headquarters`, 'level')];
    if (e.level === 'headquarters' && village && !levels.includes('township')) return [problem('not_yet', 'the township signs off a village report before the headquarters', 'level')];
    return [];
  },
  // a township (or the headquarters) signs inside its subtree; only the headquarters signs for the county
  scope: (_s, e) => (e.level === 'township' ? { units: [e.unitId], action: 'command' } : { units: [], action: 'record' }),
  recipe: (state, e) => {
    const r = tableEdit(state.reports, pairKey(e.unitId, e.day));
    r.signOffs = [...r.signOffs, { level: e.level, at: e.at, by: e.by }];
  },
};
