// The core's live sign-ins, each known by its resume token, and the pages (transport sessions) that hold them.
import { randomBytes } from 'node:crypto';
import type { SessionEndReason } from '../../../shared/contract/operators';
import type { OperatorSession } from '../context';

/** How long a closed connection's resume token stays good: long enough for a page reload, not for a walk-up. */
export const resumeGraceMs = 2 * 60_000;

/** A transport session as the registry sees it: its state, and how to tell its page that the core signed it out. */
export interface OpenSession {
  readonly state: OperatorSession;
  ended(reason: SessionEndReason): void;
}

interface SignIn {
  operatorId: string;
  /** Open sessions using the token (a page's own connection, and any other it opens). */
  holders: number;
  closedAt: number | null;
  /** The last login or `auth.activity` through any of its sessions: what the idle lock measures. */
  lastActiveAt: number;
}

/*
 * A sign-in is one login: the page that made it, its reloads and its other connections share the token. Logout and
 * the idle lock end one sign-in; a password change or a disabled account ends every sign-in of the operator. In
 * memory only: a restart of the core signs everyone out.
 */
export class SignIns {
  private readonly tokens = new Map<string, SignIn>();
  private readonly sessions = new Set<OpenSession>();

  issue(operatorId: string, now: number): string {
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { operatorId, holders: 1, closedAt: null, lastActiveAt: now });
    return token;
  }

  /** The operator a live (or recently closed) token belongs to; the token passes to the session that takes it. */
  take(token: string, now: number): string | null {
    const entry = this.tokens.get(token);
    if (!entry) return null;
    if (entry.closedAt !== null && now - entry.closedAt > resumeGraceMs) {
      this.tokens.delete(token);
      return null;
    }
    entry.holders += 1;
    entry.closedAt = null;
    return entry.operatorId;
  }

  /** The session holding it closed (a reload, a lost connection): good for a short grace period. */
  release(token: string, now: number): void {
    const entry = this.tokens.get(token);
    if (!entry) return;
    entry.holders = Math.max(0, entry.holders - 1);
    if (entry.holders === 0) entry.closedAt = now;
  }

  touch(token: string, now: number): void {
    const entry = this.tokens.get(token);
    if (entry) entry.lastActiveAt = Math.max(entry.lastActiveAt, now);
  }

  /** Milliseconds since the sign-in's last activity; null for a token that is gone. */
  idleFor(token: string, now: number): number | null {
    const entry = this.tokens.get(token);
    return entry ? now - entry.lastActiveAt : null;
  }

  operatorOf(token: string): string | null {
    return this.tokens.get(token)?.operatorId ?? null;
  }

  /** Every live token, for the idle watch. */
  live(): string[] {
    return [...this.tokens.keys()];
  }

  attach(session: OpenSession): void {
    this.sessions.add(session);
  }

  detach(session: OpenSession): void {
    this.sessions.delete(session);
  }

  /** Ends one sign-in: the token stops resuming, and every session holding it is signed out and told so, but `quiet`. */
  endSignIn(token: string, reason: SessionEndReason, quiet?: OperatorSession): void {
    this.end((t) => t === token, reason, quiet);
  }

  /** Ends every sign-in of an operator except `keepToken`'s (the page that changed its own password). */
  endOperator(operatorId: string, reason: SessionEndReason, keepToken: string | null = null): void {
    this.end((t, entry) => entry.operatorId === operatorId && t !== keepToken, reason);
  }

  private end(match: (token: string, entry: SignIn) => boolean, reason: SessionEndReason, quiet?: OperatorSession): void {
    const ended = new Set<string>();
    for (const [token, entry] of this.tokens) {
      if (!match(token, entry)) continue;
      this.tokens.delete(token);
      ended.add(token);
    }
    for (const session of this.sessions) {
      const token = session.state.resumeToken;
      if (token === null || !ended.has(token)) continue;
      session.state.operatorId = null;
      session.state.resumeToken = null;
      if (session.state !== quiet) session.ended(reason);
    }
  }
}
