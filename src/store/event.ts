import { Instant } from '../core/day.js';
import { EventId, PersonId } from '../core/ids.js';

/**
 * @internal The fields every event has: its id, when it happened and who recorded it. Each domain's
 * event schemas spread them in.
 */
export const eventBase = {
  /** Unique id of the event; a ledger refuses an id it has seen. */
  id: EventId,
  /** When it happened (ISO 8601 with offset); its day in China Standard Time is the event's day. */
  at: Instant,
  /** The person who recorded it. */
  by: PersonId,
};
