// The whole contract: every method the core answers and every event it pushes.
import type { z } from 'zod';
import { alertsContract } from './alerts';
import { assetsContract } from './assets';
import type { MethodSpec } from './define';
import { dutyContract } from './duty';
import { incidentsContract, type IncidentsChanged } from './incidents';
import { journalContract } from './journal';
import { operatorsContract } from './operators';
import { systemContract } from './system';

export const contract = { ...systemContract, ...journalContract, ...assetsContract, ...incidentsContract, ...alertsContract, ...operatorsContract, ...dutyContract };

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
  'assets.changed': { ids: string[] };
  'incidents.changed': IncidentsChanged;
  /** One per committed change: the range of journal entries it appended (an import may add thousands). */
  'journal.appended': { fromSeq: number; toSeq: number; count: number };
  /** The core's own state changed (the background integrity check failed): read system.info again. */
  'system.changed': Record<string, never>;
}
export type EventName = keyof EventMap;
export const eventNames: EventName[] = ['assets.changed', 'incidents.changed', 'journal.appended', 'system.changed'];

/** What the renderer holds: one way to call, one way to listen, whichever transport carries them. */
export interface ConsoleClient {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  subscribe<E extends EventName>(event: E, handler: (payload: EventMap[E]) => void): () => void;
}

export * from './alerts';
export * from './app-error';
export * from './assets';
export * from './duty';
export * from './incidents';
export * from './journal';
export * from './operators';
export * from './system';
