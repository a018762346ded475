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

function fakeCore() {
  const listeners = new Set<EventListener>();
  const call = vi.fn(async () => ({ ok: true as const, value: 'answered' }));
  const close = vi.fn();
  /** Whether the stand-in sessions have an operator signed in. */
  const state = { signedIn: true };
  const core = {
    openSession: vi.fn(() => ({
      call,
      close,
      get signedIn() {
        return state.signedIn;
      },
    })),
    onEvent: (listener: EventListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit: EventListener = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  return { core: core as unknown as Core, call, close, openSession: core.openSession, emit, listeners, state };
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

  it('pushes core events to signed-in windows showing our page, and to nothing else', async () => {
    const { core, emit } = fakeCore();
    const stop = installIpcBridge(core);
    const ours = new FakeWebContents();
    await electron.current!.handlers.get('duty:call')!(invokeEvent('app://duty-console/index.html', null, ours), 'auth.status', {});
    const foreign = Object.assign(new FakeWebContents(), { url: 'https://example.com/' });
    const devtools = Object.assign(new FakeWebContents(), { url: 'devtools://devtools/bundled/inspector.html', type: 'remote' });
    const closed = Object.assign(new FakeWebContents(), { destroyed: true });
    electron.current!.allWebContents.push(ours, foreign, devtools, closed);

    emit('assets.changed', { ids: ['d1'] });

    expect(ours.sent).toEqual([['duty:event', 'assets.changed', { ids: ['d1'] }]]);
    expect(foreign.sent).toEqual([]);
    expect(devtools.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
    electron.current!.allWebContents.length = 0;
    stop();
  });

  it('tells a window with nobody signed in only that the core turned to its error screen', async () => {
    const { core, emit, state } = fakeCore();
    state.signedIn = false;
    const stop = installIpcBridge(core);
    const loginScreen = new FakeWebContents();
    await electron.current!.handlers.get('duty:call')!(invokeEvent('app://duty-console/index.html', null, loginScreen), 'auth.status', {});
    electron.current!.allWebContents.push(loginScreen);

    emit('alarms.changed', { ids: ['a1'] });
    emit('system.changed', {});

    expect(loginScreen.sent).toEqual([['duty:event', 'system.changed', {}]]);
    electron.current!.allWebContents.length = 0;
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
