// Binds the readings history's contract methods to its queries.
import type { readingsContract } from '../../../shared/contract/readings';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { keyReadings } from './key-readings';
import { listSeries, readingHistory } from './reading-history';

export function readingsApi(ctx: CoreContext): Handlers<keyof typeof readingsContract> {
  return {
    'readings.series': (args) => listSeries(ctx.db, args),
    'readings.history': (args) => readingHistory(ctx.db, ctx.clock.now(), args),
    'readings.keyReadings': (args) => keyReadings(ctx.db, ctx.clock.now(), args.hours),
  };
}
