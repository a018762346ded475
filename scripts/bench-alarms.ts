// `npm run bench:alarms -- [--runs N] [--burst N] [--readings N]`: alarm latency from the serial line to a connected UI, and the
// rate a burst of buffered receiver events is ingested at, through the headless host, a real pty and real SQLite.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import sqlite3 from 'sqlite3';
import WebSocket from 'ws';
import { databaseFileName } from '../electron/core/core';
import { DC4 } from '../electron/core/devices/contact-id/codec';
import { type ContactIdEventInput, encodeContactIdEvent } from '../electron/core/devices/contact-id/encoder';
import { openSerialBytePort } from '../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair } from '../electron/core/devices/simulation/virtual-serial-pair';
import { startHost } from '../electron/host/headless-host';
import { numberArgument as readNumber } from './bench/arguments';
import { ms, summarize, thousands } from './bench/latency';
import type { BurstReport, BurstRequest } from './bench/receiver-burst';

const argv = process.argv.slice(2);
const runs = readNumber(argv, '--runs', 300);
const burstSize = readNumber(argv, '--burst', 10_000);
/** Sensors whose readings are stored every second beside the alarms (the readings history's batches), 0 for none. */
const readingSensors = argv.includes('--readings') ? readNumber(argv, '--readings', 50) : 0;
const lineBaud = 115_200;
const serial = { baudRate: lineBaud, dataBits: 8, parity: 'none', stopBits: 1 } as const;
const operator = { operator: 'bench' };
const receiverAddress = { receiver: 1, line: 1 };

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function withTimeout<T>(what: string, promise: Promise<T>, timeoutMs = 15_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

function countRows(dataDir: string, query: string): Promise<number> {
  const db = new sqlite3.Database(join(dataDir, databaseFileName), sqlite3.OPEN_READONLY);
  return new Promise<number>((resolve, reject) =>
    db.get(query, (err, row: { n: number } | undefined) => {
      db.close();
      if (err) reject(err);
      else resolve(row?.n ?? 0);
    }),
  );
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duty-console-bench-alarms-'));
  const host = await startHost({ dataDir, port: 0, rendererDir: join(dataDir, 'no-renderer'), version: 'bench' });
  const pair = await openVirtualSerialPair();
  const devicePort = await openSerialBytePort(pair.b, serial);
  // As the device supervisor hands readings on: one per sensor per second, written by the recorder's batches.
  const readingLoad = setInterval(() => {
    const at = Date.now();
    for (let s = 0; s < readingSensors; s += 1) {
      host.core.readings?.recorder.record(`sensor-${s}`, { key: 'modbus:1:temperature', label: { zh: '温度', en: 'Temperature' }, value: 22 + (at % 1000) / 1000, unit: '°C', at });
    }
  }, 1_000);
  try {
    const created = await host.core.call(
      'links.create',
      { name: '基准测试接警机', driver: 'contact-id', portPath: pair.a, serial, protocol: {}, assetId: null },
      operator,
    );
    if (!created.ok) throw new Error(`links.create failed: ${created.error.code}`);
    const deviceId = (created.value as { id: string }).id;
    await waitFor('the receiver connected', async () => {
      const got = await host.core.call('links.get', { id: deviceId }, operator);
      return got.ok && (got.value as { status: { state: string } }).status.state === 'connected' ? true : undefined;
    });

    // A connected UI: the same WebSocket the renderer uses, with the host's token.
    const url = new URL(host.url);
    const ws = new WebSocket(`ws://${url.host}/api?token=${host.token}`, { headers: { origin: url.origin } });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let onRaised: ((zone: string) => void) | null = null;
    /** Alarms the UI was told about (`alarms.changed`) since the burst began. */
    const changedIds = new Set<string>();
    const pending = new Map<number, (ok: boolean) => void>();
    let nextCallId = 1;
    ws.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as {
        type: string;
        id?: number | null;
        event?: string;
        result?: { ok: boolean };
        payload?: { alarm?: { detail?: Record<string, unknown> }; ids?: string[] };
      };
      if (message.type === 'result' && typeof message.id === 'number') {
        pending.get(message.id)?.(message.result?.ok === true);
        pending.delete(message.id);
      }
      if (message.type === 'event' && message.event === 'alarms.raised') onRaised?.(String(message.payload?.alarm?.detail?.zone ?? ''));
      if (message.type === 'event' && message.event === 'alarms.changed') for (const id of message.payload?.ids ?? []) changedIds.add(id);
    });
    /** A call as the renderer makes it; resolves with whether it succeeded. */
    const callOverWs = (method: string, input: unknown): Promise<boolean> =>
      new Promise<boolean>((resolve) => {
        const id = nextCallId++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, method, input }));
      });
    // Core events reach signed-in pages only: sign in as the first operator, as the renderer does on first run.
    const signedIn = callOverWs('auth.setup', { name: 'bench', displayName: '基准测试', password: 'bench-password' });
    if (!(await withTimeout('signing in over the WebSocket', signedIn))) throw new Error('auth.setup over the WebSocket failed');

    // Latency: the last byte of a burglary alarm leaves the device end of the pty → committed → pushed to the UI.
    // Each alarm is restored before the next, so every one is a new condition (a repeat pushes no alarms.raised).
    const acks: number[] = [];
    devicePort.onData((chunk) => acks.push(...chunk));
    const latencies: number[] = [];
    for (let i = 0; i < runs + 10; i += 1) {
      const zone = (i % 900) + 1;
      const event: ContactIdEventInput = { account: '1234', qualifier: 'E', code: 130, group: 1, zone };
      const delivered = new Promise<number>((resolve) => {
        onRaised = (z) => {
          if (Number(z) === zone) resolve(performance.now());
        };
      });
      const bytes = encodeContactIdEvent(receiverAddress, event);
      await devicePort.write(bytes);
      const lastByteAt = performance.now();
      const at = await withTimeout(`alarms.raised for zone ${zone}`, delivered);
      if (i >= 10) latencies.push(at - lastByteAt);
      await devicePort.write(encodeContactIdEvent(receiverAddress, { ...event, qualifier: 'R' }));
      await waitFor('both ACKs', async () => (acks.length >= 2 * (i + 1) ? true : undefined), 10_000);
    }
    const latency = summarize(latencies);
    console.log(`alarm latency (pty → committed → UI): p50 ${ms(latency.p50)} ms, p99 ${ms(latency.p99)} ms, max ${ms(latency.max)} ms over ${latency.runs}`);

    // Bursts: buffered events a receiver sends when the link returns, from a receiver in a process of its own.
    await devicePort.close();
    const burstEvents = (count: number, offset: number): ContactIdEventInput[] =>
      Array.from({ length: count }, (_, i) => ({
        account: String(2000 + ((i + offset) % 8000)).padStart(4, '0'),
        qualifier: 'P',
        code: 602,
        group: 0,
        zone: ((i + offset) % 999) + 1,
      }));
    const countBurstRows = () => countRows(dataDir, "select count(*) as n from alarm where event_code = 'cid.602'");
    // `pipelined`: all 10,000 written back to back (the console's capacity); `sequential`: each waits for its ACK, as
    // a real receiver does (the time a receiver's buffer takes to empty).
    const runBurst = async (mode: BurstRequest['mode'], count: number, offset: number) => {
      const before = await countBurstRows();
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bench', 'receiver-burst.ts')], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const replies = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const request: BurstRequest = { path: pair.b, events: burstEvents(count, offset), mode, ...receiverAddress };
      child.stdin!.write(`${JSON.stringify(request)}\n`);
      if ((await withTimeout('the receiver process', replies.next(), 30_000)).value !== 'ready') throw new Error('the receiver process did not start');
      // Meanwhile a UI asks for the alarm list ten times a second, as the alarms page does while events pour in.
      const uiLatencies: number[] = [];
      let over = false;
      const ui = (async () => {
        while (!over) {
          const asked = performance.now();
          if (!(await withTimeout('alarms.list during the burst', callOverWs('alarms.list', {})))) throw new Error('alarms.list failed');
          const took = performance.now() - asked;
          uiLatencies.push(took);
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - took)));
        }
      })();
      changedIds.clear();
      child.stdin!.write('go\n');
      const report = JSON.parse(String((await withTimeout('the burst', replies.next(), 600_000)).value)) as BurstReport;
      await waitFor('every event recorded', async () => (changedIds.size >= count ? true : undefined), 120_000);
      // From the first byte on the line, as the receiver process saw it (both clocks are the system's).
      const recordedSeconds = (performance.timeOrigin + performance.now() - report.startedAt) / 1000;
      // Nothing more may arrive: a doubled event would show up here.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const stored = (await countBurstRows()) - before;
      over = true;
      await ui;
      child.stdin!.end();
      return { ...report, recordedSeconds, stored, ui: summarize(uiLatencies) };
    };

    const messageBytes = encodeContactIdEvent(receiverAddress, burstEvents(1, 0)[0]!).length;
    const linePerSecond = lineBaud / 10 / messageBytes;
    const pipelined = await runBurst('pipelined', burstSize, 0);
    const rate = burstSize / pipelined.seconds;
    const sequentialSize = Math.min(burstSize, 1_000);
    const sequential = await runBurst('sequential', sequentialSize, burstSize);
    const sequentialRate = sequentialSize / sequential.seconds;
    ws.close();
    console.log(
      `burst (pipelined): ${thousands(burstSize)} events committed and ACKed in ${pipelined.seconds.toFixed(2)} s = ${thousands(rate)} events/s ` +
        `(${(rate / linePerSecond).toFixed(1)}× line rate); all recorded and announced after ${pipelined.recordedSeconds.toFixed(2)} s; ` +
        `stored ${thousands(pipelined.stored)}; retransmissions ${pipelined.retransmissions}`,
    );
    console.log(
      `burst (sequential, as a receiver sends): ${thousands(sequentialSize)} events in ${sequential.seconds.toFixed(2)} s = ${thousands(sequentialRate)} events/s ` +
        `(${(sequentialRate / linePerSecond).toFixed(2)}× line rate); all recorded and announced after ${sequential.recordedSeconds.toFixed(2)} s; stored ${thousands(sequential.stored)}`,
    );
    console.log(`UI during the pipelined burst: alarms.list p50 ${ms(pipelined.ui.p50)} ms, p99 ${ms(pipelined.ui.p99)} ms, max ${ms(pipelined.ui.max)} ms over ${pipelined.ui.runs} calls`);

    const rows: [string, string][] = [
      ['alarm latency, last byte on the pty → committed → `alarms.raised` at a WebSocket client (p50 / p99 / max)', `${ms(latency.p50)} / ${ms(latency.p99)} / ${ms(latency.max)} ms over ${latency.runs} alarms (each opens a level-I incident by rule)`],
      ['pipelined burst of buffered receiver events, each ACKed once committed to the alarm inbox', `${thousands(burstSize)} events in ${pipelined.seconds.toFixed(2)} s: ${thousands(rate)} events/s = ${(rate / linePerSecond).toFixed(1)}× line rate`],
      ['the same burst recorded (alarm rows, journal entries) and announced to the UI', `after ${pipelined.recordedSeconds.toFixed(2)} s`],
      ['line rate at 115,200 baud (8N1, ' + `${messageBytes}-byte messages ending in DC4 0x${DC4.toString(16)})`, `${thousands(linePerSecond)} events/s`],
      ['events stored / lost / doubled', `${thousands(pipelined.stored)} / ${thousands(Math.max(0, burstSize - pipelined.stored))} / ${thousands(Math.max(0, pipelined.stored - burstSize))}`],
      ['sequential burst (each event waits for its ACK, as a receiver sends)', `${thousands(sequentialSize)} events in ${sequential.seconds.toFixed(2)} s: ${thousands(sequentialRate)} events/s = ${(sequentialRate / linePerSecond).toFixed(2)}× line rate; all recorded after ${sequential.recordedSeconds.toFixed(2)} s; stored ${thousands(sequential.stored)}`],
      ['a UI asking for `alarms.list` 10× a second during the pipelined burst (p50 / p99 / max)', `${ms(pipelined.ui.p50)} / ${ms(pipelined.ui.p99)} / ${ms(pipelined.ui.max)} ms over ${pipelined.ui.runs} calls`],
      ['readings stored beside the alarms (sensors polled every second)', String(readingSensors)],
      ['machine', `Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)}`],
    ];
    console.log('\n| measure | figure |\n|---|---|');
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  } finally {
    clearInterval(readingLoad);
    await devicePort.close();
    await host.close();
    await pair.unplug();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
