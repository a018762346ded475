// A register file as a site would send it: a CSV with the import's Chinese headers, built in memory.
import { type DeviceColumnKey, deviceColumns } from '../../electron/core/assets/device-columns';
import type { DeviceFields } from '../../shared/contract/assets';
import { catalogSeed } from '../../shared/domain/assets/catalog';
import { deviceStatusLabels } from '../../shared/domain/assets/device-status';
import { generateDevice, seededRandom } from './device-generator';

const cellOf: Record<DeviceColumnKey, (f: DeviceFields) => string> = {
  name: (f) => f.name,
  system: (f) => catalogSeed.find((s) => s.id === f.systemId)?.nameZh ?? f.systemId,
  type: (f) => catalogSeed.find((s) => s.id === f.systemId)?.types.find(([id]) => id === f.typeId)?.[1] ?? '',
  brand: (f) => f.brand,
  model: (f) => f.model,
  serialNo: (f) => f.serialNo,
  assetTag: (f) => f.assetTag,
  building: (f) => f.building,
  floor: (f) => f.floor,
  room: (f) => f.room,
  rack: (f) => f.rack,
  address: (f) => f.address,
  installDate: (f) => f.installDate ?? '',
  warrantyEnd: (f) => f.warrantyEnd ?? '',
  status: (f) => deviceStatusLabels[f.status].zh,
  notes: (f) => f.notes,
  parentAssetTag: () => '',
};

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** `rows` devices, each standing alone, with tags (IM-…) that clash with nothing the seed wrote. */
export function buildImportCsv(rows: number): string {
  const random = seededRandom(77);
  const lines = [deviceColumns.map((c) => c.zh).join(',')];
  for (let n = 1; n <= rows; n += 1) {
    const { fields } = generateDevice(random, n, 'IM-');
    lines.push(deviceColumns.map((c) => cell(cellOf[c.key](fields))).join(','));
  }
  // A byte-order mark, as Excel writes one when it saves UTF-8 CSV.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
