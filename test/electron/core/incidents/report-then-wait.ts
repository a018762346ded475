// A child process for report-survives-sigkill.test.ts: starts the core on a data directory, reports incidents one
// after another, prints each id the moment its report returns, and keeps going until killed.
import { startCore } from '../../../../electron/core/core';

const [dataDir, countArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: report-then-wait.ts <dataDir> [count]');
const count = Number(countArg ?? '1');

const core = await startCore({ dataDir, transport: 'web', version: 'sigkill-test' });
if (core.info.startupError) throw new Error(`core did not start: ${core.info.startupError.code}`);
for (let i = 1; i <= count; i += 1) {
  const result = await core.call(
    'incidents.report',
    { systemId: 'cctv', description: `机房监控全部黑屏 #${i}`, reporter: '值班员', callbackPhone: '13800000000', facts: { businessStopped: true } },
    { operator: 'duty-guard' },
  );
  if (!result.ok) throw new Error(`report failed: ${result.error.code}`);
  process.stdout.write(`${(result.value as { incident: { id: string } }).incident.id}\n`);
}
// Wait to be killed.
setInterval(() => undefined, 60_000);
