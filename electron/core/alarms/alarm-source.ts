// Which link an alarm came from, as the alarm rows and the incidents it opens name it.

export interface AlarmSource {
  /** The link's id and name (the alarm rows keep them as device_id / device_name). */
  deviceId: string;
  deviceName: string;
  /** The asset-register device it is; the incidents it opens are linked to it. */
  assetId: string | null;
}
