// `npm run bench:reports -- [--data-dir DIR] [--entries N] [--incidents N] [--alarms N] [--runs N]`: two years of
// history (about 1,000,000 journal entries from incidents and device changes, alarms, maintenance), then the reports
// page's queries through the core: the SLA report over the two years, one month, the monthly report, the workbook.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, databaseFileName, startCore } from '../electron/core/core';
import { dataDirArgument } from '../electron/core/data-dir';
import type { MethodInput, MethodName, MethodResult } from '../shared/contract';
import { addDays, localDayOf } from '../shared/domain/maintenance/frequency';
import { numberArgument as readNumber } from './bench/arguments';
import { type LatencySummary, ms, summarize, thousands, timed } from './bench/latency';
import { seedAlarmHistory } from './bench/seed-alarm-history';
import { seedIncidentHistory } from './bench/seed-incident-history';
import { seedRegister } from './bench/seed-register';

const argv = process.argv.slice(2);
const numberArgument = (name: string, fallback: number) => readNumber(argv, name, fallback);
const targetEntries = numberArgument('--entries', 1_000_000);
const incidents = numberArgument('--incidents', 20_000);
const devices = numberArgument('--devices', 20_000);
const alarms = numberArgument('--alarms', 300_000);
const runs = numberArgument('--runs', 30);
const givenDataDir = dataDirArgument(argv);
const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'duty-console-bench-reports-'));
const bench = { operator: 'bench' };

async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const result = await core.call(method, input, bench);
  if (!result.ok) throw new Error(`${method} ${JSON.stringify(input)} failed: ${result.error.code} ${JSON.stringify(result.error.params)}`);
  return result.value as MethodResult<M>;
}

async function seed(): Promise<string> {
  if (existsSync(join(dataDir, databaseFileName))) {
    console.log(`seed: ${dataDir} already holds a database, reusing it`);
    return 'not measured (database reused)';
  }
  const register = await seedRegister(dataDir, devices, { batchSize: 1000 });
  console.log(`seed: ${thousands(register.devices)} devices in ${(register.ms / 1000).toFixed(1)} s`);
  const history = await seedIncidentHistory(dataDir, { incidents, open: Math.min(150, incidents), targetEntries, batchSize: 500, onProgress: (n) => process.stdout.write(`  ${thousands(n)} entries\r`) });
  console.log(`seed: ${thousands(history.entries)} journal entries in ${(history.ms / 1000).toFixed(1)} s`);
  const rest = await seedAlarmHistory(dataDir, { links: 40, alarms, tasks: 3_000, days: 730 });
  console.log(`seed: ${thousands(alarms)} alarms, 3,000 maintenance tasks in ${(rest.ms / 1000).toFixed(1)} s`);
  return `${thousands(devices)} devices; ${thousands(history.entries)} journal entries (${thousands(incidents)} incidents over two years, their steps and notes, device changes); ${thousands(alarms)} alarms from 40 links; 3,000 maintenance tasks`;
}

/** Wall time per run, and the process's CPU time (main and SQLite threads): the figure a busy machine does not inflate. */
async function measure(label: string, work: () => Promise<unknown>): Promise<[string, LatencySummary, number]> {
  for (let i = 0; i < 2; i += 1) await work();
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < runs; i += 1) samples.push((await timed(work)).ms);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerRun = (cpu.user + cpu.system) / 1000 / runs;
  const s = summarize(samples);
  console.log(`${label.padEnd(48)} p50 ${ms(s.p50)} ms  p99 ${ms(s.p99)} ms  max ${ms(s.max)} ms  CPU ${ms(cpuPerRun)} ms/run`);
  return [label, s, cpuPerRun];
}

async function main(): Promise<void> {
  const seeding = await seed();
  const core = await startCore({ dataDir, transport: 'web', version: 'bench', slaWatchIntervalMs: 0, devices: { autoStart: false } });
  if (core.info.startupError) throw new Error(JSON.stringify(core.info.startupError));
  await core.integrityChecked();
  const today = localDayOf(Date.now());
  const twoYears = { from: addDays(today, -730), to: today };
  const lastMonth = { from: addDays(today, -30), to: today };
  const month = today.slice(0, 7);
  const full = await call(core, 'reports.overview', { filter: twoYears });
  console.log(`two years: ${thousands(full.sla.total.incidents)} incidents, ${thousands(full.sla.missesTotal)} misses, ${thousands(full.alarmsPerDay.reduce((n, d) => n + d.critical + d.major + d.minor + d.info, 0))} alarms`);
  const loadBefore = loadavg()[0]!;
  const figures = [
    await measure('SLA report, two years (reports.overview)', () => call(core, 'reports.overview', { filter: twoYears })),
    await measure('SLA report, two years, one system', () => call(core, 'reports.overview', { filter: { ...twoYears, systemId: 'cctv' } })),
    await measure('SLA report, two years, one place', () => call(core, 'reports.overview', { filter: { ...twoYears, location: 'A座 3F' } })),
    await measure('reports.overview, last 30 days', () => call(core, 'reports.overview', { filter: lastMonth })),
    await measure('reports.monthly, this month', () => call(core, 'reports.monthly', { month })),
    await measure('reports.export two years (.xlsx)', () => call(core, 'reports.export', { filter: twoYears })),
  ];
  const load = Math.max(loadBefore, loadavg()[0]!);
  await core.close();
  console.log('\n| measure | figure |\n|---|---|');
  console.log(`| data | ${seeding} |`);
  for (const [label, s, cpu] of figures) console.log(`| ${label} (p50 / p99 / max; CPU) | ${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)} ms over ${s.runs} runs; ${ms(cpu)} ms CPU per run |`);
  console.log(`| machine | Node ${process.version}, ${availableParallelism()} CPUs, load average ${load.toFixed(1)} |`);
  if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
