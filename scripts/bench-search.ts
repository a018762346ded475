// `npm run bench:search -- [--data-dir DIR] [--devices N] [--runs N] [--import-rows N]`: seeds a register of
// realistic devices, then measures search latency, import rate and core start-up, and prints the figures.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import type { SearchResult } from '../shared/contract/assets';
import { type Core, databaseFileName, startCore } from '../electron/core/core';
import { dataDirArgument } from '../electron/core/data-dir';
import { buildImportCsv } from './bench/import-csv';
import { type LatencySummary, ms, summarize, thousands, timed } from './bench/latency';
import { type RegisterSamples, type SearchCase, searchKinds, searchMix } from './bench/search-mix';
import { numberArgument as readNumber } from './bench/arguments';
import { seedRegister } from './bench/seed-register';

const argv = process.argv.slice(2);
const numberArgument = (name: string, fallback: number) => readNumber(argv, name, fallback);
const devices = numberArgument('--devices', 100_000);
const searchRuns = numberArgument('--runs', 700);
const importRows = numberArgument('--import-rows', 10_000);
const startRuns = 5;
const givenDataDir = dataDirArgument(argv);
const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'duty-console-bench-'));
const databasePath = join(dataDir, databaseFileName);
const bench = { operator: 'bench' };

async function open(dir: string): Promise<Core> {
  const core = await startCore({ dataDir: dir, transport: 'web', version: 'bench' });
  if (core.info.startupError) throw new Error(`core did not start: ${JSON.stringify(core.info.startupError)}`);
  return core;
}

async function search(core: Core, input: SearchCase['input']): Promise<SearchResult> {
  const result = await core.call('assets.search', input, bench);
  if (!result.ok) throw new Error(`assets.search ${JSON.stringify(input)} failed: ${result.error.code}`);
  return result.value as SearchResult;
}

async function holdsRegister(): Promise<boolean> {
  if (!existsSync(databasePath)) return false;
  const core = await open(dataDir);
  try {
    const last = await search(core, { offset: devices - 1, limit: 1 });
    if (last.items.length === 0) throw new Error(`${dataDir} holds fewer than ${devices} devices; give an empty folder or none`);
    return true;
  } finally {
    await core.close();
  }
}

async function seed(): Promise<string> {
  if (await holdsRegister()) {
    console.log(`seed: ${dataDir} already holds ${thousands(devices)} devices, reusing it`);
    return 'not measured (register reused)';
  }
  console.log(`seed: ${thousands(devices)} devices into ${dataDir}`);
  const outcome = await seedRegister(dataDir, devices, {
    batchSize: 1000,
    onProgress: (done) => {
      if (done % 10_000 === 0) process.stdout.write(`  ${thousands(done)}\r`);
    },
  });
  const rate = outcome.devices / (outcome.ms / 1000);
  console.log(`seed: ${thousands(outcome.devices)} devices in ${(outcome.ms / 1000).toFixed(1)} s, ${thousands(rate)} devices/s`);
  return `${thousands(rate)} devices/s (1,000 per transaction, one journal entry each)`;
}

async function sampleRegister(core: Core): Promise<RegisterSamples> {
  const samples: RegisterSamples = { serials: [], assetTags: [], models: [] };
  for (const offset of [17, 4_321, 23_456, 51_234, 77_777, 98_765]) {
    const [d] = (await search(core, { offset: Math.min(offset, devices - 1), limit: 1 })).items;
    if (!d) continue;
    samples.serials.push(d.serialNo);
    samples.assetTags.push(d.assetTag);
    samples.models.push(d.model);
  }
  return samples;
}

interface SearchFigures {
  byKind: Map<string, LatencySummary>;
  cpuPerSearch: number;
  load: number;
  slowest: { median: number; c: SearchCase }[];
}

async function measureSearch(core: Core): Promise<SearchFigures> {
  const cases = searchMix(await sampleRegister(core));
  for (const c of cases) await search(core, c.input);
  const byKind = new Map<string, number[]>(searchKinds.map((k) => [k, []]));
  const byCase = cases.map(() => [] as number[]);
  const all: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let run = 0; run < searchRuns; run += 1) {
    const c = cases[run % cases.length]!;
    const { ms: took } = await timed(() => search(core, c.input));
    byKind.get(c.kind)!.push(took);
    byCase[run % cases.length]!.push(took);
    all.push(took);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const summaries = new Map([...byKind].map(([kind, samples]) => [kind, summarize(samples)]));
  summaries.set('all searches', summarize(all));
  const slowest = cases
    .map((c, i) => ({ median: summarize(byCase[i]!).p50, c }))
    .sort((a, b) => b.median - a.median)
    .slice(0, 3);
  return { byKind: summaries, cpuPerSearch: (cpu.user + cpu.system) / 1000 / searchRuns, load: loadavg()[0]!, slowest };
}

