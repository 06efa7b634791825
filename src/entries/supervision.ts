/**
 * `frontline/supervision`: Supervision: inspections, findings and their rectification, and the queries over them.
 *
 * @module supervision
 */

export type { SupervisionLedger, SupervisionTables } from '../supervision/tables.js';
export { InspectionRecorded, RectificationSubmitted, FindingRechecked } from '../supervision/events.js';
export { CheckAnswer, Finding, FindingAction, Inspection, RaisedFinding, deadlineOn } from '../supervision/records.js';
export { findingsOn, uninspectedUnits } from '../supervision/queries.js';
export type { FindingView, FindingsOptions, UninspectedUnit } from '../supervision/queries.js';
