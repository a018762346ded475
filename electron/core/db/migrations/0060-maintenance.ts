// Migration 0060: maintenance (templates and their versions, plans, tasks, the devices they walk, results item by
// item) and the register's software / firmware version fields that upgrade items update.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    await trx.schema.alterTable('device').addColumn('software_version', 'text', (c) => c.notNull().defaultTo('')).execute();
    await trx.schema.alterTable('device').addColumn('firmware_version', 'text', (c) => c.notNull().defaultTo('')).execute();

    await trx.schema
      .createTable('mnt_template')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('latest_version', 'integer', (c) => c.notNull())
      .addColumn('builtin', 'integer', (c) => c.notNull().check(sql`builtin in (0, 1)`))
      .execute();
    // Every saved version stays: a task names the version it was made from, so a later edit rewrites no record.
    await trx.schema
      .createTable('mnt_template_version')
      .addColumn('template_id', 'text', (c) => c.notNull().references('mnt_template.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('system_id', 'text')
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('default_frequency', 'text')
      .addColumn('every_days', 'integer')
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('saved_at', 'integer', (c) => c.notNull())
      .addColumn('saved_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('mnt_template_version_pk', ['template_id', 'version'])
      .execute();

    await trx.schema
      .createTable('mnt_plan')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('site', 'text', (c) => c.notNull())
      .addColumn('template_id', 'text', (c) => c.notNull().references('mnt_template.id'))
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('frequency', 'text', (c) => c.notNull())
      .addColumn('every_days', 'integer')
      .addColumn('window_days', 'integer', (c) => c.notNull())
      .addColumn('engineer', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      // How many tasks the plan has made: the next one is due on occurrence `occurrences` from starts_on.
      .addColumn('occurrences', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0, 1)`))
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .execute();

    await trx.schema
      .createTable('mnt_task')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text', (c) => c.references('mnt_plan.id'))
      .addColumn('occurrence', 'integer')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('site', 'text', (c) => c.notNull())
      .addColumn('system_id', 'text')
      .addColumn('template_id', 'text', (c) => c.notNull())
      .addColumn('template_version', 'integer', (c) => c.notNull())
      .addColumn('engineer', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'in_progress', 'done')`))
      .addColumn('findings', 'text', (c) => c.notNull())
      .addColumn('suggestions', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('device_count', 'integer', (c) => c.notNull())
      .addColumn('failed_count', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'integer')
      .addColumn('finished_at', 'integer')
      .addColumn('finished_by', 'text')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addForeignKeyConstraint('mnt_task_template_fk', ['template_id', 'template_version'], 'mnt_template_version', ['template_id', 'version'])
      .execute();
    // A plan makes a task for a due day once, however often generation runs and however its schedule is edited.
    await sql`create unique index mnt_task_plan_due on mnt_task (plan_id, due_on) where plan_id is not null`.execute(trx);
    // The due list and the dashboard read only what is not done (a few hundred rows among years of finished tasks):
    // by deadline (overdue first), and by due day (due this week). Queries name 'done' as a literal, not a bound
    // parameter, or SQLite cannot use a partial index.
    await sql`create index mnt_task_open_deadline on mnt_task (deadline, due_on) where state <> 'done'`.execute(trx);
    await sql`create index mnt_task_open_due on mnt_task (due_on, deadline) where state <> 'done'`.execute(trx);
    await trx.schema.createIndex('mnt_task_due_on').on('mnt_task').column('due_on').execute();

    await trx.schema
      .createTable('mnt_task_device')
      .addColumn('task_id', 'text', (c) => c.notNull().references('mnt_task.id'))
      .addColumn('device_id', 'text', (c) => c.notNull().references('device.id'))
      .addColumn('sort', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('mnt_task_device_pk', ['task_id', 'device_id'])
      .execute();
    await trx.schema.createIndex('mnt_task_device_device').on('mnt_task_device').columns(['device_id', 'task_id']).execute();

    await trx.schema
      .createTable('mnt_result')
      .addColumn('task_id', 'text', (c) => c.notNull().references('mnt_task.id'))
      .addColumn('device_id', 'text', (c) => c.notNull().references('device.id'))
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('incident_id', 'text', (c) => c.references('incident.id'))
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('mnt_result_pk', ['task_id', 'device_id', 'item_id'])
      .execute();
  });
}
