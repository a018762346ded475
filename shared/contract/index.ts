// The whole contract: every method the core answers and every event it pushes.
import type { z } from 'zod';
import { type AlarmRaised, alarmsContract, type AlarmsChanged } from './alarms';
import { alertsContract } from './alerts';
import { assetsContract } from './assets';
import { backupsContract } from './backups';
import type { MethodSpec } from './define';
import { type LinksChanged, linksContract } from './links';
import { demoContract } from './demo';
import { dispatchContract } from './dispatch';
import { dutyContract } from './duty';
import { escalationsContract } from './escalations';
import { incidentsContract, type IncidentsChanged } from './incidents';
import { journalContract } from './journal';
import { maintenanceContract, type MaintenanceChanged } from './maintenance';
import { operatorsContract, type SessionEnded } from './operators';
import { problemsContract } from './problems';
import { readingsContract } from './readings';
import { repairsContract } from './repairs';
import { reportsContract } from './reports';
import { wallContract } from './wall';
import { type SyncStatus, syncContract } from './sync';
import { updatesContract } from './updates';
import { powerContract } from './power';
import { systemContract } from './system';

export const contract = { ...systemContract, ...journalContract, ...assetsContract, ...incidentsContract, ...alertsContract, ...operatorsContract, ...dutyContract, ...linksContract, ...alarmsContract, ...demoContract, ...syncContract, ...maintenanceContract, ...problemsContract, ...escalationsContract, ...dispatchContract, ...repairsContract, ...readingsContract, ...wallContract, ...reportsContract, ...backupsContract, ...updatesContract, ...powerContract };

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
  /** Configured links changed, or their state did (connected, reconnecting, offline…). */
  'links.changed': LinksChanged;
  'incidents.changed': IncidentsChanged;
  /** Consultations or defects were recorded or moved a step: read them again. */
  'problems.changed': { ids: string[] };
  /** Escalations were raised or acknowledged: the supervisor's queue reads them again. */
  'escalations.changed': { ids: string[] };
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
  /** The upstream link or its queue changed (connected/offline, waiting/parked counts, drain progress): the header's indicator. */
  'sync.changed': SyncStatus;
}
export type EventName = keyof EventMap;
export const eventNames: EventName[] = [
  'alarms.raised',
  'alarms.changed',
  'assets.changed',
  'links.changed',
  'incidents.changed',
  'problems.changed',
  'escalations.changed',
  'journal.appended',
  'journal.verifyProgress',
  'maintenance.changed',
  'session.ended',
  'system.changed',
  'sync.changed',
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
export * from './links';
export * from './assets';
export * from './backups';
export * from './updates';
export * from './power';
export * from './demo';
export * from './dispatch';
export * from './duty';
export * from './escalations';
export * from './incidents';
export * from './journal';
export * from './maintenance';
export * from './operators';
export * from './sync';
export * from './problems';
export * from './repairs';
export * from './reports';
export * from './system';
