// Reading alarms (the banner's active list, a device's history) and acknowledging one with a comment.
import { sql } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { Alarm, AlarmList } from '../../../shared/contract/alarms';
import type { MethodArgs } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';
import type { Db } from '../db/database';
import { inTransaction } from '../journal/service';
import { selectAlarms, toAlarm } from './alarm-rows';

const severityRank = sql<number>`case a.severity when 'critical' then 0 when 'major' then 1 when 'minor' then 2 else 3 end`;

export async function listAlarms(db: Db, args: MethodArgs<'alarms.list'>): Promise<AlarmList> {
  let q = selectAlarms(db).limit(args.limit);
  if (args.deviceId) q = q.where('a.device_id', '=', args.deviceId);
  if (args.scope === 'active') {
    // The same predicate as the partial index alarm_open (migration 0021), so SQLite can use it.
    q = q
      .where((eb) => eb.or([eb('a.state', '=', 'active'), eb.and([eb('a.ack_required', '=', 1), eb('a.acknowledged_at', 'is', null)])]))
      .orderBy(severityRank)
      .orderBy('a.raised_at', 'desc')
      .orderBy('a.seq', 'desc');
  } else {
    if (args.beforeRaisedAt !== undefined) q = q.where('a.raised_at', '<', args.beforeRaisedAt);
    q = q.orderBy('a.raised_at', 'desc').orderBy('a.seq', 'desc');
  }
  let unacked = db.selectFrom('alarm').select((eb) => eb.fn.countAll<number>().as('n')).where('ack_required', '=', 1).where('acknowledged_at', 'is', null);
  if (args.deviceId) unacked = unacked.where('device_id', '=', args.deviceId);
  // Through the partial index alarm_inbox_set_aside (migration 0031): the alarms waiting to be recorded are not read.
  const setAside = db.selectFrom('alarm_inbox').select((eb) => eb.fn.countAll<number>().as('n')).where('error', 'is not', null);
  const [rows, count, aside] = await Promise.all([q.execute(), unacked.executeTakeFirstOrThrow(), setAside.executeTakeFirstOrThrow()]);
  return { items: rows.map(toAlarm), unacknowledged: Number(count.n), setAside: Number(aside.n) };
}

export async function acknowledgeAlarm(ctx: CoreContext, call: CallContext, args: MethodArgs<'alarms.acknowledge'>): Promise<Alarm> {
  const alarm = await inTransaction(ctx, async (trx, journal) => {
    const row = await trx.selectFrom('alarm').selectAll().where('id', '=', args.id).executeTakeFirst();
    if (!row) throw new AppError('alarm_not_found', 'alarm_not_found', { id: args.id });
    if (row.ack_required === 0) throw new AppError('alarm_not_acknowledgeable', 'alarm_not_acknowledgeable', { id: args.id, state: row.state });
    if (row.acknowledged_at !== null) {
      throw new AppError('alarm_already_acknowledged', 'alarm_already_acknowledged', { id: args.id, by: row.acknowledged_by ?? '' });
    }
    const now = ctx.clock.now();
    await trx.updateTable('alarm').set({ acknowledged_at: now, acknowledged_by: call.operator, ack_comment: args.comment }).where('id', '=', args.id).execute();
    await journal({
      type: 'alarm.acknowledged',
      entityType: 'alarm',
      entityId: args.id,
      payload: { deviceId: row.device_id, deviceName: row.device_name, eventCode: row.event_code, state: row.state, comment: args.comment },
      operator: call.operator,
    });
    return toAlarm(await selectAlarms(trx).where('a.id', '=', args.id).executeTakeFirstOrThrow());
  });
  ctx.emit('alarms.changed', { ids: [alarm.id] });
  return alarm;
}
