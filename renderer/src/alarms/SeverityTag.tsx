// An alarm's severity as a filled tag in the theme's alarm colour: the same look on the banner, the lists and diagnostics.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlarmSeverity } from '../../../shared/contract/alarms';
import { alarmColours } from '../app/theme';
import { severityForeground } from './alarm-order';

/** `inverted`: white with the colour as text, for a tag on a background already in that colour (the banner). */
export function SeverityTag({ severity, large = false, inverted = false }: { severity: AlarmSeverity; large?: boolean; inverted?: boolean }) {
  const { t } = useTranslation('alarms');
  const colour = alarmColours[severity];
  // Yellow text on white cannot be read: a minor alarm's inverted tag is black on white.
  const invertedText = severity === 'minor' ? '#000' : colour;
  return (
    <Tag
      data-severity={severity}
      style={{
        color: inverted ? invertedText : severityForeground(severity),
        background: inverted ? '#fff' : colour,
        borderColor: inverted ? '#fff' : colour,
        fontWeight: 700,
        fontSize: large ? 16 : 14,
        padding: large ? '2px 10px' : '1px 8px',
        marginInlineEnd: 0,
      }}
    >
      {t(`severity.${severity}`)}
    </Tag>
  );
}
