import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commandText,
  createLineDecoder,
  decodeCommandText,
  encodeCommand,
  type MegatecCommand,
  type MegatecLineEvent,
} from '../../../../../electron/core/devices/megatec/codec';

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function decodeInPieces(bytes: Uint8Array, cuts: number[]): MegatecLineEvent[] {
  const decoder = createLineDecoder(64);
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((x, y) => x - y);
  const events: MegatecLineEvent[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    events.push(...decoder.push(bytes.subarray(from, point)));
    from = point;
  }
  return events;
}

const commandArbitrary: fc.Arbitrary<MegatecCommand> = fc.oneof(
  fc.constantFrom<MegatecCommand>(
    { kind: 'status' },
    { kind: 'rating' },
    { kind: 'identity' },
    { kind: 'batteryTest' },
    { kind: 'batteryTestUntilLow' },
    { kind: 'cancelTest' },
    { kind: 'toggleBeeper' },
    { kind: 'cancelShutdown' },
  ),
  fc
    .tuple(fc.oneof(fc.integer({ min: 2, max: 9 }).map((t) => t / 10), fc.integer({ min: 1, max: 10 })), fc.option(fc.integer({ min: 0, max: 9999 }), { nil: undefined }))
    .map(([minutes, restoreMinutes]): MegatecCommand => (restoreMinutes === undefined ? { kind: 'shutdown', minutes } : { kind: 'shutdown', minutes, restoreMinutes })),
);

describe('Megatec commands', () => {
  it('ends every command with CR', () => {
    expect([...encodeCommand({ kind: 'status' })]).toEqual(ascii('Q1\r'));
    expect([...encodeCommand({ kind: 'rating' })]).toEqual(ascii('F\r'));
    expect([...encodeCommand({ kind: 'identity' })]).toEqual(ascii('I\r'));
    expect([...encodeCommand({ kind: 'batteryTest' })]).toEqual(ascii('T\r'));
    expect([...encodeCommand({ kind: 'batteryTestUntilLow' })]).toEqual(ascii('TL\r'));
    expect([...encodeCommand({ kind: 'cancelTest' })]).toEqual(ascii('CT\r'));
    expect([...encodeCommand({ kind: 'toggleBeeper' })]).toEqual(ascii('Q\r'));
    expect([...encodeCommand({ kind: 'cancelShutdown' })]).toEqual(ascii('C\r'));
  });

  it('writes shutdown delays as the UPS reads them: tenths below a minute, two digits, four-digit restore', () => {
    expect(commandText({ kind: 'shutdown', minutes: 0.5 })).toBe('S.5');
    expect(commandText({ kind: 'shutdown', minutes: 3 })).toBe('S03');
    expect(commandText({ kind: 'shutdown', minutes: 10, restoreMinutes: 10 })).toBe('S10R0010');
    expect(commandText({ kind: 'shutdown', minutes: 1, restoreMinutes: 0 })).toBe('S01R0000');
  });

  it('refuses a shutdown delay the UPS cannot take', () => {
    for (const command of [
      { kind: 'shutdown', minutes: 0.1 },
      { kind: 'shutdown', minutes: 11 },
      { kind: 'shutdown', minutes: 2.5 },
      { kind: 'shutdown', minutes: Number.NaN },
      { kind: 'shutdown', minutes: 2, restoreMinutes: 10_000 },
      { kind: 'shutdown', minutes: 2, restoreMinutes: 1.5 },
    ] satisfies MegatecCommand[]) {
      expect(() => commandText(command)).toThrow(expect.objectContaining({ code: 'devices.megatec.badShutdownDelay' }));
    }
  });

  it('reads back every command it writes, as the simulated UPS does', () => {
    fc.assert(
      fc.property(commandArbitrary, (command) => {
        expect(decodeCommandText(commandText(command))).toEqual(command);
      }),
      { numRuns: 300 },
    );
  });

  it('knows no command in text a UPS would not take', () => {
    for (const text of ['Q2', 'S', 'S11', 'S.1', 'S05R123', 'q1', '', 'M']) expect(decodeCommandText(text)).toBeUndefined();
  });
});

describe('Megatec line decoder', () => {
  it('yields the same lines however the stream is cut', () => {
    const line = fc.array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 50 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), (lines, cuts) => {
        const bytes = Uint8Array.from(lines.flatMap((l) => [...l, 0x0d]));
        const whole = decodeInPieces(bytes, []);
        expect(decodeInPieces(bytes, cuts)).toEqual(whole);
        expect(whole.filter((event) => event.type === 'line').map((event) => event.type === 'line' && event.text)).toEqual(
          lines.filter((l) => l.length > 0).map((l) => String.fromCharCode(...l)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes and reports only its own errors, whatever the cuts', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 20 }), (bytes, cuts) => {
        const events = decodeInPieces(bytes, cuts);
        expect(events).toEqual(decodeInPieces(bytes, []));
        for (const event of events) {
          if (event.type === 'error') expect(['lineTooLong', 'badCharacter']).toContain(event.error.code);
          else expect(event.text).toMatch(/^[\x20-\x7e]+$/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reports a line with a control byte as badCharacter and resynchronises at its CR', () => {
    const events = createLineDecoder().push(Uint8Array.from([...ascii('(22'), 0x01, ...ascii('0.0\r'), ...ascii('#220.0 000 024.0 50.0\r')]));
    expect(events.map((event) => (event.type === 'error' ? event.error.code : event.text))).toEqual(['badCharacter', '#220.0 000 024.0 50.0']);
  });

  it('skips a line longer than its limit up to the CR and reads the next one', () => {
    const decoder = createLineDecoder(10);
    const events = [...decoder.push(Uint8Array.from(ascii('ABCDEFGHIJKLMNOP'))), ...decoder.push(Uint8Array.from(ascii('QRST\rQ1\r')))];
    expect(events.map((event) => (event.type === 'error' ? event.error.code : event.text))).toEqual(['lineTooLong', 'Q1']);
  });

  it('ignores the LF of a CR LF ending and empty lines', () => {
    const events = createLineDecoder().push(Uint8Array.from(ascii('ACK\r\n\r\r(ACK\r\n')));
    expect(events.map((event) => (event.type === 'line' ? event.text : event.error.code))).toEqual(['ACK', '(ACK']);
  });
});
