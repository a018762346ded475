// Migration 0012: operator accounts (hashed passwords, lock-out counters) and the console's settings.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const existing = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'operator'`.execute(trx);
    if (existing.rows.length === 0) await createTables(trx);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
async function createTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('operator')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Login names are compared without regard to case: "Admin" and "admin" are one account.
    .addColumn('name', 'text', (c) => c.notNull().unique().modifyEnd(sql`collate nocase`))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('duty_guard', 'engineer', 'supervisor', 'administrator')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
}
