// The device form's values and how they convert to and from the contract's fields (dates as YYYY-MM-DD).
import dayjs, { type Dayjs } from 'dayjs';
import type { AppError, DeviceFields, DeviceFieldsInput } from '../../../shared/contract';
import type { DeviceStatus } from '../../../shared/domain/assets/device-status';

export interface DeviceFormValues {
  name: string;
  systemId: string | undefined;
  typeId: string | undefined;
  brand: string;
  model: string;
  serialNo: string;
  assetTag: string;
  building: string;
  floor: string;
  room: string;
  rack: string;
  address: string;
  installDate: Dayjs | null;
  warrantyEnd: Dayjs | null;
  status: DeviceStatus;
  notes: string;
  parentId: string | null;
}

export type DeviceFieldName = keyof DeviceFormValues;

export const deviceFieldNames: DeviceFieldName[] = [
  'name', 'systemId', 'typeId', 'brand', 'model', 'serialNo', 'assetTag', 'building', 'floor', 'room', 'rack',
  'address', 'installDate', 'warrantyEnd', 'status', 'notes', 'parentId',
];

export const isoDateFormat = 'YYYY-MM-DD';

export function emptyFormValues(prefill: { systemId?: string; parentId?: string } = {}): DeviceFormValues {
  return {
    name: '', systemId: prefill.systemId, typeId: undefined, brand: '', model: '', serialNo: '', assetTag: '',
    building: '', floor: '', room: '', rack: '', address: '', installDate: null, warrantyEnd: null,
    status: 'in_service', notes: '', parentId: prefill.parentId ?? null,
  };
}

export function toFormValues(device: DeviceFields): DeviceFormValues {
  return {
    ...device,
    typeId: device.typeId ?? undefined,
    installDate: device.installDate ? dayjs(device.installDate, isoDateFormat) : null,
    warrantyEnd: device.warrantyEnd ? dayjs(device.warrantyEnd, isoDateFormat) : null,
  };
}

export function toDeviceFields(values: DeviceFormValues): DeviceFieldsInput {
  const text = (s: string | undefined) => (s ?? '').trim();
  return {
    name: text(values.name),
    systemId: values.systemId ?? '',
    typeId: values.typeId ?? null,
    brand: text(values.brand),
    model: text(values.model),
    serialNo: text(values.serialNo),
    assetTag: text(values.assetTag),
    building: text(values.building),
    floor: text(values.floor),
    room: text(values.room),
    rack: text(values.rack),
    address: text(values.address),
    installDate: values.installDate ? values.installDate.format(isoDateFormat) : null,
    warrantyEnd: values.warrantyEnd ? values.warrantyEnd.format(isoDateFormat) : null,
    status: values.status,
    notes: text(values.notes),
    parentId: values.parentId ?? null,
  };
}

/** Which field an error from the core belongs to, and why; null when it belongs to no one field. */
export type FieldProblem = { field: DeviceFieldName; reason: 'required' | 'too_long' | 'invalid' | 'error_code' };

/** Maps the core's rejection onto the form: schema issues by their path (`fields.` on update), known codes to their field. */
export function fieldProblems(error: AppError): FieldProblem[] {
  if (error.code === 'invalid_input') {
    return (error.issues ?? []).flatMap((issue) => {
      const field = issue.path.replace(/^fields\./, '').split('.')[0] as DeviceFieldName;
      if (!deviceFieldNames.includes(field)) return [];
      const reason = issue.code === 'too_small' ? 'required' : issue.code === 'too_big' ? 'too_long' : 'invalid';
      return [{ field, reason }];
    });
  }
  const byCode: Record<string, DeviceFieldName> = {
    asset_tag_taken: 'assetTag',
    asset_parent_loop: 'parentId',
    asset_unknown_parent: 'parentId',
    catalog_unknown_system: 'systemId',
    catalog_unknown_type: 'typeId',
  };
  const field = byCode[error.code];
  return field ? [{ field, reason: 'error_code' }] : [];
}
