// The columns of a device file as people see them: the same keys and headers as the core's
// electron/core/assets/device-columns.ts (the e2e spec checks they agree), for the template and error sentences.

export interface DeviceFileColumn {
  key: string;
  zh: string;
  en: string;
  /** Import rejects the file without it. */
  required?: boolean;
}

export const deviceFileColumns: readonly DeviceFileColumn[] = [
  { key: 'name', zh: '名称', en: 'Name', required: true },
  { key: 'system', zh: '系统', en: 'System', required: true },
  { key: 'type', zh: '类型', en: 'Type' },
  { key: 'brand', zh: '品牌', en: 'Brand' },
  { key: 'model', zh: '型号', en: 'Model' },
  { key: 'serialNo', zh: '序列号', en: 'Serial number' },
  { key: 'assetTag', zh: '资产编号', en: 'Asset tag' },
  { key: 'building', zh: '楼宇', en: 'Building' },
  { key: 'floor', zh: '楼层', en: 'Floor' },
  { key: 'room', zh: '房间', en: 'Room' },
  { key: 'rack', zh: '机柜', en: 'Rack' },
  { key: 'address', zh: '地址', en: 'Address' },
  { key: 'installDate', zh: '安装日期', en: 'Install date' },
  { key: 'warrantyEnd', zh: '保修截止', en: 'Warranty end' },
  { key: 'status', zh: '状态', en: 'Status' },
  { key: 'notes', zh: '备注', en: 'Notes' },
  { key: 'parentAssetTag', zh: '上级设备资产编号', en: 'Parent asset tag' },
];

export type FileLanguage = 'zh' | 'en';

/** The header a column carries in a file of that language; an unknown key is shown as it is. */
export function columnLabel(key: string, lang: FileLanguage): string {
  const column = deviceFileColumns.find((c) => c.key === key);
  if (!column) return key;
  return lang === 'en' ? column.en : column.zh;
}

/** An empty import template: the header row only, with a byte-order mark so Excel reads it as UTF-8. */
export function importTemplateCsv(lang: FileLanguage): string {
  return `\uFEFF${deviceFileColumns.map((c) => (lang === 'en' ? c.en : c.zh)).join(',')}\r\n`;
}
