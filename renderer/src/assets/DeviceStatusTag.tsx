// A device's status as a coloured tag, with the colours that mean the same on every screen.
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeviceStatus, deviceStatusLabels, deviceStatuses } from '../../../shared/domain/assets/device-status';
import { alarmColours } from '../app/theme';

/** in service = normal (green), faulty = alarm (red), under repair = attention (orange), spare = info (blue), retired = muted. */
export const deviceStatusColours: Record<DeviceStatus, string> = {
  in_service: alarmColours.normal,
  faulty: alarmColours.critical,
  under_repair: alarmColours.major,
  spare: alarmColours.info,
  retired: alarmColours.muted,
};

export function useStatusLabel(): (status: DeviceStatus) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (status) => (english ? deviceStatusLabels[status].en : deviceStatusLabels[status].zh);
}

export function useStatusOptions(): { value: DeviceStatus; label: ReactNode; title: string }[] {
  const label = useStatusLabel();
  return deviceStatuses.map((status) => ({ value: status, label: <DeviceStatusTag status={status} />, title: label(status) }));
}

export function DeviceStatusTag({ status, large = false }: { status: DeviceStatus; large?: boolean }) {
  const label = useStatusLabel();
  return (
    <ToneTag colour={deviceStatusColours[status]} large={large}>
      {label(status)}
    </ToneTag>
  );
}

/** A tag in one of the alarm colours: coloured text and border on a faint wash of the colour, readable on the dark theme. */
export function ToneTag({ colour, large = false, children }: { colour: string; large?: boolean; children: ReactNode }) {
  return (
    <Tag
      variant="outlined"
      style={{
        color: colour,
        borderColor: colour,
        background: `${colour}26`,
        fontWeight: 600,
        marginInlineEnd: 0,
        whiteSpace: 'normal',
        ...(large ? { fontSize: 16, lineHeight: '30px', paddingInline: 12 } : { fontSize: 14, lineHeight: '24px', paddingInline: 8 }),
      }}
    >
      {children}
    </Tag>
  );
}
