import type { MediaStatus, PresenceRole } from '@roundtable/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, Field } from '../../ui/Field';
import { CameraPreview } from './CameraPreview';
import { mayPublish } from './publishing';
import { useDevices, type DeviceList } from './useDevices';
import type { DeviceChoices } from './useMediaSession';

type EnabledStatus = Extract<MediaStatus, { enabled: true }>;

interface DeviceChoiceProps {
  status: EnabledStatus;
  role: PresenceRole;
  joining: boolean;
  onJoin: (choices: DeviceChoices) => void;
}

/** What the viewer will be able to do once joined, said before they join. */
function usePublishNote(status: EnabledStatus, mayPublishLater: boolean): string {
  const { t } = useTranslation();
  if (mayPublish(status.grants, 'screen_share')) return t('media.prejoin.canPresent');
  if (status.grants.canPublish) return t('media.prejoin.canSpeak');
  return mayPublishLater ? t('media.prejoin.waitForFloor') : t('media.prejoin.listenOnly');
}

/** Where each device's choice is kept in `DeviceChoices`. */
const FIELDS = {
  microphone: { deviceKey: 'audioDeviceId', onKey: 'microphoneOn' },
  camera: { deviceKey: 'videoDeviceId', onKey: 'cameraOn' },
} as const;
type DeviceSource = keyof typeof FIELDS;
const SOURCES: readonly DeviceSource[] = ['microphone', 'camera'];

/**
 * The choice of microphone and camera before joining, then the join itself. People who may speak
 * only once given the floor choose their devices here too, so the microphone that turns on with
 * the floor is the one they meant.
 */
export function DeviceChoice({ status, role, joining, onJoin }: DeviceChoiceProps) {
  const { t } = useTranslation();
  const { grants } = status;
  const mayPublishLater = !grants.canPublish && status.floorMode === 'moderated' && role !== 'observer';
  const note = usePublishNote(status, mayPublishLater);
  const lists: Record<DeviceSource, DeviceList> = {
    microphone: useDevices('audioinput', grants.canPublish),
    camera: useDevices('videoinput', mayPublish(grants, 'camera')),
  };
  const [choices, setChoices] = useState<DeviceChoices>({
    audioDeviceId: '',
    videoDeviceId: '',
    microphoneOn: true,
    cameraOn: false,
  });
  const shown = SOURCES.filter((source) => mayPublish(grants, source) || mayPublishLater);
  const update = (patch: Partial<DeviceChoices>) => setChoices((previous) => ({ ...previous, ...patch }));
  const cameraOn = choices.cameraOn && mayPublish(grants, 'camera');

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onJoin({ ...choices, microphoneOn: choices.microphoneOn && mayPublish(grants, 'microphone'), cameraOn });
  }

  return (
    <form className="media-prejoin" aria-labelledby="media-prejoin-heading" onSubmit={handleSubmit}>
      <h3 id="media-prejoin-heading">{t('media.prejoin.heading')}</h3>
      <p data-testid="media-publish-note">{note}</p>
      {shown.map((source) => {
        const { deviceKey, onKey } = FIELDS[source];
        return (
          <DeviceField
            key={source}
            source={source}
            list={lists[source]}
            deviceId={choices[deviceKey]}
            onDeviceChange={(deviceId) => update({ [deviceKey]: deviceId })}
            on={mayPublish(grants, source) ? choices[onKey] : null}
            onToggle={(on) => update({ [onKey]: on })}
          />
        );
      })}
      {cameraOn && <CameraPreview key={choices.videoDeviceId} deviceId={choices.videoDeviceId} />}
      {shown.some((source) => lists[source].error) && (
        <p role="alert" className="alert alert-error">
          {t('media.prejoin.devicesBlocked')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={joining}>
          {t('media.prejoin.join')}
        </button>
        {joining && <span role="status">{t('media.prejoin.joining')}</span>}
      </div>
    </form>
  );
}

interface DeviceFieldProps {
  source: DeviceSource;
  list: DeviceList;
  deviceId: string;
  onDeviceChange: (deviceId: string) => void;
  /** Whether to turn the device on when joining; null when it may not be published yet. */
  on: boolean | null;
  onToggle: (on: boolean) => void;
}

/** One device: which one, and whether it starts on (when it may be published at once). */
function DeviceField({ source, list, deviceId, onDeviceChange, on, onToggle }: DeviceFieldProps) {
  const { t } = useTranslation();
  return (
    <>
      <DeviceSelect
        label={t(`media.prejoin.${source}`)}
        name={source}
        list={list}
        value={deviceId}
        onChange={onDeviceChange}
      />
      {on !== null && (
        <CheckboxField
          label={t(`media.prejoin.${source}On`)}
          name={`${source}On`}
          checked={on}
          onChange={onToggle}
        />
      )}
    </>
  );
}

interface DeviceSelectProps {
  label: string;
  name: string;
  list: DeviceList;
  value: string;
  onChange: (deviceId: string) => void;
}

/** One kind of device; until the browser reveals names, a button to ask for them. */
function DeviceSelect({ label, name, list, value, onChange }: DeviceSelectProps) {
  const { t } = useTranslation();
  return (
    <Field
      label={label}
      name={name}
      hint={
        !list.asked && (
          <button type="button" onClick={list.ask}>
            {t('media.prejoin.listDevices', { kind: label })}
          </button>
        )
      }
    >
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('media.prejoin.defaultDevice')}</option>
          {list.devices.map((device) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
