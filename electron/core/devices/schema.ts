// The device layer's table as Kysely sees it: the configured links (created by migration 0020, renamed to link by 0041).
import type { Generated } from 'kysely';
import type { DriverKind, SerialPortSettings } from '../../../shared/contract/links';

export interface LinkTable {
  seq: Generated<number>;
  id: string;
  name: string;
  driver: DriverKind;
  port_path: string;
  match_serial_number: string | null;
  match_vendor_id: string | null;
  match_product_id: string | null;
  baud_rate: number;
  data_bits: SerialPortSettings['dataBits'];
  parity: SerialPortSettings['parity'];
  stop_bits: SerialPortSettings['stopBits'];
  /** JSON object: the driver's settings with secret fields sealed (see protocol-secrets.ts). */
  protocol: string;
  asset_id: string | null;
  enabled: 0 | 1;
  created_at: number;
  updated_at: number;
}

export interface LinkTables {
  link: LinkTable;
}
