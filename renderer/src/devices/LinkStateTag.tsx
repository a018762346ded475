// A link's state as a coloured tag: 已连接 in green, 重连中 in orange, 离线自 10:42 in red.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LinkStatus } from '../../../shared/contract/links';
import { alarmColours } from '../app/theme';
import { useEnglish, useNow } from '../incidents/incident-format';
import { linkStateColourKey, sinceText } from './link-state';

export function LinkStateTag({ status, large = false }: { status: Pick<LinkStatus, 'state' | 'since'>; large?: boolean }) {
  const { t } = useTranslation('devices');
  const english = useEnglish();
  const now = useNow(60_000);
  const colour = alarmColours[linkStateColourKey[status.state]];
  return (
    <Tag
      data-link-state={status.state}
      style={{
        color: '#fff',
        background: colour,
        borderColor: colour,
        fontWeight: 600,
        fontSize: large ? 16 : 14,
        padding: large ? '2px 10px' : '1px 8px',
        marginInlineEnd: 0,
      }}
    >
      {t(`link.${status.state}`, { since: sinceText(status.since, now, english) })}
    </Tag>
  );
}
