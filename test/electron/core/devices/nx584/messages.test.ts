import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPanelMessageDecoder, createRequestDecoder, encodePanelMessageBytes, encodeRequestBytes } from '../../../../../electron/core/devices/nx584/codec';
import {
  flagsOf,
  partitionConditionTable,
  partitionSnapshotTable,
  systemStatusTable,
  zoneConditionTable,
  zoneSnapshotTable,
  zoneTypeTable,
} from '../../../../../electron/core/devices/nx584/flag-tables';
import { encodeFrame, type Nx584Framing } from '../../../../../electron/core/devices/nx584/framing';
import { logEventTime } from '../../../../../electron/core/devices/nx584/log-events';
import { decodePanelMessage, type Nx584PanelMessage } from '../../../../../electron/core/devices/nx584/panel-messages';
import { decodePin, encodePin, encodeRequest, primaryKeypadFunctions, type Nx584Request } from '../../../../../electron/core/devices/nx584/requests';

const frame = (number: number, data: number[], ackRequested = false) => ({ number, ackRequested, data: Uint8Array.from(data) });
const byte = fc.integer({ min: 0, max: 255 });
const zone = fc.integer({ min: 1, max: 256 });
const partition = fc.integer({ min: 1, max: 8 });
const partitionList = fc.subarray([1, 2, 3, 4, 5, 6, 7, 8]);
const name = (width: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGH 0123-'.split('')), maxLength: width }).map((text) => text.trimEnd());

const panelMessageArbitrary: fc.Arbitrary<Nx584PanelMessage> = fc.oneof(
  fc.record({ kind: fc.constant('interfaceConfiguration' as const), firmware: name(4), transitionMessages: fc.subarray([1, 4, 5, 6, 7, 8, 9, 10, 11]), requests: fc.subarray([0x21, 0x23, 0x24, 0x28, 0x2a, 0x3c, 0x3f]) }),
  fc.record({ kind: fc.constant('zoneName' as const), zone, name: name(16) }),
  fc.record({ kind: fc.constant('zoneStatus' as const), zone, partitions: partitionList, types: fc.subarray(flagsOf(zoneTypeTable)), conditions: fc.subarray(flagsOf(zoneConditionTable)) }),
  fc.integer({ min: 0, max: 15 }).chain((block) =>
    fc
      .array(fc.subarray(flagsOf(zoneSnapshotTable)), { minLength: 16, maxLength: 16 })
      .map((conditions) => ({ kind: 'zonesSnapshot' as const, zones: conditions.map((c, i) => ({ zone: block * 16 + i + 1, conditions: c })) })),
  ),
  fc.record({ kind: fc.constant('partitionStatus' as const), partition, conditions: fc.subarray(flagsOf(partitionConditionTable)), lastUser: byte }),
  fc
    .array(fc.subarray(flagsOf(partitionSnapshotTable)), { minLength: 8, maxLength: 8 })
    .map((flags) => ({ kind: 'partitionsSnapshot' as const, partitions: flags.map((f, i) => ({ partition: i + 1, flags: f })) })),
  fc.record({ kind: fc.constant('systemStatus' as const), panelId: byte, flags: fc.subarray(flagsOf(systemStatusTable)), validPartitions: partitionList, communicationStackPointer: byte }),
  fc.record({
    kind: fc.constant('logEvent' as const),
    eventNumber: byte,
    logSize: byte,
    eventType: fc.integer({ min: 0, max: 127 }),
    nonReporting: fc.boolean(),
    target: byte,
    partition,
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  }),
  fc.record({ kind: fc.constant('keypadMessage' as const), keypad: byte, key: byte }),
  fc.constantFrom<Nx584PanelMessage>({ kind: 'commandFailed' }, { kind: 'positiveAck' }, { kind: 'negativeAck' }, { kind: 'messageRejected' }),
);

const pin = fc.oneof(fc.stringMatching(/^\d{4}$/), fc.stringMatching(/^\d{6}$/));
const requestArbitrary: fc.Arbitrary<Nx584Request> = fc.oneof(
  fc.constantFrom<Nx584Request>({ kind: 'interfaceConfigurationRequest' }, { kind: 'partitionsSnapshotRequest' }, { kind: 'systemStatusRequest' }, { kind: 'positiveAck' }),
  fc.record({ kind: fc.constantFrom('zoneNameRequest' as const, 'zoneStatusRequest' as const, 'zoneBypassToggle' as const), zone }),
  fc.integer({ min: 0, max: 15 }).map((block) => ({ kind: 'zonesSnapshotRequest' as const, firstZone: block * 16 + 1 })),
  fc.record({ kind: fc.constant('partitionStatusRequest' as const), partition }),
  fc.record({ kind: fc.constant('logEventRequest' as const), eventNumber: byte }),
  fc.record({ kind: fc.constant('keypadFunctionWithPin' as const), pin, func: fc.constantFrom(...primaryKeypadFunctions), partitions: partitionList }),
  fc.record({ kind: fc.constant('keypadFunctionWithoutPin' as const), func: fc.constantFrom(...primaryKeypadFunctions), partitions: partitionList, user: byte }),
  fc.record({ kind: fc.constant('secondaryKeypadFunction' as const), func: fc.integer({ min: 0, max: 15 }), partitions: partitionList }),
  fc.record({
    kind: fc.constant('setClock' as const),
    year: fc.integer({ min: 2000, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    weekday: fc.integer({ min: 1, max: 7 }),
  }),
);

describe('NX-584 messages', () => {
  it('reads the partitions snapshot and partition status of pynx584\'s receive test', () => {
    expect(decodePanelMessage(frame(0x07, [0x47, 0x02, 0, 0, 0, 0, 0, 0], true))).toMatchObject({
      kind: 'partitionsSnapshot',
      partitions: [
        { partition: 1, flags: ['valid', 'ready', 'armedAway', 'anyExitDelay'] },
        { partition: 2, flags: ['ready'] },
        ...[3, 4, 5, 6, 7, 8].map((p) => ({ partition: p, flags: [] })),
      ],
    });
    // This capture carries two bytes past the documented eight: they are ignored.
    expect(decodePanelMessage(frame(0x06, [0x00, 0x68, 0x00, 0xe0, 0x40, 0x62, 0x04, 0x82, 0x02, 0x07], true))).toEqual({
      kind: 'partitionStatus',
      partition: 1,
      conditions: ['pulsingBuzzer', 'armed', 'delayExpirationWarning', 'exit1', 'exit2', 'sensorLowBattery', 'readyToArm', 'openPeriod', 'delayTripInProgress'],
      lastUser: 0x62,
    });
  });

  it("reads a zone status as nxgipd lays it out: zone, partition mask, three type bytes, two condition bytes", () => {
    expect(decodePanelMessage(frame(0x04, [0x02, 0x01, 0x10, 0x10, 0x00, 0x03, 0x01]))).toEqual({
      kind: 'zoneStatus',
      zone: 3,
      partitions: [1],
      types: ['entryExitDelay1', 'bypassable'],
      conditions: ['faulted', 'tampered', 'alarmMemory'],
    });
  });

  it('reads a system status with AC fail, low battery and the valid partitions', () => {
    const message = decodePanelMessage(frame(0x08, [0x04, 0x00, 0xc2, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x03, 0x00]));
    expect(message).toEqual({ kind: 'systemStatus', panelId: 4, flags: ['phoneFault', 'lowBattery', 'acFail', 'phoneLineFaulted'], validPartitions: [1, 2], communicationStackPointer: 0 });
  });

  it('reads a log event with its 0-based partition and the non-reporting bit', () => {
    expect(decodePanelMessage(frame(0x0a, [5, 64, 0x80 | 26, 8, 0, 11, 24, 13, 7]))).toEqual({
      kind: 'logEvent',
      eventNumber: 5,
      logSize: 64,
      eventType: 26,
      nonReporting: true,
      target: 8,
      partition: 1,
      month: 11,
      day: 24,
      hour: 13,
      minute: 7,
    });
  });

  it('reports a message shorter than its layout instead of reading past it', () => {
    expect(decodePanelMessage(frame(0x04, [0x00, 0x01]))).toMatchObject({ kind: 'error', error: { code: 'shortMessage' } });
    expect(decodePanelMessage(frame(0x09, [1, 2, 3]))).toMatchObject({ kind: 'other', number: 0x09 });
  });

  it('round-trips every panel message it writes, in both framings', () => {
    fc.assert(
      fc.property(panelMessageArbitrary, fc.boolean(), fc.constantFrom<Nx584Framing>('binary', 'ascii'), (message, ack, framing) => {
        const events = createPanelMessageDecoder(framing).push(encodePanelMessageBytes(message, framing, ack));
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ type: 'message', message, frame: { ackRequested: ack } });
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips every request it writes, as the panel reads it', () => {
    fc.assert(
      fc.property(requestArbitrary, fc.constantFrom<Nx584Framing>('binary', 'ascii'), (request, framing) => {
        expect(createRequestDecoder(framing).push(encodeRequestBytes(request, framing))).toMatchObject([{ type: 'message', message: request }]);
      }),
      { numRuns: 400 },
    );
  });

  it('writes a PIN two digits a byte, first digit low, FFh after four digits (pynx584 make_pin_buffer)', () => {
    expect(encodePin('1234')).toEqual([0x21, 0x43, 0xff]);
    expect(encodePin('123456')).toEqual([0x21, 0x43, 0x65]);
    expect(decodePin([0x21, 0x43, 0xff])).toBe('1234');
    expect(decodePin([0x2a, 0x43, 0xff])).toBeUndefined();
    for (const bad of ['123', '12345', '12a4', '']) expect(() => encodePin(bad)).toThrow(expect.objectContaining({ code: 'devices.nx584.badPin' }));
  });

  it('writes disarm as 3Ch with the PIN, function 1 and the partition mask, as pynx584 does', () => {
    const disarm = encodeRequest({ kind: 'keypadFunctionWithPin', pin: '1234', func: 'disarm', partitions: [1] });
    expect(disarm.number).toBe(0x3c);
    expect([...disarm.data]).toEqual([0x21, 0x43, 0xff, 0x01, 0x01]);
    expect(String.fromCharCode(...encodeFrame(encodeRequest({ kind: 'setClock', year: 2026, month: 11, day: 25, hour: 9, minute: 5, weekday: 4 }), 'ascii')).slice(0, 5)).toBe('\n073B');
    expect([...encodeRequest({ kind: 'zoneBypassToggle', zone: 3 }).data]).toEqual([2]);
    expect(encodeRequest({ kind: 'zoneBypassToggle', zone: 3 }).number).toBe(0x3f);
  });

  it('dates a log event this year, or last year when its month is still to come', () => {
    const now = new Date(2026, 2, 10, 12, 0).getTime();
    expect(logEventTime(now, 3, 9, 23, 15)).toBe(new Date(2026, 2, 9, 23, 15).getTime());
    expect(logEventTime(now, 12, 31, 8, 0)).toBe(new Date(2025, 11, 31, 8, 0).getTime());
    expect(logEventTime(now, 2, 30, 8, 0)).toBeUndefined();
  });
});
