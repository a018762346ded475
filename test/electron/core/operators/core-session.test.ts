import { describe, expect, it } from 'vitest';
import type { EventListener } from '../../../../electron/core/core';
import { createAccessState } from '../../../../electron/core/operators/access-state';
import { openCoreSession, type PagePush } from '../../../../electron/core/operators/core-session';

describe('a core session\'s events', () => {
  it('tells a page with nobody signed in only that the core turned to its error screen, and stops at close', () => {
    const listeners = new Set<EventListener>();
    const heard: string[] = [];
    const push: PagePush = (event) => heard.push(event);
    const session = openCoreSession(
      {
        ctx: null,
        access: createAccessState(),
        dispatch: async () => ({ ok: true, value: null }),
        onEvent: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
      push,
    );
    for (const l of listeners) {
      l('alarms.changed', { ids: ['a1'] });
      l('journal.appended', { fromSeq: 1, toSeq: 1, count: 1 });
      l('system.changed', {});
    }
    expect(heard).toEqual(['system.changed']);
    session.close();
    expect(listeners.size).toBe(0);
  });
});
