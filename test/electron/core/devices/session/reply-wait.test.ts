import { describe, expect, it } from 'vitest';
import { createReplyWait } from '../../../../../electron/core/devices/session/reply-wait';

type Outcome = { kind: 'reply'; text: string } | { kind: 'noReply' };

describe('reply wait', () => {
  it('settles the awaited request with its reply, and stops its timeout', async () => {
    const wait = createReplyWait<string, Outcome>();
    const outcome = wait.begin('Q1', 5);
    wait.expireAfter(20, { kind: 'noReply' });
    expect(wait.current).toMatchObject({ request: 'Q1', sentAt: 5 });
    expect(wait.settle({ kind: 'reply', text: '(230.0' })).toMatchObject({ request: 'Q1' });
    await expect(outcome).resolves.toEqual({ kind: 'reply', text: '(230.0' });
    expect(wait.current).toBeUndefined();
    expect(wait.settle({ kind: 'noReply' })).toBeUndefined();
  });

  it('settles with the timeout outcome when nothing answered in time', async () => {
    const wait = createReplyWait<string, Outcome>();
    const outcome = wait.begin('Q1', 0);
    wait.expireAfter(20, { kind: 'noReply' });
    await expect(outcome).resolves.toEqual({ kind: 'noReply' });
    expect(wait.current).toBeUndefined();
  });
});
