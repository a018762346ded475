import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MegatecCommand } from '../../../../../electron/core/devices/megatec/codec';
import {
  decodeReply,
  encodeIdentityReply,
  encodeRatingReply,
  encodeStatusReply,
  type UpsIdentity,
  type UpsRating,
  type UpsStatus,
} from '../../../../../electron/core/devices/megatec/reply';

const status: MegatecCommand = { kind: 'status' };
const rating: MegatecCommand = { kind: 'rating' };
const identity: MegatecCommand = { kind: 'identity' };

/** The line without its CR, as the session hands it to decodeReply. */
const lineOf = (bytes: Uint8Array): string => String.fromCharCode(...bytes.subarray(0, bytes.length - 1));

const tenths = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min: min * 10, max: max * 10 }).map((t) => t / 10);
const bitsArbitrary = fc.record({
  utilityFail: fc.boolean(),
  batteryLow: fc.boolean(),
  bypassActive: fc.boolean(),
  upsFailed: fc.boolean(),
  standbyType: fc.boolean(),
  testInProgress: fc.boolean(),
  shutdownActive: fc.boolean(),
  beeperOn: fc.boolean(),
});
const statusArbitrary: fc.Arbitrary<UpsStatus> = fc.record({
  inputVoltage: fc.option(tenths(0, 999), { nil: null }),
  inputFaultVoltage: fc.option(tenths(0, 999), { nil: null }),
  outputVoltage: fc.option(tenths(0, 999), { nil: null }),
  loadPercent: fc.option(fc.integer({ min: 0, max: 999 }), { nil: null }),
  inputFrequency: fc.option(tenths(0, 99), { nil: null }),
  // S.SS per cell below 10 V, SS.S for the whole string.
  batteryVoltage: fc.option(fc.oneof(fc.integer({ min: 0, max: 999 }).map((h) => h / 100), tenths(10, 99)), { nil: null }),
  temperature: fc.option(fc.oneof(tenths(0, 99), fc.integer({ min: -99, max: -1 }).map((t) => t / 10)), { nil: null }),
  bits: bitsArbitrary,
});

