// Bundles the Node side: the Electron main process, the preload script and the headless host.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Maps of the Node bundles stay beside them for a developer reading a crash.log stack: nothing serves dist/ itself
  // (only dist/renderer, which has none), and the installers leave *.map out (electron-builder.yml).
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(version) },
  // Native modules load from node_modules at run time; electron is provided by its runtime.
  external: ['electron', 'sqlite3', 'serialport', '@serialport/*', 'electron-updater'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/host/cli.ts'], outfile: 'dist/host.cjs' }),
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main.cjs' }),
  // The preload runs sandboxed: one self-contained CommonJS file that only requires 'electron'.
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/preload.cjs', platform: 'browser', format: 'cjs' }),
]);
