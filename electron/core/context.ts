// What every service function receives: the database and the sources of time, ids and events.
import type { EventMap, EventName } from '../../shared/contract';
import type { OperatorRole } from '../../shared/domain/incidents/incident-lifecycle';
import type { Db } from './db/database';

export interface Clock {
  now(): number;
}

export interface CoreContext {
  db: Db;
  /** The data directory: the database file, and files kept beside it (attachments). */
  dataDir: string;
  clock: Clock;
  /** New UUIDv7 ids (time-ordered). */
  newId(): string;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
}

/**
 * Who is acting, set by the transport for each call. `role` arrives with operators and login
 * (the duty-room issue); until then transports act as the local administrator.
 */
export interface CallContext {
  operator: string;
  role?: OperatorRole;
}
