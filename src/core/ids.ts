import { z } from 'zod';

/**
 * The id of an organization unit. Branded: a {@link PersonId} is not accepted where an `OrgId` is
 * expected, so mixing them up is a compile error.
 *
 * @example
 * const id = OrgId.parse('yc-t05'); // => 'yc-t05' (typed as OrgId)
 * @category Ids
 */
export const OrgId = z.string().min(1).brand<'OrgId'>();
/**
 * The id of an organization unit.
 *
 * @category Ids
 */
export type OrgId = z.infer<typeof OrgId>;

/**
 * The id of a person.
 *
 * @example
 * const id = PersonId.parse('p000001'); // => 'p000001' (typed as PersonId)
 * @category Ids
 */
export const PersonId = z.string().min(1).brand<'PersonId'>();
/**
 * The id of a person.
 *
 * @category Ids
 */
export type PersonId = z.infer<typeof PersonId>;

/**
 * The id of a household of the household register.
 *
 * @example
 * const id = HouseholdId.parse('h000001'); // => 'h000001' (typed as HouseholdId)
 * @category Ids
 */
export const HouseholdId = z.string().min(1).brand<'HouseholdId'>();
/**
 * The id of a household.
 *
 * @category Ids
 */
export type HouseholdId = z.infer<typeof HouseholdId>;

/**
 * The id of a group set (an exclusive classification over the tree, such as the war-zones) or of
 * one of its groups.
 *
 * @example
 * const id = GroupId.parse('war-zone-1'); // => 'war-zone-1' (typed as GroupId)
 * @category Ids
 */
export const GroupId = z.string().min(1).brand<'GroupId'>();
/**
 * The id of a group set or group.
 *
 * @category Ids
 */
export type GroupId = z.infer<typeof GroupId>;

/**
 * The id of a supervision group of the command structure.
 *
 * @example
 * const id = SupervisionGroupId.parse('sg-01'); // => 'sg-01' (typed as SupervisionGroupId)
 * @category Ids
 */
export const SupervisionGroupId = z.string().min(1).brand<'SupervisionGroupId'>();
/**
 * The id of a supervision group.
 *
 * @category Ids
 */
export type SupervisionGroupId = z.infer<typeof SupervisionGroupId>;

/**
 * The id of a ledger event. Unique within a ledger: applying an event id twice is refused.
 *
 * @example
 * const id = EventId.parse('e0000001'); // => 'e0000001' (typed as EventId)
 * @category Ids
 */
export const EventId = z.string().min(1).max(128).brand<'EventId'>();
/**
 * The id of a ledger event.
 *
 * @category Ids
 */
export type EventId = z.infer<typeof EventId>;

/**
 * The id of a campaign.
 *
 * @example
 * const id = CampaignId.parse('dk-2020'); // => 'dk-2020' (typed as CampaignId)
 * @category Ids
 */
export const CampaignId = z.string().min(1).brand<'CampaignId'>();
/**
 * The id of a campaign.
 *
 * @category Ids
 */
export type CampaignId = z.infer<typeof CampaignId>;

/**
 * The id of a campaign of kind `K`: a {@link CampaignId} whose type also says the campaign's kind
 * (only the type: the value is the same string). `campaignProgress` reads the kind from it, so the
 * figures of a door-knocking campaign are typed as door-knocking figures, and reading a cleaning
 * campaign's figures as door-knocking ones does not compile. A plain `CampaignId` gives the figures
 * of any kind.
 *
 * @example
 * const dk = 'dk-2020' as CampaignIdOf<'doorKnocking'>;
 * campaignProgress(ledger, dk, '2020-02-07' as Day).total.screened > 0; // => true (DoorKnockingMetrics, no cast)
 * @category Ids
 */
export type CampaignIdOf<K extends string> = CampaignId & { readonly campaignKind?: K };

/**
 * The id of a record created by an event (an observation, a visit, a service request, a site, a
 * volunteer task, a declaration).
 *
 * @example
 * const id = RecordId.parse('obs-1'); // => 'obs-1' (typed as RecordId)
 * @category Ids
 */
export const RecordId = z.string().min(1).max(128).brand<'RecordId'>();
/**
 * The id of a record created by an event.
 *
 * @category Ids
 */
export type RecordId = z.infer<typeof RecordId>;
