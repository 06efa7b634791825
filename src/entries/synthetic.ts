/**
 * `frontline/synthetic`: The synthetic county and the simulated campaigns, supervision, reporting and admission.
 *
 * @module synthetic
 */

export { countyEvents } from '../simulation/journal.js';
export { SIMULATED_CAMPAIGNS, SimulationOptions, simulateCampaigns } from '../simulation/simulate.js';
export { GenerateCountyOptions, generateCounty, yuechiAddressCode } from '../synthetic/county.js';
export type { County } from '../synthetic/county.js';
export { GenerateRosterOptions, ROSTER_SIZES, generateRosterProblem } from '../synthetic/rosterProblem.js';
export { countyPosts } from '../synthetic/countyPosts.js';
export { SupervisionSimulationOptions, simulateSupervision } from '../simulation/supervision.js';
export { ReportingSimulationOptions, simulateReporting } from '../simulation/reporting.js';
export { AdmissionSimulationOptions, simulateAdmissions } from '../simulation/admission.js';
