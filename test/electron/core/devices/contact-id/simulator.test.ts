import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract/app-error';
import type { ContactIdEventInput } from '../../../../../electron/core/devices/contact-id/encoder';
import { sleep } from '../../../../support/eventually';
import { receiverLinkPerTest } from './receiver-link';

const open = receiverLinkPerTest();

describe('receiver simulator', () => {
  it('resends an unanswered event three times, then gives up with a clear error', async () => {
    const { simulator, session } = await open({ ackTimeoutMs: 100 });
    session.stop();
    await expect(simulator.fireAlarm('1234', 3)).rejects.toMatchObject({ code: 'devices.contactId.notAcknowledged', params: { attempts: 4, lastReply: 'timeout' } });
    expect(simulator.stats()).toEqual({ sent: 4, acks: 0, naks: 0, timeouts: 4, retransmissions: 3 });
  });

  it('holds events while silenced and sends them when it may talk again', async () => {
    const { simulator, committed } = await open();
    simulator.silence(true);
    expect(await simulator.heartbeat()).toBe(false);
    const sending = simulator.fireAlarm('1234', 3);
    await sleep(300);
    expect(simulator.stats().sent).toBe(0);
    expect(committed).toEqual([]);
    simulator.silence(false);
    expect(await sending).toBe(1);
    expect(committed.map((alarm) => alarm.conditionKey)).toEqual(['cid:1234:110:01:003']);
  });

  it('refuses an event that cannot be encoded', async () => {
    const { simulator } = await open();
    await expect(simulator.sendEvent({ account: '12A4', qualifier: 'E', code: 110, group: 1, zone: 1 })).rejects.toMatchObject({
      code: 'devices.contactId.badEventField',
    });
    expect(simulator.stats().sent).toBe(0);
  });

  it('resends the NAKed events of a pipelined burst after the rest', async () => {
    let refused = false;
    const { simulator, committed } = await open({
      commit: async (alarm) => {
        if (alarm.detail['zone'] === '005' && !refused) {
          refused = true;
          throw new AppError('db.busy', 'db.busy');
        }
      },
    });
    const events: ContactIdEventInput[] = Array.from({ length: 10 }, (_, zone) => ({ account: '1234', qualifier: 'E', code: 130, group: 1, zone }));
    expect(await simulator.burst(events, 'pipelined')).toMatchObject({ delivered: 10, retransmissions: 1 });
    expect(committed.map((alarm) => alarm.detail['zone'])).toEqual(['000', '001', '002', '003', '004', '006', '007', '008', '009', '005']);
    expect(simulator.stats()).toMatchObject({ sent: 11, acks: 10, naks: 1 });
  });
});
