import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { ensureBuiltinCatalog } from '../../../../../electron/core/assets/catalog-service';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { startTempCore, tempDir } from '../../../../support/temp-core';

describe('migration 0002: device search tokens', () => {
  it('rebuilds the index of devices written before it, so they are found as devices written after it are', async () => {
    const dataDir = tempDir();
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(dataDir, databaseFileName)) }) });
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo('0001-foundation')).error).toBeUndefined();
    await ensureBuiltinCatalog(db);
    const { seq } = await db
      .insertInto('device')
      .values({
        id: 'old', system_id: 'cctv', type_id: 'dvr', name: '中心机房硬盘录像机', brand: '大华', model: 'DH-NVR4208-8P', serial_no: '5J0A3B1PAZ',
        asset_tag: 'ZC-000001', building: 'A座', floor: '3F', room: '中心机房', rack: '', address: '', install_date: null,
        warranty_end: null, status: 'faulty', notes: '', parent_id: null, created_at: 0, updated_at: 0,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    // What 0001's index held for it: the searchable words joined by " │ ".
    const text = '中心机房硬盘录像机 │ ZC-000001 │ 5J0A3B1PAZ │ DH-NVR4208-8P │ 大华 │ Dahua │ 安防监控系统 │ CCTV surveillance │ 硬盘录像机 │ DVR │ A座 │ 3F │ 中心机房';
    await sql`insert into device_search (rowid, text) values (${seq}, ${text})`.execute(db);
    await db.destroy();

    const t = await startTempCore({ dataDir });
    try {
      await t.call('assets.create', {
        name: '中心机房硬盘录像机', systemId: 'cctv', typeId: 'dvr', brand: '大华', model: 'DH-NVR4208-8P', serialNo: '5J0A3B1PAZ',
        assetTag: 'ZC-000002', building: 'A座', floor: '3F', room: '中心机房', status: 'faulty',
      });
      for (const q of ['机', '机房', '录像机', 'nvr42', 'dahua', 'dvr', '1pa', '监控', '硬盘录像机 A座']) {
        const found = await t.call('assets.search', { q });
        expect(found.items.map((d) => d.assetTag), q).toEqual(['ZC-000002', 'ZC-000001']);
      }
      for (const filter of [{ systemId: 'cctv' }, { status: 'faulty' as const }, { building: 'A座', floor: '3F', room: '中心机房' }]) {
        expect((await t.call('assets.search', { q: '录像', ...filter })).total, JSON.stringify(filter)).toBe(2);
      }
      expect((await t.call('assets.search', { q: 'ZC-000001' })).items.map((d) => d.id)).toEqual(['old']);
      expect((await t.call('assets.search', { q: '│' })).total).toBe(2);
    } finally {
      await t.close();
    }
  });
});
