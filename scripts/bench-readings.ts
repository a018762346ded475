// `npm run bench:readings -- [--runs N] [--seconds N] [--sensors N]`: the readings history's two figures (issue 16):
// a 30-day chart of one-minute data for 20 sensors, and the CPU share of storing 50 sensors polled every second.
// Also the bytes each row costs in the file, and how long a batch holds SQLite's write lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import type { DeviceReading } from '../shared/domain/devices/device-signals';
import { type Core, databaseFileName, startCore } from '../electron/core/core';
import { numberArgument as readNumber } from './bench/arguments';
import { ms, summarize, thousands, timed } from './bench/latency';

const argv = process.argv.slice(2);
const numberArgument = (name: string, fallback: number) => readNumber(argv, name, fallback);
const chartRuns = numberArgument('--runs', 30);
const storeSeconds = numberArgument('--seconds', 60);
const storeSensors = numberArgument('--sensors', 50);
const chartSensors = 20;
const minute = 60_000;
const day = 86_400_000;
const bench = { operator: 'bench' };

async function open(dataDir: string, clock?: { now(): number }): Promise<Core> {
  const core = await startCore({ dataDir, transport: 'web', version: 'bench', clock, sync: false, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, devices: { autoStart: false } });
  if (core.info.startupError) throw new Error(`core did not start: ${JSON.stringify(core.info.startupError)}`);
  return core;
}

function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
}

function all<T>(db: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => db.all<T>(sql, (err, rows) => (err ? reject(err) : resolve(rows))));
}

/** 30 days of one-minute aggregates (and their hours) for 20 sensors, plus two hours of raw values at 1 Hz, written directly. */
async function seedHistory(path: string, now: number): Promise<void> {
  const db = new sqlite3.Database(path);
  await run(db, 'pragma journal_mode = wal');
  await run(db, 'pragma synchronous = normal');
  const firstMinute = Math.floor((now - 30 * day) / minute) * minute;
  const lastMinute = Math.floor((now - 2 * minute) / minute) * minute;
  for (let s = 0; s < chartSensors; s += 1) {
    await run(db, 'insert into reading_series (link_id, key, label_zh, label_en, unit, created_at) values (?, ?, ?, ?, ?, ?)', [
      `link-${s}`, 'modbus:1:temperature', '温度', 'Temperature', '°C', firstMinute,
    ]);
  }
  await run(db, 'begin');
  const minuteRow = db.prepare('insert into reading_minute (series_id, start, min, mean, max, count) values (?, ?, ?, ?, ?, ?)');
  const rawRow = db.prepare('insert into reading_raw (series_id, at, value) values (?, ?, ?)');
  let rows = 0;
  for (let s = 1; s <= chartSensors; s += 1) {
    for (let t = firstMinute; t < lastMinute; t += minute) {
      const mean = 22 + 3 * Math.sin(t / 3_600_000 + s);
      minuteRow.run(s, t, mean - 0.3, mean, mean + 0.3, 30);
      rows += 1;
      if (rows % 100_000 === 0) process.stdout.write(`  ${thousands(rows)} minute rows\r`);
    }
    for (let t = now - 2 * 3_600_000; t < now; t += 1_000) rawRow.run(s, t, 22 + Math.sin(t / 60_000));
  }
  await new Promise<void>((resolve) => minuteRow.finalize(() => resolve()));
  await new Promise<void>((resolve) => rawRow.finalize(() => resolve()));
  await run(db, `insert into reading_hour (series_id, start, min, mean, max, count)
    select series_id, start - (start % 3600000), min(min), sum(mean * count) / sum(count), max(max), sum(count) from reading_minute group by 1, 2`);
  await run(db, 'insert into reading_rollup (level, done_until) values (?, ?), (?, ?)', ['minute', lastMinute, 'hour', Math.floor(lastMinute / 3_600_000) * 3_600_000]);
  await run(db, 'commit');
  await new Promise<void>((resolve) => db.close(() => resolve()));
}

async function tableSizes(path: string): Promise<{ name: string; rows: number; bytes: number }[]> {
  const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY);
  const sizes = await all<{ name: string; bytes: number }>(db, `select name, sum(pgsize) as bytes from dbstat where name in ('reading_raw', 'reading_minute', 'reading_hour') group by name`);
  const result = [];
  for (const s of sizes) {
    const [count] = await all<{ n: number }>(db, `select count(*) as n from ${s.name}`);
    result.push({ name: s.name, rows: count!.n, bytes: s.bytes });
  }
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return result;
}

