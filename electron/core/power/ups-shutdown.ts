// Watches the UPS alarms the device layer records: battery low, or on battery for the set time, starts the
// shutdown: journaled, the core closed (alarms in hand recorded, the journal's head checkpointed, the clean-shutdown
// mark written), then the configured command run. Once per run of the core.
import { spawn } from 'node:child_process';
import type { Alarm } from '../../../shared/contract/alarms';
import type { CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { readUpsShutdownSettings } from './ups-shutdown-settings';

export const batteryLowEvent = 'ups.batteryLow';
export const onBatteryEvent = 'ups.onBattery';

export interface UpsShutdownDeps {
  /** Closes the core: called once, before the command runs. */
  closeCore(): Promise<void>;
}

export interface UpsShutdownWatch {
  /** Hand it every raised alarm (the core's `alarms.raised` event). */
  alarmRaised(alarm: Alarm): void;
  stop(): void;
}

export function startUpsShutdownWatch(ctx: CoreContext, deps: UpsShutdownDeps): UpsShutdownWatch {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let started = false;
  let stopped = false;

  const shutDown = async (reason: 'battery_low' | 'on_battery', alarm: Alarm): Promise<void> => {
    if (started || stopped) return;
    started = true;
    const settings = readUpsShutdownSettings(ctx.dataDir);
    await inTransaction(ctx, async (_trx, journal) => {
      await journal({
        type: 'power.shutdown',
        entityType: 'power',
        entityId: alarm.deviceId,
        payload: { reason, deviceId: alarm.deviceId, deviceName: alarm.deviceName, alarmId: alarm.id, eventCode: alarm.eventCode, command: settings.command },
        operator: 'system',
      });
    });
    console.error(`[core] UPS ${alarm.deviceName}: ${reason}; closing the data and shutting down`);
    await deps.closeCore();
    const [program, ...args] = settings.command;
    if (program) {
      const child = spawn(program, args, { detached: true, stdio: 'ignore' });
      child.on('error', (err) => console.error(`[core] the shutdown command failed: ${err.message}`));
      child.unref();
    }
  };

  const onBatteryFor = (alarm: Alarm, seconds: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void (async () => {
        // Mains came back in the meantime: the condition is restored, nothing to do.
        const row = await ctx.db.selectFrom('alarm').select('state').where('id', '=', alarm.id).executeTakeFirst();
        if (row?.state === 'active') await shutDown('on_battery', alarm);
      })().catch((err: unknown) => console.error('[core] UPS shutdown failed:', err));
    }, seconds * 1000);
    timer.unref();
    timers.add(timer);
  };

  return {
    alarmRaised(alarm) {
      if (stopped || started) return;
      const settings = readUpsShutdownSettings(ctx.dataDir);
      if (!settings.enabled) return;
      if (alarm.eventCode === batteryLowEvent) void shutDown('battery_low', alarm).catch((err: unknown) => console.error('[core] UPS shutdown failed:', err));
      else if (alarm.eventCode === onBatteryEvent && settings.onBatterySeconds > 0) onBatteryFor(alarm, settings.onBatterySeconds);
    },
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
