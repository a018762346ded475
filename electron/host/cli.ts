// `npm run start:web -- [--data-dir DIR] [--port N] [--no-open]`: the headless host from a terminal.
import { dirname, join } from 'node:path';
import { dataDirArgument, defaultDataDir } from '../core/data-dir';
import { installCrashLog } from '../node/crash-log';
import { findChromium } from './chromium-record-pdf';
import { startHost } from './headless-host';
import { openAppWindow } from './open-app-window';

declare const __APP_VERSION__: string;

/** EX_SOFTWARE (sysexits.h): the host stopped on an error of its own; a service manager restarts it. */
const crashExitCode = 70;

function portArgument(argv: readonly string[]): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice(7);
  if (raw === undefined) return 47800;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${raw}".`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = dataDirArgument(argv) ?? defaultDataDir();
  // Past this point nothing ends the host silently: what no handler caught is in <dataDir>/crash.log.
  installCrashLog({ dataDir, version: __APP_VERSION__, processName: 'host' }, () => process.exit(crashExitCode));
  // Finished maintenance records are printed to PDF for the service center by a Chromium on this machine.
  const chromiumPath = findChromium();
  const host = await startHost({
    chromiumPath,
    dataDir,
    port: portArgument(argv),
    rendererDir: join(dirname(process.argv[1] ?? '.'), 'renderer'),
    version: __APP_VERSION__,
  });
  console.log(`Duty Console at ${host.url}`);
  // stdout keeps its one line (the address); a missing Chromium is a warning on stderr.
  if (!chromiumPath) console.warn('No Chromium found (install chromium or set DUTY_CONSOLE_CHROMIUM): finished maintenance records go upstream without their PDF until there is one.');
  if (host.core.info.startupError) {
    console.error(`The console could not open its data (${host.core.info.startupError.code}): ${JSON.stringify(host.core.info.startupError.params)}`);
  }
  if (!argv.includes('--no-open')) openAppWindow(host.url);
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
