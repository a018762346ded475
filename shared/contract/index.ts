// The whole contract: every method the core answers and every event it pushes.
import type { z } from 'zod';
import { type AlarmRaised, alarmsContract, type AlarmsChanged } from './alarms';
import { alertsContract } from './alerts';
import { assetsContract } from './assets';
import type { MethodSpec } from './define';
import { type DevicesChanged, devicesContract } from './devices';
import { demoContract } from './demo';
import { dutyContract } from './duty';
import { incidentsContract, type IncidentsChanged } from './incidents';
import { journalContract } from './journal';
import { maintenanceContract, type MaintenanceChanged } from './maintenance';
import { operatorsContract, type SessionEnded } from './operators';
import { systemContract } from './system';

export const contract = { ...systemContract, ...journalContract, ...assetsContract, ...incidentsContract, ...alertsContract, ...operatorsContract, ...dutyContract, ...devicesContract, ...alarmsContract, ...demoContract, ...maintenanceContract };

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Events the core pushes to every connected UI. */
export interface EventMap {
  /** A device alarm was raised (not a repeat of one still active): the banner and the sound. */
  'alarms.raised': AlarmRaised;
  /** Alarms were raised, restored, repeated or acknowledged: read alarms.list again. */
  'alarms.changed': AlarmsChanged;
  'assets.changed': { ids: string[] };
  /** Configured devices changed, or their link state did (connected, reconnecting, offline…). */
  'devices.changed': DevicesChanged;
  'incidents.changed': IncidentsChanged;
  /** One per committed change: the range of journal entries it appended (an import may add thousands). */
  'journal.appended': { fromSeq: number; toSeq: number; count: number };
  /** How far a running `journal.verify` has come (after each batch of entries). */
  'journal.verifyProgress': { checked: number; total: number };
  /** Maintenance tasks were made, filled in or finished: read the due list and open tasks again. */
  'maintenance.changed': MaintenanceChanged;
  /**
   * This page's sign-in was ended by the core (logout elsewhere, idle lock, password changed, account disabled);
   * pushed only to the pages it ends, never broadcast.
   */
  'session.ended': SessionEnded;
  /** The core's own state changed (the background integrity check failed): read system.info again. */
  'system.changed': Record<string, never>;
}
export type EventName = keyof EventMap;
export const eventNames: EventName[] = [
  'alarms.raised',
  'alarms.changed',
  'assets.changed',
  'devices.changed',
  'incidents.changed',
  'journal.appended',
  'journal.verifyProgress',
  'maintenance.changed',
  'session.ended',
  'system.changed',
];

/** What the renderer holds: one way to call, one way to listen, whichever transport carries them. */
export interface ConsoleClient {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  subscribe<E extends EventName>(event: E, handler: (payload: EventMap[E]) => void): () => void;
}

export * from './alarms';
export * from './alerts';
export * from './app-error';
export * from './device-protocols';
export * from './devices';
// Both assets (a register device's status) and devices (a link's live status) name a DeviceStatus: from here it is
// the register's; the link's is imported from './devices'.
export type { DeviceStatus } from './assets';
export * from './assets';
export * from './demo';
export * from './duty';
export * from './incidents';
export * from './journal';
export * from './maintenance';
export * from './operators';
export * from './system';
