// What every service function receives: the database and the sources of time, ids and events.
import type { EventMap, EventName } from '../../shared/contract';
import type { Db } from './db/database';

export interface Clock {
  now(): number;
}

export interface CoreContext {
  db: Db;
  clock: Clock;
  /** New UUIDv7 ids (time-ordered). */
  newId(): string;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
}

/** Who is acting: set by the transport for each call (login arrives with the duty-room issue). */
export interface CallContext {
  operator: string;
}
