// Whether the wall screen is on, and the wall key that gives a wall monitor's browser a lasting address: console
// settings, changed by an administrator, journaled (the key itself never goes into the journal).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { WallKey, WallSettings } from '../../../shared/contract/wall';
import type { CallContext, CoreContext } from '../context';
import type { Db } from '../db/database';
import { inTransaction } from '../journal/service';

const wallSettingKey = 'wallScreen';
const wallKeySettingKey = 'wallKey';
/** 24 random bytes, base64url: 32 characters, as the host's own token. */
const wallKeyBytes = 24;

export async function wallSettings(db: Db): Promise<WallSettings> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', wallSettingKey).executeTakeFirst();
  return { enabled: row?.value === 'true' };
}

async function writeSetting(db: Db, key: string, value: string, now: number): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

export async function setWallEnabled(ctx: CoreContext, call: CallContext, enabled: boolean): Promise<WallSettings> {
  return inTransaction(ctx, async (trx, journal) => {
    const before = await wallSettings(trx);
    if (before.enabled === enabled) return before;
    const now = ctx.clock.now();
    await writeSetting(trx, wallSettingKey, String(enabled), now);
    // The first time the wall is turned on it gets its key; turning it off and on again keeps the one it has.
    if (enabled && (await storedWallKey(trx)) === null) await writeSetting(trx, wallKeySettingKey, newWallKey(), now);
    await journal({ type: enabled ? 'wall.enabled' : 'wall.disabled', entityType: 'settings', entityId: 'console', payload: {}, operator: call.operator });
    return { enabled };
  });
}

function newWallKey(): string {
  return randomBytes(wallKeyBytes).toString('base64url');
}

async function storedWallKey(db: Db): Promise<string | null> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', wallKeySettingKey).executeTakeFirst();
  return row?.value ?? null;
}

export async function wallKey(db: Db): Promise<WallKey> {
  return { key: await storedWallKey(db) };
}

/** A new key: the wall address made with the old one stops at its next call. Journaled without the key. */
export async function rotateWallKey(ctx: CoreContext, call: CallContext): Promise<WallKey> {
  return inTransaction(ctx, async (trx, journal) => {
    const key = newWallKey();
    await writeSetting(trx, wallKeySettingKey, key, ctx.clock.now());
    await journal({ type: 'wall.keyRotated', entityType: 'settings', entityId: 'console', payload: {}, operator: call.operator });
    return { key };
  });
}

/** Whether `given` is the wall key now in force (compared in constant time). */
export async function wallKeyMatches(db: Db, given: string): Promise<boolean> {
  const key = await storedWallKey(db);
  if (key === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}
