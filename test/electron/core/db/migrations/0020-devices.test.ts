import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import type { LinkTable } from '../../../../../electron/core/devices/schema';
import { migrationProvider, migrations } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

/** The schema as of 0020: migration 0041 renamed the table to `link`. */
type Database0020 = Omit<Database, 'link'> & { device_endpoint: LinkTable };

async function migratedTo(name: string): Promise<Kysely<Database0020>> {
  const db = new Kysely<Database0020>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
  await sql`pragma foreign_keys = on`.execute(db);
  expect((await new Migrator({ db, provider: migrationProvider }).migrateTo(name)).error).toBeUndefined();
  return db;
}

const endpoint = {
  id: 'e1',
  name: 'UPS',
  driver: 'megatec' as const,
  port_path: '/dev/ttyUSB0',
  match_serial_number: 'FT1',
  match_vendor_id: '0403',
  match_product_id: '6001',
  baud_rate: 2400,
  data_bits: 8 as const,
  parity: 'none' as const,
  stop_bits: 1 as const,
  protocol: '{}',
  asset_id: null,
  enabled: 1 as const,
  created_at: 1,
  updated_at: 1,
};

describe('migration 0020: device endpoints', () => {
  it('adds the device_endpoint table after the migrations before it', async () => {
    const before = Object.keys(migrations).sort().filter((name) => name < '0020-devices').at(-1)!;
    const db = await migratedTo(before);
    expect((await sql`select name from sqlite_master where name = 'device_endpoint'`.execute(db)).rows).toEqual([]);
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo('0020-devices')).error).toBeUndefined();
    await db.insertInto('device_endpoint').values(endpoint).execute();
    expect(await db.selectFrom('device_endpoint').select(['driver', 'stop_bits', 'match_serial_number']).execute()).toEqual([
      { driver: 'megatec', stop_bits: 1, match_serial_number: 'FT1' },
    ]);
    await db.destroy();
  });

  it('refuses an unknown driver, odd serial settings and an asset that is not in the register', async () => {
    const db = await migratedTo('0020-devices');
    const insert = (fields: Record<string, unknown>) => db.insertInto('device_endpoint').values({ ...endpoint, ...fields }).execute();
    await expect(insert({ id: 'a', driver: 'bacnet' })).rejects.toThrow(/CHECK constraint/);
    await expect(insert({ id: 'b', data_bits: 9 })).rejects.toThrow(/CHECK constraint/);
    await expect(insert({ id: 'c', stop_bits: 3 })).rejects.toThrow(/CHECK constraint/);
    await expect(insert({ id: 'd', asset_id: 'no-such-asset' })).rejects.toThrow(/FOREIGN KEY/);
    await insert({ id: 'e', stop_bits: 1.5 });
    await expect(insert({ id: 'e' })).rejects.toThrow(/UNIQUE/);
    expect((await db.selectFrom('device_endpoint').select('id').execute()).map((r) => r.id)).toEqual(['e']);
    await db.destroy();
  });
});
