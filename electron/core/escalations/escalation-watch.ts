// The escalation watch: turns SLA crossings into escalations while the core runs (the SLA watch records crossings).
import type { CoreContext } from '../context';
import { type PeriodicJob, startPeriodicJob } from '../periodic-job';
import { escalateMissedMilestones } from './escalation-service';

export function startEscalationWatch(ctx: CoreContext, intervalMs: number): PeriodicJob {
  return startPeriodicJob('escalation watch', intervalMs, () => escalateMissedMilestones(ctx));
}
