// `npm run bench:alarms -- [--runs N] [--burst N]`: alarm latency from the serial line to a connected UI, and the
// rate a burst of buffered receiver events is ingested at, through the headless host, a real pty and real SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import WebSocket from 'ws';
import { databaseFileName } from '../electron/core/core';
import { DC4 } from '../electron/core/devices/contact-id/codec';
import { type ContactIdEventInput, encodeContactIdEvent } from '../electron/core/devices/contact-id/encoder';
import { createReceiverSimulator } from '../electron/core/devices/contact-id/simulator';
import { openSerialBytePort } from '../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair } from '../electron/core/devices/simulation/virtual-serial-pair';
import { startHost } from '../electron/host/headless-host';
import { numberArgument as readNumber } from './bench/arguments';
import { ms, summarize, thousands } from './bench/latency';

const argv = process.argv.slice(2);
const runs = readNumber(argv, '--runs', 300);
const burstSize = readNumber(argv, '--burst', 10_000);
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
  try {
    const created = await host.core.call(
      'devices.create',
      { name: '基准测试接警机', driver: 'contact-id', portPath: pair.a, serial, protocol: {}, assetId: null },
      operator,
    );
    if (!created.ok) throw new Error(`devices.create failed: ${created.error.code}`);
    const deviceId = (created.value as { id: string }).id;
    await waitFor('the receiver connected', async () => {
      const got = await host.core.call('devices.get', { id: deviceId }, operator);
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
    const pending = new Map<number, (ok: boolean) => void>();
    let nextCallId = 1;
    ws.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as {
        type: string;
        id?: number | null;
        event?: string;
        result?: { ok: boolean };
        payload?: { alarm?: { detail?: Record<string, unknown> } };
      };
      if (message.type === 'result' && typeof message.id === 'number') {
        pending.get(message.id)?.(message.result?.ok === true);
        pending.delete(message.id);
      }
      if (message.type === 'event' && message.event === 'alarms.raised') onRaised?.(String(message.payload?.alarm?.detail?.zone ?? ''));
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

    // Burst: 10,000 buffered events written back to back (a receiver emptying its buffer after the link returns).
    const alarmsBefore = await countRows(dataDir, "select count(*) as n from alarm where event_code = 'cid.602'");
    const receiver = createReceiverSimulator({ port: devicePort, ...receiverAddress, ackTimeoutMs: 30_000 });
    const events: ContactIdEventInput[] = Array.from({ length: burstSize }, (_, i) => ({
      account: String(2000 + (i % 8000)).padStart(4, '0'),
      qualifier: 'P',
      code: 602,
      group: 0,
      zone: (i % 999) + 1,
    }));
    // Meanwhile a UI asks for the alarm list ten times a second, as the alarms page does while events pour in.
    const uiLatencies: number[] = [];
    let burstOver = false;
    const ui = (async () => {
      while (!burstOver) {
        const asked = performance.now();
        if (!(await withTimeout('alarms.list during the burst', callOverWs('alarms.list', {})))) throw new Error('alarms.list failed');
        const took = performance.now() - asked;
        uiLatencies.push(took);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - took)));
      }
    })();
    const started = performance.now();
    const burst = await receiver.burst(events, 'pipelined');
    const seconds = (performance.now() - started) / 1000;
    receiver.close();
    const countBurst = async () => (await countRows(dataDir, "select count(*) as n from alarm where event_code = 'cid.602'")) - alarmsBefore;
    // Nothing more may arrive: a doubled event would show up here.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stored = await countBurst();
    burstOver = true;
    await ui;
    ws.close();
    const ui99 = summarize(uiLatencies);
    const messageBytes = encodeContactIdEvent(receiverAddress, events[0]!).length;
    const linePerSecond = lineBaud / 10 / messageBytes;
    const rate = burstSize / seconds;
    console.log(`burst: ${thousands(burstSize)} events committed and ACKed in ${seconds.toFixed(2)} s = ${thousands(rate)} events/s (${(rate / linePerSecond).toFixed(1)}× line rate); stored ${thousands(stored)}; retransmissions ${burst.retransmissions}`);
    console.log(`UI during the burst: alarms.list p50 ${ms(ui99.p50)} ms, p99 ${ms(ui99.p99)} ms, max ${ms(ui99.max)} ms over ${ui99.runs} calls`);

    const rows: [string, string][] = [
      ['alarm latency, last byte on the pty → committed → `alarms.raised` at a WebSocket client (p50 / p99 / max)', `${ms(latency.p50)} / ${ms(latency.p99)} / ${ms(latency.max)} ms over ${latency.runs} alarms (each opens a level-I incident by rule)`],
      ['burst of buffered receiver events, each ACKed once its alarm row and journal entry are committed (group commit)', `${thousands(burstSize)} events in ${seconds.toFixed(2)} s: ${thousands(rate)} events/s`],
      ['line rate at 115,200 baud (8N1, ' + `${messageBytes}-byte messages ending in DC4 0x${DC4.toString(16)})`, `${thousands(linePerSecond)} events/s, so the burst was answered at ${(rate / linePerSecond).toFixed(1)}× line rate`],
      ['events stored / lost / doubled', `${thousands(stored)} / ${thousands(Math.max(0, burstSize - stored))} / ${thousands(Math.max(0, stored - burstSize))}`],
      ['a UI asking for `alarms.list` 10× a second during the burst (p50 / p99 / max)', `${ms(ui99.p50)} / ${ms(ui99.p99)} / ${ms(ui99.max)} ms over ${ui99.runs} calls`],
      ['machine', `Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)}`],
    ];
    console.log('\n| measure | figure |\n|---|---|');
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  } finally {
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
