// The rules that turn some alarms into incidents: list, create, update, remove, each journaled.
import { AppError } from '../../../shared/contract/app-error';
import type { AlarmRule, AlarmRuleInput } from '../../../shared/contract/alarms';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction } from '../journal/service';
import { toAlarmRule } from './alarm-rows';

export async function listAlarmRules(db: Db | Trx): Promise<AlarmRule[]> {
  return (await db.selectFrom('alarm_rule').selectAll().orderBy('event_pattern').orderBy('seq').execute()).map(toAlarmRule);
}

/** In table order (seq), so a tie between equally specific patterns always goes to the older rule. */
export async function enabledRules(db: Db | Trx): Promise<AlarmRule[]> {
  return (await db.selectFrom('alarm_rule').selectAll().where('enabled', '=', 1).orderBy('seq').execute()).map(toAlarmRule);
}

async function checkRule(trx: Trx, input: AlarmRuleInput, exceptId: string | null): Promise<void> {
  const system = await trx.selectFrom('catalog_system').select('id').where('id', '=', input.systemId).executeTakeFirst();
  if (!system) throw new AppError('catalog_unknown_system', 'catalog_unknown_system', { systemId: input.systemId });
  let same = trx.selectFrom('alarm_rule').select('id').where('event_pattern', '=', input.eventPattern);
  if (exceptId) same = same.where('id', '!=', exceptId);
  if (await same.executeTakeFirst()) throw new AppError('alarm_rule_duplicate_pattern', 'alarm_rule_duplicate_pattern', { eventPattern: input.eventPattern });
}

function columns(input: AlarmRuleInput, now: number) {
  return {
    event_pattern: input.eventPattern,
    label_zh: input.label.zh,
    label_en: input.label.en,
    open_incident: input.openIncident ? (1 as const) : (0 as const),
    level: input.level,
    system_id: input.systemId,
    enabled: input.enabled ? (1 as const) : (0 as const),
    updated_at: now,
  };
}

async function requireRule(trx: Trx, id: string): Promise<AlarmRule> {
  const row = await trx.selectFrom('alarm_rule').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('alarm_rule_not_found', 'alarm_rule_not_found', { id });
  return toAlarmRule(row);
}

export async function createAlarmRule(ctx: CoreContext, call: CallContext, input: AlarmRuleInput): Promise<AlarmRule> {
  return inTransaction(ctx, async (trx, journal) => {
    await checkRule(trx, input, null);
    const id = ctx.newId();
    const row = await trx.insertInto('alarm_rule').values({ id, ...columns(input, ctx.clock.now()) }).returningAll().executeTakeFirstOrThrow();
    const rule = toAlarmRule(row);
    await journal({ type: 'alarm_rule.created', entityType: 'alarm_rule', entityId: id, payload: rule, operator: call.operator });
    return rule;
  });
}

export async function updateAlarmRule(ctx: CoreContext, call: CallContext, id: string, input: AlarmRuleInput): Promise<AlarmRule> {
  return inTransaction(ctx, async (trx, journal) => {
    const before = await requireRule(trx, id);
    await checkRule(trx, input, id);
    const row = await trx.updateTable('alarm_rule').set(columns(input, ctx.clock.now())).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const rule = toAlarmRule(row);
    await journal({ type: 'alarm_rule.updated', entityType: 'alarm_rule', entityId: id, payload: { before, after: rule }, operator: call.operator });
    return rule;
  });
}

export async function removeAlarmRule(ctx: CoreContext, call: CallContext, id: string): Promise<null> {
  return inTransaction(ctx, async (trx, journal) => {
    const before = await requireRule(trx, id);
    await trx.deleteFrom('alarm_rule').where('id', '=', id).execute();
    await journal({ type: 'alarm_rule.removed', entityType: 'alarm_rule', entityId: id, payload: before, operator: call.operator });
    return null;
  });
}
