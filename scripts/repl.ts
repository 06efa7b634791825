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
    "  parseResidentId(county.people[0].residentId)\n",
);
const server = repl.start({ prompt: 'frontline> ', useGlobal: false });
Object.assign(server.context, frontline, { fl: frontline, county, tree });
