// Which configured device an alarm came from, as the alarm rows and the incidents it opens name it.

export interface AlarmSource {
  deviceId: string;
  deviceName: string;
  /** The asset-register device it is; the incidents it opens are linked to it. */
  assetId: string | null;
}
