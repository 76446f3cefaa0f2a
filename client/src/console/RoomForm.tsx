import {
  CategorySchema,
  EMPTY_TEXT,
  FloorModeSchema,
  type AccessRule,
  type Category,
  type MemberView,
  type Room,
} from '@roundtable/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fieldErrorsOf } from '../ui/errors';
import { CheckboxField } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { BilingualField } from './BilingualField';

export type RoomSettings = Pick<
  Room,
  'name' | 'description' | 'access' | 'floorMode' | 'mediaEnabled' | 'lobbyEnabled' | 'hideDraftMinutes'
>;

const FIELDS = [
  'name',
  'name.en',
  'name.ja',
  'description',
  'description.en',
  'description.ja',
  'access',
  'access.categories',
  'access.personIds',
  'floorMode',
] as const;

export const DEFAULT_ROOM: RoomSettings = {
  name: EMPTY_TEXT,
  description: EMPTY_TEXT,
  access: { mode: 'event' },
  floorMode: 'moderated',
  mediaEnabled: true,
  lobbyEnabled: false,
  hideDraftMinutes: false,
};

/** Just the editable settings of a stored room (never its id, event or position). */
export function roomSettingsOf(room: Room): RoomSettings {
  const { name, description, access, floorMode, mediaEnabled, lobbyEnabled, hideDraftMinutes } = room;
  return { name, description, access, floorMode, mediaEnabled, lobbyEnabled, hideDraftMinutes };
}

interface RoomFormProps {
  initial: RoomSettings;
  members: readonly MemberView[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (settings: RoomSettings) => void;
  onCancel?: () => void;
}

function toggleIn<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((entry) => entry !== item);
}

/** A dialogue room's settings: who may enter, how the floor works, media and lobby. */
export function RoomForm({
  initial,
  members,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: RoomFormProps) {
  const { t } = useTranslation();
  const [room, setRoom] = useState(initial);
  // Kept while the rule is "whole event", so switching back and forth loses nothing.
  const [restriction, setRestriction] = useState(
    initial.access.mode === 'restricted'
      ? initial.access
      : { categories: [] as Category[], personIds: [] as string[] },
  );
  const fieldErrors = fieldErrorsOf(error);
  const restricted = room.access.mode === 'restricted';

  function update(patch: Partial<RoomSettings>) {
    setRoom((current) => ({ ...current, ...patch }));
  }

  function handleAccessMode(mode: AccessRule['mode']) {
    update({ access: mode === 'event' ? { mode } : { mode, ...restriction } });
  }

  function handleRestriction(patch: Partial<typeof restriction>) {
    const next = { ...restriction, ...patch };
    setRestriction(next);
    update({ access: { mode: 'restricted', categories: next.categories, personIds: next.personIds } });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(room);
  }

  return (
    <form onSubmit={handleSubmit} className="room-form">
      <ErrorAlert error={error} fields={FIELDS} />
      <BilingualField
        label={t('roomForm.name')}
        name="name"
        required
        fieldErrors={fieldErrors}
        value={room.name}
        onChange={(name) => update({ name })}
      />
      <BilingualField
        label={t('roomForm.description')}
        name="description"
        multiline
        fieldErrors={fieldErrors}
        value={room.description}
        onChange={(description) => update({ description })}
      />
      <fieldset>
        <legend>{t('roomForm.access')}</legend>
        <label className="choice">
          <input
            type="radio"
            name="access"
            checked={!restricted}
            onChange={() => handleAccessMode('event')}
          />
          {t('roomForm.accessEvent')}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="access"
            checked={restricted}
            onChange={() => handleAccessMode('restricted')}
          />
          {t('roomForm.accessRestricted')}
        </label>
        {restricted && (
          <>
            <fieldset>
              <legend>{t('roomForm.categories')}</legend>
              {CategorySchema.options.map((category) => (
                <CheckboxField
                  key={category}
                  name="categories"
                  label={t(`categories.${category}`)}
                  checked={restriction.categories.includes(category)}
                  onChange={(on) =>
                    handleRestriction({ categories: toggleIn(restriction.categories, category, on) })
                  }
                />
              ))}
              {fieldErrors['access.categories'] && (
                <p className="field-error">{fieldErrors['access.categories']}</p>
              )}
            </fieldset>
            <fieldset>
              <legend>{t('roomForm.people')}</legend>
              {members.length === 0 && <p className="field-hint">{t('roomForm.noMembers')}</p>}
              {members.map((member) => (
                <CheckboxField
                  key={member.personId}
                  name="personIds"
                  label={member.person.name}
                  checked={restriction.personIds.includes(member.personId)}
                  onChange={(on) =>
                    handleRestriction({ personIds: toggleIn(restriction.personIds, member.personId, on) })
                  }
                />
              ))}
            </fieldset>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('roomForm.floorMode')}</legend>
        {FloorModeSchema.options.map((mode) => (
          <label key={mode} className="choice">
            <input
              type="radio"
              name="floorMode"
              checked={room.floorMode === mode}
              onChange={() => update({ floorMode: mode })}
            />
            {t(`floorModes.${mode}`)}
          </label>
        ))}
      </fieldset>
      <CheckboxField
        label={t('roomForm.mediaEnabled')}
        name="mediaEnabled"
        checked={room.mediaEnabled}
        onChange={(mediaEnabled) => update({ mediaEnabled })}
      />
      <CheckboxField
        label={t('roomForm.lobbyEnabled')}
        name="lobbyEnabled"
        checked={room.lobbyEnabled}
        onChange={(lobbyEnabled) => update({ lobbyEnabled })}
        hint={t('roomForm.lobbyHint')}
      />
      <CheckboxField
        label={t('roomForm.hideDraftMinutes')}
        name="hideDraftMinutes"
        checked={room.hideDraftMinutes}
        onChange={(hideDraftMinutes) => update({ hideDraftMinutes })}
        hint={t('roomForm.hideDraftMinutesHint')}
      />
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} primary />
    </form>
  );
}
