// The asset register's tables as Kysely sees them (created by migration 0001).
import type { Generated } from 'kysely';
import type { DeviceStatus } from '../../../shared/domain/assets/device-status';

export interface CatalogSystemTable { id: string; name_zh: string; name_en: string; sort: number; builtin: number }
export interface CatalogEntryTable { system_id: string; id: string; name_zh: string; name_en: string; sort: number; builtin: number }

export interface DeviceTable {
  seq: Generated<number>;
  id: string;
  system_id: string;
  type_id: string | null;
  name: string;
  brand: string;
  model: string;
  serial_no: string;
  asset_tag: string;
  building: string;
  floor: string;
  room: string;
  rack: string;
  address: string;
  install_date: string | null;
  warranty_end: string | null;
  status: DeviceStatus;
  notes: string;
  parent_id: string | null;
  /** Added by migration 0060; updated by maintenance upgrade items. */
  software_version: Generated<string>;
  firmware_version: Generated<string>;
  created_at: number;
  updated_at: number;
}

export interface DeviceSearchTable { rowid: number; text: string }

export interface SpareStockTable { system_id: string; type_id: string; quantity: number; minimum: number; updated_at: number }

export interface AssetTables {
  catalog_system: CatalogSystemTable;
  catalog_type: CatalogEntryTable;
  catalog_brand: CatalogEntryTable;
  device: DeviceTable;
  device_search: DeviceSearchTable;
  spare_stock: SpareStockTable;
}
