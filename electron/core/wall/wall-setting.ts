// Whether the wall screen is on: one console setting, turned on and off by an administrator, journaled.
import type { WallSettings } from '../../../shared/contract/wall';
import type { CallContext, CoreContext } from '../context';
import type { Db } from '../db/database';
import { inTransaction } from '../journal/service';

const wallSettingKey = 'wallScreen';

export async function wallSettings(db: Db): Promise<WallSettings> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', wallSettingKey).executeTakeFirst();
  return { enabled: row?.value === 'true' };
}

export async function setWallEnabled(ctx: CoreContext, call: CallContext, enabled: boolean): Promise<WallSettings> {
  return inTransaction(ctx, async (trx, journal) => {
    const before = await wallSettings(trx);
    if (before.enabled === enabled) return before;
    const now = ctx.clock.now();
    const value = String(enabled);
    await trx
      .insertInto('setting')
      .values({ key: wallSettingKey, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
    await journal({ type: enabled ? 'wall.enabled' : 'wall.disabled', entityType: 'settings', entityId: 'console', payload: {}, operator: call.operator });
    return { enabled };
  });
}
