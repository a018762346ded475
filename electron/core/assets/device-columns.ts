// The device file's column table: each column's key, its Chinese and English headers, and the aliases import accepts.
import { AppError } from '../../../shared/contract/app-error';

export type DeviceColumnKey =
  | 'name'
  | 'system'
  | 'type'
  | 'brand'
  | 'model'
  | 'serialNo'
  | 'assetTag'
  | 'building'
  | 'floor'
  | 'room'
  | 'rack'
  | 'address'
  | 'installDate'
  | 'warrantyEnd'
  | 'status'
  | 'notes'
  | 'parentAssetTag';

export interface DeviceColumn {
  key: DeviceColumnKey;
  zh: string;
  en: string;
  /** Other headers people give this column in their own sheets; compared normalised. */
  aliases: string[];
}

/** In the order export writes them; import takes any order. */
export const deviceColumns: readonly DeviceColumn[] = [
  { key: 'name', zh: '名称', en: 'Name', aliases: ['设备名称', '设备', 'device name', 'device'] },
  { key: 'system', zh: '系统', en: 'System', aliases: ['所属系统', '系统名称', 'system id', 'system name'] },
  { key: 'type', zh: '类型', en: 'Type', aliases: ['设备类型', 'device type', 'type id', 'type name'] },
  { key: 'brand', zh: '品牌', en: 'Brand', aliases: ['厂商', '厂家', '制造商', 'manufacturer', 'make', 'vendor'] },
  { key: 'model', zh: '型号', en: 'Model', aliases: ['规格型号', '设备型号', 'model no'] },
  { key: 'serialNo', zh: '序列号', en: 'Serial number', aliases: ['序列号码', 'sn', 's/n', 'serial', 'serial no'] },
  { key: 'assetTag', zh: '资产编号', en: 'Asset tag', aliases: ['资产标签', '资产号', '设备编号', 'asset no', 'asset number', 'asset id'] },
  { key: 'building', zh: '楼宇', en: 'Building', aliases: ['楼栋', '建筑', '大楼'] },
  { key: 'floor', zh: '楼层', en: 'Floor', aliases: ['层'] },
  { key: 'room', zh: '房间', en: 'Room', aliases: ['房间号', '房号'] },
  { key: 'rack', zh: '机柜', en: 'Rack', aliases: ['机架', 'cabinet'] },
  {
    key: 'address',
    zh: '地址',
    en: 'Address',
    aliases: ['ip', 'ip地址', '网络地址', '通讯地址', '串口地址', 'ip address', 'network address', 'serial address'],
  },
  { key: 'installDate', zh: '安装日期', en: 'Install date', aliases: ['安装时间', 'installed', 'installation date', 'installed on'] },
  {
    key: 'warrantyEnd',
    zh: '保修截止',
    en: 'Warranty end',
    aliases: ['保修截止日期', '保修到期', '保修到期日', '保修期至', 'warranty', 'warranty until', 'warranty expiry', 'warranty ends'],
  },
  { key: 'status', zh: '状态', en: 'Status', aliases: ['设备状态', 'device status'] },
  { key: 'notes', zh: '备注', en: 'Notes', aliases: ['说明', 'note', 'remark', 'remarks', 'comment', 'comments'] },
  {
    key: 'parentAssetTag',
    zh: '上级设备资产编号',
    en: 'Parent asset tag',
    aliases: ['上级设备', '上级资产编号', '上级设备编号', '所属设备', 'parent', 'parent tag', 'parent asset no'],
  },
];

const requiredColumns: readonly DeviceColumnKey[] = ['name', 'system'];

/**
 * Headers compare without case, spaces, underscores, hyphens, asterisks or a bracketed hint, so
 * "Serial_No", "serial no" and "序列号 (必填)*" all match; NFKC folds full-width forms first.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, '')
    .replace(/[\s_\-*:]/g, '');
}

const columnByHeader = new Map<string, DeviceColumnKey>(
  deviceColumns.flatMap((c) => [c.key, c.zh, c.en, ...c.aliases].map((h) => [normalizeHeader(h), c.key] as const)),
);

export interface ColumnMap {
  /** For each column of the file, the field it holds, or null when it holds none. */
  keys: (DeviceColumnKey | null)[];
  /** Headers that matched no field (or a field an earlier column already holds). */
  ignored: string[];
}

/** Maps a file's header row to fields; a missing required column rejects the whole file. */
export function matchColumns(header: readonly string[]): ColumnMap {
  const seen = new Set<DeviceColumnKey>();
  const ignored: string[] = [];
  const keys = header.map((h) => {
    const key = columnByHeader.get(normalizeHeader(h)) ?? null;
    if (key && !seen.has(key)) {
      seen.add(key);
      return key;
    }
    if (h.trim() !== '') ignored.push(h.trim());
    return null;
  });
  for (const key of requiredColumns) {
    if (!seen.has(key)) {
      const column = deviceColumns.find((c) => c.key === key)!;
      throw new AppError('import_missing_column', 'import_missing_column', { column: key, zh: column.zh, en: column.en });
    }
  }
  return { keys, ignored };
}

export function columnHeader(column: DeviceColumn, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? column.zh : column.en;
}
