// `npm run bench:journal -- [--data-dir DIR] [--entries N] [--incidents N] [--runs N]`: seeds a register and years of
// incident history to about 1,000,000 journal entries, then measures the duty room's queries and core start-up.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { type Core, databaseFileName, startCore } from '../electron/core/core';
import { dataDirArgument } from '../electron/core/data-dir';
import type { MethodInput, MethodName } from '../shared/contract';
import { type LatencySummary, ms, summarize, thousands, timed } from './bench/latency';
import { seedIncidentHistory } from './bench/seed-incident-history';
import { numberArgument as readNumber } from './bench/arguments';
import { seedRegister } from './bench/seed-register';

const argv = process.argv.slice(2);
const numberArgument = (name: string, fallback: number) => readNumber(argv, name, fallback);
const targetEntries = numberArgument('--entries', 1_000_000);
const incidents = numberArgument('--incidents', 20_000);
const devices = numberArgument('--devices', 20_000);
const runs = numberArgument('--runs', 300);
const startRuns = 5;
const givenDataDir = dataDirArgument(argv);
const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'duty-console-bench-journal-'));
const databasePath = join(dataDir, databaseFileName);
const bench = { operator: 'bench' };

async function open(): Promise<Core> {
  const core = await startCore({ dataDir, transport: 'web', version: 'bench', slaWatchIntervalMs: 0 });
  if (core.info.startupError) throw new Error(`core did not start: ${JSON.stringify(core.info.startupError)}`);
  return core;
}

async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<unknown> {
  const result = await core.call(method, input, bench);
  if (!result.ok) throw new Error(`${method} ${JSON.stringify(input)} failed: ${result.error.code}`);
  return result.value;
}

async function seed(): Promise<string> {
  if (existsSync(databasePath)) {
    console.log(`seed: ${dataDir} already holds a database, reusing it`);
    return 'not measured (database reused)';
  }
  const register = await seedRegister(dataDir, devices, { batchSize: 1000 });
  console.log(`seed: ${thousands(register.devices)} devices in ${(register.ms / 1000).toFixed(1)} s`);
  const history = await seedIncidentHistory(dataDir, {
    incidents,
    open: Math.min(150, incidents),
    targetEntries,
    batchSize: 500,
    onProgress: (done) => process.stdout.write(`  ${thousands(done)} entries\r`),
  });
  const rate = (history.entries - register.devices) / (history.ms / 1000);
  console.log(`seed: ${thousands(history.entries)} journal entries, history in ${(history.ms / 1000).toFixed(1)} s (${thousands(rate)} entries/s)`);
  return `${thousands(register.devices)} devices in ${(register.ms / 1000).toFixed(1)} s, then ${thousands(history.entries - register.devices)} entries in ${(history.ms / 1000).toFixed(1)} s (${thousands(rate)} entries/s, 500 incidents per transaction)`;
}

interface Sample {
  incidentIds: string[];
  deviceIds: string[];
}

async function sample(): Promise<Sample> {
  const db = new sqlite3.Database(databasePath, sqlite3.OPEN_READONLY);
  const all = (query: string) =>
    new Promise<{ id: string }[]>((resolve, reject) => db.all(query, (err, rows) => (err ? reject(err) : resolve(rows as { id: string }[]))));
  try {
    const incidentIds = (await all('select id from incident where seq % 97 = 0 limit 60')).map((r) => r.id);
    const deviceIds = (await all('select distinct entity_id as id from journal where entity_type = \'device\' and seq % 9973 = 0 limit 60')).map((r) => r.id);
    return { incidentIds, deviceIds };
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

async function measure(label: string, work: (i: number) => Promise<unknown>): Promise<[string, LatencySummary]> {
  for (let i = 0; i < 5; i += 1) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push((await timed(() => work(i))).ms);
  const s = summarize(samples);
  console.log(`${label.padEnd(44)} p50 ${ms(s.p50)} ms  p99 ${ms(s.p99)} ms  max ${ms(s.max)} ms`);
  return [label, s];
}

async function measureStart(): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let i = 0; i < startRuns; i += 1) {
    const { ms: took, value: core } = await timed(() => open());
    samples.push(took);
    // Let the background integrity check finish so the clean-shutdown mark is written: every start measured is one
    // after a clean shutdown (a crash adds the full integrity_check, measured below).
    await core.integrityChecked();
    await core.close();
  }
  return summarize(samples);
}

