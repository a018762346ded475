// Pages on a test core, as a transport opens them: a session each, signed in by name, all closed after the test.
import { expect } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { CoreSession, PagePush } from '../../electron/core/operators/core-session';

export interface PageSessions {
  /** A new signed-out page; `push` receives the events the core sends that page. */
  open(push?: PagePush): CoreSession;
  /** A new page signed in as `name` (the test fails if the login does). */
  signedIn(name: string, password: string, push?: PagePush): Promise<CoreSession>;
  closeAll(): void;
}

/** `core` is asked each time, as tests start a new core before each case. */
export function pageSessions(core: () => Core): PageSessions {
  const open: CoreSession[] = [];
  const pages: PageSessions = {
    open(push) {
      const session = core().openSession(push);
      open.push(session);
      return session;
    },
    async signedIn(name, password, push) {
      const session = pages.open(push);
      expect(await session.call('auth.login', { name, password })).toMatchObject({ ok: true });
      return session;
    },
    closeAll() {
      for (const s of open.splice(0)) s.close();
    },
  };
  return pages;
}
