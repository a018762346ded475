// Pages on a test core, as a transport opens them: a session each, signed in by name, all closed after the test.
import { expect } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { CoreSession, PagePush } from '../../electron/core/operators/core-session';
import type { OperatorRole } from '../../shared/domain/operators/operator-roles';

export interface PageSessions {
  /** A new signed-out page; `push` receives the events the core sends that page. */
  open(push?: PagePush): CoreSession;
  /** A new page signed in as `name` (the test fails if the login does). */
  signedIn(name: string, password: string, push?: PagePush): Promise<CoreSession>;
  /**
   * A console's staff: the administrator `admin` set up on a page of its own (password `admin-pass-1`), then each
   * `[name, role]` created with the password `${name}-pass-1`; the ids by name.
   */
  staff(people: readonly (readonly [string, OperatorRole])[]): Promise<{ admin: CoreSession; ids: Record<string, string> }>;
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
    async staff(people) {
      const admin = pages.open();
      expect(await admin.call('auth.setup', { name: 'admin', displayName: '管理员', password: 'admin-pass-1' })).toMatchObject({ ok: true });
      const ids: Record<string, string> = {};
      for (const [name, role] of people) {
        const created = await admin.call('operators.create', { name, displayName: name, role, password: `${name}-pass-1` });
        expect(created).toMatchObject({ ok: true });
        ids[name] = (created as { value: { id: string } }).value.id;
      }
      return { admin, ids };
    },
    closeAll() {
      for (const s of open.splice(0)) s.close();
    },
  };
  return pages;
}
