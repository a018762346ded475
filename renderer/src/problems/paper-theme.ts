// Paper is white: printed problem forms drop the console's dark theme, as the fault report does.
import { theme } from 'antd';
import { consoleTheme } from '../app/theme';

export const paperTheme = { inherit: false, algorithm: theme.defaultAlgorithm, token: { fontFamily: consoleTheme.token?.fontFamily, fontSize: 15, controlHeight: 38 } };
