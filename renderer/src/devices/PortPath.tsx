// A port path cut in the middle when the column is narrow: the end tells ports apart (`…/usb-FTDI_…_A50285BI-if00-port0`,
// `…/ttyUSB1`) while their starts are all alike (`/dev/serial/by-id/`). The whole path is in the tooltip.
import { Tooltip } from 'antd';

/** Characters always shown from the end. */
const tailLength = 16;

export function PortPath({ path, secondary = false }: { path: string; secondary?: boolean }) {
  const cut = Math.max(0, path.length - tailLength);
  const style = { fontFamily: 'monospace', fontSize: secondary ? 12 : 13, opacity: secondary ? 0.65 : 1 } as const;
  return (
    <Tooltip title={path}>
      <span data-testid="port-path" style={{ display: 'flex', minWidth: 0, maxWidth: '100%', overflow: 'hidden', ...style }}>
        {/* Never narrower than its ellipsis: the cut must show. */}
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flexShrink: 1, minWidth: cut > 0 ? '1.5ch' : 0 }}>{path.slice(0, cut)}</span>
        <span style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>{path.slice(cut)}</span>
      </span>
    </Tooltip>
  );
}
