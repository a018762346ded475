// The preload bridge: exactly `invoke` and `subscribe` on window.dutyConsole, carried on two channels.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { DutyConsoleBridge } from '../../../shared/contract/bridge';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: null as unknown as (channel: string, ...args: unknown[]) => Promise<unknown>,
  renderer: null as unknown as import('node:events').EventEmitter,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const renderer = new Emitter();
  fake.renderer = renderer;
  fake.invoke = vi.fn(async (_channel: string, method: unknown) => ({ ok: true, value: `answer to ${String(method)}` }));
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: Object.assign(renderer, { invoke: (...args: [string, ...unknown[]]) => fake.invoke(...args) }),
  };
});

await import('../../../electron/preload/preload');
const bridge = fake.exposed.get('dutyConsole') as DutyConsoleBridge;
const push = (name: unknown, payload: unknown) => (fake.renderer as EventEmitter).emit('duty:event', { sender: 'ipcRenderer' }, name, payload);

describe('the preload bridge', () => {
  it('exposes one object with invoke and subscribe, and no IPC primitives', () => {
    expect([...fake.exposed.keys()]).toEqual(['dutyConsole']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('invokes duty:call with the method and input and returns the result', async () => {
    expect(await bridge.invoke('system.info', {})).toEqual({ ok: true, value: 'answer to system.info' });
    expect(fake.invoke).toHaveBeenCalledWith('duty:call', 'system.info', {});
  });

  it('turns a failed IPC round trip into an error value, never a rejection', async () => {
    vi.mocked(fake.invoke).mockRejectedValueOnce(new Error('An object could not be cloned.'));
    expect(await bridge.invoke('assets.create', {})).toMatchObject({ ok: false, error: { code: 'ipc_failed' } });
  });

  it('delivers an event only to its own subscribers, with the payload alone', () => {
    const changed = vi.fn();
    const appended = vi.fn();
    const stopChanged = bridge.subscribe('assets.changed', changed);
    const stopAppended = bridge.subscribe('journal.appended', appended);
    push('assets.changed', { ids: ['d1'] });
    expect(changed).toHaveBeenCalledExactlyOnceWith({ ids: ['d1'] });
    expect(appended).not.toHaveBeenCalled();
    stopChanged();
    stopAppended();
  });

  it('stops delivering after unsubscribe, even when unsubscribed twice', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = bridge.subscribe('assets.changed', first);
    stopFirst();
    const stopSecond = bridge.subscribe('assets.changed', second);
    stopFirst();
    push('assets.changed', { ids: [] });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    stopSecond();
  });

  it('keeps one IPC listener however many subscriptions there are', () => {
    const stops = Array.from({ length: 20 }, () => bridge.subscribe('assets.changed', () => undefined));
    expect((fake.renderer as EventEmitter).listenerCount('duty:event')).toBe(1);
    for (const stop of stops) stop();
  });

  it('keeps delivering to other subscribers when one handler throws', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    const stopBad = bridge.subscribe('assets.changed', () => {
      throw new Error('boom');
    });
    const stopAfter = bridge.subscribe('assets.changed', after);
    push('assets.changed', { ids: [] });
    expect(after).toHaveBeenCalledOnce();
    stopBad();
    stopAfter();
    spy.mockRestore();
  });

  it('ignores pushes whose event name is not a string', () => {
    const handler = vi.fn();
    const stop = bridge.subscribe('assets.changed', handler);
    push(42, { ids: [] });
    expect(handler).not.toHaveBeenCalled();
    stop();
  });
});
