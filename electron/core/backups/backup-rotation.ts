// Which backups rotation keeps: the newest of each of the last N days, ISO weeks and months (like restic's
// --keep-daily/--keep-weekly/--keep-monthly). Dates are the local calendar's; the newest backup is always kept.

export interface RotationPolicy {
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** ISO 8601 week. */
function weekKey(d: Date): string {
  // The Thursday of the date's week decides the year; week 1 holds the year's first Thursday.
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  const week = Math.ceil(((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

function monthKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** The names to delete among `backups` (any order); what is kept is every name not returned. */
export function backupsToDelete(backups: readonly { name: string; createdAt: number }[], policy: RotationPolicy): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt);
  const keep = new Set<string>();
  const bucket = (count: number, key: (d: Date) => string) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      if (seen.size >= count) break;
      const k = key(new Date(b.createdAt));
      if (seen.has(k)) continue;
      seen.add(k);
      keep.add(b.name);
    }
  };
  bucket(policy.keepDaily, dayKey);
  bucket(policy.keepWeekly, weekKey);
  bucket(policy.keepMonthly, monthKey);
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
