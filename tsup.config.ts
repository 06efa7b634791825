import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', store: 'src/entries/store.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // one copy of the library shared by both entries in CJS too (one FrontlineError class for instanceof)
  splitting: true,
});
