import { Room } from 'livekit-client';
import { useCallback, useEffect, useState } from 'react';

/** Browsers expose no devices outside a secure context (a self-hosted server on plain HTTP). */
const UNSUPPORTED = new DOMException('This page may not use media devices.', 'NotSupportedError');

function mediaDevicesAvailable(): boolean {
  return (navigator.mediaDevices as MediaDevices | undefined) !== undefined;
}

export type InputKind = 'audioinput' | 'videoinput';

export interface DeviceList {
  /** Devices the browser names; empty until the person allowed access (browsers hide them before). */
  devices: MediaDeviceInfo[];
  /** Why access was refused, if it was. */
  error: unknown;
  /** Whether the page asked for access (and so may list names). */
  asked: boolean;
  /** Asks the browser for access, which is what reveals the devices' names. */
  ask: () => void;
}

/**
 * The microphones or cameras of this computer, kept current when one is plugged in or out. Access
 * is asked at once only when `askAtOnce` (the person may publish as soon as they join); others are
 * not prompted for a microphone they may never use, and can ask with `ask()`.
 */
export function useDevices(kind: InputKind, askAtOnce: boolean): DeviceList {
  const supported = mediaDevicesAvailable();
  const [asked, setAsked] = useState(askAtOnce);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!supported) return;
    let active = true;
    const list = (requestPermissions: boolean) => {
      Room.getLocalDevices(kind, requestPermissions)
        .then((found) => {
          if (!active) return;
          // Without access browsers list one anonymous entry per kind: nothing to choose from.
          setDevices(found.filter((device) => device.deviceId !== '' && device.label !== ''));
          setError(null);
        })
        .catch((err: unknown) => {
          if (active) setError(err);
        });
    };
    list(asked);
    const handleDeviceChange = () => list(false);
    navigator.mediaDevices.addEventListener('devicechange', handleDeviceChange);
    return () => {
      active = false;
      navigator.mediaDevices.removeEventListener('devicechange', handleDeviceChange);
    };
  }, [kind, asked, supported]);

  const ask = useCallback(() => setAsked(true), []);
  if (!supported) return { devices: [], error: UNSUPPORTED, asked: true, ask };
  return { devices, error, asked, ask };
}
