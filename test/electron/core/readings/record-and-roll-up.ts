// Run by readings-survive-sigkill.test.ts in a child process: writes batches of readings (printing `acked <n>` once
// each batch is committed) while rollups run back to back, until it is killed.
import { startCore } from '../../../../electron/core/core';

const [dataDir] = process.argv.slice(2);
const t0 = Date.UTC(2026, 0, 5, 0, 0);
const minute = 60_000;
/** Each batch is ten minutes of 20 sensors read every 10 s. */
const minutesPerBatch = 10;
let now = t0;

const core = await startCore({
  dataDir: dataDir!,
  transport: 'web',
  version: 'test',
  clock: { now: () => now },
  slaWatchIntervalMs: 0,
  idleCheckIntervalMs: 0,
  sync: false,
  devices: { autoStart: false },
  readings: { rollupIntervalMs: 0, flushIntervalMs: 3_600_000 },
});
const keeper = core.readings!;
void (async () => {
  for (;;) await keeper.rollUp();
})();
for (let batch = 0; ; batch += 1) {
  for (let m = 0; m < minutesPerBatch; m += 1) {
    const minuteStart = t0 + (batch * minutesPerBatch + m) * minute;
    for (let s = 0; s < 20; s += 1) {
      for (let k = 0; k < 6; k += 1) {
        keeper.recorder.record(`link-${s}`, { key: 'modbus:1:temperature', label: { zh: '温度', en: 'Temperature' }, value: s + k / 10 + batch, unit: '°C', at: minuteStart + k * 10_000 });
      }
    }
  }
  await keeper.recorder.flush();
  process.stdout.write(`acked ${batch}\n`);
  now = t0 + (batch + 1) * minutesPerBatch * minute + 31_000;
}
