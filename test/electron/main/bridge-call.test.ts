// One call over the desktop bridge: refused senders and unknown methods never reach the core.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/contract/app-error';
import { answerBridgeCall, localOperator } from '../../../electron/main/bridge-call';
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

  it('hands a known method from our page to the core as the local operator', async () => {
    const core = fakeCore();
    expect(await answerBridgeCall(core, ourPage, 'catalog.list', {})).toEqual({ ok: true, value: 'answered' });
    expect(core.call).toHaveBeenCalledWith('catalog.list', {}, localOperator);
  });

  it('answers a real core, whose zod validation rejects a bad input as a value', async () => {
    temp = await startTempCore();
    const info = await answerBridgeCall(temp.core, ourPage, 'system.info', {});
    expect(info).toMatchObject({ ok: true, value: { dataDir: temp.dataDir } });
    const bad = await answerBridgeCall(temp.core, ourPage, 'assets.get', { id: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', params: { method: 'assets.get' } } });
  });
});
