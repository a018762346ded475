// The migration list: static imports, because bundling removes the folder a FileMigrationProvider would read.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
