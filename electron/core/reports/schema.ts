// The reports' table as Kysely sees it (created by migration 0082).

/** The supervisor's suggestions (系统优化) printed in one month's service report; saving again replaces the text. */
export interface ReportSuggestionTable {
  /** YYYY-MM. */
  month: string;
  text: string;
  saved_at: number;
  saved_by: string;
}

export interface ReportTables {
  report_suggestion: ReportSuggestionTable;
}