async function benchChart(): Promise<{ rows: [string, string][]; sizes: Awaited<ReturnType<typeof tableSizes>> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duty-console-bench-readings-'));
  try {
    const now = Date.now();
    (await open(dataDir)).close();
    console.log(`seed: 30 days of one-minute data for ${chartSensors} sensors`);
    await seedHistory(join(dataDir, databaseFileName), now);
    const sizes = await tableSizes(join(dataDir, databaseFileName));
    const core = await open(dataDir);
    try {
      // As the device page asks (1,000 points: whole-hour buckets), and with 1,440 points (half-hour buckets), which
      // only the minute table answers: every one of the 43,200 minutes a sensor is read.
      const measure = async (maxPoints: number): Promise<[string, string][]> => {
        const chart = async () => {
          for (let s = 0; s < chartSensors; s += 1) {
            const result = await core.call('readings.history', { linkId: `link-${s}`, key: 'modbus:1:temperature', from: now - 30 * day, to: now, maxPoints }, bench);
            if (!result.ok) throw new Error(`readings.history failed: ${result.error.code}`);
          }
        };
        await chart();
        const samples: number[] = [];
        const cpuSamples: number[] = [];
        for (let i = 0; i < chartRuns; i += 1) {
          const cpuBefore = process.cpuUsage();
          samples.push((await timed(chart)).ms);
          const cpu = process.cpuUsage(cpuBefore);
          cpuSamples.push((cpu.user + cpu.system) / 1_000);
        }
        const sample = await core.call('readings.history', { linkId: 'link-0', key: 'modbus:1:temperature', from: now - 30 * day, to: now, maxPoints }, bench);
        const shape = sample.ok ? (sample.value as { points: unknown[]; bucketMs: number }) : null;
        const s = summarize(samples);
        const c = summarize(cpuSamples);
        const what = `30-day chart, ${chartSensors} sensors, ${shape?.points.length} points of ${(shape?.bucketMs ?? 0) / minute} min`;
        return [
          [what, `p50 ${ms(s.p50)} ms, p99 ${ms(s.p99)} ms, max ${ms(s.max)} ms over ${s.runs} runs`],
          // On a shared machine the wall time includes waiting for a core; the CPU time spent is what the query costs.
          [`${what}: CPU time (all threads)`, `p50 ${ms(c.p50)} ms, p99 ${ms(c.p99)} ms`],
        ];
      };
      return { rows: [...(await measure(1_000)), ...(await measure(1_440))], sizes };
    } finally {
      await core.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchStoring(): Promise<[string, string][]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duty-console-bench-readings-'));
  try {
    const core = await open(dataDir);
    const keeper = core.readings!;
    try {
      // As the supervisor hands them over: one reading per sensor per second, each its own link and key.
      const reading = (s: number, at: number): DeviceReading => ({ key: 'modbus:1:temperature', label: { zh: '温度', en: 'Temperature' }, value: 22 + (s % 7) / 10 + (at % 10_000) / 100_000, unit: '°C', at });
      const flushes: number[] = [];
      const startCpu = process.cpuUsage();
      const started = performance.now();
      for (let second = 0; second < storeSeconds; second += 1) {
        const at = Date.now();
        for (let s = 0; s < storeSensors; s += 1) keeper.recorder.record(`link-${s}`, reading(s, at));
        // The recorder's own 1-second timer writes the batch; timing an explicit flush here measures the write instead.
        flushes.push((await timed(() => keeper.recorder.flush())).ms);
        if (second % 60 === 59) flushes.push((await timed(() => keeper.rollUp())).ms);
        const next = started + (second + 1) * 1_000;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
        if (second % 10 === 9) process.stdout.write(`  ${second + 1} s\r`);
      }
      const cpu = process.cpuUsage(startCpu);
      const wall = performance.now() - started;
      const share = ((cpu.user + cpu.system) / 1_000 / wall) * 100;
      const f = summarize(flushes);
      return [
        [`storing ${storeSensors} sensors polled every second, ${storeSeconds} s (rollups included)`, `${share.toFixed(2)} % of one CPU (user ${ms(cpu.user / 1_000)} ms + system ${ms(cpu.system / 1_000)} ms over ${ms(wall / 1_000)} s)`],
        [`one batch (${storeSensors} rows, one transaction) holding the write lock`, `p50 ${ms(f.p50)} ms, p99 ${ms(f.p99)} ms, max ${ms(f.max)} ms over ${f.runs} batches`],
      ];
    } finally {
      await core.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const chart = await benchChart();
console.log(`storing: ${storeSensors} sensors for ${storeSeconds} s`);
const storing = await benchStoring();
const rows: [string, string][] = [
  ...chart.rows,
  ...storing,
  ...chart.sizes.map((s): [string, string] => [`${s.name}: bytes per row`, `${(s.bytes / s.rows).toFixed(1)} (${thousands(s.rows)} rows in ${thousands(s.bytes / 1024)} KiB)`]),
  ['machine', `Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)}`],
];
console.log('\n| measure | figure |\n|---|---|');
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
