import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** The root and one entry per subpath (`frontline/roster`, `frontline/store`, …): src/entries/<name>.ts. */
const entry = {
  index: 'src/index.ts',
  ...Object.fromEntries(readdirSync('src/entries').map((f) => [f.replace(/\.ts$/, ''), `src/entries/${f}`])),
};

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // shared chunks in CJS too: one copy of each module (one FrontlineError class for instanceof)
  // whatever entries an app imports, and an import pulls in only the chunks it uses
  splitting: true,
});
