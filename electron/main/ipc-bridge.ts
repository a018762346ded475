// The main side of the preload bridge: one invoke channel into the core, one push channel out of it.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Core, CoreSession } from '../core/core';
import { answerBridgeCall } from './bridge-call';
import { callChannel, eventChannel } from './ipc-channels';
import { isAppUrl, type SenderFrame } from './security-policy';

function senderFrameOf(event: IpcMainInvokeEvent): SenderFrame | null {
  // senderFrame is null once the frame has navigated away or been destroyed.
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed()) return null;
  return { url: frame.url, isTopLevel: frame.parent === null };
}

/**
 * Starts answering `duty:call` and pushing core events to the windows that call; returns a function that stops both.
 * A window `isWall` names (the wall window) gets a session that reads the wall and nothing else.
 */
export function installIpcBridge(core: Core, isWall: (contents: WebContents) => boolean = () => false): () => void {
  // One core session per window's web contents: it starts signed out and ends when the contents are destroyed. The
  // session decides which events its window hears (operators/core-session.ts).
  const sessions = new Map<WebContents, CoreSession>();
  const sessionOf = (contents: WebContents): CoreSession => {
    let session = sessions.get(contents);
    if (!session) {
      const opened = core.openSession((name, payload) => pushEvent(contents, name, payload), isWall(contents) ? {} : undefined);
      session = opened;
      sessions.set(contents, opened);
      contents.once('destroyed', () => {
        opened.close();
        sessions.delete(contents);
      });
    }
    return session;
  };
  ipcMain.handle(callChannel, (event, method: unknown, input: unknown) => answerBridgeCall(sessionOf(event.sender), senderFrameOf(event), method, input));

  return () => {
    ipcMain.removeHandler(callChannel);
    for (const session of sessions.values()) session.close();
    sessions.clear();
  };
}

/** Only a page showing our own origin hears core events (never DevTools or a foreign page). */
function pushEvent(contents: WebContents, name: string, payload: unknown): void {
  if (contents.isDestroyed() || contents.getType() !== 'window' || !isAppUrl(contents.getURL())) return;
  contents.send(eventChannel, name, payload);
}