async function measurePragma(pragma: 'integrity_check' | 'quick_check'): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const db = new sqlite3.Database(databasePath, sqlite3.OPEN_READONLY);
    const { ms: took } = await timed(() => new Promise<void>((resolve, reject) => db.all(`pragma ${pragma}`, (err) => (err ? reject(err) : resolve()))));
    samples.push(took);
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
  return summarize(samples);
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

async function main(): Promise<void> {
  const seeding = await seed();
  // The first start journals the deadlines the seeded open incidents have passed (the SLA catch-up); later starts find none.
  const first = await timed(() => open());
  await first.value.integrityChecked();
  await first.value.close();
  console.log(`start: first start (SLA catch-up over the seeded open incidents) ${ms(first.ms)} ms`);

  const { incidentIds, deviceIds } = await sample();
  const core = await open();
  const pick = <T>(items: T[], i: number) => items[i % items.length]!;
  const figures = [
    await measure('dashboard: incidents.list open, by urgency', () => call(core, 'incidents.list', { scope: 'open' })),
    await measure('incidents.list all (open, then 200 closed)', () => call(core, 'incidents.list', { scope: 'all' })),
    await measure('incidents.get', (i) => call(core, 'incidents.get', { id: pick(incidentIds, i) })),
    await measure('incidents.timeline', (i) => call(core, 'incidents.timeline', { id: pick(incidentIds, i) })),
    await measure('journal.list first page (100)', () => call(core, 'journal.list', { limit: 100 })),
    await measure('journal.list by entity (incident)', (i) => call(core, 'journal.list', { entityType: 'incident', entityId: pick(incidentIds, i) })),
    await measure('journal.list by type prefix device.', () => call(core, 'journal.list', { typePrefix: 'device.', limit: 100 })),
    await measure('journal.list by operator', (i) => call(core, 'journal.list', { operator: pick(['张伟', '李娜', 'supervisor'], i), limit: 100 })),
    await measure('journal.list one day a year ago', () => {
      const from = Date.now() - 365 * 86_400_000;
      return call(core, 'journal.list', { from, to: from + 86_400_000, limit: 100 });
    }),
    await measure('assets.history', (i) => call(core, 'assets.history', { id: pick(deviceIds, i) })),
    await measure('duty.handoverDraft', () => call(core, 'duty.handoverDraft', {})),
  ];
  const load = loadavg()[0]!;
  const verify = await timed(() => call(core, 'journal.verify', {}));
  const rss = process.memoryUsage().rss;
  await core.close();

  const start = await measureStart();
  const integrity = await measurePragma('integrity_check');
  const quick = await measurePragma('quick_check');
  const dbBytes = fileSize(databasePath) + fileSize(`${databasePath}-wal`);
  console.log(`start: p50 ${ms(start.p50)} ms, max ${ms(start.max)} ms; integrity_check ${ms(integrity.p50)} ms; quick_check ${ms(quick.p50)} ms`);

  const rows: [string, string][] = [
    ['data', `${thousands(targetEntries)} journal entries: ${thousands(incidents)} incidents over two years (150 open), ${thousands(devices)} devices`],
    ['seeding', seeding],
    ...figures.map(([label, s]): [string, string] => [`${label} (p50 / p99 / max)`, `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)} ms over ${s.runs} runs`]),
    ['journal.verify (whole chain)', `${ms(verify.ms)} ms`],
    ['first start (with SLA catch-up)', `${ms(first.ms)} ms`],
    ['core start after a clean shutdown (p50 / max)', `${ms(start.p50)} / ${ms(start.max)} ms over ${start.runs} starts (integrity check in the background)`],
    ['added after a crash: pragma integrity_check', `${ms(integrity.p50)} ms (p50 of ${integrity.runs}, run alone, before the core opens)`],
    ['pragma quick_check, for comparison', `${ms(quick.p50)} ms (p50 of ${quick.runs}, run alone)`],
    ['database file', `${(dbBytes / 2 ** 20).toFixed(1)} MiB`],
    ['process RSS after the queries', `${(rss / 2 ** 20).toFixed(0)} MiB`],
    ['machine', `Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} CPUs, load average ${load.toFixed(1)} while querying`],
  ];
  console.log('\n| measure | figure |\n|---|---|');
  for (const [measure, figure] of rows) console.log(`| ${measure} | ${figure} |`);

  if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
