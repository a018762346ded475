// `npm run bench:maintenance -- [--data-dir DIR] [--devices N] [--plans N] [--runs N]`: a 100,000-device register with
// five years of quarterly maintenance (about 2 million item results), then the due list and task reads through the
// core, and a 200-device record printed to PDF through the headless host in Chromium (needs `npm run build`).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, databaseFileName, startCore } from '../electron/core/core';
import { dataDirArgument } from '../electron/core/data-dir';
import type { MethodInput, MethodName, MethodResult } from '../shared/contract';
import { numberArgument as readNumber } from './bench/arguments';
import { type LatencySummary, ms, summarize, thousands, timed } from './bench/latency';
import { recordToPdf } from './bench/record-pdf';
import { seedMaintenanceHistory } from './bench/seed-maintenance-history';
import { seedRegister } from './bench/seed-register';

const argv = process.argv.slice(2);
const numberArgument = (name: string, fallback: number) => readNumber(argv, name, fallback);
const devices = numberArgument('--devices', 100_000);
const plans = numberArgument('--plans', 500);
const runs = numberArgument('--runs', 300);
const pdfRuns = numberArgument('--pdf-runs', 5);
const givenDataDir = dataDirArgument(argv);
const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'duty-console-bench-maintenance-'));
const bench = { operator: 'bench' };

async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const result = await core.call(method, input, bench);
  if (!result.ok) throw new Error(`${method} ${JSON.stringify(input)} failed: ${result.error.code}`);
  return result.value as MethodResult<M>;
}

async function measure(label: string, work: (i: number) => Promise<unknown>): Promise<[string, LatencySummary]> {
  for (let i = 0; i < 5; i += 1) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push((await timed(() => work(i))).ms);
  const s = summarize(samples);
  console.log(`${label.padEnd(44)} p50 ${ms(s.p50)} ms  p99 ${ms(s.p99)} ms  max ${ms(s.max)} ms`);
  return [label, s];
}

async function seed(): Promise<string> {
  if (existsSync(join(dataDir, databaseFileName))) return 'not measured (database reused)';
  const register = await seedRegister(dataDir, devices, { batchSize: 1000, onProgress: (d) => process.stdout.write(`  ${thousands(d)} devices\r`) });
  console.log(`seed: ${thousands(register.devices)} devices in ${(register.ms / 1000).toFixed(1)} s`);
  const history = await seedMaintenanceHistory(dataDir, { plans, devicesPerTask: 40, years: 5, onProgress: (r) => process.stdout.write(`  ${thousands(r)} results\r`) });
  console.log(`seed: ${thousands(history.tasks)} tasks, ${thousands(history.results)} item results in ${(history.ms / 1000).toFixed(1)} s`);
  return `${thousands(register.devices)} devices; ${thousands(history.plans)} quarterly plans over five years: ${thousands(history.tasks)} tasks, ${thousands(history.taskDevices)} task devices, ${thousands(history.results)} item results`;
}

async function main(): Promise<void> {
  const seeding = await seed();
  const core = await startCore({ dataDir, transport: 'web', version: 'bench', slaWatchIntervalMs: 0, devices: { autoStart: false } });
  if (core.info.startupError) throw new Error(JSON.stringify(core.info.startupError));
  const open = await call(core, 'maintenance.tasks', { filter: 'open', limit: 500 });
  const done = await call(core, 'maintenance.tasks', { filter: 'done', limit: 100 });
  const someDevices = (await call(core, 'maintenance.task', { id: done.items[0]!.id })).devices.map((d) => d.id);
  const pick = <T>(items: T[], i: number) => items[i % items.length]!;
  const figures = [
    await measure('dashboard: maintenance.dueSummary', () => call(core, 'maintenance.dueSummary', {})),
    await measure('maintenance.tasks due this week', () => call(core, 'maintenance.tasks', { filter: 'due' })),
    await measure('maintenance.tasks overdue', () => call(core, 'maintenance.tasks', { filter: 'overdue' })),
    await measure('maintenance.tasks open (all, 500)', () => call(core, 'maintenance.tasks', { filter: 'open', limit: 500 })),
    await measure('maintenance.tasks done, first page', () => call(core, 'maintenance.tasks', { filter: 'done' })),
    await measure('maintenance.tasks of one device, all years', (i) => call(core, 'maintenance.tasks', { filter: 'all', deviceId: pick(someDevices, i) })),
    await measure('maintenance.task (40 devices, 200 results)', (i) => call(core, 'maintenance.task', { id: pick(done.items, i).id })),
  ];
  const summary = await call(core, 'maintenance.dueSummary', {});
  // The print benchmark's 200-device record: an ad-hoc task over 200 devices, every item answered.
  const search = await call(core, 'assets.search', { systemId: 'cctv', status: 'in_service', limit: 200 });
  const task = await call(core, 'maintenance.createTask', { kind: 'adhoc', title: '200 台设备记录', site: '会展中心', systemId: 'cctv', templateId: 'cctv-equipment', deviceIds: search.items.map((d) => d.id), dueOn: summary.today });
  const detail = await call(core, 'maintenance.task', { id: task.id });
  for (const d of detail.devices) {
    for (const item of detail.template.items.filter((x) => x.typeIds.length === 0 || (d.typeId !== null && x.typeIds.includes(d.typeId)))) {
      await call(core, 'maintenance.saveResult', { taskId: task.id, deviceId: d.id, itemId: item.id, value: item.kind === 'reading' ? { reading: 42 } : { outcome: 'pass', note: '正常' } });
    }
  }
  const load = loadavg()[0]!;
  await core.close();
  const pdf = await recordToPdf(dataDir, task.id, pdfRuns, join(dataDir, 'record-200.pdf'));
  const pdfTotal = summarize(pdf.total);
  const pdfOnly = summarize(pdf.pdfOnly);
  console.log(`record to PDF (${detail.devices.length} devices, ${pdf.pages} pages): p50 ${ms(pdfTotal.p50)} ms, max ${ms(pdfTotal.max)} ms (page.pdf alone p50 ${ms(pdfOnly.p50)} ms)`);

  const rows: [string, string][] = [
    ['data', seeding],
    [`due list now`, `${summary.dueThisWeek} due this week, ${summary.overdue} overdue, ${open.total} open`],
    ...figures.map(([label, s]): [string, string] => [`${label} (p50 / p99 / max)`, `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)} ms over ${s.runs} runs`]),
    [`record to PDF, ${detail.devices.length} devices (${pdf.pages} A4 pages), open print page → PDF bytes (p50 / max)`, `${ms(pdfTotal.p50)} / ${ms(pdfTotal.max)} ms over ${pdf.total.length} runs (page.pdf alone ${ms(pdfOnly.p50)} ms)`],
    ['machine', `Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} CPUs, load average ${load.toFixed(1)} while querying`],
  ];
  console.log('\n| measure | figure |\n|---|---|');
  for (const [m, f] of rows) console.log(`| ${m} | ${f} |`);
  // The print host may still be closing its files: retry the removal rather than fail after the figures.
  if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
