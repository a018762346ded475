// Per device: the latest 2,000 frames for the traffic monitor, and the health counters they feed.
import type { LinkHealth, TrafficLine, TrafficPage } from '../../../shared/contract/links';
import type { TrafficRecord } from '../../../shared/domain/devices/device-signals';
import { charCodeString } from './char-codes';

export const defaultTrafficCapacity = 2000;
const latencyWindow = 100;

export interface TrafficCapture {
  record(record: TrafficRecord): void;
  /** Lines after `afterSeq`, oldest first, at most `limit`. */
  page(afterSeq: number, limit: number): TrafficPage;
  health(): Omit<LinkHealth, 'reconnects'>;
}

export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

/** Printable ASCII as is, every other byte as `.`. */
export function asciiOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
}

/**
 * A frame as kept: hex and ASCII are rendered only for the lines a monitor reads, not for every frame of a burst.
 * The bytes are kept as a string of char codes 0–255: a copy that costs no buffer of its own (two per alarm in a
 * 10,000-event burst showed in its profile).
 */
interface Kept extends Omit<TrafficRecord, 'bytes'> {
  seq: number;
  raw: string;
}

const bytesOf = (raw: string): Uint8Array => Uint8Array.from(raw, (c) => c.charCodeAt(0));

function toLine(kept: Kept): TrafficLine {
  const bytes = bytesOf(kept.raw);
  return {
    seq: kept.seq,
    at: kept.at,
    direction: kept.direction,
    hex: hexOf(bytes),
    ascii: asciiOf(bytes),
    summary: kept.describe ? kept.describe(bytes) : kept.summary,
    ok: kept.ok,
    latencyMs: kept.latencyMs ?? null,
  };
}

export function createTrafficCapture(capacity = defaultTrafficCapacity): TrafficCapture {
  // A ring: `lines[(start + i) % capacity]`, so a busy bus never copies the buffer.
  const lines: Kept[] = [];
  let start = 0;
  let lastSeq = 0;
  let framesGood = 0;
  let framesBad = 0;
  let lastFrameAt: number | null = null;
  const latencies: number[] = [];
  let latencyLastMs: number | null = null;

  const oldestSeq = (): number => (lines.length === 0 ? lastSeq + 1 : lines[start]!.seq);

  return {
    record(record) {
      // A copy (a driver may hand a view of a buffer it later reuses), field by field (a spread per frame showed too).
      const line: Kept = {
        seq: ++lastSeq,
        at: record.at,
        direction: record.direction,
        raw: charCodeString(record.bytes),
        summary: record.summary,
        describe: record.describe,
        ok: record.ok,
        latencyMs: record.latencyMs,
      };
      if (lines.length < capacity) lines.push(line);
      else {
        lines[start] = line;
        start = (start + 1) % capacity;
      }
      // Health counts what the device sent; what the console sent is not a frame received.
      if (record.direction !== 'rx') return;
      if (record.ok) framesGood++;
      else framesBad++;
      lastFrameAt = record.at;
      if (record.latencyMs !== undefined) {
        latencyLastMs = record.latencyMs;
        latencies.push(record.latencyMs);
        if (latencies.length > latencyWindow) latencies.shift();
      }
    },
    page(afterSeq, limit) {
      const first = Math.max(afterSeq + 1, oldestSeq());
      const out: TrafficLine[] = [];
      for (let seq = first; seq <= lastSeq && out.length < limit; seq++) {
        out.push(toLine(lines[(start + (seq - oldestSeq())) % lines.length]!));
      }
      // Asked past the end (a monitor that outlived a restart): the answer's lastSeq brings it back in step.
      return { lines: out, lastSeq: out.at(-1)?.seq ?? Math.min(afterSeq, lastSeq), dropped: afterSeq + 1 < oldestSeq() };
    },
    health() {
      const mean = latencies.length ? latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length : null;
      return { framesGood, framesBad, lastFrameAt, latencyLastMs, latencyMeanMs: mean === null ? null : Math.round(mean * 10) / 10 };
    },
  };
}
