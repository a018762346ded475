// One printed asset label: a QR code of the asset tag, the tag in large type, the name, where the device is.
import type { Device } from '../../../shared/contract';

export interface DeviceLabelProps {
  device: Device;
  /** The QR code of the asset tag as an image URL. */
  qr: string;
  /** Where it is, as one line: building floor room rack. */
  location: string;
  /** The small line at the foot: system and type. */
  footer: string;
}

export function DeviceLabel({ device, qr, location, footer }: DeviceLabelProps) {
  return (
    <div className="device-label" data-asset-tag={device.assetTag}>
      <img className="device-label-qr" src={qr} alt={device.assetTag} />
      <div className="device-label-text">
        <div className="device-label-tag">{device.assetTag}</div>
        <div className="device-label-name">{device.name}</div>
        {location && <div className="device-label-location">{location}</div>}
        <div className="device-label-footer">{footer}</div>
      </div>
    </div>
  );
}
