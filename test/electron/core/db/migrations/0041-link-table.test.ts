import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

const columns = `id, name, driver, port_path, match_serial_number, match_vendor_id, match_product_id, baud_rate, data_bits,
  parity, stop_bits, protocol, asset_id, enabled, created_at, updated_at`;

describe('migration 0041: the device_endpoint table is named link', () => {
  it('keeps every configured link, its constraints and its asset index under the new name', async () => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
    await sql`pragma foreign_keys = on`.execute(db);
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0040-machine-room-alarm-rules')).error).toBeUndefined();
    await sql`insert into device_endpoint (${sql.raw(columns)})
      values ('e1', 'UPS', 'megatec', '/dev/ttyUSB0', 'FT1', '0403', '6001', 2400, 8, 'none', 1, '{"pollIntervalMs":5000}', null, 1, 1, 2)`.execute(db);

    expect((await migrator.migrateTo('0041-link-table')).error).toBeUndefined();

    const tables = await sql<{ name: string }>`select name from sqlite_master where name in ('device_endpoint', 'device_endpoint_asset', 'link', 'link_asset') order by name`.execute(db);
    expect(tables.rows.map((r) => r.name)).toEqual(['link', 'link_asset']);
    expect(await db.selectFrom('link').select(['id', 'name', 'driver', 'match_serial_number', 'protocol', 'enabled', 'updated_at']).execute()).toEqual([
      { id: 'e1', name: 'UPS', driver: 'megatec', match_serial_number: 'FT1', protocol: '{"pollIntervalMs":5000}', enabled: 1, updated_at: 2 },
    ]);
    const row = { id: 'e2', name: 'x', driver: 'modbus' as const, port_path: '/dev/ttyUSB1', match_serial_number: null, match_vendor_id: null, match_product_id: null, baud_rate: 9600, data_bits: 8 as const, parity: 'none' as const, stop_bits: 1 as const, protocol: '{}', asset_id: null, enabled: 1 as const, created_at: 3, updated_at: 3 };
    await expect(db.insertInto('link').values({ ...row, driver: 'bacnet' as 'modbus' }).execute()).rejects.toThrow(/CHECK constraint/);
    await expect(db.insertInto('link').values({ ...row, asset_id: 'no-such-asset' }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.insertInto('link').values({ ...row, id: 'e1' }).execute()).rejects.toThrow(/UNIQUE/);
    await db.insertInto('link').values(row).execute();
    expect((await db.selectFrom('link').select('seq').orderBy('seq').execute()).map((r) => r.seq)).toEqual([1, 2]);
    await db.destroy();
  });
});
