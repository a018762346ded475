import { describe, expect, it } from 'vitest';
import { driverKinds } from '../../../../shared/contract/links';
import { driverRegistry } from '../../../../electron/core/devices/driver-registry';

describe('the driver registry', () => {
  it('fills every driver’s defaults from empty settings where nothing is required', () => {
    expect(driverRegistry['contact-id'].parseSettings({})).toEqual({ heartbeatTimeoutMs: 75_000 });
    expect(driverRegistry.megatec.parseSettings({})).toEqual({ pollIntervalMs: 2000, linkLostAfterMs: 10_000, replyTimeoutMs: 1000 });
    expect(driverRegistry.nx584.parseSettings({})).toMatchObject({ framing: 'binary', pin: null, zoneCount: 8 });
    expect(driverRegistry.modbus.parseSettings({})).toMatchObject({ modelId: 'th-rs485-generic', linkLostAfterFailures: 3 });
    expect(driverRegistry.osdp.parseSettings({ pds: [{ address: 1 }] })).toMatchObject({ pds: [{ address: 1, scbk: null }], replyTimeoutMs: 200, offlineAfterMs: 8000 });
  });

  it('knows the protocols’ serial defaults and secret fields', () => {
    const serial = Object.fromEntries(driverKinds.map((k) => [k, driverRegistry[k].serial.baudRate]));
    expect(serial).toEqual({ 'contact-id': 9600, nx584: 2400, osdp: 9600, modbus: 9600, megatec: 2400 });
    expect(driverRegistry.megatec.serial).toEqual({ baudRate: 2400, dataBits: 8, parity: 'none', stopBits: 1 });
    expect(driverRegistry.nx584.secretFields).toEqual(['pin']);
    expect(driverRegistry.osdp.secretFields).toEqual(['pds[].scbk']);
  });

  it.each([
    ['megatec', { pollIntervalMs: 5 }, 'protocol.pollIntervalMs'],
    ['megatec', { pollInterval: 2000 }, 'protocol.pollInterval'],
    ['nx584', { pin: '12a4' }, 'protocol.pin'],
    ['osdp', { pds: [] }, 'protocol.pds'],
    ['osdp', { pds: [{ address: 1 }, { address: 1 }] }, 'protocol.pds.1.address'],
    ['osdp', { pds: [{ address: 1, scbk: 'xyz' }] }, 'protocol.pds.0.scbk'],
    ['modbus', { modelId: 'no-such-sensor' }, 'protocol.modelId'],
    ['contact-id', { heartbeatTimeoutMs: 'soon' }, 'protocol.heartbeatTimeoutMs'],
  ] as const)('refuses %s settings %j, naming %s', (kind, settings, field) => {
    expect(() => driverRegistry[kind].parseSettings(settings)).toThrow(
      expect.objectContaining({ code: 'device_protocol_invalid', params: { driver: kind, field } }),
    );
  });
});
