/**
 * The values an `@example` may name without building them: each is built once, on first use, and
 * shared (the library never mutates its inputs), except the journal store's, which each example
 * that names one gets afresh. An example that declares a name of its own (`const ledger = …`) uses
 * its own.
 *
 * | name | what it is |
 * |---|---|
 * | `tree` | a small hand-built organization tree (below) |
 * | `people` | the people of `tree`: county cadres, hospital staff, residents |
 * | `county` | a small synthetic county: `generateCounty({ scale: 0.02 })` (every township, a village or community each), keeping 20 households of each village and community |
 * | `journal` | `countyEvents(county)`: the events that register the county (102 events) |
 * | `ledger` | the county after a simulated fortnight (below), as of 2020-02-07 |
 * | `period` | `{ from: '2020-01-25', to: '2020-02-07' }`, the fortnight |
 * | `records` | `deriveRecords(ledger, period)` |
 * | `cadres` | the village and community cadres of `ledger` |
 * | `problem` | `generateRosterProblem({ size: 'S', seed: 1 })` |
 * | `roster` | `buildRoster(problem, { seed: 1 }).roster` |
 * | `n005w4` | the files of INRC-II instance n005w4_0_1-2-3-3 (`{ scenario, history, weeks }`, texts of `test/fixtures/rostering/inrc2/n005w4/`) |
 * | `instance1` | the text of Curtois–Qu `Instance1.txt` (`test/fixtures/rostering/curtois-qu/`) |
 * | `admissionSteps` | every step of a smooth admission, in order: applies on 2019-11-04, talk on 2019-11-20, activist on 2020-02-01, assessed on 2020-07-30 and 2021-01-20, development target on 2021-02-01, review, introducers and training, admitted at the branch meeting of 2021-03-20, approved on 2021-04-10, converted at the meeting of 2022-03-21, approved on 2022-04-15 |
 * | `z` | zod's `z`, which the schemas are made with |
 * | `pglite` | an empty PostgreSQL database: a PGlite instance in memory (below), new for each example |
 * | `db` | `fromPGlite(pglite)`: the same database as a `SqlDatabase` whose transactions `COPY` |
 * | `store` | `openJournal(db, { stream: '511621' })` holding `journal`: the county's journal, 102 events long, with no snapshot |
 * | `pg` | node-postgres (`import pg from 'pg'`), to build a `pg.Pool` or `pg.Client`; the examples never connect one |
 * | `copyFrom` | `from` of `pg-copy-streams` (`import { from as copyFrom } from 'pg-copy-streams'`) |
 *
 * `pglite`, `db` and `store`: one PGlite instance serves every example (making one takes seconds);
 * before each example that names one of them its `public` schema is dropped and made again, so each
 * example finds a database without the store's tables (the tables of `store` aside, which it makes).
 *
 * `tree`:
 *
 * ```
 * 岳池县 yc (county)
 * ├── 普安镇 pa (township)
 * │   └── 吴家沟村 wjg (village)
 * ├── 九龙街道 jl (subdistrict)
 * │   └── 城北社区 cb (community)
 * └── 岳池县人民医院 hosp (institution)
 *     └── 临时党支部 tb (temporaryBranch)
 * ```
 *
 * `ledger`: `replay(journal)`; the four campaigns simulated for 14 days from 2020-01-25
 * (`simulateCampaigns`, seed 2020, with 5% of residents found under observation: campaigns `hp-2020`, `dk-2020`, `cl-2020`, `vs-2020`); the
 * county's posts opened (`countyPosts`); roster `r1` built for 14 days from 2020-01-26
 * (`rosterProblemFromLedger`, `buildRoster` seed 1) and published; then 13 days of supervision of
 * `r1`, daily reports and admission steps from 2020-01-26 (`simulateSupervision`,
 * `simulateReporting`, `simulateAdmissions`).
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { z } from 'zod';
import {
  LedgerEvent,
  buildRoster,
  countyEvents,
  emptyLedger,
  countyPosts,
  deriveRecords,
  generateCounty,
  generateRosterProblem,
  replay,
  rosterProblemFromLedger,
  simulateAdmissions,
  simulateCampaigns,
  simulateReporting,
  simulateSupervision,
  tableValues,
  type County,
  type Day,
  type Ledger,
  type Period,
  type RosterProblem,
} from '../../src/index.js';
import { fromPGlite, openJournal, type Journal, type SqlDatabase } from '../../src/entries/store.js';
import { PIPELINE } from '../admission/admissionFixtures.js';
import { fixturePeople, fixtureTree } from '../fixtures.js';
import { curtoisQuText, inrc2Files } from '../roster/staffingFixtures.js';
import { tinyCounty } from '../ledgerFixtures.js';

const rosterStart = '2020-01-26' as Day;

function fortnight(county: County, journal: readonly LedgerEvent[]): Ledger {
  const register = replay(journal);
  const campaigns = replay(simulateCampaigns(register, { days: 14, arrivalShare: 0.05 }), register);
  const by = county.command.headquarters.commander;
  const at = '2020-01-25T09:00:00+08:00';
  const opened = replay(
    countyPosts(county.units).map((post, i) => ({ type: 'postOpened', id: `post-${i + 1}`, at, by, post })) as unknown as LedgerEvent[],
    campaigns,
  );
  const { roster } = buildRoster(rosterProblemFromLedger(opened, { startDay: rosterStart, days: 14 }), { seed: 1 });
  const published = replay([{ type: 'rosterPublished', id: 'roster-1', at: '2020-01-25T18:00:00+08:00', by, rosterId: 'r1', roster }] as unknown as LedgerEvent[], opened);
  const window = { startDay: rosterStart, days: 13 };
  const later = [
    ...simulateSupervision(published, { rosterId: 'r1', ...window }),
    ...simulateReporting(published, window),
    ...simulateAdmissions(published, window),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return replay(later, published);
}

/** The names of the fixtures, in the order of the table above. */
export const FIXTURE_NAMES = [
  'tree',
  'people',
  'county',
  'journal',
  'ledger',
  'period',
  'records',
  'cadres',
  'problem',
  'roster',
  'n005w4',
  'instance1',
  'admissionSteps',
  'z',
  'pglite',
  'db',
  'store',
  'pg',
  'copyFrom',
] as const;
/** The name of a fixture. */
export type FixtureName = (typeof FIXTURE_NAMES)[number];
/** The fixtures each example that names one gets afresh: the journal store's. */
type StoreFixture = 'pglite' | 'db' | 'store';
type SharedFixture = Exclude<FixtureName, StoreFixture>;
const isStoreFixture = (name: FixtureName): name is StoreFixture => name === 'pglite' || name === 'db' || name === 'store';

