// The reports' charts (recharts, drawn as SVG so they print sharp): on the dark screen, or on white paper.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { milestoneKinds, type MilestoneKind } from '../../../shared/domain/incidents/sla-clock';
import { alarmColours } from '../app/theme';
import { milestoneColours } from './report-format';

export interface ChartLook {
  /** Fixed size on paper; on screen the chart fills its column. */
  paper?: { width: number; height: number };
}

const ink = (look: ChartLook) => (look.paper ? '#222' : '#c9ced6');
const grid = (look: ChartLook) => (look.paper ? '#ccc' : '#333a46');

function Frame({ look, height = 260, children }: { look: ChartLook; height?: number; children: ReactNode }) {
  // Print: no animation and a fixed size, so the SVG is complete the moment the page is printed.
  if (look.paper) return <div style={{ width: look.paper.width, height: look.paper.height }}>{children}</div>;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children as never}
    </ResponsiveContainer>
  );
}

const axisProps = (look: ChartLook) => ({ stroke: ink(look), tick: { fill: ink(look), fontSize: look.paper ? 10 : 13 } });
const size = (look: ChartLook) => (look.paper ? { width: look.paper.width, height: look.paper.height } : {});

/** Share met in time per milestone, one group of bars per row (level, system). */
export function ShareBarChart({ rows, kinds = milestoneKinds, look = {} }: { rows: Record<string, string | number | null>[]; kinds?: readonly MilestoneKind[]; look?: ChartLook }) {
  const { t } = useTranslation('reports');
  return (
    <Frame look={look}>
      <BarChart data={rows} {...size(look)} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={grid(look)} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" {...axisProps(look)} interval={0} />
        <YAxis domain={[0, 100]} unit="%" {...axisProps(look)} width={48} />
        {!look.paper && <Tooltip formatter={(v) => `${String(v)}%`} contentStyle={{ background: '#1f2430', border: 'none' }} />}
        <Legend wrapperStyle={{ color: ink(look), fontSize: look.paper ? 10 : 13 }} />
        {kinds.map((k) => (
          <Bar key={k} dataKey={k} name={t(`milestone.${k}`)} fill={milestoneColours[k]} isAnimationActive={false} />
        ))}
      </BarChart>
    </Frame>
  );
}

/** Share met in time per milestone over the months. */
export function ShareLineChart({ rows, look = {} }: { rows: Record<string, string | number | null>[]; look?: ChartLook }) {
  const { t } = useTranslation('reports');
  return (
    <Frame look={look}>
      <LineChart data={rows} {...size(look)} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={grid(look)} strokeDasharray="3 3" />
        <XAxis dataKey="label" {...axisProps(look)} />
        <YAxis domain={[0, 100]} unit="%" {...axisProps(look)} width={48} />
        {!look.paper && <Tooltip formatter={(v) => `${String(v)}%`} contentStyle={{ background: '#1f2430', border: 'none' }} />}
        <Legend wrapperStyle={{ color: ink(look), fontSize: look.paper ? 10 : 13 }} />
        {milestoneKinds.map((k) => (
          <Line key={k} dataKey={k} name={t(`milestone.${k}`)} stroke={milestoneColours[k]} strokeWidth={2} dot connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </Frame>
  );
}

/** Counts or figures by label, one or more series side by side. */
export function FigureBarChart({
  rows,
  series,
  look = {},
  layout = 'vertical',
  stacked = false,
}: {
  rows: Record<string, string | number | null>[];
  series: { key: string; name: string; colour: string }[];
  look?: ChartLook;
  layout?: 'vertical' | 'horizontal';
  stacked?: boolean;
}) {
  const horizontalBars = layout === 'vertical';
  return (
    <Frame look={look} height={horizontalBars ? Math.max(200, rows.length * (series.length * 14 + 14) + 60) : 260}>
      <BarChart data={rows} layout={layout} {...size(look)} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={grid(look)} strokeDasharray="3 3" horizontal={!horizontalBars} vertical={horizontalBars} />
        {horizontalBars ? (
          <>
            <XAxis type="number" allowDecimals={false} {...axisProps(look)} />
            <YAxis type="category" dataKey="label" {...axisProps(look)} width={look.paper ? 110 : 150} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" {...axisProps(look)} minTickGap={12} />
            <YAxis allowDecimals={false} {...axisProps(look)} width={40} />
          </>
        )}
        {!look.paper && <Tooltip contentStyle={{ background: '#1f2430', border: 'none' }} />}
        {series.length > 1 && <Legend wrapperStyle={{ color: ink(look), fontSize: look.paper ? 10 : 13 }} />}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} stackId={stacked ? 'all' : undefined} isAnimationActive={false} />
        ))}
      </BarChart>
    </Frame>
  );
}

export const severityColours = { critical: alarmColours.critical, major: alarmColours.major, minor: alarmColours.minor, info: alarmColours.info } as const;
