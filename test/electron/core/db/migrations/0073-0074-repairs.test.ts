import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

async function migratedWithIncidentAndDevices(upTo: string) {
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
  await sql`pragma foreign_keys = on`.execute(db);
  const migrator = new Migrator({ db, provider: migrationProvider });
  expect((await migrator.migrateTo('0072-engineer-dispatch')).error).toBeUndefined();
  expect((await migrator.migrateTo(upTo)).error).toBeUndefined();
  // The incident's and devices' own references (the catalog) are not what these tests are about.
  await sql`pragma foreign_keys = off`.execute(db);
  await sql`insert into incident (id, number, level, suggested_level, suggestion_basis, state, system_id, title, description, location, reporter,
    callback_phone, device_text, occurred_at, fault_type, cause, method, loss, prevention, plan, emergency_plan, reported_at, reported_by, updated_at)
    values ('i1', 'GZ-1', 'III', 'III', 'chosen', 'reported', 'cctv', 't', 'd', '', 'r', '', '', 1, '', '', '', '', '', '', '', 1, 'a', 1)`.execute(db);
  for (const id of ['dev-faulty', 'dev-spare']) {
    await sql`insert into device (id, system_id, type_id, name, brand, model, serial_no, asset_tag, building, floor, room, rack, address, status, notes, created_at, updated_at)
      values (${id}, 'cctv', 'camera', ${id}, '', '', '', ${id}, '', '', '', '', '', 'in_service', '', 1, 1)`.execute(db);
  }
  await sql`pragma foreign_keys = on`.execute(db);
  return db;
}

describe('migration 0073: repair parts and spare loans', () => {
  it('keeps a wearing part free and a main part charged, a stocked part naming its stock row, and one open loan per spare', async () => {
    const db = await migratedWithIncidentAndDevices('0073-repair-parts-spare-loans');
    const part = { id: 'p1', incident_id: 'i1', device_id: 'dev-faulty', kind: 'main' as const, name: '电源', quantity: 1, unit_cost_fen: 12_000, source: 'stock' as const, stock_system_id: 'cctv', stock_type_id: 'camera-psu', note: '', recorded_by: 'zhang', recorded_at: 1 };
    await db.insertInto('repair_part').values(part).execute();
    await db.insertInto('repair_part').values({ ...part, id: 'p2', kind: 'wearing', unit_cost_fen: 0, source: 'bought', stock_system_id: null, stock_type_id: null }).execute();
    await expect(db.insertInto('repair_part').values({ ...part, id: 'p3', kind: 'wearing' }).execute()).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('repair_part').values({ ...part, id: 'p4', unit_cost_fen: 0 }).execute()).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('repair_part').values({ ...part, id: 'p5', stock_type_id: null }).execute()).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('repair_part').values({ ...part, id: 'p6', source: 'bought' }).execute()).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('repair_part').values({ ...part, id: 'p7', quantity: 0 }).execute()).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('repair_part').values({ ...part, id: 'p8', incident_id: 'nope' }).execute()).rejects.toThrow(/FOREIGN KEY/);
    expect(await db.selectFrom('repair_part').select(['id', 'currency']).orderBy('seq').execute()).toEqual([{ id: 'p1', currency: 'CNY' }, { id: 'p2', currency: 'CNY' }]);

    const loan = { id: 'l1', incident_id: 'i1', spare_device_id: 'dev-spare', faulty_device_id: 'dev-faulty', borrower: '李经理', lent_at: 1, due_at: null, lent_by: 'zhang', note: '', returned_at: null, returned_by: null, return_note: '' };
    await db.insertInto('spare_loan').values(loan).execute();
    await expect(db.insertInto('spare_loan').values({ ...loan, id: 'l2' }).execute()).rejects.toThrow(/UNIQUE/);
    await expect(db.insertInto('spare_loan').values({ ...loan, id: 'l3', faulty_device_id: 'dev-spare' }).execute()).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('spare_loan').values({ ...loan, id: 'l4', spare_device_id: 'nope', returned_at: 2 }).execute()).rejects.toThrow(/FOREIGN KEY/);
    // Returned, the unit may go out again.
    await db.updateTable('spare_loan').set({ returned_at: 5, returned_by: 'zhang' }).where('id', '=', 'l1').execute();
    await db.insertInto('spare_loan').values({ ...loan, id: 'l5', lent_at: 6 }).execute();
    expect(await db.selectFrom('spare_loan').select(['id', 'returned_at']).orderBy('seq').execute()).toEqual([{ id: 'l1', returned_at: 5 }, { id: 'l5', returned_at: null }]);
    await db.destroy();
  });
});

describe('migration 0074: replacement quotes', () => {
  it('holds quotes of known incidents and devices, options of known quotes with a price above zero and a known kind', async () => {
    const db = await migratedWithIncidentAndDevices('0074-replacement-quotes');
    const quote = { id: 'q1', incident_id: 'i1', device_id: 'dev-faulty', note: '', recorded_by: 'zhang', recorded_at: 1, chosen_option_id: null, chosen_by: null, choice_recorded_by: null, chosen_at: null, choice_note: '' };
    await db.insertInto('replacement_quote').values(quote).execute();
    await expect(db.insertInto('replacement_quote').values({ ...quote, id: 'q2', device_id: 'nope' }).execute()).rejects.toThrow(/FOREIGN KEY/);
    const option = { id: 'o1', quote_id: 'q1', kind: 'same_model' as const, brand: '海康', model: 'X', price_fen: 100, supplier: 's', valid_until: '2026-12-31', note: '' };
    await db.insertInto('replacement_option').values(option).execute();
    await expect(db.insertInto('replacement_option').values({ ...option, id: 'o2', price_fen: 0 }).execute()).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('replacement_option').values({ ...option, id: 'o3', kind: 'cheaper' as 'same_model' }).execute()).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('replacement_option').values({ ...option, id: 'o4', quote_id: 'nope' }).execute()).rejects.toThrow(/FOREIGN KEY/);
    expect(await db.selectFrom('replacement_option').select(['id', 'currency']).execute()).toEqual([{ id: 'o1', currency: 'CNY' }]);
    await db.destroy();
  });
});
