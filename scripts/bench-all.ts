// `npm run bench -- [--only search,reports,...] [--sync] [--<name>-args "..."]`: every benchmark that finishes in a few
// minutes, one after the other, each as its own `npm run bench:<name>` would run it (with the arguments given for it,
// e.g. --reports-args "--data-dir DIR --runs 10"), then one table of all their figures. The sync bench needs a Redmine
// and about 30 minutes: only with --sync.
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';

interface Bench {
  name: string;
  script: string;
  args: string[];
}

const quick: Bench[] = [
  { name: 'search', script: 'scripts/bench-search.ts', args: [] },
  { name: 'journal', script: 'scripts/bench-journal.ts', args: [] },
  { name: 'alarms', script: 'scripts/bench-alarms.ts', args: [] },
  { name: 'maintenance', script: 'scripts/bench-maintenance.ts', args: [] },
  { name: 'readings', script: 'scripts/bench-readings.ts', args: [] },
  { name: 'reports', script: 'scripts/bench-reports.ts', args: [] },
];
const sync: Bench = { name: 'sync', script: 'scripts/bench-sync.ts', args: [] };

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : null;
const all = [...quick, ...(argv.includes('--sync') ? [sync] : [])];
const unknown = only?.filter((n) => ![...quick, sync].some((b) => b.name === n)) ?? [];
if (unknown.length > 0) {
  console.error(`--only: no benchmark named ${unknown.join(', ')} (there are ${[...quick, sync].map((b) => b.name).join(', ')})`);
  process.exit(2);
}
const chosen = (only ? [...quick, sync].filter((b) => only.includes(b.name)) : all).map((b) => {
  const at = argv.indexOf(`--${b.name}-args`);
  return at >= 0 ? { ...b, args: [...b.args, ...(argv[at + 1] ?? '').split(' ').filter(Boolean)] } : b;
});

interface Outcome {
  bench: Bench;
  rows: [string, string][];
  seconds: number;
  exitCode: number | null;
  loadBefore: number;
  loadAfter: number;
}

/** Runs one bench script as its npm script does, its output passed through; keeps the rows of the table it prints last. */
function run(bench: Bench): Promise<Outcome> {
  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', bench.script, ...bench.args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('close', (exitCode) => {
      const rows = out
        .split('\n')
        .filter((line) => line.startsWith('| ') && !line.startsWith('| measure |'))
        .map((line): [string, string] => {
          const cells = line.slice(2, -2).split(' | ');
          return [cells[0] ?? '', cells.slice(1).join(' | ')];
        });
      resolve({ bench, rows, seconds: (performance.now() - started) / 1000, exitCode, loadBefore, loadAfter: loadavg()[0]! });
    });
  });
}

const outcomes: Outcome[] = [];
for (const bench of chosen) {
  console.log(`\n=== bench:${bench.name} (load average ${loadavg()[0]!.toFixed(1)})`);
  outcomes.push(await run(bench));
}

console.log(`\n## All benchmarks (${new Date().toISOString()}, Node ${process.version}, ${availableParallelism()} CPUs)\n`);
console.log('| bench | measure | figure |\n|---|---|---|');
for (const o of outcomes) {
  const status = o.exitCode === 0 ? 'finished' : `FAILED (exit code ${o.exitCode})`;
  console.log(`| ${o.bench.name} | run | ${status} in ${o.seconds.toFixed(0)} s, load average ${o.loadBefore.toFixed(1)} before, ${o.loadAfter.toFixed(1)} after |`);
  for (const [measure, figure] of o.rows) console.log(`| ${o.bench.name} | ${measure} | ${figure} |`);
}
if (outcomes.some((o) => o.exitCode !== 0)) process.exitCode = 1;