const built = new Map<SharedFixture, unknown>();
const once = <T>(name: SharedFixture, build: () => T): T => {
  if (!built.has(name)) built.set(name, build());
  return built.get(name) as T;
};
const county = (): County => once('county', () => tinyCounty(generateCounty({ scale: 0.02 }), 20));
const journal = (): LedgerEvent[] => once('journal', () => countyEvents(county()));
const ledger = (): Ledger => once('ledger', () => fortnight(county(), journal()));
const period = (): Period => once('period', () => ({ from: '2020-01-25', to: '2020-02-07' }) as Period);
const problem = (): RosterProblem => once('problem', () => generateRosterProblem({ size: 'S', seed: 1 }));

/** How to build each shared fixture. */
const builders: Record<SharedFixture, () => unknown> = {
  tree: () => once('tree', fixtureTree),
  people: () => once('people', fixturePeople),
  county,
  journal,
  ledger,
  period,
  records: () => once('records', () => deriveRecords(ledger(), period())),
  cadres: () => once('cadres', () => tableValues(ledger().people).filter((p) => p.cadreLevel === 'village')),
  problem,
  roster: () => once('roster', () => buildRoster(problem(), { seed: 1 }).roster),
  n005w4: () => once('n005w4', () => inrc2Files('n005w4', 0, [1, 2, 3, 3])),
  instance1: () => once('instance1', () => curtoisQuText(1)),
  admissionSteps: () => PIPELINE,
  z: () => z,
  pg: () => pg,
  copyFrom: () => copyFrom,
};

/** The events of `journal` as the store keeps them (parsed), and the ledger they make: built once. */
let registration: { events: LedgerEvent[]; ledger: Ledger } | undefined;
/** The one PGlite instance of the examples, made on first use. */
let instance: Promise<PGlite> | undefined;

/** The PGlite instance, its `public` schema made anew: a database without the store's tables. */
async function emptyDatabase(): Promise<PGlite> {
  instance ??= PGlite.create();
  const pglite = await instance;
  await pglite.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  return pglite;
}

/** The county's journal (stream `511621`) in `db`, holding the events of `journal`. */
async function countyStore(db: SqlDatabase): Promise<Journal> {
  if (registration === undefined) {
    const events = journal().map((e) => LedgerEvent.parse(e));
    registration = { events, ledger: replay(events) };
  }
  const store = await openJournal(db, { stream: '511621' });
  await store.import({ ledger: emptyLedger(), position: 0 }, registration.events, { ledger: registration.ledger });
  return store;
}

/**
 * The fixtures an example names, by name: the shared ones built on first use; the journal store's
 * (`pglite`, `db`, `store`) built afresh for this example, over an emptied database.
 */
export async function fixtures(names: readonly FixtureName[]): Promise<Map<FixtureName, unknown>> {
  const out = new Map<FixtureName, unknown>();
  for (const name of names) if (!isStoreFixture(name)) out.set(name, builders[name]());
  if (names.some(isStoreFixture)) {
    const pglite = await emptyDatabase();
    const db = fromPGlite(pglite);
    if (names.includes('pglite')) out.set('pglite', pglite);
    if (names.includes('db')) out.set('db', db);
    if (names.includes('store')) out.set('store', await countyStore(db));
  }
  return out;
}

/** Closes the PGlite instance of the store's fixtures, if one was made. */
export async function closeFixtures(): Promise<void> {
  if (instance === undefined) return;
  const pglite = await instance;
  instance = undefined;
  await pglite.close();
}
