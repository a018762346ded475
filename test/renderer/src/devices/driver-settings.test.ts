import { describe, expect, it } from 'vitest';
import { driverKinds } from '../../../../shared/contract/devices';
import { driverSerialDefaults, formToProtocol, osdpKeyPattern, protocolToForm, secretPlaceholder } from '../../../../renderer/src/devices/driver-settings';

describe('driver defaults', () => {
  it('gives every driver serial settings the contract accepts', async () => {
    const { serialSettingsSchema } = await import('../../../../shared/contract/devices');
    for (const driver of driverKinds) expect(serialSettingsSchema.safeParse(driverSerialDefaults[driver]).success).toBe(true);
  });

  it('fills a new device with each field’s default, durations in seconds', () => {
    expect(protocolToForm('contact-id', {})).toEqual({ heartbeatTimeoutMs: 75 });
    expect(protocolToForm('modbus', {})).toEqual({ slaveAddress: 1, modelId: 'th-rs485-generic', pollIntervalMs: 2 });
    expect(protocolToForm('nx584', {})).toEqual({ framing: 'binary', pin: '' });
    expect(protocolToForm('osdp', {})).toEqual({ pds: [{ address: 0, key: '' }] });
  });
});

describe('protocol settings between the core and the form', () => {
  it('round-trips stored settings, seconds back to milliseconds', () => {
    const stored = { slaveAddress: 7, modelId: 'leak-rs485-generic', pollIntervalMs: 1500 };
    expect(formToProtocol('modbus', protocolToForm('modbus', stored))).toEqual(stored);
  });

  it('sends a stored secret’s placeholder back unchanged, so the core keeps the key', () => {
    const form = protocolToForm('nx584', { framing: 'ascii', pin: secretPlaceholder });
    expect(formToProtocol('nx584', form)).toEqual({ framing: 'ascii', pin: secretPlaceholder });
  });

  it('leaves an empty PIN out rather than storing an empty secret', () => {
    expect(formToProtocol('nx584', { framing: 'binary', pin: '' })).toEqual({ framing: 'binary' });
  });

  it('keeps each OSDP PD with its key, and a PD without a key has no Secure Channel', () => {
    const key = '000102030405060708090a0b0c0d0e0f';
    const form = protocolToForm('osdp', { pds: [{ address: 1, key }, { address: 2, key: secretPlaceholder }, { address: 3 }] });
    expect(formToProtocol('osdp', form)).toEqual({ pds: [{ address: 1, key }, { address: 2, key: secretPlaceholder }, { address: 3 }] });
  });

  it('ignores what the driver does not know about', () => {
    expect(formToProtocol('megatec', { pollIntervalMs: 3, bogus: 'x' })).toEqual({ pollIntervalMs: 3000 });
  });

  it('accepts an OSDP key of 32 hex digits or none, nothing else', () => {
    expect(osdpKeyPattern.test('')).toBe(true);
    expect(osdpKeyPattern.test('00112233445566778899AABBCCDDEEFF')).toBe(true);
    expect(osdpKeyPattern.test('0011')).toBe(false);
  });
});
