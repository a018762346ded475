// NX-584 codec: bytes ⇄ typed messages in both directions (console reads the panel, the simulator reads the console).

import { createFrameDecoder, encodeFrame, type Nx584Frame, type Nx584FrameError, type Nx584Framing } from './framing';
import { decodePanelMessage, encodePanelMessage, type Nx584MessageError, type Nx584PanelMessage } from './panel-messages';
import { decodeRequest, encodeRequest, type Nx584Request } from './requests';

export type Nx584CodecError = Nx584FrameError | Nx584MessageError | { code: 'badValue' | 'unknownRequest'; detail: string };

export type Nx584DecodeEvent<M> = { type: 'message'; message: M; frame: Nx584Frame; bytes: Uint8Array } | { type: 'error'; error: Nx584CodecError; bytes: Uint8Array };

export interface Nx584MessageDecoder<M> {
  /** Takes a chunk cut anywhere; returns the messages and errors it completes. */
  push(chunk: Uint8Array): Nx584DecodeEvent<M>[];
}

/** The console's side: what the panel sends. */
export function createPanelMessageDecoder(framing: Nx584Framing): Nx584MessageDecoder<Nx584PanelMessage> {
  const frames = createFrameDecoder(framing);
  return {
    push: (chunk) =>
      frames.push(chunk).map((event): Nx584DecodeEvent<Nx584PanelMessage> => {
        if (event.type === 'error') return event;
        const message = decodePanelMessage(event.frame);
        if (message.kind === 'error') return { type: 'error', error: message.error, bytes: event.bytes };
        return { type: 'message', message, frame: event.frame, bytes: event.bytes };
      }),
  };
}

/** The panel's side (simulator): what the console sends. */
export function createRequestDecoder(framing: Nx584Framing): Nx584MessageDecoder<Nx584Request> {
  const frames = createFrameDecoder(framing);
  return {
    push: (chunk) =>
      frames.push(chunk).map((event): Nx584DecodeEvent<Nx584Request> => {
        if (event.type === 'error') return event;
        const request = decodeRequest(event.frame);
        if (request.kind === 'error') return { type: 'error', error: request.error, bytes: event.bytes };
        if (request.kind === 'unknown') {
          return { type: 'error', error: { code: 'unknownRequest', detail: `request ${request.number.toString(16)}h is not known` }, bytes: event.bytes };
        }
        return { type: 'message', message: request, frame: event.frame, bytes: event.bytes };
      }),
  };
}

export function encodeRequestBytes(request: Nx584Request, framing: Nx584Framing): Uint8Array {
  return encodeFrame(encodeRequest(request), framing);
}

export function encodePanelMessageBytes(message: Nx584PanelMessage, framing: Nx584Framing, ackRequested = false): Uint8Array {
  return encodeFrame(encodePanelMessage(message, ackRequested), framing);
}
