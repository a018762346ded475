// The renderer's root: theme and locale, server state, the login gate, routes; the start-up error screen if the core failed.
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, Outlet, RouterProvider } from 'react-router';
import { AlarmsPage } from '../alarms/AlarmsPage';
import { AssetsPage } from '../assets/AssetsPage';
import { DeviceFormPage } from '../assets/DeviceFormPage';
import { DevicePage } from '../assets/DevicePage';
import { ImportPage } from '../assets/ImportPage';
import { LabelsPage } from '../assets/LabelsPage';
import { AuditPage } from '../audit/AuditPage';
import { BackupsPage } from '../backups/BackupsPage';
import { CatalogPage } from '../catalog/CatalogPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { LinkFormPage } from '../devices/LinkFormPage';
import { LinksPage } from '../devices/LinksPage';
import { DiagnosticsPage } from '../devices/DiagnosticsPage';
import { FaultReportPage } from '../incidents/FaultReportPage';
import { IncidentPage } from '../incidents/IncidentPage';
import { IncidentsPage } from '../incidents/IncidentsPage';
import { MaintenancePage } from '../maintenance/MaintenancePage';
import { RecordPrintPage } from '../maintenance/RecordPrintPage';
import { TaskWalkPage } from '../maintenance/TaskWalkPage';
import { OperatorsPage } from '../operators/OperatorsPage';
import { ConsultationPrintPage } from '../problems/ConsultationPrintPage';
import { DefectPage } from '../problems/DefectPage';
import { DefectPrintPage } from '../problems/DefectPrintPage';
import { ProblemsPage } from '../problems/ProblemsPage';
import { MonthlyReportPage } from '../reports/MonthlyReportPage';
import { ReportsPage } from '../reports/ReportsPage';
import { PowerPage } from '../power/PowerPage';
import { SessionGate } from '../operators/SessionGate';
import { SettingsPage } from '../operators/SettingsPage';
import { DutyLogPage } from '../duty/DutyLogPage';
import { HandoverPage } from '../duty/HandoverPage';
import { HandoverPrintPage } from '../duty/HandoverPrintPage';
import { SparesPage } from '../spares/SparesPage';
import { SyncPage } from '../sync/SyncPage';
import { SyncSettingsPage } from '../sync/SyncSettingsPage';
import { UpdatesPage } from '../updates/UpdatesPage';
import { useSyncLive } from '../sync/use-sync-live';
import { WallScreen } from '../wall/WallScreen';
import { isRecordPdfPage, RecordPdfPage } from '../maintenance/RecordPdfPage';
import { consoleClient } from '../transport';
import { useContractQuery, useLiveInvalidation } from '../transport/use-contract';
import { wallKeyOfPage } from '../transport/websocket';
import { AppShell } from './AppShell';
import { RoleLanding } from './RoleLanding';
import { StartupErrorScreen } from './StartupErrorScreen';
import { consoleTheme } from './theme';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 5_000, refetchOnWindowFocus: false } } });

function ShellLayout() {
  useLiveInvalidation();
  useSyncLive();
  return (
    <RoleLanding>
      <AppShell>
        <Outlet />
      </AppShell>
    </RoleLanding>
  );
}

