/**
 * A Node REPL with the library loaded and a generated county at hand.
 *
 *   npm run repl                    full-scale county (about 5 s to generate)
 *   npm run repl -- --scale 0.05    a smaller one
 */
import repl from 'node:repl';
import { parseArgs } from 'node:util';
import * as frontline from '../src/index.js';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '2020' } },
});
const started = performance.now();
const county = frontline.generateCounty({ scale: Number(values.scale), seed: Number(values.seed) });
const tree = frontline.createOrgTree(county.units);
console.log(
  `frontline REPL — ${county.name}: ${tree.units.length} units, ${county.households.length.toLocaleString('en-US')} households, ` +
    `${county.people.length.toLocaleString('en-US')} people (generated in ${Math.round(performance.now() - started)} ms)\n` +
    'In scope: every export of frontline (also as `fl`), `county`, `tree`. Try:\n' +
    "  findUnits(tree, '吴家沟').map((u) => path(tree, u.id).map((x) => x.name).join(' / '))\n" +
    "  checkPartyRules(tree, county.people).length\n" +
    "  rollup(tree, partyCountsByUnit(tree, county.people), PARTY_COUNTS).get(tree.root)\n" +
    "  parseResidentId(county.people[0].residentId)\n" +
    'And `fortnight()`: the ledger after a simulated fortnight of the four campaigns (sets `ledger` and `journal`), then\n' +
    "  campaignProgress(ledger, SIMULATED_CAMPAIGNS.doorKnocking, '2020-02-07').total\n" +
    "  followUps(ledger, '2020-02-07').filter((f) => f.status === 'lost')\n",
);
const server = repl.start({ prompt: 'frontline> ', useGlobal: false });
/** Builds the ledger of a simulated fortnight on the county (once) and puts it in scope. */
function fortnight(days = 14): frontline.Ledger {
  const t = performance.now();
  const base = frontline.replay(frontline.countyEvents(county), undefined, { trusted: true });
  const journal = frontline.simulateCampaigns(base, { days, seed: Number(values.seed) });
  const ledger = frontline.replay(journal, base);
  Object.assign(server.context, { ledger, journal });
  console.log(`ledger: ${ledger.eventCount.toLocaleString('en-US')} events in ${Math.round(performance.now() - t)} ms`);
  return ledger;
}
Object.assign(server.context, frontline, { fl: frontline, county, tree, fortnight });
