// A reading's last hours as a small line, no axes: the shape at a glance beside its current value.
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import type { HistoryPoint } from '../../../shared/contract/readings';

export function Sparkline({ points, colour, height = 40 }: { points: HistoryPoint[]; colour: string; height?: number }) {
  return (
    <div aria-hidden style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={points} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
          <YAxis hide domain={['dataMin', 'dataMax']} />
          <Line dataKey="mean" stroke={colour} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
