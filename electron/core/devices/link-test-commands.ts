// Diagnostics test commands: what the device on a link offers, and running one (dangerous ones only when confirmed), journaled.
import { AppError } from '../../../shared/contract/app-error';
import { secretPlaceholder } from '../../../shared/contract/device-protocols';
import type { TestCommandResult } from '../../../shared/contract/links';
import type { MethodArgs } from '../../../shared/contract';
import type { DetailValue, TestCommandSpec } from '../../../shared/domain/devices/device-signals';
import type { CallContext, CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import type { DeviceLayer } from './link-service';
import type { DriverSession } from './driver-session';

/** Parameter names that carry a code or key, whatever the driver: masked in the journal. */
const secretParamName = /pin|code|key|password|secret/i;

async function endpointName(ctx: CoreContext, id: string): Promise<string> {
  const row = await ctx.db.selectFrom('link').select('name').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('link_not_found', 'link_not_found', { id });
  return row.name;
}

function runningSession(layer: DeviceLayer, id: string): DriverSession {
  const session = layer.supervisor.session(id);
  if (!session) throw new AppError('device_not_connected', 'device_not_connected', { id, state: layer.supervisor.status(id)?.state ?? 'offline' });
  return session;
}

export async function listTestCommands(ctx: CoreContext, layer: DeviceLayer, id: string): Promise<TestCommandSpec[]> {
  await endpointName(ctx, id);
  return layer.supervisor.session(id)?.testCommands() ?? [];
}

export function maskParams(params: Record<string, DetailValue>): Record<string, DetailValue> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, secretParamName.test(name) && value !== null ? secretPlaceholder : value]));
}

export async function runTestCommand(ctx: CoreContext, layer: DeviceLayer, call: CallContext, args: MethodArgs<'links.runTestCommand'>): Promise<TestCommandResult> {
  const name = await endpointName(ctx, args.id);
  const session = runningSession(layer, args.id);
  const spec = session.testCommands().find((candidate) => candidate.id === args.commandId);
  if (!spec) throw new AppError('device_unknown_test_command', 'device_unknown_test_command', { id: args.id, commandId: args.commandId });
  // Refused before anything is sent: opening a door or disarming is never one click.
  if (spec.dangerous && !args.confirmed) {
    throw new AppError('device_command_needs_confirmation', 'device_command_needs_confirmation', { id: args.id, commandId: args.commandId });
  }
  let result: string | null = null;
  let failure: AppError | null = null;
  try {
    result = await session.runTestCommand(args.commandId, args.params);
  } catch (err) {
    failure = err instanceof AppError ? err : new AppError('device_test_command_failed', 'device_test_command_failed', { reason: err instanceof Error ? err.message : String(err) });
  }
  const at = ctx.clock.now();
  await inTransaction(ctx, async (_trx, journal) => {
    await journal({
      type: 'link.test_command',
      entityType: 'link',
      entityId: args.id,
      payload: {
        name,
        commandId: args.commandId,
        label: spec.label,
        dangerous: spec.dangerous,
        confirmed: args.confirmed,
        params: maskParams(args.params),
        ok: failure === null,
        result,
        error: failure?.toData() ?? null,
      },
      operator: call.operator,
    });
  });
  if (failure) throw failure;
  return { commandId: args.commandId, result: result ?? '', at };
}
