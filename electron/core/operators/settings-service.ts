// The console's settings (service hotlines and working hours, idle lock), and which hotline to call now.
import { type ConsoleSettings, consoleSettingsSchema, type HotlineNow } from '../../../shared/contract/operators';
import { defaultHotlineSettings, hotlineAt } from '../../../shared/domain/operators/hotline-schedule';
import type { CallContext, CoreContext } from '../context';
import type { Db } from '../db/database';
import { inTransaction } from '../journal/service';

export const defaultSettings: ConsoleSettings = { hotline: defaultHotlineSettings, idleLockMinutes: 10 };

type SettingKey = keyof ConsoleSettings;
const settingKeys = Object.keys(defaultSettings) as SettingKey[];

/** Stored values over the defaults; a stored value that no longer parses falls back to its default. */
export async function getSettings(db: Db): Promise<ConsoleSettings> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).where('key', 'in', settingKeys).execute();
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value) as unknown;
  const parsed = consoleSettingsSchema.safeParse({ ...defaultSettings, ...stored });
  return parsed.success ? parsed.data : defaultSettings;
}

export async function setSettings(ctx: CoreContext, call: CallContext, next: ConsoleSettings): Promise<ConsoleSettings> {
  const before = await getSettings(ctx.db);
  return inTransaction(ctx, async (trx, journal) => {
    const now = ctx.clock.now();
    const changed: Partial<Record<SettingKey, { from: unknown; to: unknown }>> = {};
    for (const key of settingKeys) {
      const value = JSON.stringify(next[key]);
      if (value === JSON.stringify(before[key])) continue;
      changed[key] = { from: before[key], to: next[key] };
      await trx
        .insertInto('setting')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    }
    if (Object.keys(changed).length > 0) {
      await journal({ type: 'settings.changed', entityType: 'settings', entityId: 'console', payload: changed, operator: call.operator });
    }
    return next;
  });
}

/** The hotline on duty at the core's now, in the site's time zone. */
export async function hotlineNow(ctx: CoreContext): Promise<HotlineNow> {
  return hotlineAt((await getSettings(ctx.db)).hotline, ctx.clock.now());
}
