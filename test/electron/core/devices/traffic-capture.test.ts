import { describe, expect, it } from 'vitest';
import { createBackoff } from '../../../../electron/core/devices/reconnect-backoff';
import { asciiOf, createTrafficCapture } from '../../../../electron/core/devices/traffic-capture';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the traffic capture', () => {
  it('keeps the latest lines only, pages after a seq, and says when lines were dropped', () => {
    const capture = createTrafficCapture(5);
    for (let i = 1; i <= 8; i++) capture.record({ at: i, direction: i % 2 ? 'tx' : 'rx', bytes: bytes(`Q${i}\r`), summary: `line ${i}`, ok: true });
    const all = capture.page(0, 100);
    expect(all.lines.map((l) => l.seq)).toEqual([4, 5, 6, 7, 8]);
    expect(all).toMatchObject({ lastSeq: 8, dropped: true });
    expect(capture.page(5, 2)).toMatchObject({ lines: [{ seq: 6 }, { seq: 7 }], lastSeq: 7, dropped: false });
    expect(capture.page(8, 10)).toEqual({ lines: [], lastSeq: 8, dropped: false });
    expect(capture.page(50, 10)).toEqual({ lines: [], lastSeq: 8, dropped: false });
    expect(all.lines[0]).toMatchObject({ hex: '51 34 0D', ascii: 'Q4.', summary: 'line 4', direction: 'rx' });
  });

  it('keeps its own copy of every byte value, however long the frame', () => {
    const capture = createTrafficCapture();
    const reused = Uint8Array.of(0x00, 0x7f, 0x80, 0xff, 0x14);
    capture.record({ at: 1, direction: 'rx', bytes: reused, summary: 'binary', ok: true });
    reused.fill(0x41);
    const long = Uint8Array.from({ length: 20_000 }, (_, i) => i % 256);
    capture.record({ at: 2, direction: 'rx', bytes: long, summary: 'long', ok: true });
    const [binary, longLine] = capture.page(0, 10).lines;
    expect(binary).toMatchObject({ hex: '00 7F 80 FF 14', ascii: '.....' });
    expect(longLine!.hex.split(' ')).toHaveLength(20_000);
    expect(longLine!.hex.split(' ').slice(254, 258)).toEqual(['FE', 'FF', '00', '01']);
  });

  it('describes a line kept without a summary from its own bytes, only when it is read', () => {
    const capture = createTrafficCapture();
    const described: string[] = [];
    const describe = (frame: Uint8Array) => {
      const text = new TextDecoder().decode(frame);
      described.push(text);
      return `described ${text}`;
    };
    const reused = bytes('E110');
    capture.record({ at: 1, direction: 'rx', bytes: reused, summary: '', describe, ok: true });
    reused.fill(0x30);
    capture.record({ at: 2, direction: 'tx', bytes: bytes('ACK'), summary: 'ACK', ok: true });
    expect(described).toEqual([]);
    expect(capture.page(0, 10).lines.map((line) => line.summary)).toEqual(['described E110', 'ACK']);
    expect(capture.health()).toMatchObject({ framesGood: 1, framesBad: 0 });
  });

  it('counts good and bad frames received, the last frame and the reply latency', () => {
    const capture = createTrafficCapture();
    capture.record({ at: 1, direction: 'tx', bytes: bytes('Q1\r'), summary: 'Q1', ok: true });
    capture.record({ at: 2, direction: 'rx', bytes: bytes('(230'), summary: 'status', ok: true, latencyMs: 20 });
    capture.record({ at: 3, direction: 'rx', bytes: Uint8Array.of(0xff, 0x00), summary: 'garbage', ok: false });
    capture.record({ at: 4, direction: 'rx', bytes: bytes('(231'), summary: 'status', ok: true, latencyMs: 30 });
    expect(capture.health()).toEqual({ framesGood: 2, framesBad: 1, lastFrameAt: 4, latencyLastMs: 30, latencyMeanMs: 25 });
    expect(asciiOf(Uint8Array.of(0x41, 0x06, 0x7f, 0x7e))).toBe('A..~');
  });
});

describe('the reconnect backoff', () => {
  it('doubles from the first wait up to the cap, and starts over after a reset', () => {
    const backoff = createBackoff({ initialMs: 250, maxMs: 30_000 });
    const waits = Array.from({ length: 9 }, () => backoff.next());
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    backoff.reset();
    expect(backoff.next()).toBe(250);
  });
});
