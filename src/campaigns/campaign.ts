import { z } from 'zod';
import { Day } from '../core/day.js';
import { CampaignId, OrgId } from '../core/ids.js';
import { CampaignKind, CampaignStatus } from '../core/vocabulary.js';

/**
 * A campaign: one of the four actions (四大行动), owned by a unit (the headquarters' county or a
 * township), covering units (each with its subtree) over a range of days.
 *
 * @example
 * Campaign.parse({ id: 'dk', kind: 'doorKnocking', name: '入户敲门行动', ownerUnitId: 'yc', covers: ['yc'], startDay: '2020-01-26', status: 'active' });
 * @category Campaigns
 */
export const Campaign = z
  .object({
    /** Unique id. */
    id: CampaignId,
    /** Which of the four actions. */
    kind: CampaignKind,
    /** Its name. */
    name: z.string().min(1),
    /** The unit that runs it. */
    ownerUnitId: OrgId,
    /** The units it covers, each with its subtree. */
    covers: z.array(OrgId).min(1, 'a campaign covers at least one unit'),
    /** First day. */
    startDay: Day,
    /** Last day, once known. */
    endDay: Day.optional(),
    /** `active` from its opening, `closed` after `campaignClosed`. */
    status: CampaignStatus,
  })
  .strict();
/**
 * A campaign.
 *
 * @interface
 * @category Campaigns
 */
export type Campaign = z.infer<typeof Campaign>;

/**
 * True when a day falls within a campaign's days (from its start to its end, if it has one).
 *
 * @param campaign - The campaign.
 * @param day - The day.
 * @returns True from its start day through its end day (if any).
 * @example
 * const campaign = tableGet(ledger.campaigns, 'dk-2020')!; // from 2020-01-25, no end day
 * campaignRunsOn(campaign, '2020-02-01' as Day); // => true
 * @category Campaigns
 */
export function campaignRunsOn(campaign: Campaign, day: Day): boolean {
  return day >= campaign.startDay && (campaign.endDay === undefined || day <= campaign.endDay);
}
