/**
 * `frontline/report`: The daily dispatch, its summaries and formats, the reporting discipline, community states.
 *
 * @module report
 */

export type { ReportingTables } from '../reporting/tables.js';
export { DailyReportSubmitted, DailyReportSignedOff } from '../reporting/events.js';
export { SUMMARY_MONOID, emptySummary, mergeSummaries } from '../report/summary.js';
export type { AdmissionMetrics, DispatchSummary, DutyMetrics, SupervisionMetrics } from '../report/summary.js';
export { DISPATCH_PARTS, dailyDispatch } from '../report/dispatch.js';
export type { AttentionPerson, DailyDispatch, DispatchPart, Mover } from '../report/dispatch.js';
export { renderDispatch } from '../report/render.js';
export type { RenderOptions } from '../report/render.js';
export type { DispatchOptions, TrendPoint } from '../report/dispatch.js';
export { DailyReport, ReportSignOff } from '../reporting/records.js';
export { reportingStatus } from '../report/reporting.js';
export type { LevelReporting, ReportingStatus } from '../report/reporting.js';
export { COMMUNITY_STATE_RULES, communityStates } from '../report/epidemic.js';
export { EPIDEMIC_ANCHORS, checkEpidemicAnchors } from '../report/anchors.js';
export type { AnchorResult, AnchorSource, EpidemicAnchor, EpidemicCheck } from '../report/anchors.js';
export { TRACING_MONOID, tracingIndicators, tracingShares } from '../report/tracing.js';
export type { TracingCounts, TracingShare } from '../report/tracing.js';
