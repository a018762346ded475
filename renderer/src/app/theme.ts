// One dark theme for the control room, and the alarm colours that mean the same on every screen.
import { type ThemeConfig, theme } from 'antd';

/** red = level I / alarm, orange = level II / due soon, gold = level III, blue = level IV / info, green = normal. */
export const alarmColours = {
  critical: '#ff4d4f',
  major: '#fa8c16',
  minor: '#fadb14',
  info: '#1677ff',
  normal: '#52c41a',
  muted: '#8c8c8c',
} as const;

export const consoleTheme: ThemeConfig = {
  algorithm: theme.darkAlgorithm,
  token: {
    colorPrimary: '#1677ff',
    colorError: alarmColours.critical,
    colorWarning: alarmColours.major,
    colorSuccess: alarmColours.normal,
    colorBgLayout: '#10141c',
    fontSize: 15,
    controlHeight: 38,
    borderRadius: 6,
    fontFamily:
      "-apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
};
