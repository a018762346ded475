// Link rows to contract values (secrets masked) and to what the supervisor runs (secrets in clear).
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { Link, LinkInput } from '../../../shared/contract/links';
import type { LinkTable } from './schema';
import type { RunnableLink } from './device-supervisor';
import { driverRegistry } from './driver-registry';
import { maskSecrets, openSecrets } from './protocol-secrets';
import type { SecretBox } from './secret-box';

export type LinkRow = Selectable<LinkTable>;

const storedProtocol = (row: LinkRow): Record<string, unknown> => JSON.parse(row.protocol) as Record<string, unknown>;

/** What reads return: secrets as placeholders (the sealed text is as good as a secret to whoever has the key). */
export function toLink(row: LinkRow): Link {
  return {
    id: row.id,
    name: row.name,
    driver: row.driver,
    portPath: row.port_path,
    portMatch: { serialNumber: row.match_serial_number, vendorId: row.match_vendor_id, productId: row.match_product_id },
    serial: { baudRate: row.baud_rate, dataBits: row.data_bits, parity: row.parity, stopBits: row.stop_bits },
    protocol: maskSecrets(storedProtocol(row), driverRegistry[row.driver].secretFields),
    assetId: row.asset_id,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored settings with secrets opened; null when they cannot be (the key file was lost or replaced). */
export function clearProtocol(row: LinkRow, box: SecretBox): Record<string, unknown> | null {
  try {
    return openSecrets(storedProtocol(row), driverRegistry[row.driver].secretFields, box);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

export function toRunnable(row: LinkRow, box: SecretBox): RunnableLink {
  const endpoint = toLink(row);
  const settings = clearProtocol(row, box);
  return {
    id: endpoint.id,
    name: endpoint.name,
    driver: endpoint.driver,
    portPath: endpoint.portPath,
    portMatch: endpoint.portMatch,
    serial: endpoint.serial,
    settings: settings ?? {},
    assetId: endpoint.assetId,
    enabled: endpoint.enabled,
    updatedAt: endpoint.updatedAt,
    problem: settings ? null : new AppError('device_secret_unreadable', 'device_secret_unreadable', { id: endpoint.id }).toData(),
  };
}

/** The columns for an input whose protocol settings are already checked and sealed. */
export function linkColumns(input: LinkInput, sealedProtocol: Record<string, unknown>, now: number) {
  return {
    name: input.name,
    driver: input.driver,
    port_path: input.portPath,
    match_serial_number: input.portMatch.serialNumber,
    match_vendor_id: input.portMatch.vendorId?.toLowerCase() ?? null,
    match_product_id: input.portMatch.productId?.toLowerCase() ?? null,
    baud_rate: input.serial.baudRate,
    data_bits: input.serial.dataBits,
    parity: input.serial.parity,
    stop_bits: input.serial.stopBits,
    protocol: JSON.stringify(sealedProtocol),
    asset_id: input.assetId,
    enabled: input.enabled ? (1 as const) : (0 as const),
    updated_at: now,
  };
}
