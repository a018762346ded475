// Child process of sync-survives-sigkill.test.ts: starts the core on a data folder whose sync is configured, adds
// one note to an incident (so new items keep arriving between kills), prints "ready" and pushes until it is killed.
import { startCore } from '../../../../electron/core/core';

const [dataDir, incidentId, run] = process.argv.slice(2);
if (!dataDir || !incidentId || !run) throw new Error('usage: sync-then-wait <dataDir> <incidentId> <run>');
const core = await startCore({
  dataDir,
  transport: 'web',
  version: 'test',
  slaWatchIntervalMs: 0,
  idleCheckIntervalMs: 0,
  sync: { timeoutMs: 5_000, pullIntervalMs: 60_000, linkBackoff: { initialMs: 50, maxMs: 200 }, itemBackoff: { initialMs: 50, maxMs: 200 } },
});
if (core.info.startupError) throw new Error(JSON.stringify(core.info.startupError));
const added = await core.call('incidents.act', { id: incidentId, action: 'add_note', text: `第 ${run} 次启动后的备注` }, { operator: 'child' });
if (!added.ok) throw new Error(JSON.stringify(added.error));
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
