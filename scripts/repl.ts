/**
 * A Node REPL with the library loaded and a generated county at hand.
 *
 *   npm run repl                    full-scale county (about 5 s to generate)
 *   npm run repl -- --scale 0.05    a smaller one
 *   npm run repl -- --divisions synthetic   drawn places instead of Yuechi's real ones
 *   npm run repl -- --store memory  keep nothing (default: --store pglite:out/store, shared with the
 *                                   demo; or --store postgres://user@host:port/db)
 */
import repl from 'node:repl';
import { parseArgs, type InspectOptions } from 'node:util';
import * as frontline from '../src/index.js';
import { withProgress } from './progress.js';
import { DEFAULT_STORE, demoStream, openDemoStore, resume, save } from './store.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '2020' },
    store: { type: 'string', default: DEFAULT_STORE },
    divisions: { type: 'string', default: 'yuechi' },
  },
});
const started = performance.now();
const county = withProgress('generating the county', (onProgress) =>
  frontline.generateCounty({ scale: Number(values.scale), seed: Number(values.seed), divisions: values.divisions as 'yuechi' | 'synthetic', onProgress }),
);
const tree = frontline.createOrgTree(county.units);
console.log(
  `frontline REPL — ${county.name}: ${tree.units.length} units, ${county.households.length.toLocaleString('en-US')} households, ` +
    `${county.people.length.toLocaleString('en-US')} people (generated in ${Math.round(performance.now() - started)} ms)\n` +
    'In scope: every export of frontline (also as `fl`), `county`, `tree`. Try:\n' +
    "  findUnits(tree, '吴家沟').map((u) => path(tree, u.id).map((x) => x.name).join(' / '))\n" +
    "  checkPartyRules(tree, county.people).length\n" +
    "  rollup(tree, partyCountsByUnit(tree, county.people), PARTY_COUNTS).get(tree.root)\n" +
    "  parseResidentId(county.people[0].residentId)\n" +
    'And `await fortnight()`: the ledger after a simulated fortnight of the four campaigns, from the store when stored before (sets `ledger`), then\n' +
    "  campaignProgress(ledger, SIMULATED_CAMPAIGNS.doorKnocking, '2020-02-07').total\n" +
    "  followUps(ledger, '2020-02-07').filter((f) => f.status === 'lost')\n" +
    'And `rosters()`: the county\'s checkpoints, duty rooms and hotline opened in the ledger and rostered for 14 days\n' +
    '(sets `problem`, `built` and `roster`; uses the fortnight\'s ledger when there is one), then\n' +
    '  checkCapacity(problem).feasible\n' +
    "  onDuty(roster, 'cp.yc.v119212', '2020-01-31T23:30:00+08:00')\n" +
    "  repairRoster(problem, roster, { kind: 'unavailable', personId: roster.seats['cp.yc.v119212/2020-01-30/morning/L'], from: '2020-01-30', to: '2020-02-01', reason: 'sickness' }).diff\n" +
    'And `supervise()`: a fortnight of inspections, daily reports and member development on that roster, then\n' +
    "  console.log(renderDispatch(dailyDispatch(ledger, '2020-02-07'), { locale: 'en' }))\n",
);
const server = repl.start({ prompt: 'frontline> ', useGlobal: false, ignoreUndefined: true });
// values wrap at the terminal's width (80 when the output is not a terminal)
const writerOptions = (server.writer as unknown as { options: InspectOptions }).options;
const fitWidth = (): void => {
  writerOptions.breakLength = process.stdout.isTTY ? process.stdout.columns : 80;
};
fitWidth();
process.stdout.on('resize', fitWidth);
/**
 * The ledger of a simulated fortnight on the county, put in scope: loaded from the store when a run
 * (of the demo or the REPL) stored this county's fortnight, else simulated and stored (sets
 * `ledger`, and `journal` when simulated). Prints what it did; returns nothing (the ledger is in scope).
 */
