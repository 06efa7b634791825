/**
 * @internal The key of a record kept per pair of ids: `campaignId|householdId` for a household's
 * letter or screening in a campaign, `rosterId|seatId` for a seat of a published roster.
 */
export function pairKey(first: string, second: string): string {
  return `${first}|${second}`;
}
