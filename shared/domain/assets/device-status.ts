// A device's life states, in the order the register lists them.

export const deviceStatuses = ['in_service', 'faulty', 'under_repair', 'spare', 'retired'] as const;
export type DeviceStatus = (typeof deviceStatuses)[number];