async function measureStart(): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let i = 0; i < startRuns; i += 1) {
    const { ms: took, value: core } = await timed(() => open(dataDir));
    samples.push(took);
    // Let the background integrity check finish, so the clean-shutdown mark is written and the next start is a
    // start after a clean shutdown too (the usual case: a crash is the exception).
    await core.integrityChecked();
    await core.close();
  }
  return summarize(samples);
}

/** `pragma integrity_check` alone on the closed register: what start-up spends before anything else. */
async function measureIntegrityCheck(): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const db = new sqlite3.Database(databasePath, sqlite3.OPEN_READONLY);
    const { ms: took } = await timed(() => new Promise<void>((resolve, reject) => db.all('pragma integrity_check', (err) => (err ? reject(err) : resolve()))));
    samples.push(took);
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
  return summarize(samples);
}

async function measureImport(): Promise<string> {
  const copyDir = mkdtempSync(join(tmpdir(), 'duty-console-bench-import-'));
  try {
    copyFileSync(databasePath, join(copyDir, databaseFileName));
    const core = await open(copyDir);
    try {
      const contentBase64 = Buffer.from(buildImportCsv(importRows), 'utf8').toString('base64');
      const file = { fileName: 'bench.csv', contentBase64 };
      const { ms: took, value: result } = await timed(() => core.call('assets.importCommit', { file, skipInvalid: false }, bench));
      if (!result.ok && result.error.code === 'not_implemented') {
        console.log('import: not available yet');
        return 'not available yet';
      }
      if (!result.ok) throw new Error(`assets.importCommit failed: ${result.error.code} ${JSON.stringify(result.error.params)}`);
      const rate = importRows / (took / 1000);
      console.log(`import: ${thousands(importRows)} rows in ${(took / 1000).toFixed(1)} s, ${thousands(rate)} rows/s`);
      return `${thousands(rate)} rows/s (${thousands(importRows)}-row CSV into the ${thousands(devices)}-device register)`;
    } finally {
      await core.close();
    }
  } finally {
    rmSync(copyDir, { recursive: true, force: true });
  }
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

async function main(): Promise<void> {
  const seeding = await seed();

  const core = await open(dataDir);
  const searches = await measureSearch(core);
  const rss = process.memoryUsage().rss;
  await core.close();
  for (const [kind, s] of searches.byKind) {
    console.log(`search ${kind.padEnd(15)} runs ${String(s.runs).padStart(4)}  p50 ${ms(s.p50)} ms  p99 ${ms(s.p99)} ms  max ${ms(s.max)} ms`);
  }
  console.log(`search: ${ms(searches.cpuPerSearch)} ms CPU per search; load average ${searches.load.toFixed(1)} on ${availableParallelism()} CPUs`);
  for (const { median, c } of searches.slowest) console.log(`  slowest: ${ms(median)} ms median  ${c.kind}  ${JSON.stringify(c.input)}`);

  const start = await measureStart();
  const integrity = await measureIntegrityCheck();
  const dbBytes = fileSize(databasePath) + fileSize(`${databasePath}-wal`);
  console.log(`start after a clean shutdown: p50 ${ms(start.p50)} ms, max ${ms(start.max)} ms over ${start.runs} starts; pragma integrity_check alone p50 ${ms(integrity.p50)} ms`);

  const importing = await measureImport();

  const rows: [string, string][] = [
    ['register', `${thousands(devices)} devices, seeded through insertDevice and the journal`],
    ['seeding', seeding],
    ...[...searches.byKind].map(([kind, s]): [string, string] => [
      `search ${kind} (p50 / p99 / max)`,
      `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)} ms over ${s.runs} runs`,
    ]),
    ['search CPU time (mean)', `${ms(searches.cpuPerSearch)} ms per search (main and SQLite threads)`],
    ['import', importing],
    ['core start after a clean shutdown (p50 / max)', `${ms(start.p50)} / ${ms(start.max)} ms over ${start.runs} starts (integrity check in the background)`],
    ['added after a crash: pragma integrity_check', `${ms(integrity.p50)} ms (p50 of ${integrity.runs}, run alone, before the core opens)`],
    ['database file', `${(dbBytes / 2 ** 20).toFixed(1)} MiB`],
    ['process RSS after searching', `${(rss / 2 ** 20).toFixed(0)} MiB`],
    ['machine', `Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} CPUs, load average ${searches.load.toFixed(1)} while searching`],
  ];
  console.log('\n| measure | figure |\n|---|---|');
  for (const [measure, figure] of rows) console.log(`| ${measure} | ${figure} |`);

  if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
