/**
 * `frontline/roster`: Duty rosters: the problem, the capacity check, the build, validation, repair, who is on duty.
 *
 * @module roster
 */

export type { RosterLedger, RosterTables } from '../roster/tables.js';
export { PostOpened, PostClosed, AbsenceRecorded, RosterPublished, DutiesReassigned, DutySwapped, AttendanceRecorded } from '../roster/events.js';
export {
  Absence,
  ClockTime,
  DEFAULT_ROSTER_RULES,
  LeaderRequirement,
  Post,
  PostId,
  Roster,
  RosterPerson,
  RosterPool,
  RosterProblem,
  RosterRules,
  RosterSeats,
  RosterWeights,
  SeatId,
  SeatLock,
  Shift,
  ShiftId,
  parseSeatId,
  seatId,
} from '../roster/model.js';
export type { SeatSlot } from '../roster/model.js';
export { checkCapacity } from '../roster/capacity.js';
export type { CapacityReport, CapacityShortfall } from '../roster/capacity.js';
export { BuildOptions, buildRoster } from '../roster/build.js';
export type { FairnessGroup, RosterProgress, RosterResult, RosterStats, UnfilledSeat } from '../roster/build.js';
export { validateRoster } from '../roster/validate.js';
export type { RosterScore, RosterValidation, RosterViolation, ValidateOptions } from '../roster/validate.js';
export { RepairOptions, RosterChange, repairRoster } from '../roster/repair.js';
export type { RepairReason, RepairResult, SeatChange } from '../roster/repair.js';
export { onDuty } from '../roster/onDuty.js';
export type { DutyShift, OnDuty } from '../roster/onDuty.js';
export { AbsenceRecord, Duty, PublishedRoster } from '../roster/records.js';
export { RosterProblemOptions, ledgerRoster, rosterProblemFromLedger } from '../roster/fromLedger.js';
export { ROSTER_CONSTRAINTS } from '../roster/constraints.js';
export type { RosterConstraintRule } from '../roster/constraints.js';
export {
  ForbiddenSuccession,
  STAFFING_REQUEST_LABELS,
  StaffingAssignment,
  StaffingContract,
  StaffingCover,
  StaffingHistory,
  StaffingLimits,
  StaffingPerson,
  StaffingProblem,
  StaffingRequest,
  StaffingRoster,
  StaffingShiftType,
  StaffingSkill,
} from '../roster/staffing/model.js';
export { STAFFING_COST_LABELS, benchmarkCost } from '../roster/staffing/cost.js';
export type { StaffingCost, StaffingCostPart, StaffingViolation } from '../roster/staffing/cost.js';
export { INRC2_WEIGHTS, readInrc2, writeInrc2Solution } from '../roster/staffing/inrc2.js';
export type { Inrc2Files } from '../roster/staffing/inrc2.js';
export { readCurtoisQu } from '../roster/staffing/curtoisQu.js';
export { StaffingSolveOptions, solveStaffing } from '../roster/staffing/solve.js';
export type { StaffingProgress, StaffingResult } from '../roster/staffing/solve.js';
export { CHECKPOINT_MEDIUM_FACTOR, staffingFromRoster, staffingRosterOf } from '../roster/staffing/preset.js';
