// How large a message the host takes on one connection: a little before sign-in, the largest call after it.
import type { WebSocket } from 'ws';
import { importFileSchema } from '../../shared/contract/assets';
import { attachmentFileSchema } from '../../shared/contract/incidents';

/** Before sign-in a page sends auth.status, auth.login, auth.setup: a few hundred bytes. */
export const signedOutMaxMessageBytes = 64 * 1024;

/** incidents.report takes up to six photos (reportIncidentSchema; its test checks the number against the contract). */
export const reportPhotosMax = 6;

/** The JSON around the base64: the envelope, a report's text fields (\u-escaped at worst), file names. */
const envelopeBytes = 256 * 1024;

/**
 * The largest call the contract accepts: a report with six photos at the attachment limit, or an asset import
 * file. A smaller frame limit would close the connection under a valid report, losing it.
 */
export const signedInMaxMessageBytes =
  Math.max(
    importFileSchema.shape.contentBase64.maxLength ?? 0,
    reportPhotosMax * (attachmentFileSchema.shape.contentBase64.maxLength ?? 0),
  ) + envelopeBytes;

interface Receiver {
  _maxPayload: number;
}

/**
 * Sets the largest message `ws` accepts from now on. ws has one `maxPayload` per server (websockets/ws#1473 declined
 * a per-connection one), but its receiver reads `_maxPayload` at every frame header, before it buffers the payload,
 * and closes the connection with 1009 when a frame (or a message's fragments together) would pass it. So a
 * signed-out page cannot make the host hold more than `signedOutMaxMessageBytes`. Returns false if this ws no longer
 * has that field: the connection then keeps the server's limit (the signed-out one), which refuses large calls
 * rather than accepting large frames from strangers.
 */
export function limitMessageSize(ws: WebSocket, bytes: number): boolean {
  const receiver = (ws as unknown as { _receiver?: Partial<Receiver> })._receiver;
  if (!receiver || typeof receiver._maxPayload !== 'number') return false;
  receiver._maxPayload = bytes;
  return true;
}
