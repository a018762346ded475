// Binds the alarms' contract methods to their services.
import type { alarmsContract } from '../../../shared/contract/alarms';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { createAlarmRule, listAlarmRules, removeAlarmRule, updateAlarmRule } from './alarm-rules';
import { acknowledgeAlarm, listAlarms } from './alarm-service';

export function alarmsApi(ctx: CoreContext): Handlers<keyof typeof alarmsContract> {
  return {
    'alarms.list': (args) => listAlarms(ctx.db, args),
    'alarms.acknowledge': (args, call) => acknowledgeAlarm(ctx, call, args),
    'alarmRules.list': () => listAlarmRules(ctx.db),
    'alarmRules.create': (args, call) => createAlarmRule(ctx, call, args),
    'alarmRules.update': (args, call) => updateAlarmRule(ctx, call, args.id, args.fields),
    'alarmRules.remove': (args, call) => removeAlarmRule(ctx, call, args.id),
  };
}
