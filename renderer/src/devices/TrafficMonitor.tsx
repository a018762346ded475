// The wire, frame by frame: time, direction, hex, ASCII, the decoded summary, latency; bad frames in red. Virtualised.
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrafficLine } from '../../../shared/contract/links';
import { alarmColours } from '../app/theme';
import { captureTime, spacedHex } from './traffic-capture';

const rowHeight = 30;
const columns = '118px 44px minmax(180px, 2fr) minmax(100px, 1fr) minmax(200px, 2fr) 72px';

const cell = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

interface TrafficMonitorProps {
  lines: readonly TrafficLine[];
  /** Keep the newest frame in view; scrolling up turns it off (onFollowChange). */
  follow: boolean;
  onFollowChange(follow: boolean): void;
}

export function TrafficMonitor({ lines, follow, onFollowChange }: TrafficMonitorProps) {
  const { t } = useTranslation('devices');
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 20 });

  useEffect(() => {
    if (follow && lines.length > 0) virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
  }, [follow, lines.length, virtualizer]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < rowHeight * 2;
    if (atBottom !== follow) onFollowChange(atBottom);
  };

  return (
    <div style={{ border: '1px solid #303030', borderRadius: 6, fontFamily: "ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace", fontSize: 13 }}>
      <div role="row" style={{ display: 'grid', gridTemplateColumns: columns, gap: 8, padding: '6px 12px', background: '#1d2330', fontWeight: 600 }}>
        <span>{t('diag.col.time')}</span>
        <span>{t('diag.col.dir')}</span>
        <span>{t('diag.col.hex')}</span>
        <span>{t('diag.col.ascii')}</span>
        <span>{t('diag.col.summary')}</span>
        <span style={{ textAlign: 'right' }}>{t('diag.col.latency')}</span>
      </div>
      <div ref={scroller} onScroll={onScroll} data-testid="traffic-monitor" style={{ height: 440, overflow: 'auto' }}>
        {lines.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('diag.noTraffic')} style={{ paddingTop: 80 }} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const line = lines[item.index]!;
              const hex = spacedHex(line.hex);
              return (
                <div
                  key={line.seq}
                  role="row"
                  data-testid="traffic-line"
                  data-ok={line.ok ? 'true' : 'false'}
                  data-direction={line.direction}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: rowHeight,
                    transform: `translateY(${item.start}px)`,
                    display: 'grid',
                    gridTemplateColumns: columns,
                    gap: 8,
                    alignItems: 'center',
                    padding: '0 12px',
                    borderBottom: '1px solid #232a36',
                    color: line.ok ? undefined : alarmColours.critical,
                    background: line.ok ? undefined : 'rgba(255, 77, 79, 0.12)',
                  }}
                >
                  <span style={cell}>{captureTime(line.at).slice(11)}</span>
                  <span style={{ ...cell, color: line.ok ? (line.direction === 'rx' ? alarmColours.normal : alarmColours.info) : undefined, fontWeight: 700 }}>
                    {t(`diag.dir.${line.direction}`)}
                  </span>
                  <span style={cell} title={hex}>
                    {hex}
                  </span>
                  <span style={cell} title={line.ascii}>
                    {line.ascii}
                  </span>
                  <span style={cell} title={line.summary}>
                    {line.summary}
                  </span>
                  <Typography.Text type="secondary" style={{ ...cell, textAlign: 'right', fontSize: 13 }}>
                    {line.latencyMs === null ? '' : `${line.latencyMs} ms`}
                  </Typography.Text>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
