import { join } from 'node:path';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../../../shared/contract';
import type { DeviceAlarm } from '../../../../shared/domain/devices/device-signals';
import { decodeInboxItems, insertInboxRows } from '../../../../electron/core/alarms/alarm-inbox';
import { type AlarmIngest, type AlarmIngestOptions, createAlarmIngest } from '../../../../electron/core/alarms/alarm-ingest';
import { openInboxWriter } from '../../../../electron/core/alarms/inbox-writer';
import { listAlarms } from '../../../../electron/core/alarms/alarm-service';
import { ensureBuiltinCatalog } from '../../../../electron/core/assets/catalog-service';
import type { CoreContext } from '../../../../electron/core/context';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { listEntries } from '../../../../electron/core/journal/service';
import { verifyChain } from '../../../../electron/core/journal/verify-chain';
import { tempDir } from '../../../support/temp-core';

const alarm = (fields: Partial<DeviceAlarm> = {}): DeviceAlarm => ({
  conditionKey: 'cid:1234:130:01:001',
  state: 'raised',
  eventCode: 'cid.130',
  severity: 'critical',
  text: { zh: '盗警', en: 'Burglary' },
  point: '防区 001',
  at: 1_000,
  detail: { zone: '001' },
  ...fields,
});

describe('the alarm ingest', () => {
  let ctx: CoreContext;
  let dbPath: string;
  let events: { name: EventName; payload: unknown }[];
  let now = 10_000;
  beforeEach(async () => {
    const dataDir = tempDir();
    dbPath = join(dataDir, 'alarms.sqlite');
    const db = await openDatabase(dbPath);
    await ensureBuiltinCatalog(db);
    events = [];
    now = 10_000;
    ctx = {
      db,
      dataDir,
      clock: { now: () => now },
      journalKey: Buffer.alloc(32, 7),
      newId: uuidv7,
      emit: <E extends EventName>(name: E, payload: EventMap[E]) => void events.push({ name, payload }),
    };
  });
  let ingests: AlarmIngest[] = [];
  const newIngest = async (options?: AlarmIngestOptions) => {
    const ingest = createAlarmIngest(ctx, await openInboxWriter(dbPath), options);
    ingests.push(ingest);
    return ingest;
  };
  afterEach(async () => {
    for (const ingest of ingests) await ingest.stop();
    ingests = [];
    await ctx.db.destroy();
  });

  const receiver = { deviceId: 'dev-1', deviceName: '接警机', assetId: null };
  const named = (name: EventName) => events.filter((e) => e.name === name).map((e) => e.payload);
  /** Hands an alarm in and waits until it is recorded too. */
  const recorded = (ingest: AlarmIngest) => {
    const handle = ingest.handlerFor(receiver);
    return async (a: DeviceAlarm) => {
      await handle(a);
      await ingest.idle();
    };
  };

  it('commits alarms arriving during a commit together in the next inbox statement, answers each once committed, then records them', async () => {
    const ingest = await newIngest();
    const handlers = [0, 1, 2, 3, 4].map((d) => ingest.handlerFor({ ...receiver, deviceId: `dev-${d}` }));
    const inInbox: boolean[] = [];
    const calls = Array.from({ length: 60 }, (_, i) =>
      handlers[i % 5]!(alarm({ conditionKey: `k${i}`, eventCode: 'cid.570', severity: 'minor' })).then(async () => {
        // Answered: the alarm is on disk, in the inbox or (if recording already got to it) as an alarm row.
        const inbox = await ctx.db.selectFrom('alarm_inbox').select('items').execute();
        const row = await ctx.db.selectFrom('alarm').select('id').where('condition_key', '=', `k${i}`).executeTakeFirst();
        inInbox.push(Boolean(row) || inbox.some((r) => decodeInboxItems(r.items).some((item) => item.alarm.conditionKey === `k${i}`)));
      }),
    );
    await Promise.all(calls);
    expect(inInbox).toEqual(Array(60).fill(true));
    // The first alarm went in alone at once; the 59 that came while it was committed shared the next statement.
    const sequence = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'alarm_inbox'`.execute(ctx.db);
    expect(sequence.rows).toEqual([{ seq: 2 }]);
    await ingest.idle();
    const rows = await ctx.db.selectFrom('alarm').select(['condition_key', 'device_id']).orderBy('seq').execute();
    expect(rows.map((r) => r.condition_key)).toEqual(Array.from({ length: 60 }, (_, i) => `k${i}`));
    expect(rows.map((r) => r.device_id).slice(0, 6)).toEqual(['dev-0', 'dev-1', 'dev-2', 'dev-3', 'dev-4', 'dev-0']);
    expect(await ctx.db.selectFrom('alarm_inbox').select('seq').execute()).toEqual([]);
    expect(named('alarms.raised')).toHaveLength(60);
    expect(named('journal.appended').reduce((n: number, p) => n + (p as { count: number }).count, 0)).toBe(60);
  });

  it('bumps repeats for a raise already active, clears it on restore, and keeps status and unmatched restores as history', async () => {
    const ingest = await newIngest();
    const handle = recorded(ingest);
    await handle(alarm({ eventCode: 'cid.570', conditionKey: 'bypass' }));
    await handle(alarm({ eventCode: 'cid.570', conditionKey: 'bypass', at: 2_000 }));
    await handle(alarm({ eventCode: 'cid.401', conditionKey: 'user:3', state: 'status', severity: 'info' }));
    await handle(alarm({ eventCode: 'cid.570', conditionKey: 'never-raised', state: 'restored' }));
    let list = await listAlarms(ctx.db, { scope: 'active', limit: 10 });
    expect(list.items.map((a) => [a.conditionKey, a.state])).toEqual([['bypass', 'active']]);
    expect(list.unacknowledged).toBe(1);
    const rows = await ctx.db.selectFrom('alarm').select(['condition_key', 'state', 'repeats', 'raised_at', 'last_raised_at', 'ack_required']).orderBy('seq').execute();
    expect(rows).toEqual([
      { condition_key: 'bypass', state: 'active', repeats: 1, raised_at: 1_000, last_raised_at: 2_000, ack_required: 1 },
      { condition_key: 'user:3', state: 'status', repeats: 0, raised_at: 1_000, last_raised_at: 1_000, ack_required: 0 },
      { condition_key: 'never-raised', state: 'restored', repeats: 0, raised_at: 1_000, last_raised_at: 1_000, ack_required: 0 },
    ]);
    expect(named('alarms.raised')).toHaveLength(1);

    await handle(alarm({ eventCode: 'cid.570', conditionKey: 'bypass', state: 'restored', at: 3_000 }));
    list = await listAlarms(ctx.db, { scope: 'active', limit: 10 });
    expect(list.items.map((a) => [a.conditionKey, a.state, a.restoredAt])).toEqual([['bypass', 'restored', 3_000]]);
    // Raised again after its restore: a new alarm, a new row.
    await handle(alarm({ eventCode: 'cid.570', conditionKey: 'bypass', at: 4_000 }));
    expect(await ctx.db.selectFrom('alarm').select('id').where('condition_key', '=', 'bypass').execute()).toHaveLength(2);
    const types = await ctx.db.selectFrom('journal').select('type').orderBy('seq').execute();
    expect(types.map((r) => r.type)).toEqual(['alarm.raised', 'alarm.raised', 'alarm.status', 'alarm.restored', 'alarm.restored', 'alarm.raised']);
  });

  it('applies raises, repeats and restores of one condition in arrival order when they share a transaction', async () => {
    const ingest = await newIngest();
    const handle = ingest.handlerFor(receiver);
    await handle(alarm({ eventCode: 'cid.570', conditionKey: 'old', at: 500 }));
    await ingest.idle();
    // Handed in together: the first is committed at once, the six that came meanwhile share the next inbox row; the two
    // rows are recorded in one transaction.
    const calls = [
      handle(alarm({ eventCode: 'cid.570', conditionKey: 'warm-up', state: 'status', severity: 'info' })),
      handle(alarm({ eventCode: 'cid.570', conditionKey: 'old', state: 'restored', at: 1_000 })),
      handle(alarm({ eventCode: 'cid.570', conditionKey: 'old', at: 1_100 })),
      handle(alarm({ eventCode: 'cid.570', conditionKey: 'new', at: 1_200 })),
      handle(alarm({ eventCode: 'cid.570', conditionKey: 'new', at: 1_300, detail: { zone: '002' } })),
      handle(alarm({ eventCode: 'cid.570', conditionKey: 'new', state: 'restored', at: 1_400 })),
      handle(alarm({ eventCode: 'cid.570', conditionKey: 'new', at: 1_500 })),
    ];
    await Promise.all(calls);
    await ingest.idle();
    expect(named('journal.appended').map((p) => (p as { count: number }).count)).toEqual([1, 7]);
    const rows = await ctx.db.selectFrom('alarm').select(['condition_key', 'state', 'repeats', 'raised_at', 'last_raised_at', 'restored_at', 'detail']).orderBy('seq').execute();
    expect(rows).toEqual([
      { condition_key: 'old', state: 'restored', repeats: 0, raised_at: 500, last_raised_at: 500, restored_at: 1_000, detail: '{"zone":"001"}' },
      { condition_key: 'warm-up', state: 'status', repeats: 0, raised_at: 1_000, last_raised_at: 1_000, restored_at: null, detail: '{"zone":"001"}' },
      { condition_key: 'old', state: 'active', repeats: 0, raised_at: 1_100, last_raised_at: 1_100, restored_at: null, detail: '{"zone":"001"}' },
      { condition_key: 'new', state: 'restored', repeats: 1, raised_at: 1_200, last_raised_at: 1_300, restored_at: 1_400, detail: '{"zone":"002"}' },
      { condition_key: 'new', state: 'active', repeats: 0, raised_at: 1_500, last_raised_at: 1_500, restored_at: null, detail: '{"zone":"001"}' },
    ]);
    // A new raise sounds once; the repeat and the restores do not. Each raise carries the alarm as it was then.
    const raised = named('alarms.raised').map((p) => (p as { alarm: { conditionKey: string; raisedAt: number; state: string } }).alarm);
    expect(raised.map((a) => [a.conditionKey, a.raisedAt, a.state])).toEqual([
      ['old', 500, 'active'],
      ['old', 1_100, 'active'],
      ['new', 1_200, 'active'],
      ['new', 1_500, 'active'],
    ]);
    // Still listed until acknowledged, newest first: the restored ones too.
    const list = await listAlarms(ctx.db, { scope: 'active', limit: 10 });
    expect(list.items.map((a) => [a.conditionKey, a.state])).toEqual([
      ['new', 'active'],
      ['new', 'restored'],
      ['old', 'active'],
      ['old', 'restored'],
    ]);
  });

  it('opens an incident by the most specific enabled rule, at its level and under its system', async () => {
    const ingest = await newIngest();
    const handle = recorded(ingest);
    await ctx.db
      .insertInto('alarm_rule')
      .values([
        { id: 'r-110', event_pattern: 'cid.110', label_zh: '火警（不开单）', label_en: 'Fire, no ticket', open_incident: 0, level: 'I', system_id: 'intrusion', enabled: 1, updated_at: 1 },
        { id: 'r-cid', event_pattern: 'cid.*', label_zh: '其他', label_en: 'Other', open_incident: 1, level: 'IV', system_id: 'integration', enabled: 1, updated_at: 1 },
        { id: 'r-111', event_pattern: 'cid.111', label_zh: '停用', label_en: 'Disabled', open_incident: 0, level: 'IV', system_id: 'intrusion', enabled: 0, updated_at: 1 },
      ])
      .execute();
    await handle(alarm({ eventCode: 'cid.110', conditionKey: 'a' }));
    await handle(alarm({ eventCode: 'cid.111', conditionKey: 'b' }));
    await handle(alarm({ eventCode: 'cid.999', conditionKey: 'c' }));
    await handle(alarm({ eventCode: 'ups.bypass', conditionKey: 'd' }));
    const incidents = await ctx.db
      .selectFrom('alarm as a')
      .leftJoin('incident as i', 'i.id', 'a.incident_id')
      .select(['a.condition_key', 'i.level', 'i.system_id', 'i.reporter', 'i.reported_by'])
      .orderBy('a.seq')
      .execute();
    expect(incidents).toEqual([
      { condition_key: 'a', level: null, system_id: null, reporter: null, reported_by: null },
      { condition_key: 'b', level: 'I', system_id: 'intrusion', reporter: '系统自动 (接警机)', reported_by: 'system' },
      { condition_key: 'c', level: 'IV', system_id: 'integration', reporter: '系统自动 (接警机)', reported_by: 'system' },
      { condition_key: 'd', level: null, system_id: null, reporter: null, reported_by: null },
    ]);
    expect(named('incidents.changed')).toHaveLength(2);
  });

  it('refuses at the door only an alarm that could not be recorded, not the others handed in with it', async () => {
    const ingest = await newIngest();
    const handle = ingest.handlerFor(receiver);
    const first = handle(alarm({ conditionKey: 'first', eventCode: 'cid.570' }));
    const broken = alarm({ conditionKey: 'broken', eventCode: 'cid.570', text: { zh: null, en: 'x' } as unknown as DeviceAlarm['text'] });
    const outcomes = await Promise.allSettled([
      first,
      handle(alarm({ conditionKey: 'before', eventCode: 'cid.570' })),
      handle(broken),
      handle(alarm({ conditionKey: 'after', eventCode: 'cid.570', detail: { nested: {} } as unknown as DeviceAlarm['detail'] })),
      handle(alarm({ conditionKey: 'last', eventCode: 'cid.570' })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toContain('text must have zh and en');
    expect(String((outcomes[3] as PromiseRejectedResult).reason)).toContain('detail.nested');
    await ingest.idle();
    const keys = await ctx.db.selectFrom('alarm').select('condition_key').orderBy('seq').execute();
    expect(keys.map((k) => k.condition_key)).toEqual(['first', 'before', 'last']);
    expect(await ctx.db.selectFrom('journal').select('type').execute()).toHaveLength(3);
  });

  it('records at the next start what a console that stopped after answering left in the inbox, in arrival order', async () => {
    const writer = await openInboxWriter(dbPath);
    const left = (key: string, state: DeviceAlarm['state'], at: number) => ({ source: receiver, alarm: alarm({ conditionKey: key, eventCode: 'cid.130', state, at }) });
    await insertInboxRows(writer, 5, [left('z1', 'raised', 1)], 250);
    await insertInboxRows(writer, 6, [left('z2', 'raised', 2), left('z1', 'restored', 3)], 250);
    await writer.close();
    expect(await ctx.db.selectFrom('alarm_inbox').select('seq').execute()).toHaveLength(2);

    const ingest = await newIngest();
    await ingest.resume();
    await ingest.idle();
    const rows = await ctx.db.selectFrom('alarm').select(['condition_key', 'state', 'raised_at', 'restored_at']).orderBy('seq').execute();
    expect(rows).toEqual([
      { condition_key: 'z1', state: 'restored', raised_at: 1, restored_at: 3 },
      { condition_key: 'z2', state: 'active', raised_at: 2, restored_at: null },
    ]);
    expect(await ctx.db.selectFrom('alarm_inbox').select('seq').execute()).toEqual([]);
    expect(named('alarms.raised')).toHaveLength(2);
  });

  it('sets aside an alarm the database will not take, keeps it with the reason and journals it; the others are recorded', async () => {
    await sql`create trigger poison before insert on alarm when new.condition_key = 'poison' begin select raise(abort, 'poisoned for the test'); end`.execute(ctx.db);
    const ingest = await newIngest();
    const handle = ingest.handlerFor(receiver);
    await Promise.all(['a', 'poison', 'b'].map((key) => handle(alarm({ conditionKey: key, eventCode: 'cid.570' }))));
    await ingest.idle();
    const keys = await ctx.db.selectFrom('alarm').select('condition_key').orderBy('seq').execute();
    expect(keys.map((k) => k.condition_key)).toEqual(['a', 'b']);
    const aside = await ctx.db.selectFrom('alarm_inbox').select(['items', 'error']).execute();
    expect(aside).toHaveLength(1);
    expect(aside[0]!.error).toContain('poisoned for the test');
    expect(decodeInboxItems(aside[0]!.items)).toEqual([{ source: receiver, alarm: alarm({ conditionKey: 'poison', eventCode: 'cid.570' }) }]);
    const entries = await listEntries(ctx.db, { typePrefix: 'alarm.setAside', limit: 5 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityType: 'link', entityId: receiver.deviceId, payload: { reason: expect.stringContaining('poisoned') } });
    expect(await verifyChain(ctx.db, { key: ctx.journalKey, record: { keyedFrom: 1, checkpoints: [] } })).toMatchObject({ ok: true, checked: 3 });
    // The banner's list says so, until an engineer has dealt with it.
    expect(await listAlarms(ctx.db, { scope: 'active', limit: 10 })).toMatchObject({ unacknowledged: 2, setAside: 1 });
    // A set-aside alarm is not tried again at the next start (nor lost).
    const next = await newIngest();
    await next.resume();
    await next.idle();
    expect(await ctx.db.selectFrom('alarm_inbox').select('seq').execute()).toHaveLength(1);
  });

  it('keeps the inbox and tries again while the database refuses to grow, then records everything', async () => {
    const ingest = await newIngest({ retryDelayMs: 20, maxRetryDelayMs: 40 });
    const handle = ingest.handlerFor(receiver);
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(ctx.db);
    // Room for the inbox row (a few pages) but not for the alarm row and journal entry that repeat its 40 kB detail.
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count + 14}`).execute(ctx.db);
    const bulky = alarm({ conditionKey: 'bulky', eventCode: 'cid.570', detail: { note: 'x'.repeat(40_000) } });
    await handle(bulky);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await ctx.db.selectFrom('alarm').select('id').execute()).toEqual([]);
    expect(await ctx.db.selectFrom('alarm_inbox').select('seq').execute()).toHaveLength(1);
    await sql`pragma max_page_count = 1073741823`.execute(ctx.db);
    const recorded = async () => (await ctx.db.selectFrom('alarm').select('condition_key').execute()).map((r) => r.condition_key);
    for (let i = 0; i < 100 && (await recorded()).length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await recorded()).toEqual(['bulky']);
    await ingest.idle();
    expect(await ctx.db.selectFrom('alarm_inbox').select('seq').execute()).toEqual([]);
  });

  it('refuses an alarm while the inbox cannot take it (the device resends it) and takes the resent one once it can', async () => {
    const ingest = await newIngest();
    const handle = ingest.handlerFor(receiver);
    await handle(alarm({ conditionKey: 'before' }));
    await ingest.idle();
    // The inbox is written on a connection of its own: a trigger refuses for every connection.
    await sql`create trigger inbox_refuses before insert on alarm_inbox begin select raise(abort, 'inbox refuses (test)'); end`.execute(ctx.db);
    const resent = alarm({ conditionKey: 'resent', eventCode: 'cid.570' });
    await expect(handle(resent)).rejects.toThrow(/inbox refuses/);
    expect(await ctx.db.selectFrom('alarm_inbox').select('seq').execute()).toEqual([]);
    await sql`drop trigger inbox_refuses`.execute(ctx.db);
    // The resend goes through the same prepared inbox statement that failed.
    await handle(resent);
    await ingest.idle();
    expect((await ctx.db.selectFrom('alarm').select('condition_key').orderBy('seq').execute()).map((r) => r.condition_key)).toEqual(['before', 'resent']);
  });

  it('keeps recording while a receiver sends one event per answer, many to a transaction', async () => {
    // Never quiet for 50 ms: recording goes ahead every 20 ms anyway, with every row waiting by then.
    const ingest = await newIngest({ quietMs: 50, maxYieldMs: 20 });
    const handle = ingest.handlerFor(receiver);
    const count = 300;
    for (let i = 0; i < count; i += 1) await handle(alarm({ conditionKey: `z${i}`, eventCode: 'cid.602', state: 'status', severity: 'info' }));
    const recordedMeanwhile = (await ctx.db.selectFrom('alarm').select('id').execute()).length;
    expect(recordedMeanwhile).toBeGreaterThan(count / 2);
    await ingest.idle();
    expect(await ctx.db.selectFrom('alarm').select('id').execute()).toHaveLength(count);
    // 300 inbox rows, far fewer transactions.
    expect(named('journal.appended').length).toBeLessThan(count / 5);
  });

  it('lists the active alarms most severe first, then newest', async () => {
    const ingest = await newIngest();
    const handle = recorded(ingest);
    await handle(alarm({ conditionKey: 'minor-old', eventCode: 'x.a', severity: 'minor', at: 1 }));
    await handle(alarm({ conditionKey: 'critical-old', eventCode: 'x.b', severity: 'critical', at: 2 }));
    await handle(alarm({ conditionKey: 'major', eventCode: 'x.c', severity: 'major', at: 3 }));
    await handle(alarm({ conditionKey: 'critical-new', eventCode: 'x.d', severity: 'critical', at: 4 }));
    const active = await listAlarms(ctx.db, { scope: 'active', limit: 10 });
    expect(active.items.map((a) => a.conditionKey)).toEqual(['critical-new', 'critical-old', 'major', 'minor-old']);
    const history = await listAlarms(ctx.db, { scope: 'all', limit: 2, beforeRaisedAt: 4 });
    expect(history.items.map((a) => a.conditionKey)).toEqual(['major', 'critical-old']);
  });
});
