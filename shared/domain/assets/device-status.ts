// A device's life states, in the order the register lists them, and their names in Chinese and English.

export const deviceStatuses = ['in_service', 'faulty', 'under_repair', 'spare', 'retired'] as const;
export type DeviceStatus = (typeof deviceStatuses)[number];

/** What people call each state; import accepts these words, export writes them, the UI shows them. */
export const deviceStatusLabels: Record<DeviceStatus, { zh: string; en: string }> = {
  in_service: { zh: '在用', en: 'In service' },
  faulty: { zh: '故障', en: 'Faulty' },
  under_repair: { zh: '维修中', en: 'Under repair' },
  spare: { zh: '备用', en: 'Spare' },
  retired: { zh: '报废', en: 'Retired' },
};
