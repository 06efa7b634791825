// The layering of src/: a folder may import only from its own layer or a lower one.
// `npm run lint:layers` checks it (CI runs it); README.md, "How the code is laid out", draws it.
/** Lowest first. */
const LAYERS = [
  ['core', 'internal'],
  ['people', 'org'],
  ['store'],
  ['register', 'campaigns', 'roster', 'supervision', 'evaluation', 'admission', 'reporting'],
  ['ledger'],
  ['report', 'privacy', 'simulation', 'synthetic', 'journal'],
];

const folders = (layers) => `^src/(${layers.flat().join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `layer-${i}-imports-up`,
      comment: `${layer.join(', ')} may import only from ${LAYERS.slice(0, i + 1).flat().join(', ')}`,
      severity: 'error',
      from: { path: folders([layer]) },
      to: { path: folders(LAYERS.slice(i + 1)) },
    })),
    {
      name: 'no-barrel-inside',
      comment: 'code inside src/ never imports an entry point (src/index.ts or src/entries/)',
      severity: 'error',
      from: { path: '^src/[^/]+/' },
      to: { path: '^src/(index\\.ts|entries/)' },
    },
    {
      name: 'no-circular',
      comment: 'no runtime import cycles between files',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
