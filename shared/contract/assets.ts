// The asset register's contract: catalog, devices, search, import/export, spares.
import { z } from 'zod';
import { deviceStatuses, type DeviceStatus } from '../domain/assets/device-status';
import { isCalendarDayText } from '../domain/calendar/calendar-day';
import { command, query } from './define';
import type { JournalEntry } from './journal';

const text = (max: number) => z.string().trim().max(max);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format')
  // Date.parse takes 2024-02-30 and 0000-01-01; the register wants days that exist.
  .refine(isCalendarDayText, 'date_invalid');
const id = z.string().min(1).max(64);

export const deviceStatusSchema = z.enum(deviceStatuses);

export const deviceFieldsSchema = z.object({
  name: text(200).min(1),
  systemId: id,
  typeId: id.nullable().default(null),
  brand: text(100).default(''),
  model: text(100).default(''),
  serialNo: text(100).default(''),
  /** Left empty, the core assigns the next free tag. */
  assetTag: text(64).default(''),
  building: text(100).default(''),
  floor: text(50).default(''),
  room: text(100).default(''),
  rack: text(50).default(''),
  address: text(200).default(''),
  installDate: isoDate.nullable().default(null),
  warrantyEnd: isoDate.nullable().default(null),
  status: deviceStatusSchema.default('in_service'),
  notes: text(2000).default(''),
  parentId: id.nullable().default(null),
  /**
   * Kept by upgrade items of maintenance tasks (maintenance.saveResult); absent on an update: left as they are, so a
   * form that does not show them never blanks them.
   */
  softwareVersion: text(100).optional(),
  firmwareVersion: text(100).optional(),
});
export type DeviceFields = z.output<typeof deviceFieldsSchema>;
export type DeviceFieldsInput = z.input<typeof deviceFieldsSchema>;

export interface Device extends DeviceFields {
  id: string;
  softwareVersion: string;
  firmwareVersion: string;
  createdAt: number;
  updatedAt: number;
}

export interface DeviceListItem extends Device {
  childCount: number;
}

export interface DeviceDetail {
  device: Device;
  parent: Device | null;
  children: Device[];
}

export interface CatalogType { id: string; systemId: string; nameZh: string; nameEn: string; builtin: boolean }
export interface CatalogBrand { id: string; systemId: string; nameZh: string; nameEn: string; builtin: boolean }
export interface CatalogSystem { id: string; nameZh: string; nameEn: string; builtin: boolean; types: CatalogType[]; brands: CatalogBrand[] }

export const searchSchema = z.object({
  q: text(200).default(''),
  systemId: id.optional(),
  status: deviceStatusSchema.optional(),
  building: text(100).optional(),
  floor: text(50).optional(),
  room: text(100).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type SearchInput = z.input<typeof searchSchema>;
export interface SearchResult {
  /** Matching devices, counted up to a cap (see `totalCapped`). */
  total: number;
  /** True when more devices match than were counted: show `total` as "10,000+". */
  totalCapped?: boolean;
  items: DeviceListItem[];
}

export interface LocationEntry { building: string; floor: string; room: string; count: number }

export const importFileSchema = z.object({
  fileName: z.string().min(1).max(255).regex(/\.(csv|xlsx)$/i, 'import_file_type'),
  /** The file's bytes, base64-encoded (the transports carry JSON). */
  contentBase64: z.string().min(1).max(70_000_000),
});

export interface ImportRowReport {
  /** 1-based line in the file, header included, so it matches what a spreadsheet shows. */
  row: number;
  ok: boolean;
  name: string;
  assetTag: string;
  errors: { field: string; code: string; params?: Record<string, string | number> }[];
}

export interface ImportReport {
  fileName: string;
  total: number;
  valid: number;
  invalid: number;
  rows: ImportRowReport[];
  /** Columns of the file that map to no field, so the user sees they were ignored. */
  ignoredColumns: string[];
}

export interface ImportOutcome { imported: number; skipped: number }

export interface ExportFile { fileName: string; mime: string; contentBase64: string; count: number }

export interface SpareStock {
  systemId: string;
  typeId: string;
  quantity: number;
  minimum: number;
  updatedAt: number | null;
}

const catalogEntry = z.object({ systemId: id, nameZh: text(100).min(1), nameEn: text(100).min(1) });

export const assetsContract = {
  'catalog.list': query<CatalogSystem[]>()(z.object({})),
  'catalog.addSystem': command<CatalogSystem>()(z.object({ nameZh: text(100).min(1), nameEn: text(100).min(1) })),
  'catalog.addType': command<CatalogType>()(catalogEntry),
  'catalog.addBrand': command<CatalogBrand>()(catalogEntry),
  'assets.search': query<SearchResult>()(searchSchema),
  'assets.get': query<DeviceDetail>()(z.object({ id })),
  'assets.getMany': query<Device[]>()(z.object({ ids: z.array(id).min(1).max(2000) })),
  /** The devices for a sheet of printed labels, in the order asked; journaled, as the labels leave the machine on paper. */
  'assets.labels': command<Device[]>()(z.object({ ids: z.array(id).min(1).max(2000) })),
  'assets.create': command<Device>()(deviceFieldsSchema),
  'assets.update': command<Device>()(z.object({ id, fields: deviceFieldsSchema })),
  'assets.history': query<JournalEntry[]>()(z.object({ id })),
  'assets.locations': query<LocationEntry[]>()(z.object({})),
  'assets.importPreview': query<ImportReport>()(importFileSchema),
  'assets.importCommit': command<ImportOutcome>()(z.object({ file: importFileSchema, skipInvalid: z.boolean().default(false) })),
  'assets.export': query<ExportFile>()(
    z.object({ format: z.enum(['csv', 'xlsx']), filter: searchSchema.prefault({}), lang: z.enum(['zh', 'en']).default('zh') }),
  ),
  'spares.list': query<SpareStock[]>()(z.object({})),
  'spares.set': command<SpareStock>()(
    z.object({
      systemId: id,
      typeId: id,
      quantity: z.number().int().min(0).max(1_000_000),
      minimum: z.number().int().min(0).max(1_000_000),
      reason: text(500).default(''),
    }),
  ),
};

export type { DeviceStatus };
