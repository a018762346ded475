// One reading over a range: the mean as a line in its min–max band, the limits as lines, the alarms as shaded spans.
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReadingHistory } from '../../../shared/contract/readings';
import { alarmColours } from '../app/theme';
import { formatAt, formatValue, timeFormatFor } from './reading-format';

export function ReadingChart({ history, label, height = 320 }: { history: ReadingHistory; label: string; height?: number }) {
  const { t } = useTranslation('readings');
  const { token } = theme.useToken();
  const format = timeFormatFor(history.to - history.from, t);
  const unit = history.series.unit;
  const data = history.points.map((p) => ({ at: p.at, mean: p.mean, band: [p.min, p.max] as [number, number] }));
  const values = history.points.flatMap((p) => [p.min, p.max]).concat(history.thresholds.map((th) => th.value));
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) * 0.08, 0.5);
  return (
    <div role="img" aria-label={t('chartLabel', { reading: label })} data-testid="reading-chart">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={token.colorBorderSecondary} strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={[history.from, history.to]}
            tickFormatter={(at: number) => formatAt(at, format)}
            stroke={token.colorTextSecondary}
            tick={{ fontSize: 13 }}
            minTickGap={40}
          />
          <YAxis
            domain={values.length ? [Math.floor(low - pad), Math.ceil(high + pad)] : ['auto', 'auto']}
            stroke={token.colorTextSecondary}
            tick={{ fontSize: 13 }}
            width={56}
            unit={unit && unit.length <= 3 ? unit : undefined}
          />
          {history.alarms.map((a) => (
            <ReferenceArea
              key={a.id}
              x1={Math.max(a.raisedAt, history.from)}
              x2={Math.min(a.restoredAt ?? history.to, history.to)}
              fill={alarmColours.critical}
              fillOpacity={0.15}
              stroke={alarmColours.critical}
              strokeOpacity={0.6}
              ifOverflow="hidden"
            />
          ))}
          {history.thresholds.map((th) => (
            <ReferenceLine
              key={th.kind}
              y={th.value}
              stroke={th.kind === 'high' ? alarmColours.critical : alarmColours.info}
              strokeDasharray="6 4"
              label={{ value: t(`threshold.${th.kind}`, { value: formatValue(th.value, unit) }), fill: token.colorText, fontSize: 13, position: 'insideTopRight' }}
            />
          ))}
          <Area dataKey="band" stroke="none" fill={token.colorPrimary} fillOpacity={0.18} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="mean" stroke={token.colorPrimary} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Tooltip
            contentStyle={{ background: token.colorBgElevated, border: `1px solid ${token.colorBorder}` }}
            labelFormatter={(at) => formatAt(Number(at), t('formats.full'))}
            formatter={(value, name) => {
              const text = Array.isArray(value) ? `${formatValue(Number(value[0]), unit)} – ${formatValue(Number(value[1]), unit)}` : formatValue(Number(value), unit);
              return [text, name === 'band' ? `${t('columns.min')}–${t('columns.max')}` : t('columns.mean')];
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
