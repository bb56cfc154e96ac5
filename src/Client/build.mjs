// Builds the browser bundle (graphql-ws inside, no Apollo), the Node/bundler entry, and with
// --tests every test file transpiled one-to-one so node --test can run them without a loader.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';

const common = { bundle: true, format: 'esm', target: 'es2022', sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['src/browser.ts'], outfile: 'dist/collectionstore-client.js', platform: 'browser' });
await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  platform: 'neutral',
  external: ['graphql-ws', 'graphql', '@apollo/client', '@apollo/client/*', 'rxjs'],
});

if (process.argv.includes('--tests')) {
  const tests = readdirSync('test').filter((f) => f.endsWith('.ts')).map((f) => `test/${f}`);
  const sources = readdirSync('src').filter((f) => f.endsWith('.ts')).map((f) => `src/${f}`);
  await build({
    entryPoints: [...sources, ...tests],
    outdir: 'build',
    outbase: '.',
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}
