import type { Table } from '../store/table.js';
import type { Campaign } from './campaign.js';
import type {
  ClassificationHistory,
  HouseholdScreening,
  LetterDelivery,
  Observation,
  ServiceRequest,
  Site,
  SiteDisinfections,
  TravelDeclaration,
  Visit,
  Volunteer,
  VolunteerTask,
} from './records.js';
import type { RegisterTables } from '../register/tables.js';
import { REGISTER_TABLE_NAMES } from '../register/tables.js';
import { requireLedgerShape } from '../store/guard.js';

/**
 * The four campaigns' part of a ledger: the campaigns and every record their events keep.
 *
 * @example
 * const campaigns: CampaignTables = emptyLedger();
 * campaigns.visits.size; // => 0
 * @category Ledger
 */
export interface CampaignTables {
  /** Campaigns by id. */
  readonly campaigns: Table<Campaign>;
  /** Letters delivered, by `campaignId|householdId`. */
  readonly letters: Table<LetterDelivery>;
  /** Travel-history declarations by id. */
  readonly declarations: Table<TravelDeclaration>;
  /** Medical observations by id. */
  readonly observations: Table<Observation>;
  /** Door-knocking visits by id. */
  readonly visits: Table<Visit>;
  /** Each household's state in each door-knocking campaign, by `campaignId|householdId`. */
  readonly screenings: Table<HouseholdScreening>;
  /** Classification histories by household id. */
  readonly classifications: Table<ClassificationHistory>;
  /** Service requests by id. */
  readonly serviceRequests: Table<ServiceRequest>;
  /** Sites to disinfect by id. */
  readonly sites: Table<Site>;
  /** Disinfections per site and day, by site id. */
  readonly disinfections: Table<SiteDisinfections>;
  /** Registered volunteers by person id. */
  readonly volunteers: Table<Volunteer>;
  /** Volunteer tasks by id. */
  readonly tasks: Table<VolunteerTask>;
}

/**
 * The parts of a ledger that the campaigns' read models (`campaignProgress`, `followUpList`, …) read. A whole {@link Ledger} is one.
 *
 * @example
 * const view: CampaignLedger = emptyLedger();
 * @category Ledger
 */
export type CampaignLedger = RegisterTables & CampaignTables;

/** @internal This domain's tables, by name. */
export const CAMPAIGN_TABLE_NAMES = ['campaigns', 'letters', 'declarations', 'observations', 'visits', 'screenings', 'classifications', 'serviceRequests', 'sites', 'disinfections', 'volunteers', 'tasks'] as const satisfies readonly (keyof CampaignTables)[];

/**
 * @internal Checks that a value is a ledger with the tables these read models read, before any
 * work: see {@link requireLedgerShape}.
 */
export function requireLedger(value: unknown, path?: PropertyKey): CampaignLedger {
  return requireLedgerShape<CampaignLedger>(value, [...REGISTER_TABLE_NAMES, ...CAMPAIGN_TABLE_NAMES], path);
}
