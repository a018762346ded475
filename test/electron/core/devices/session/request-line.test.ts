import { describe, expect, it } from 'vitest';
import type { SessionHandlers } from '../../../../../electron/core/devices/driver-session';
import { createRequestLine } from '../../../../../electron/core/devices/session/request-line';
import { sleep } from '../../../../support/eventually';

const handlers: SessionHandlers = { alarm: async () => undefined, reading: () => undefined, traffic: () => undefined };
const linkText = { lost: { zh: '通信中断', en: 'Link lost' }, restored: { zh: '通信恢复', en: 'Link restored' } };

function line(running = () => true) {
  return createRequestLine<string, { kind: 'reply'; text: string }>({ handlers, now: Date.now, replyTimeoutMs: 40, linkLostAfterMs: 1000, linkText, running });
}

describe('request line', () => {
  it('sends the next request only once the one before it is answered or timed out', async () => {
    const l = line();
    const sent: string[] = [];
    const send = async (request: string): Promise<void> => {
      sent.push(request);
      if (request === 'Q1') setTimeout(() => l.awaited.settle({ kind: 'reply', text: '(230.0' }), 10);
    };
    const first = l.exchange('Q1', send);
    const second = l.exchange('F', send);
    expect(sent).toEqual([]);
    await expect(first).resolves.toEqual({ kind: 'reply', text: '(230.0' });
    expect(sent).toEqual(['Q1', 'F']);
    await expect(second).resolves.toEqual({ kind: 'noReply' });
  });

  it('says why no reply came: the write failed, or the session is not running', async () => {
    const l = line();
    await expect(l.exchange('Q1', async () => Promise.reject(new Error('port gone')))).resolves.toEqual({ kind: 'writeFailed', reason: 'port gone' });
    let sent = false;
    const stopped = line(() => false);
    await expect(stopped.exchange('Q1', async () => void (sent = true))).resolves.toEqual({ kind: 'stopped' });
    expect(sent).toBe(false);
  });

  it('ends the awaited request as stopped when the session stops', async () => {
    const l = line();
    const outcome = l.exchange('Q1', async () => undefined);
    await sleep(5);
    l.stop();
    await expect(outcome).resolves.toEqual({ kind: 'stopped' });
  });
});
