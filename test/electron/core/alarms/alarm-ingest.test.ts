import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../../../shared/contract';
import type { DeviceAlarm } from '../../../../shared/domain/devices/device-signals';
import { createAlarmIngest } from '../../../../electron/core/alarms/alarm-ingest';
import { listAlarms } from '../../../../electron/core/alarms/alarm-service';
import { ensureBuiltinCatalog } from '../../../../electron/core/assets/catalog-service';
import type { CoreContext } from '../../../../electron/core/context';
import { openDatabase } from '../../../../electron/core/db/open-database';
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
  let events: { name: EventName; payload: unknown }[];
  let now = 10_000;
  beforeEach(async () => {
    const dataDir = tempDir();
    const db = await openDatabase(join(dataDir, 'alarms.sqlite'));
    await ensureBuiltinCatalog(db);
    events = [];
    now = 10_000;
    ctx = {
      db,
      dataDir,
      clock: { now: () => now },
      newId: uuidv7,
      emit: <E extends EventName>(name: E, payload: EventMap[E]) => void events.push({ name, payload }),
    };
  });
  afterEach(async () => {
    await ctx.db.destroy();
  });

  const receiver = { deviceId: 'dev-1', deviceName: '接警机', assetId: null };
  const named = (name: EventName) => events.filter((e) => e.name === name).map((e) => e.payload);

  it('commits alarms arriving during a commit together in the next transaction, each caller answered after its commit', async () => {
    const ingest = createAlarmIngest(ctx);
    const handlers = [0, 1, 2, 3, 4].map((d) => ingest.handlerFor({ ...receiver, deviceId: `dev-${d}` }));
    const committedAtAnswer: number[] = [];
    const calls = Array.from({ length: 60 }, (_, i) =>
      handlers[i % 5]!(alarm({ conditionKey: `k${i}`, eventCode: 'cid.570', severity: 'minor' })).then(async () => {
        const row = await ctx.db.selectFrom('alarm').select('id').where('condition_key', '=', `k${i}`).executeTakeFirst();
        committedAtAnswer.push(row ? 1 : 0);
      }),
    );
    await Promise.all(calls);
    expect(committedAtAnswer).toEqual(Array(60).fill(1));
    // The first alarm commits alone at once; the 59 that came while it committed share the next transaction.
    expect(named('journal.appended')).toEqual([
      { fromSeq: 1, toSeq: 1, count: 1 },
      { fromSeq: 2, toSeq: 60, count: 59 },
    ]);
    expect(named('alarms.raised')).toHaveLength(60);
    expect(named('alarms.changed')).toHaveLength(2);
  });

  it('bumps repeats for a raise already active, clears it on restore, and keeps status and unmatched restores as history', async () => {
    const ingest = createAlarmIngest(ctx);
    const handle = ingest.handlerFor(receiver);
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
    const ingest = createAlarmIngest(ctx);
    const handle = ingest.handlerFor(receiver);
    await handle(alarm({ eventCode: 'cid.570', conditionKey: 'old', at: 500 }));
    // Handed in while the first alarm's pump is still running: all seven share the next transaction.
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
    const ingest = createAlarmIngest(ctx);
    const handle = ingest.handlerFor(receiver);
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

  it('refuses only the alarm that cannot be recorded, not the others sharing its transaction', async () => {
    const ingest = createAlarmIngest(ctx);
    const handle = ingest.handlerFor(receiver);
    const first = handle(alarm({ conditionKey: 'first', eventCode: 'cid.570' }));
    const broken = alarm({ conditionKey: 'broken', eventCode: 'cid.570', text: { zh: null, en: 'x' } as unknown as DeviceAlarm['text'] });
    const outcomes = await Promise.allSettled([
      first,
      handle(alarm({ conditionKey: 'before', eventCode: 'cid.570' })),
      handle(broken),
      handle(alarm({ conditionKey: 'after', eventCode: 'cid.570' })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const keys = await ctx.db.selectFrom('alarm').select('condition_key').orderBy('seq').execute();
    expect(keys.map((k) => k.condition_key)).toEqual(['first', 'before', 'after']);
    const journaled = await ctx.db.selectFrom('journal').select('type').execute();
    expect(journaled).toHaveLength(3);
  });

  it('lists the active alarms most severe first, then newest', async () => {
    const ingest = createAlarmIngest(ctx);
    const handle = ingest.handlerFor(receiver);
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
