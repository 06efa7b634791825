/**
 * Type tests, checked by the compiler (`npm run typecheck`, in CI): each `@ts-expect-error` line
 * must fail to compile, or the check fails.
 */
import { campaignProgress, SIMULATED_CAMPAIGNS, type CampaignId, type CampaignMetrics, type Day, type DoorKnockingMetrics, type Ledger } from '../../src/index.js';

declare const ledger: Ledger;
const day = '2020-02-07' as Day;

// a door-knocking campaign's figures are door-knocking figures: no cast
const dk = campaignProgress(ledger, SIMULATED_CAMPAIGNS.doorKnocking, day);
export const screened: number = dk.total.screened;
export const ofUnit: DoorKnockingMetrics | undefined = dk.rolledUp.get(dk.campaign.ownerUnitId);

// a cleaning campaign's figures are not door-knocking figures
const cl = campaignProgress(ledger, SIMULATED_CAMPAIGNS.cleaning, day);
export const sites: number = cl.total.sites;
// @ts-expect-error cleaning figures have no screened households
export const wrong: number = cl.total.screened;
// @ts-expect-error nor may they be taken for door-knocking figures
export const taken: DoorKnockingMetrics = cl.total;

// a campaign id of unknown kind gives the figures of any kind, told apart by their kind
const any = campaignProgress(ledger, 'dk-2020' as CampaignId, day);
export const m: CampaignMetrics = any.total;
// @ts-expect-error not known to be door-knocking figures
export const unknown: number = any.total.screened;
export const narrowed: number = any.total.kind === 'doorKnocking' ? any.total.screened : 0;
