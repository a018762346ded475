// The two IPC channels between the preload bridge and main; imported by both, pure.

/** Renderer → main, `ipcRenderer.invoke(callChannel, method, input)` answered with a `Result`. */
export const callChannel = 'duty:call';
/** Main → renderer, `webContents.send(eventChannel, eventName, payload)` for every core event. */
export const eventChannel = 'duty:event';
