// The migration list: static imports, because bundling removes the folder a FileMigrationProvider would read.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-device-search-tokens';
import * as m0011 from './0011-incidents';
import * as m0013 from './0013-duty-log';
import * as m0012 from './0012-operators';
import * as m0020 from './0020-devices';
import * as m0021 from './0021-alarms';
import * as m0030 from './0030-incident-clock-index';
import * as m0031 from './0031-alarm-inbox';
import * as m0032 from './0032-journal-keying';
import * as m0040 from './0040-machine-room-alarm-rules';
import * as m0041 from './0041-link-table';
import * as m0050 from './0050-sync-outbox';
import * as m0053 from './0053-sync-record-kinds';
import * as m0060 from './0060-maintenance';
import * as m0061 from './0061-maintenance-record-pdf';
import * as m0070 from './0070-problem-records';
import * as m0071 from './0071-escalations';
import * as m0072 from './0072-engineer-dispatch';
import * as m0073 from './0073-repair-parts-spare-loans';
import * as m0074 from './0074-replacement-quotes';
import * as m0075 from './0075-repair-part-withdrawal';
import * as m0080 from './0080-readings-history';
import * as m0082 from './0082-report-suggestions';
import * as m0083 from './0083-report-summaries';
import * as m0084 from './0084-report-incident-sla';
import * as m0085 from './0085-report-alarm-indexes';
import * as m0090 from './0090-backup-runs';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-device-search-tokens': m0002,
  '0011-incidents': m0011,
  '0013-duty-log': m0013,
  '0012-operators': m0012,
  '0020-devices': m0020,
  '0021-alarms': m0021,
  '0030-incident-clock-index': m0030,
  '0031-alarm-inbox': m0031,
  '0032-journal-keying': m0032,
  '0040-machine-room-alarm-rules': m0040,
  '0041-link-table': m0041,
  '0050-sync-outbox': m0050,
  '0053-sync-record-kinds': m0053,
  '0060-maintenance': m0060,
  '0061-maintenance-record-pdf': m0061,
  '0070-problem-records': m0070,
  '0071-escalations': m0071,
  '0072-engineer-dispatch': m0072,
  '0073-repair-parts-spare-loans': m0073,
  '0074-replacement-quotes': m0074,
  '0075-repair-part-withdrawal': m0075,
  '0080-readings-history': m0080,
  '0082-report-suggestions': m0082,
  '0083-report-summaries': m0083,
  '0084-report-incident-sla': m0084,
  '0085-report-alarm-indexes': m0085,
  '0090-backup-runs': m0090,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
