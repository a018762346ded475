// Migration 0072: engineers' grades (beside the operator table, which stays as it is) and dispatch records of incidents.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const existing = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'incident_dispatch'`.execute(trx);
    if (existing.rows.length === 0) await createTables(trx);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
async function createTables(db: Kysely<any>): Promise<void> {
  const grades = sql`('five_star', 'four_star', 'three_star')`;
  await db.schema
    .createTable('engineer_grade')
    .addColumn('operator_id', 'text', (c) => c.primaryKey().references('operator.id'))
    .addColumn('grade', 'text', (c) => c.notNull().check(sql`grade in ${grades}`))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('incident_dispatch')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('engineer_id', 'text', (c) => c.notNull().references('operator.id'))
    // The name and grade as they were when dispatched: the record does not change if the grade does later.
    .addColumn('engineer_name', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull().check(sql`grade in ${grades}`))
    .addColumn('dispatched_at', 'integer', (c) => c.notNull())
    .addColumn('expected_at', 'integer', (c) => c.notNull())
    .addColumn('arrived_at', 'integer')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_dispatch_incident').on('incident_dispatch').column('incident_id').execute();
}
