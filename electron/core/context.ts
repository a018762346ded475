// What every service function receives: the database and the sources of time, ids and events.
import type { EventMap, EventName } from '../../shared/contract';
import type { OperatorRole } from '../../shared/domain/operators/operator-roles';
import type { Db } from './db/database';
import type { RecordPdfMaker } from './maintenance/record-pdf';

export interface Clock {
  now(): number;
}

export interface CoreContext {
  db: Db;
  /** The data directory: the database file, and files kept beside it (attachments). */
  dataDir: string;
  clock: Clock;
  /** The journal's HMAC key (journal/journal-key.ts), read once at start: appending entries touches no file. */
  journalKey: Buffer;
  /** New UUIDv7 ids (time-ordered). */
  newId(): string;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** Makes and keeps finished maintenance records' PDFs (absent in tests that build a context by hand). */
  recordPdf?: RecordPdfMaker;
}

/** A transport session's sign-in state (one per WebSocket connection or desktop window); see Core.openSession. */
export interface OperatorSession {
  operatorId: string | null;
  /** Lets the same page sign its next connection back in after a reload (auth.resume). */
  resumeToken: string | null;
}

/**
 * Who is acting. A transport session sets the signed-in operator's login name and role for every call, so every
 * journal entry carries the real operator. Trusted internal callers of Core.call (tests, benchmarks) may leave
 * `role` out: they act as administrator (see incidents/caller-role.ts).
 */
export interface CallContext {
  operator: string;
  role?: OperatorRole;
  /** The session the call came through; only auth.* methods use it. */
  session?: OperatorSession;
}
