// A child process for alarms-survive-sigkill.test.ts: starts the core on a data directory with a Contact ID receiver
// on the given port, prints `ready` once the link is up, then answers the receiver until killed.
import { startCore } from '../../../../electron/core/core';

const [dataDir, portPath] = process.argv.slice(2);
if (!dataDir || !portPath) throw new Error('usage: receive-then-wait.ts <dataDir> <portPath>');
const operator = { operator: 'engineer' };

const core = await startCore({ dataDir, transport: 'web', version: 'sigkill-test', slaWatchIntervalMs: 0 });
if (core.info.startupError) throw new Error(`core did not start: ${core.info.startupError.code}`);
const serial = { baudRate: 115_200, dataBits: 8, parity: 'none', stopBits: 1 } as const;
const created = await core.call('links.create', { name: '接警机', driver: 'contact-id', portPath, serial, protocol: {}, assetId: null }, operator);
if (!created.ok) throw new Error(`links.create failed: ${created.error.code}`);
const id = (created.value as { id: string }).id;
for (;;) {
  const got = await core.call('links.get', { id }, operator);
  if (got.ok && (got.value as { status: { state: string } }).status.state === 'connected') break;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write('ready\n');
// Wait to be killed.
setInterval(() => undefined, 60_000);
