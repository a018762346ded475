// The whole database as Kysely sees it: every feature's tables.
import type { Kysely, Transaction } from 'kysely';
import type { AlarmTables } from '../alarms/schema';
import type { AssetTables } from '../assets/schema';
import type { BackupTables } from '../backups/schema';
import type { LinkTables } from '../devices/schema';
import type { DispatchTables } from '../dispatch/schema';
import type { DutyTables } from '../duty/schema';
import type { EscalationTables } from '../escalations/schema';
import type { IncidentTables } from '../incidents/schema';
import type { JournalTables } from '../journal/schema';
import type { MaintenanceTables } from '../maintenance/schema';
import type { OperatorTables } from '../operators/schema';
import type { ProblemTables } from '../problems/schema';
import type { ReportTables } from '../reports/schema';
import type { ReadingTables } from '../readings/schema';
import type { RepairTables } from '../repairs/schema';
import type { SyncTables } from '../sync/schema';

export interface Database extends JournalTables, AssetTables, IncidentTables, OperatorTables, DutyTables, LinkTables, AlarmTables, SyncTables, MaintenanceTables, ProblemTables, EscalationTables, DispatchTables, RepairTables, ReadingTables, ReportTables, BackupTables {}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
