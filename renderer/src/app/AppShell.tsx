// The frame around every screen: navigation for what exists (and the operator may use), the language switch, who is signed in.
import { AlertOutlined, ApartmentOutlined, DashboardOutlined, DatabaseOutlined, ToolOutlined } from '@ant-design/icons';
import { ApiOutlined, AuditOutlined, BarChartOutlined, CheckSquareOutlined, CloudSyncOutlined, NotificationOutlined, QuestionCircleOutlined, ScheduleOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Segmented, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { LogoutOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { AlarmBanner } from '../alarms/AlarmBanner';
import { JournalAlarmBanner } from '../audit/JournalAlarmBanner';
import { UpdateWaitingBanner } from '../updates/UpdateWaitingBanner';
import { type Language, saveLanguage } from '../i18n';
import { EscalationQueue } from '../escalations/EscalationQueue';
import { ChangePasswordButton } from '../operators/ChangePasswordButton';
import { HotlineMissingNote } from '../operators/HotlineMissingNote';
import { useSession } from '../operators/use-session';
import { AlertSound } from '../incidents/AlertSound';
import { EmergencyReportButton } from '../incidents/EmergencyReportButton';
import { SyncIndicator } from '../sync/SyncIndicator';
import { forgetLanding } from './RoleLanding';
import { mayOpen } from './route-roles';
import { visuallyHidden } from './visually-hidden';

/** Each item shows to the roles that may open its screen (route-roles.ts); the core refuses the calls behind it anyway. */
const navItems: { key: string; icon: ReactNode; label: string }[] = [
  { key: '/dashboard', icon: <DashboardOutlined />, label: 'incidents:nav.dashboard' },
  { key: '/incidents', icon: <AlertOutlined />, label: 'incidents:nav.incidents' },
  { key: '/alarms', icon: <NotificationOutlined />, label: 'alarms:nav' },
  { key: '/problems', icon: <QuestionCircleOutlined />, label: 'problems:nav' },
  { key: '/devices', icon: <ApiOutlined />, label: 'devices:nav' },
  { key: '/assets', icon: <DatabaseOutlined />, label: 'nav.assets' },
  { key: '/maintenance', icon: <CheckSquareOutlined />, label: 'maintenance:nav' },
  { key: '/spares', icon: <ToolOutlined />, label: 'nav.spares' },
  { key: '/catalog', icon: <ApartmentOutlined />, label: 'nav.catalog' },
  { key: '/duty/log', icon: <ScheduleOutlined />, label: 'duty:nav.log' },
  { key: '/duty/handover', icon: <SwapOutlined />, label: 'duty:nav.handover' },
  { key: '/audit', icon: <AuditOutlined />, label: 'audit:nav' },
  { key: '/reports', icon: <BarChartOutlined />, label: 'reports:nav' },
  { key: '/sync', icon: <CloudSyncOutlined />, label: 'sync:nav' },
  { key: '/operators', icon: <TeamOutlined />, label: 'operators:nav.operators' },
  { key: '/settings', icon: <SettingOutlined />, label: 'operators:nav.settings' },
];

export function AppShell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { operator, signOut } = useSession();
  // Under 1600 px the header's own buttons keep only their icons, so the F2 button and the sync's words keep their room.
  const compactHeader = !Grid.useBreakpoint().xxl;
  const shownNavItems = navItems.filter((i) => mayOpen(operator.role, i.key));
  const selected = shownNavItems.find((i) => location.pathname.startsWith(i.key))?.key ?? '/dashboard';
  const switchLanguage = (language: Language) => {
    saveLanguage(language);
    void i18n.changeLanguage(language);
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div style={{ padding: '18px 20px' }}>
          <Typography.Title level={4} style={{ margin: 0, color: '#fff', whiteSpace: 'nowrap' }}>
            {t('appName')}
          </Typography.Title>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          onClick={(e) => navigate(e.key)}
          items={shownNavItems.map((i) => ({ key: i.key, icon: i.icon, label: t(i.label) }))}
          style={{ fontSize: 16 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, paddingInline: 24, height: 72 }}>
          <EmergencyReportButton />
          <div style={{ flex: 1 }} />
          <SyncIndicator />
          <EscalationQueue compact={compactHeader} />
          <AlertSound />
          <Segmented<Language>
            aria-label={t('language.label')}
            value={i18n.language === 'en' ? 'en' : 'zh-CN'}
            onChange={switchLanguage}
            options={[
              { label: t('language.zh'), value: 'zh-CN' },
              { label: t('language.en'), value: 'en' },
            ]}
          />
          <span data-testid="current-operator" style={{ whiteSpace: 'nowrap' }}>
            <UserOutlined style={{ marginRight: 6 }} />
            {operator.displayName} <Tag style={{ marginInlineStart: 6 }}>{t(`operators:roles.${operator.role}`)}</Tag>
          </span>
          <ChangePasswordButton compact={compactHeader} />
          <Tooltip title={compactHeader ? t('operators:shell.logout') : undefined}>
            <Button icon={<LogoutOutlined />} style={{ flexShrink: 0 }} onClick={() => { forgetLanding(); void signOut('logout'); }}>
              {compactHeader ? <span style={visuallyHidden}>{t('operators:shell.logout')}</span> : t('operators:shell.logout')}
            </Button>
          </Tooltip>
        </Layout.Header>
        <HotlineMissingNote />
        <AlarmBanner />
        <JournalAlarmBanner />
        <UpdateWaitingBanner />
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