const router = createHashRouter([
  // Labels print on bare paper: no shell around them.
  { path: '/labels', element: <LabelsPage /> },
  { path: '/duty/handover/:id/print', element: <HandoverPrintPage /> },
  { path: '/incidents/:id/report', element: <FaultReportPage /> },
  { path: '/maintenance/tasks/:id/print', element: <RecordPrintPage /> },
  { path: '/problems/defects/:id/print', element: <DefectPrintPage /> },
  { path: '/problems/consultations/:id/print', element: <ConsultationPrintPage /> },
  // Outside the shell like the other sheets, but a supervisor's: the role check still applies.
  { path: '/reports/monthly/:month', element: <RoleLanding><MonthlyReportPage /></RoleLanding> },
  {
    element: <ShellLayout />,
    children: [
      // RoleLanding sends "/" to the operator's start page.
      { index: true, element: null },
      { path: '/dashboard', element: <DashboardPage /> },
      { path: '/incidents', element: <IncidentsPage /> },
      { path: '/incidents/:id', element: <IncidentPage /> },
      { path: '/problems', element: <ProblemsPage /> },
      { path: '/problems/defects/:id', element: <DefectPage /> },
      { path: '/assets', element: <AssetsPage /> },
      { path: '/assets/new', element: <DeviceFormPage /> },
      { path: '/assets/import', element: <ImportPage /> },
      { path: '/assets/:id', element: <DevicePage /> },
      { path: '/assets/:id/edit', element: <DeviceFormPage /> },
      { path: '/spares', element: <SparesPage /> },
      { path: '/catalog', element: <CatalogPage /> },
      { path: '/duty/log', element: <DutyLogPage /> },
      { path: '/duty/handover', element: <HandoverPage /> },
      { path: '/alarms', element: <AlarmsPage /> },
      { path: '/alarms/history', element: <AlarmsPage /> },
      { path: '/alarms/rules', element: <AlarmsPage /> },
      { path: '/devices', element: <LinksPage /> },
      { path: '/devices/new', element: <LinkFormPage /> },
      { path: '/devices/:id/edit', element: <LinkFormPage /> },
      { path: '/devices/:id/diagnostics', element: <DiagnosticsPage /> },
      { path: '/maintenance', element: <MaintenancePage /> },
      { path: '/maintenance/plans', element: <MaintenancePage /> },
      { path: '/maintenance/templates', element: <MaintenancePage /> },
      { path: '/maintenance/tasks/:id', element: <TaskWalkPage /> },
      { path: '/audit', element: <AuditPage /> },
      { path: '/reports', element: <ReportsPage /> },
      { path: '/operators', element: <OperatorsPage /> },
      { path: '/settings', element: <SettingsPage /> },
      { path: '/settings/backups', element: <BackupsPage /> },
      { path: '/settings/updates', element: <UpdatesPage /> },
      { path: '/settings/power', element: <PowerPage /> },
      { path: '/sync', element: <SyncPage /> },
      { path: '/sync/settings', element: <SyncSettingsPage /> },
    ],
  },
]);

/**
 * The wall screen stands outside the sign-in: its page is never signed in, so neither the login nor the idle lock
 * covers it. A page opened with the wall key is the wall whatever its route: its socket answers nothing else.
 */
const isWallScreen = (): boolean => window.location.hash === '#/wall' || window.location.hash.startsWith('#/wall?') || wallKeyOfPage() !== null;
const onHashChange = (changed: () => void): (() => void) => {
  window.addEventListener('hashchange', changed);
  return () => window.removeEventListener('hashchange', changed);
};

function Root() {
  const wall = useSyncExternalStore(onHashChange, isWallScreen);
  const recordPdf = useSyncExternalStore(onHashChange, isRecordPdfPage);
  // The wall reads its snapshot and nothing else (not even system.info: a wall page may call nothing more).
  if (wall) return <WallScreen />;
  // The record's PDF page, opened by the console's own renderer with a one-time print token: it reads that record only.
  if (recordPdf) return <RecordPdfPage />;
  return <ConsoleRoot />;
}

function ConsoleRoot() {
  const info = useContractQuery('system.info', {}, { staleTime: Number.POSITIVE_INFINITY });
  const client = useQueryClient();
  // The background integrity check failed: system.info now carries the error and the error screen takes over.
  useEffect(() => consoleClient().subscribe('system.changed', () => void client.invalidateQueries({ queryKey: ['system.info'] })), [client]);
  if (info.isPending) return <Spin fullscreen />;
  if (info.data?.startupError) return <StartupErrorScreen error={info.data.startupError} databasePath={info.data.databasePath} startedAt={info.data.startedAt} />;
  return (
    <SessionGate>
      <RouterProvider router={router} />
    </SessionGate>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  useEffect(() => {
    // dayjs's locale follows i18next's languageChanged (i18n/index.ts), before this render.
    document.documentElement.lang = english ? 'en' : 'zh-CN';
  }, [english]);
  return (
    <ConfigProvider theme={consoleTheme} locale={english ? enUS : zhCN}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Root />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