async function fortnight(days = 14): Promise<void> {
  const t = performance.now();
  const store = await openDemoStore(values.store);
  try {
    const stream = demoStream(county, days);
    const stored = await resume(store, stream);
    if (stored !== undefined) {
      Object.assign(server.context, { ledger: stored.state.ledger });
      console.log(`ledger: ${stored.state.ledger.eventCount.toLocaleString('en-US')} events, continued from ${store.label} in ${Math.round(performance.now() - t)} ms`);
      return;
    }
    const register = frontline.countyEvents(county);
    const base = frontline.replay(register, undefined, { trusted: true });
    const journal = withProgress('simulating the campaigns', (onProgress) => frontline.simulateCampaigns(base, { days, seed: Number(values.seed), onProgress }));
    const ledger = withProgress('replaying the journal', (onProgress) => frontline.replay(journal, base, { onProgress }));
    await save(store, stream, register, journal, ledger);
    Object.assign(server.context, { ledger, journal });
    console.log(`ledger: ${ledger.eventCount.toLocaleString('en-US')} events (${journal.length.toLocaleString('en-US')} simulated) in ${Math.round(performance.now() - t)} ms, stored in ${store.label}; in scope: ledger, journal`);
  } finally {
    await store.close();
  }
}
/** Opens the county's posts in the ledger, builds the roster problem for 14 days from 2020-01-26 and rosters it. */
function rosters(days = 14): void {
  const t = performance.now();
  const context = server.context as { ledger?: frontline.Ledger };
  const base = context.ledger ?? frontline.replay(frontline.countyEvents(county), undefined, { trusted: true });
  const by = county.command.headquarters.commander;
  const posts = frontline.countyPosts(county.units);
  const events = posts.map((post, i) => ({ type: 'postOpened' as const, id: `post-${i}`, at: '2020-01-25T09:00:00+08:00', by, post }));
  const withPosts = frontline.replay(events, base);
  const problem = frontline.rosterProblemFromLedger(withPosts, { startDay: '2020-01-26' as frontline.Day, days });
  const built = frontline.buildRoster(problem, { seed: Number(values.seed) });
  const published = frontline.replay(
    [{ type: 'rosterPublished' as const, id: 'roster-1', at: '2020-01-25T18:00:00+08:00', by, rosterId: 'r1', roster: built.roster }],
    withPosts,
  );
  Object.assign(server.context, { ledger: published, problem, built, roster: built.roster });
  console.log(
    `roster: ${posts.length.toLocaleString('en-US')} posts, ${built.stats.seats.toLocaleString('en-US')} seats, ${(100 * built.stats.fillRate).toFixed(1)}% filled, score [${built.score.join(', ')}] in ${Math.round(performance.now() - t)} ms; in scope: ledger, problem, built, roster`,
  );
}
/** On the published roster: a fortnight of supervision and daily reporting (after `fortnight()` and `rosters()`). */
function supervise(days = 13): void {
  const t = performance.now();
  const context = server.context as { ledger?: frontline.Ledger };
  if (context.ledger === undefined || frontline.tableGet(context.ledger.rosters, 'r1') === undefined) throw new Error('run rosters() first');
  const start = '2020-01-26' as frontline.Day;
  const events = [
    ...frontline.simulateSupervision(context.ledger, { rosterId: 'r1', startDay: start, days, seed: Number(values.seed) }),
    ...frontline.simulateReporting(context.ledger, { startDay: start, days, seed: Number(values.seed) }),
    ...frontline.simulateAdmissions(context.ledger, { startDay: start, days, seed: Number(values.seed) }),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const ledger = frontline.replay(events, context.ledger);
  Object.assign(server.context, { ledger });
  console.log(
    `supervision, reporting and member development: ${events.length.toLocaleString('en-US')} events in ${Math.round(performance.now() - t)} ms ` +
      `(${ledger.inspections.size.toLocaleString('en-US')} inspections, ${ledger.findings.size.toLocaleString('en-US')} findings, ${ledger.reports.size.toLocaleString('en-US')} reports); in scope: ledger`,
  );
}
Object.assign(server.context, frontline, { fl: frontline, county, tree, fortnight, rosters, supervise });
