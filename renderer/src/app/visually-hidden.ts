// Text for screen readers and the button's accessible name only: an icon-only button keeps its words (an aria-label
// would also make it match every label query containing them, e.g. "密码" on a form next to "修改密码").
import type { CSSProperties } from 'react';

export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
