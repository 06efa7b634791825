/**
 * frontline — a county's grassroots Party organizations on the epidemic front line: the organization
 * tree and its command bodies, people and identity numbers, Party organization rules, and a
 * synthetic county at the scale of Yuechi (27 townships, 869 villages and communities, 1.2 million
 * people).
 *
 * @module frontline
 */

export * from './entries/core.js';
export * from './entries/people.js';
export * from './entries/org.js';
export * from './entries/ledger.js';
export * from './entries/campaigns.js';
export * from './entries/roster.js';
export * from './entries/supervision.js';
export * from './entries/evaluation.js';
export * from './entries/admission.js';
export * from './entries/report.js';
export * from './entries/privacy.js';
export * from './entries/synthetic.js';
