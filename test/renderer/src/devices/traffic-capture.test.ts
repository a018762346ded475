import { describe, expect, it } from 'vitest';
import { appendTraffic, captureFileName, captureText, captureTime, filterTraffic, spacedHex } from '../../../../renderer/src/devices/traffic-capture';
import type { TrafficLine } from '../../../../shared/contract/links';

const at = new Date(2024, 0, 5, 10, 42, 7, 89).getTime();
const line = (seq: number, extra: Partial<TrafficLine> = {}): TrafficLine => ({
  seq,
  at: at + seq,
  direction: 'rx',
  hex: '0a1b',
  ascii: '..',
  summary: `frame ${seq}`,
  ok: true,
  latencyMs: null,
  ...extra,
});

describe('the traffic monitor view', () => {
  it('appends a polled page after what is shown', () => {
    expect(appendTraffic([line(1), line(2)], [line(3), line(4)]).map((l) => l.seq)).toEqual([1, 2, 3, 4]);
  });

  it('never shows a line twice when a page overlaps what is shown', () => {
    expect(appendTraffic([line(1), line(2)], [line(2), line(3)]).map((l) => l.seq)).toEqual([1, 2, 3]);
  });

  it('keeps seq order even if a page came unsorted', () => {
    expect(appendTraffic([], [line(5), line(4)]).map((l) => l.seq)).toEqual([4, 5]);
  });

  it('drops the oldest lines beyond the cap', () => {
    expect(appendTraffic([line(1), line(2), line(3)], [line(4), line(5)], 3).map((l) => l.seq)).toEqual([3, 4, 5]);
  });

  it('returns the same array when nothing new came, so the view does not re-render', () => {
    const shown = [line(1)];
    expect(appendTraffic(shown, [line(1)])).toBe(shown);
  });
});

describe('byte formatting', () => {
  it('shows hex as upper-case pairs one space apart, whatever the spacing it came with', () => {
    expect(spacedHex('0a1b2c')).toBe('0A 1B 2C');
    expect(spacedHex('0a 1b  2C')).toBe('0A 1B 2C');
    expect(spacedHex('')).toBe('');
  });
});

describe('the exported capture', () => {
  it('writes a header and one tab-separated line per frame: time, direction, hex, summary', () => {
    const text = captureText({ deviceName: 'UPS 1', driver: 'megatec', port: '/dev/ttyUSB0', exportedAt: at }, [
      line(1, { direction: 'tx', hex: '5131 0d', summary: 'Q1' }),
      line(2, { summary: 'status 230 V', latencyMs: 12 }),
    ]);
    const rows = text.trimEnd().split('\n');
    expect(rows[0]).toBe('# Duty Console traffic capture');
    expect(rows).toContain('# device: UPS 1 (megatec)');
    expect(rows).toContain('# frames: 2');
    expect(rows.at(-2)).toBe(`2024-01-05 10:42:07.090\tTX\t51 31 0D\tQ1`);
    expect(rows.at(-1)).toBe(`2024-01-05 10:42:07.091\tRX\t0A 1B\tstatus 230 V (12 ms)`);
  });

  it('marks bad frames and keeps a multi-line summary on one line', () => {
    const text = captureText({ deviceName: 'r', driver: 'contact-id', port: 'p', exportedAt: at }, [line(1, { ok: false, summary: 'bad\tchecksum\nline' })]);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/\tBAD bad checksum line$/);
  });

  it('names the file after the device and the time, safe for any file system', () => {
    expect(captureFileName('1F 报警主机/A: "east"', at)).toBe('capture-1F_报警主机_A_east-20240105-104207.txt');
    expect(captureFileName('///', at)).toBe('capture-device-20240105-104207.txt');
  });

  it('prints local time with milliseconds', () => {
    expect(captureTime(at)).toBe('2024-01-05 10:42:07.089');
  });
});

describe('filtering the monitor', () => {
  const lines = [
    line(1, { summary: 'PD 0 seq 1 POLL', hex: '53000800', direction: 'tx' }),
    line(2, { summary: 'PD 0 seq 1 RAW reader 0 format 1 26 bits', hex: '5380100005' }),
    line(3, { summary: 'PD 0 seq 2 ACK', hex: '538008', ascii: 'S..' }),
  ];

  it('keeps every line for an empty query', () => {
    expect(filterTraffic(lines, '  ')).toBe(lines);
  });

  it('finds lines by words of the decoded summary, in any case', () => {
    expect(filterTraffic(lines, 'raw READER').map((l) => l.seq)).toEqual([2]);
  });

  it('finds lines by hex, spaced or not', () => {
    expect(filterTraffic(lines, '53 80 10').map((l) => l.seq)).toEqual([2]);
    expect(filterTraffic(lines, '538008').map((l) => l.seq)).toEqual([3]);
  });

  it('notes the filter in an exported capture', () => {
    expect(captureText({ deviceName: 'r', driver: 'osdp', port: 'p', exportedAt: at, filter: 'RAW' }, [])).toContain('# filter: RAW\n');
  });
});