describe('Megatec replies', () => {
  it("reads NUT's documented Q1 example with its eight named bits", () => {
    expect(decodeReply('(226.0 195.0 226.0 014 49.0 27.5 30.0 00001000', status)).toEqual({
      kind: 'status',
      status: {
        inputVoltage: 226,
        inputFaultVoltage: 195,
        outputVoltage: 226,
        loadPercent: 14,
        inputFrequency: 49,
        batteryVoltage: 27.5,
        temperature: 30,
        bits: {
          utilityFail: false,
          batteryLow: false,
          bypassActive: false,
          upsFailed: false,
          standbyType: true,
          testInProgress: false,
          shutdownActive: false,
          beeperOn: false,
        },
      },
    });
  });

  it('reads the most significant status bit as utility fail and the last as the beeper', () => {
    const reply = decodeReply('(000.0 140.0 220.0 023 50.0 2.05 35.0 10000001', status);
    expect(reply.kind === 'status' && reply.status.bits).toMatchObject({ utilityFail: true, beeperOn: true, batteryLow: false });
    expect(reply.kind === 'status' && reply.status.batteryVoltage).toBe(2.05);
  });

  it('reads a "#" line as rating or identity by the request it answers', () => {
    expect(decodeReply('#220.0 000 024.0 50.0', rating)).toEqual({
      kind: 'rating',
      rating: { ratedVoltage: 220, ratedCurrent: 0, ratedBatteryVoltage: 24, ratedFrequency: 50 },
    });
    expect(decodeReply('#220.0 000 024.0 50.0', identity)).toMatchObject({ kind: 'error', error: { code: 'badIdentity' } });
    const vendorLine = '#-------------   ------     VT12046Q  ';
    expect(decodeReply(vendorLine, identity)).toEqual({ kind: 'identity', identity: { company: '-------------', model: '------', version: 'VT12046Q' } });
    expect(decodeReply(vendorLine, rating)).toMatchObject({ kind: 'error', error: { code: 'badRating' } });
  });

  it('takes an echoed command as not supported, never as data', () => {
    expect(decodeReply('Q1', status)).toEqual({ kind: 'notSupported', echoed: 'Q1' });
    expect(decodeReply('I', identity)).toEqual({ kind: 'notSupported', echoed: 'I' });
    expect(decodeReply('S03R0010', { kind: 'shutdown', minutes: 3, restoreMinutes: 10 })).toEqual({ kind: 'notSupported', echoed: 'S03R0010' });
  });

  it('answers with data only for Q1, F and I; ACK and NAK for the others', () => {
    expect(decodeReply('(226.0 195.0 226.0 014 49.0 27.5 30.0 00001000', { kind: 'batteryTest' })).toMatchObject({
      kind: 'error',
      error: { code: 'unexpectedReply' },
    });
    expect(decodeReply('(ACK', { kind: 'batteryTest' })).toEqual({ kind: 'accepted' });
    expect(decodeReply('ACK', { kind: 'cancelShutdown' })).toEqual({ kind: 'accepted' });
    expect(decodeReply('(NAK', { kind: 'toggleBeeper' })).toEqual({ kind: 'refused' });
  });

  it('reads dashes as values the UPS does not measure', () => {
    const reply = decodeReply('(230.0 ---.- 230.0 010 --.- 27.0 ---- 00000000', status);
    expect(reply).toMatchObject({ kind: 'status', status: { inputFaultVoltage: null, inputFrequency: null, temperature: null, loadPercent: 10 } });
  });

  it('rejects a status line with a wrong field count, a non-number or bad bits', () => {
    for (const line of [
      '(226.0 195.0 226.0 014 49.0 27.5 00001000',
      '(226.0 195.0 226.0 014 49.0 27.5 30.0 00001000 1',
      '(226.0 19x.0 226.0 014 49.0 27.5 30.0 00001000',
      '(226.0 195.0 226.0 014 49.0 27.5 30.0 0000100',
      '(226.0 195.0 226.0 014 49.0 27.5 30.0 00002000',
      '226.0 195.0 226.0 014 49.0 27.5 30.0 00001000',
    ]) {
      expect(decodeReply(line, status)).toMatchObject({ kind: 'error', error: { code: 'badStatus' } });
    }
  });

  it('round-trips status replies as a UPS writes them', () => {
    fc.assert(
      fc.property(statusArbitrary, (value) => {
        expect(decodeReply(lineOf(encodeStatusReply(value)), status)).toEqual({ kind: 'status', status: value });
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips rating and identity replies', () => {
    const ratingArbitrary: fc.Arbitrary<UpsRating> = fc.record({
      ratedVoltage: fc.option(tenths(0, 999), { nil: null }),
      ratedCurrent: fc.option(fc.integer({ min: 0, max: 999 }), { nil: null }),
      ratedBatteryVoltage: fc.option(fc.integer({ min: 0, max: 99_99 }).map((h) => h / 100), { nil: null }),
      ratedFrequency: fc.option(tenths(0, 99), { nil: null }),
    });
    const field = (width: number): fc.Arbitrary<string> =>
      fc.string({ unit: fc.constantFrom(...'ABCXYZ-_.0123 9'.split('')), maxLength: width }).map((text) => text.trim());
    const identityArbitrary: fc.Arbitrary<UpsIdentity> = fc.record({ company: field(15), model: field(10), version: field(10) });
    fc.assert(
      fc.property(ratingArbitrary, identityArbitrary, (ratingValue, identityValue) => {
        expect(decodeReply(lineOf(encodeRatingReply(ratingValue)), rating)).toEqual({ kind: 'rating', rating: ratingValue });
        expect(decodeReply(lineOf(encodeIdentityReply(identityValue)), identity)).toEqual({ kind: 'identity', identity: identityValue });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any printable line, whatever the request', () => {
    const requests: MegatecCommand[] = [status, rating, identity, { kind: 'batteryTest' }, { kind: 'shutdown', minutes: 1 }];
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }), fc.constantFrom(...requests), (line, request) => {
        const reply = decodeReply(line, request);
        expect(['status', 'rating', 'identity', 'accepted', 'refused', 'notSupported', 'error']).toContain(reply.kind);
      }),
      { numRuns: 400 },
    );
  });
});
