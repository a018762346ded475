// The demo site in the core: remembered in settings, simulators started with the core, devices configured once.
import { join } from 'node:path';
import { deviceFieldsSchema } from '../../../shared/contract/assets';
import type { DemoSiteStatus } from '../../../shared/contract/demo';
import { createDevice as registerDevice } from '../assets/device-service';
import type { CallContext, CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { toErrorData } from '../to-error-data';
import { createLink, type DeviceLayer } from './link-service';
import { type DemoSite, demoRegisterEntries, startDemoSite } from './simulation/demo-site';

const demoSettingKey = 'demoSite';

export interface DemoSiteRunner {
  status(): Promise<DemoSiteStatus>;
  /** At core start: runs the simulators if the demo site was chosen before. */
  resume(): Promise<void>;
  enable(call: CallContext): Promise<DemoSiteStatus>;
  stop(): Promise<void>;
}

export function createDemoSiteRunner(ctx: CoreContext, layer: DeviceLayer): DemoSiteRunner {
  let site: DemoSite | null = null;
  let lastError: DemoSiteStatus['error'] = null;

  const isEnabled = async (): Promise<boolean> =>
    (await ctx.db.selectFrom('setting').select('value').where('key', '=', demoSettingKey).executeTakeFirst())?.value === 'true';

  /** Never throws: without socat the console still runs, the demo devices just stay offline with the reason shown. */
  const startSimulators = async (): Promise<DemoSite | null> => {
    if (site) return site;
    try {
      // Stable paths under the data directory: the configured links find their ports again after a restart.
      site = await startDemoSite({ dir: join(ctx.dataDir, 'demo') });
      lastError = null;
    } catch (error) {
      lastError = toErrorData(error);
    }
    return site;
  };

  const status = async (): Promise<DemoSiteStatus> => ({ enabled: await isEnabled(), running: site !== null, error: lastError });

  return {
    status,
    async resume() {
      if (await isEnabled()) await startSimulators();
    },
    async enable(call) {
      const running = await startSimulators();
      if (!(await isEnabled())) {
        await inTransaction(ctx, async (trx, journal) => {
          const now = ctx.clock.now();
          await trx
            .insertInto('setting')
            .values({ key: demoSettingKey, value: 'true', updated_at: now })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value: 'true', updated_at: now }))
            .execute();
          await journal({ type: 'demo.enabled', entityType: 'settings', entityId: 'console', payload: {}, operator: call.operator });
        });
      }
      if (running) {
        const configured = new Set((await ctx.db.selectFrom('link').select('port_path').execute()).map((r) => r.port_path));
        for (const endpoint of running.endpoints) {
          if (configured.has(endpoint.portPath)) continue;
          const entry = demoRegisterEntries[endpoint.driver];
          const asset = entry ? await registerDevice(ctx, call, deviceFieldsSchema.parse(entry)) : null;
          await createLink(ctx, layer, call, { ...endpoint, assetId: asset?.id ?? null });
        }
      }
      return status();
    },
    async stop() {
      await site?.stop();
      site = null;
    },
  };
}
