// The main side of the bridge: `duty:call` answered through the sender check, core events pushed
// on `duty:event` to our own windows only.
import { describe, expect, it, vi } from 'vitest';
import type { Core, EventListener } from '../../../electron/core/core';
import { FakeWebContents, fakeElectron } from './fake-electron';

const electron = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeElectron> | null }));
vi.mock('electron', async () => {
  const { fakeElectron: make } = await import('./fake-electron');
  electron.current = make();
  return electron.current.module;
});

const { installIpcBridge } = await import('../../../electron/main/ipc-bridge');

/** A core whose sessions pass every event on to their window (which events a page hears is the core's to decide). */
function fakeCore() {
  const listeners = new Set<EventListener>();
  const call = vi.fn(async () => ({ ok: true as const, value: 'answered' }));
  const close = vi.fn();
  const core = {
    openSession: vi.fn((push: EventListener) => {
      listeners.add(push);
      return {
        call,
        close: () => {
          listeners.delete(push);
          close();
        },
        signedIn: true,
      };
    }),
  };
  const emit: EventListener = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  return { core: core as unknown as Core, call, close, openSession: core.openSession, emit, listeners };
}

function invokeEvent(url: string, parent: unknown = null, sender = new FakeWebContents()) {
  return { sender, senderFrame: { url, parent, isDestroyed: () => false } };
}

describe('installIpcBridge', () => {
  it('answers duty:call from our top-level page through the core', async () => {
    const { core, call } = fakeCore();
    const stop = installIpcBridge(core);
    const handle = electron.current!.handlers.get('duty:call')!;
    expect(await handle(invokeEvent('app://duty-console/index.html'), 'catalog.list', {})).toEqual({ ok: true, value: 'answered' });
    expect(call).toHaveBeenCalledWith('catalog.list', {});
    stop();
  });

  it('keeps one core session per window, closed when the window\'s contents are destroyed', async () => {
    const { core, openSession, close } = fakeCore();
    const stop = installIpcBridge(core);
    const handle = electron.current!.handlers.get('duty:call')!;
    const first = new FakeWebContents();
    const second = new FakeWebContents();
    await handle(invokeEvent('app://duty-console/index.html', null, first), 'auth.status', {});
    await handle(invokeEvent('app://duty-console/index.html', null, first), 'catalog.list', {});
    await handle(invokeEvent('app://duty-console/index.html', null, second), 'auth.status', {});
    expect(openSession).toHaveBeenCalledTimes(2);
    first.emit('destroyed');
    expect(close).toHaveBeenCalledTimes(1);
    await handle(invokeEvent('app://duty-console/index.html', null, first), 'auth.status', {});
    expect(openSession).toHaveBeenCalledTimes(3);
    stop();
    expect(close).toHaveBeenCalledTimes(3);
  });

  it('refuses duty:call from a subframe, a foreign page or a vanished frame', async () => {
    const { core, call } = fakeCore();
    const stop = installIpcBridge(core);
    const handle = electron.current!.handlers.get('duty:call')!;
    const refused = { ok: false, error: { code: 'forbidden_sender' } };
    expect(await handle(invokeEvent('app://duty-console/index.html', {}), 'catalog.list', {})).toMatchObject(refused);
    expect(await handle(invokeEvent('https://evil.example/'), 'catalog.list', {})).toMatchObject(refused);
    expect(await handle({ sender: new FakeWebContents(), senderFrame: null }, 'catalog.list', {})).toMatchObject(refused);
    const gone = { url: 'app://duty-console/', parent: null, isDestroyed: () => true };
    expect(await handle({ sender: new FakeWebContents(), senderFrame: gone }, 'catalog.list', {})).toMatchObject(refused);
    expect(call).not.toHaveBeenCalled();
    stop();
  });

  it('pushes a window\'s events to it while it shows our page, and to nothing else', async () => {
    const { core, emit } = fakeCore();
    const stop = installIpcBridge(core);
    const handle = electron.current!.handlers.get('duty:call')!;
    const ours = new FakeWebContents();
    const navigatedAway = new FakeWebContents();
    const closed = new FakeWebContents();
    for (const contents of [ours, navigatedAway, closed]) await handle(invokeEvent('app://duty-console/index.html', null, contents), 'auth.status', {});
    navigatedAway.url = 'https://example.com/';
    closed.destroyed = true;

    emit('session.ended', { reason: 'logout' });

    expect(ours.sent).toEqual([['duty:event', 'session.ended', { reason: 'logout' }]]);
    expect(navigatedAway.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
    stop();
  });

  it('stops answering and pushing once stopped', () => {
    const { core, listeners } = fakeCore();
    const stop = installIpcBridge(core);
    stop();
    expect(electron.current!.handlers.has('duty:call')).toBe(false);
    expect(listeners.size).toBe(0);
  });
});
