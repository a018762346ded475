// What the wall screen shows, in one read: link tiles, active alarms, open incidents with their clocks, key readings.
import type { LinkView } from '../../../shared/contract/links';
import type { WallSnapshot, WallTone } from '../../../shared/contract/wall';
import type { CoreContext } from '../context';
import { listAlarms } from '../alarms/alarm-service';
import type { DeviceLayer } from '../devices/link-service';
import { listLinks } from '../devices/link-service';
import { listIncidents } from '../incidents/incident-queries';
import { keyReadings } from '../readings/key-readings';

const wallAlarms = 12;
const wallIncidents = 8;
/**
 * A snapshot is reused this long: the wall asks every few seconds, and anyone on the network may ask without signing
 * in, so however often they ask the core reads the tables at most once per interval.
 */
const reuseForMs = 2_000;

function toneOf(link: LinkView): WallTone {
  if (link.status.state === 'offline') return 'red';
  if (link.status.state !== 'connected' || link.activeAlarmCount > 0) return 'amber';
  return 'green';
}

async function readSnapshot(ctx: CoreContext, layer: DeviceLayer): Promise<WallSnapshot> {
  const asOf = ctx.clock.now();
  const links = (await listLinks(ctx, layer)).filter((l) => l.enabled);
  const alarms = await listAlarms(ctx.db, { scope: 'active', limit: wallAlarms });
  const incidents = await listIncidents(ctx, { scope: 'open', q: '', limit: wallIncidents });
  const readings = await keyReadings(ctx.db, asOf, 24);
  const active = await ctx.db.selectFrom('alarm').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'active').executeTakeFirstOrThrow();
  return {
    asOf,
    links: links.map((l) => ({ id: l.id, name: l.name, state: l.status.state, tone: toneOf(l), activeAlarms: l.activeAlarmCount })),
    alarms: alarms.items.map((a) => ({
      id: a.id,
      deviceName: a.deviceName,
      severity: a.severity,
      text: a.text,
      raisedAt: a.raisedAt,
      acknowledged: a.acknowledgedAt !== null,
    })),
    alarmCount: Number(active.n),
    incidents: incidents.items.map((i) => ({
      id: i.id,
      number: i.number,
      level: i.level,
      state: i.state,
      title: i.title,
      location: i.record.location,
      milestone: i.urgency.milestone,
      remainingMs: i.urgency.remainingMs,
    })),
    readings: readings.map((r) => ({
      linkName: r.series.linkName,
      key: r.series.key,
      label: r.series.label,
      unit: r.series.unit,
      value: r.latest?.value ?? null,
      at: r.latest?.at ?? null,
      points: r.points,
    })),
  };
}

export function createWallSnapshots(ctx: CoreContext, layer: DeviceLayer): () => Promise<WallSnapshot> {
  let last: { at: number; snapshot: Promise<WallSnapshot> } | null = null;
  return () => {
    const now = ctx.clock.now();
    if (last && now - last.at < reuseForMs && now >= last.at) return last.snapshot;
    const snapshot = readSnapshot(ctx, layer);
    last = { at: now, snapshot };
    // A failed read is not kept for the next caller.
    snapshot.catch(() => {
      if (last?.snapshot === snapshot) last = null;
    });
    return snapshot;
  };
}
