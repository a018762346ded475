// The traffic monitor's data: merging polled pages into the view, byte formatting, and the exported capture file.
import type { TrafficLine } from '../../../shared/contract/links';

/** The monitor keeps at most this many lines on screen (the core keeps 2,000 per device; a paused view may grow). */
export const maxViewLines = 20_000;

/**
 * Appends a polled page to what is shown: lines already there (same seq) are not shown twice, lines arrive in seq
 * order, and past `cap` the oldest are dropped.
 */
export function appendTraffic(shown: readonly TrafficLine[], page: readonly TrafficLine[], cap = maxViewLines): TrafficLine[] {
  const lastSeq = shown.length > 0 ? shown[shown.length - 1]!.seq : -1;
  const fresh = page.filter((l) => l.seq > lastSeq).sort((a, b) => a.seq - b.seq);
  if (fresh.length === 0) return shown as TrafficLine[];
  const merged = [...shown, ...fresh];
  return merged.length > cap ? merged.slice(merged.length - cap) : merged;
}

/** `0a1B 2c` → `0A 1B 2C`: byte pairs, upper case, one space apart, whatever spacing the core used. */
export function spacedHex(hex: string): string {
  const digits = hex.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  const pairs: string[] = [];
  for (let i = 0; i < digits.length; i += 2) pairs.push(digits.slice(i, i + 2));
  return pairs.join(' ');
}

/**
 * The lines whose decoded summary, hex or ASCII contains every word of `query` (any case, hex with or without
 * spaces): how an engineer finds the one card read among hundreds of polls.
 */
export function filterTraffic(lines: readonly TrafficLine[], query: string): readonly TrafficLine[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return lines;
  return lines.filter((l) => {
    const text = `${l.summary} ${l.ascii} ${spacedHex(l.hex)} ${l.hex.replace(/\s+/g, '')}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Local wall-clock time with milliseconds: what a capture is read by. */
export function captureTime(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  return `${date} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

export interface CaptureHeader {
  deviceName: string;
  driver: string;
  port: string;
  exportedAt: number;
  /** The monitor's filter when the capture was exported, if any. */
  filter?: string;
}

/**
 * A capture as plain text, one frame a line, tab-separated: time, direction, hex, summary (bad frames marked).
 * Tabs and line breaks inside a summary are flattened, so every frame stays one line for grep and diff.
 */
export function captureText(header: CaptureHeader, lines: readonly TrafficLine[]): string {
  const flat = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const head = [
    `# Duty Console traffic capture`,
    `# device: ${flat(header.deviceName)} (${header.driver})`,
    `# port: ${flat(header.port)}`,
    `# exported: ${captureTime(header.exportedAt)}`,
    ...(header.filter ? [`# filter: ${flat(header.filter)}`] : []),
    `# frames: ${lines.length}`,
    `# time\tdirection\thex\tsummary`,
  ];
  const body = lines.map((l) => {
    const mark = l.ok ? '' : 'BAD ';
    const latency = l.latencyMs === null ? '' : ` (${l.latencyMs} ms)`;
    return `${captureTime(l.at)}\t${l.direction.toUpperCase()}\t${spacedHex(l.hex)}\t${mark}${flat(l.summary)}${latency}`;
  });
  return `${[...head, ...body].join('\n')}\n`;
}

/** `capture-UPS_1-20240105-104200.txt`: the device's name made safe for any file system. */
export function captureFileName(deviceName: string, at: number): string {
  const safe = deviceName.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'device';
  const stamp = captureTime(at).slice(0, 19).replace(/[-:]/g, '').replace(' ', '-');
  return `capture-${safe}-${stamp}.txt`;
}
