// The one interface every ticket system's connector fills (Redmine is the first): the sync engine calls only this.
import type { SyncCheck } from '../../../shared/contract/sync';
import type { IncidentState } from '../../../shared/domain/incidents/incident-lifecycle';
import type { SlaLevel } from '../../../shared/domain/incidents/sla-levels';

export interface UpstreamFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
}

/** Which tracker a ticket goes in: incidents reported by a person or opened by an alarm, defects, maintenance records. */
export type TicketTracker = 'reported' | 'alarm' | 'defect' | 'maintenance';

/** The status a ticket is given: an incident's state, or one of the other records' (the mapping's recordStatuses). */
export type TicketStatus = IncidentState | 'defectReported' | 'defectReplied' | 'maintenanceFinished';

/** A new ticket: everything the service center needs to act on the record. */
export interface NewTicket {
  /**
   * The record's console id, written into the ticket's console-id field: how it is found again (an incident's
   * plain id, `defect:<id>`, `maintenance:<id>`).
   */
  consoleId: string;
  subject: string;
  description: string;
  tracker: TicketTracker;
  /** The SLA level (priority and field); null: the ticket system's default priority. */
  level: SlaLevel | null;
  status: TicketStatus;
  siteName: string;
  /** Files attached to the ticket as it is made (a maintenance record's summary). */
  files?: UpstreamFile[];
}

/** A later step: a note carrying its marker, and what it changes on the ticket. */
export interface TicketUpdate {
  /** The note's text; it ends with the marker `findNote` looks for. */
  notes: string;
  state?: TicketStatus;
  level?: SlaLevel;
  files?: UpstreamFile[];
}

/** One change made upstream on a ticket (a journal in Redmine's words). */
export interface UpstreamChange {
  /** Grows per ticket: what has been brought back is remembered by it. */
  id: number;
  author: string;
  at: number;
  notes: string;
  /** The new status's name, when the change set one. */
  status: string | null;
  /** The new assignee's name ('' when unassigned), when the change set one. */
  assignee: string | null;
}

export interface TicketChanges {
  ticketId: number;
  /** Oldest first; the connector's own changes are left out. */
  changes: UpstreamChange[];
  /** The newest change id on the ticket, own ones included: remembered so they are not read again. */
  newestChangeId: number;
}

export interface ChangesPage {
  tickets: TicketChanges[];
  /** Give it back to the next call; opaque to the engine. */
  cursor: string;
}

export interface TicketConnector {
  /** Checks the key and resolves the mapping's names; throws AppError (sync_key_refused, sync_mapping_missing, …). */
  connect(): Promise<void>;
  /** Makes the ticket in the status asked for (a second call sets it when the ticket system starts new ones elsewhere). */
  createTicket(ticket: NewTicket): Promise<number>;
  /**
   * A ticket found by `findTicket` after an unknown outcome: takes the steps `createTicket` may not have reached (its
   * status), only while nobody has changed the ticket since it was made.
   */
  completeTicket(ticketId: number, ticket: NewTicket): Promise<void>;
  /** Changes the ticket and adds the note (files attached with it) in one call: it happens wholly or not at all. */
  updateTicket(ticketId: number, update: TicketUpdate): Promise<void>;
  addNote(ticketId: number, notes: string): Promise<void>;
  attachFile(ticketId: number, file: UpstreamFile, notes: string): Promise<void>;
  /** The ticket carrying this console id, if any (after an unknown outcome, before creating again). */
  findTicket(consoleId: string): Promise<number | null>;
  /** Whether a note containing `marker` is on the ticket (after an unknown outcome, before sending again). */
  findNote(ticketId: number, marker: string): Promise<boolean>;
  /**
   * Changes on this console's tickets since `cursor` (null: every ticket once). `seen` gives, for a ticket of this
   * console, the newest change id already brought back (0: none), and null for a ticket that is not this console's.
   */
  changesSince(cursor: string | null, seen: (ticketId: number) => Promise<number | null>): Promise<ChangesPage>;
  /** A link to the ticket in the ticket system's web UI. */
  ticketUrl(ticketId: number): string;
  /** "Test connection": URL, TLS, proxy, key, project and every mapped name, in plain-words checks. */
  check(): Promise<SyncCheck[]>;
}
