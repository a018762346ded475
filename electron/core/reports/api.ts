// Binds the reports' contract methods to their services.
import type { reportsContract } from '../../../shared/contract/reports';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { monthlyReport, reportOverview } from './report-service';
import { exportReport } from './report-workbook';
import { saveSuggestions } from './suggestion-service';

export function reportsApi(ctx: CoreContext): Handlers<keyof typeof reportsContract> {
  return {
    'reports.overview': (args) => reportOverview(ctx, args.filter),
    'reports.export': (args, call) => exportReport(ctx, call, args),
    'reports.monthly': (args) => monthlyReport(ctx, args),
    'reports.saveSuggestions': (args, call) => saveSuggestions(ctx, call, args),
  };
}
