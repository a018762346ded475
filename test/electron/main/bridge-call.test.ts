// One call over the desktop bridge: refused senders and unknown methods never reach the core; the rest run in the window's session.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/contract/app-error';
import { answerBridgeCall } from '../../../electron/main/bridge-call';
import { startTempCore, type TempCore } from '../../support/temp-core';

const ourPage = { url: 'app://duty-console/index.html', isTopLevel: true };

function fakeCore() {
  return { call: vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: 'answered' })) };
}

describe('answerBridgeCall', () => {
  let temp: TempCore | null = null;
  afterEach(async () => {
    await temp?.close();
    temp = null;
  });

  it('refuses a call from a foreign page without asking the core', async () => {
    const core = fakeCore();
    const result = await answerBridgeCall(core, { url: 'https://evil.example/', isTopLevel: true }, 'system.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender', params: { reason: 'foreign_origin' } } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses a call from an iframe of our own page', async () => {
    const core = fakeCore();
    const result = await answerBridgeCall(core, { ...ourPage, isTopLevel: false }, 'system.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender', params: { reason: 'not_top_level' } } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses a call whose frame is gone', async () => {
    const core = fakeCore();
    expect(await answerBridgeCall(core, null, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses a method the contract does not name, including prototype keys', async () => {
    const core = fakeCore();
    for (const method of ['system.shutdown', '__proto__', 'constructor', 42, null, { name: 'system.info' }]) {
      expect(await answerBridgeCall(core, ourPage, method, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(core.call).not.toHaveBeenCalled();
  });

  it('hands a known method from our page to the window\'s session', async () => {
    const session = fakeCore();
    expect(await answerBridgeCall(session, ourPage, 'catalog.list', {})).toEqual({ ok: true, value: 'answered' });
    expect(session.call).toHaveBeenCalledWith('catalog.list', {});
  });

  it('answers through a real core session: signed out it may only log in; signed in, zod rejects a bad input as a value', async () => {
    temp = await startTempCore();
    const session = temp.core.openSession();
    const info = await answerBridgeCall(session, ourPage, 'system.info', {});
    expect(info).toMatchObject({ ok: true, value: { dataDir: temp.dataDir } });
    expect(await answerBridgeCall(session, ourPage, 'assets.get', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'auth_required' } });
    const setup = await answerBridgeCall(session, ourPage, 'auth.setup', { name: 'admin', displayName: '管理员', password: 'correct horse' });
    expect(setup).toMatchObject({ ok: true, value: { operator: { name: 'admin', role: 'administrator' } } });
    const bad = await answerBridgeCall(session, ourPage, 'assets.get', { id: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', params: { method: 'assets.get' } } });
    session.close();
  });
});
