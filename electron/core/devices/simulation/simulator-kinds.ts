// Each kind's simulator on a device-side port, with its realistic defaults, ready for the command language.

import { AppError } from '../../../../shared/contract/app-error';
import type { DriverKind } from '../../../../shared/contract/links';
import type { ModbusDeviceModel } from '../../../../shared/domain/devices/modbus-register-map';
import { createReceiverSimulator } from '../contact-id/simulator';
import { createUpsSimulator, type UpsSimulatorOptions } from '../megatec/simulator';
import { shippedModbusModel } from '../modbus/models/shipped-models';
import { createModbusSimulator } from '../modbus/simulator';
import type { Nx584Framing } from '../nx584/framing';
import { createNx584PanelSimulator } from '../nx584/simulator';
import { createOsdpPdSimulator, type SimulatedPdConfig } from '../osdp/simulator';
import type { BytePort } from '../port/byte-port';
import type { CommandedSimulator } from './simulator-commands';

export interface ReceiverDeviceOptions {
  receiver?: number;
  line?: number;
  /** Null: no heartbeats. The Sur-Gard MLR2 sends one about every 30 s, the default here. */
  heartbeatMs?: number | null;
  ackTimeoutMs?: number;
}

export interface OsdpBusOptions {
  /** Default: two readers at addresses 1 and 2, no Secure Channel key. */
  pds?: SimulatedPdConfig[];
}

export interface PanelDeviceOptions {
  framing?: Nx584Framing;
  zones?: number;
  /** The user code the panel accepts for arm/disarm. */
  pin?: string;
  zoneNames?: readonly string[];
}

export type UpsDeviceOptions = Omit<UpsSimulatorOptions, 'port'>;

export interface SensorDeviceOptions {
  /** A shipped register map; default the generic RS-485 temperature/humidity transmitter. */
  modelId?: string;
  /** An engineer's own map, used instead of `modelId`. */
  model?: ModbusDeviceModel;
  slaveAddress?: number;
}

export interface SimulatedDeviceOptions {
  'contact-id': ReceiverDeviceOptions;
  osdp: OsdpBusOptions;
  nx584: PanelDeviceOptions;
  megatec: UpsDeviceOptions;
  modbus: SensorDeviceOptions;
}

/** A started simulator: what the commands act on and how to stop it (the port stays open). */
export interface KindSimulator<K extends DriverKind> {
  commanded: CommandedSimulator<K>;
  stop(): void;
}

/** Two door readers as an installer would find them on the bus; the OUI is a made-up one for the simulator. */
export function defaultReaders(): SimulatedPdConfig[] {
  return [1, 2].map((address) => ({ address, vendor: 0xd07c5e, model: 1, version: 1, serial: 0x51d00000 + address, firmware: { major: 1, minor: 2, build: 0 } }));
}

/** NX-584 zone names are 16 ASCII characters on the panel. */
export const defaultZoneNames = ['FRONT DOOR', 'BACK DOOR', 'MACHINE ROOM PIR', 'STORE ROOM PIR', 'SERVER ROOM DOOR', 'WINDOW EAST', 'WINDOW WEST', 'SMOKE CORRIDOR'];

export const defaultPanelPin = '1234';

export function sensorModel(options: SensorDeviceOptions): ModbusDeviceModel {
  const id = options.modelId ?? 'th-rs485-generic';
  const model = options.model ?? shippedModbusModel(id);
  if (!model) throw new AppError('devices.sim.badOptions', 'devices.sim.badOptions', { reason: `no shipped Modbus model "${id}"` });
  return model;
}

export function startReceiver(port: BytePort, options: ReceiverDeviceOptions): KindSimulator<'contact-id'> {
  const simulator = createReceiverSimulator({ port, receiver: options.receiver, line: options.line, ackTimeoutMs: options.ackTimeoutMs });
  const heartbeatMs = options.heartbeatMs === undefined ? 30_000 : options.heartbeatMs;
  if (heartbeatMs !== null) simulator.startHeartbeats(heartbeatMs);
  return {
    commanded: { kind: 'contact-id', target: { simulator, heartbeatMs }, line: simulator, silent: false },
    stop: () => simulator.close(),
  };
}

export function startOsdpBus(port: BytePort, options: OsdpBusOptions): KindSimulator<'osdp'> {
  const pds = options.pds ?? defaultReaders();
  const simulator = createOsdpPdSimulator({ port, pds });
  const target = { simulator, addresses: pds.map((pd) => pd.address), offline: new Set<number>(), tamper: new Set<number>(), powerFailed: new Set<number>() };
  return { commanded: { kind: 'osdp', target, line: simulator, silent: false }, stop: () => simulator.stop() };
}

export function startPanel(port: BytePort, options: PanelDeviceOptions): KindSimulator<'nx584'> {
  const zones = options.zones ?? 8;
  const simulator = createNx584PanelSimulator({
    port,
    framing: options.framing ?? 'binary',
    zones,
    partitions: 1,
    pin: options.pin ?? defaultPanelPin,
    zoneNames: options.zoneNames ?? defaultZoneNames,
  });
  const target = { simulator, zones, faulted: new Set<number>(), acFail: false, lowBattery: false };
  return { commanded: { kind: 'nx584', target, line: simulator, silent: false }, stop: () => simulator.stop() };
}

export function startUps(port: BytePort, options: UpsDeviceOptions): KindSimulator<'megatec'> {
  const simulator = createUpsSimulator({ port, ...options });
  return { commanded: { kind: 'megatec', target: { simulator }, line: simulator, silent: false }, stop: () => simulator.stop() };
}

export function startSensor(port: BytePort, options: SensorDeviceOptions): KindSimulator<'modbus'> {
  const model = sensorModel(options);
  const simulator = createModbusSimulator({ port, model, slaveAddress: options.slaveAddress });
  return { commanded: { kind: 'modbus', target: { simulator, model }, line: simulator, silent: false }, stop: () => simulator.stop() };
}
