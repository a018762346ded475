import { describe, expect, it } from 'vitest';
import { driverProtocols, secretPlaceholder } from '../../../../shared/contract/device-protocols';
import { driverKinds, serialSettingsSchema } from '../../../../shared/contract/links';
import {
  driverSerialDefaults,
  formToProtocol,
  isJsonObjectText,
  osdpKeyPattern,
  protocolIssueFields,
  protocolToForm,
} from '../../../../renderer/src/devices/driver-settings';

describe('driver defaults', () => {
  it('gives every driver the serial settings the core defines for it', () => {
    for (const driver of driverKinds) {
      expect(driverSerialDefaults[driver]).toEqual(driverProtocols[driver].serial);
      expect(serialSettingsSchema.safeParse(driverSerialDefaults[driver]).success).toBe(true);
    }
  });

  it('fills a new device with each field’s default, durations in seconds', () => {
    expect(protocolToForm('contact-id', {})).toEqual({ heartbeatTimeoutMs: 75 });
    expect(protocolToForm('modbus', {})).toEqual({ slaveAddress: null, modelId: 'th-rs485-generic', pollIntervalMs: null, model: '' });
    expect(protocolToForm('nx584', {})).toEqual({ framing: 'binary', pin: '' });
    expect(protocolToForm('osdp', {})).toEqual({ pds: [{ address: 0, scbk: '' }] });
  });

  it('produces settings the core’s schema accepts for a new device of every kind', () => {
    for (const driver of driverKinds) {
      const settings = formToProtocol(driver, protocolToForm(driver, {}));
      expect(driverProtocols[driver].settings.safeParse(settings).success, driver).toBe(true);
    }
  });
});

describe('protocol settings between the core and the form', () => {
  it('round-trips stored settings, seconds back to milliseconds', () => {
    const stored = { slaveAddress: 7, modelId: 'leak-rs485-generic', pollIntervalMs: 1500 };
    expect(formToProtocol('modbus', protocolToForm('modbus', stored))).toEqual(stored);
  });

  it('leaves empty optional fields out, so the Modbus model’s own defaults apply', () => {
    expect(formToProtocol('modbus', { slaveAddress: null, modelId: 'th-rs485-generic', pollIntervalMs: null, model: '' })).toEqual({ modelId: 'th-rs485-generic' });
  });

  it('keeps stored settings the form does not show', () => {
    const stored = { framing: 'ascii', pin: secretPlaceholder, zoneCount: 16, replyTimeoutMs: 3000 };
    expect(formToProtocol('nx584', protocolToForm('nx584', stored), stored)).toEqual(stored);
  });

  it('sends a stored secret’s placeholder back unchanged, so the core keeps it', () => {
    const form = protocolToForm('nx584', { framing: 'ascii', pin: secretPlaceholder });
    expect(formToProtocol('nx584', form)).toEqual({ framing: 'ascii', pin: secretPlaceholder });
  });

  it('removes a PIN the engineer cleared', () => {
    expect(formToProtocol('nx584', { framing: 'binary', pin: '' }, { framing: 'binary', pin: secretPlaceholder })).toEqual({ framing: 'binary' });
  });

  it('keeps each OSDP PD with its key; a PD without a key has none', () => {
    const scbk = '000102030405060708090a0b0c0d0e0f';
    const form = protocolToForm('osdp', { pds: [{ address: 1, scbk }, { address: 2, scbk: secretPlaceholder, secure: true }, { address: 3, scbk: null }] });
    expect(formToProtocol('osdp', form)).toEqual({ pds: [{ address: 1, scbk }, { address: 2, scbk: secretPlaceholder, secure: true }, { address: 3 }] });
  });

  it('sends an engineer’s own Modbus map as an object', () => {
    const model = { id: 'mine', points: [] };
    const form = protocolToForm('modbus', { modelId: 'th-rs485-generic', model });
    expect(formToProtocol('modbus', form).model).toEqual(model);
    expect(isJsonObjectText(form.model)).toBe(true);
    expect(isJsonObjectText('{ nope')).toBe(false);
    expect(isJsonObjectText('[1]')).toBe(false);
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

describe('the core’s rejection on the form', () => {
  it('points at the PD row and field the core named', () => {
    const issues = [{ path: 'protocol.pds.1.address', code: 'custom', message: 'address_duplicate' }];
    expect(protocolIssueFields({ code: 'device_protocol_invalid', issues })).toEqual([{ name: ['protocol', 'pds', 1, 'address'], code: 'address_duplicate' }]);
  });

  it('points a problem deep inside a pasted map at the map field, and reads update paths too', () => {
    const issues = [{ path: 'fields.protocol.model.points.0.key', code: 'invalid_format', message: 'key_format' }];
    expect(protocolIssueFields({ code: 'invalid_input', issues })).toEqual([{ name: ['protocol', 'model'], code: 'key_format' }]);
  });

  it('ignores other errors and other fields', () => {
    expect(protocolIssueFields({ code: 'permission_denied', issues: [{ path: 'protocol.pin', code: 'x', message: 'x' }] })).toEqual([]);
    expect(protocolIssueFields({ code: 'invalid_input', issues: [{ path: 'name', code: 'too_small', message: '' }] })).toEqual([]);
  });
});
