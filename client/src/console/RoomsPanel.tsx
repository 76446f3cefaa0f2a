import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccessRule, RoomView } from '@roundtable/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { focusOnMount } from '../ui/focusOnMount';
import { consoleKeys } from './api/keys';
import { useMembers } from './api/queries';
import { createRoom, deleteRoom, updateRoom } from './api/rooms';
import { useConsoleEvent } from './ConsoleEventLayout';
import { EditDeleteCell } from './fields';
import { DEFAULT_ROOM, RoomForm, roomSettingsOf, type RoomSettings } from './RoomForm';
import { Localized, useTextIn } from '../i18n/Localized';

/** The dialogue rooms of an event: list, add, edit, delete. */
export function RoomsPanel() {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const event = useConsoleEvent();
  const queryClient = useQueryClient();
  const [editingId, setEditingId] = useState<string | null>(null);
  // Remounts the add form after a success so it starts empty again.
  const [createdCount, setCreatedCount] = useState(0);
  const members = useMembers(event.id);
  const refresh = () => queryClient.invalidateQueries({ queryKey: consoleKeys.event(event.id) });
  const create = useMutation({
    mutationFn: (settings: RoomSettings) => createRoom(event.id, settings),
    onSuccess: async () => {
      setCreatedCount((count) => count + 1);
      await refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ roomId, settings }: { roomId: string; settings: RoomSettings }) =>
      updateRoom(roomId, settings),
    onSuccess: async () => {
      setEditingId(null);
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: deleteRoom, onSuccess: refresh });
  const rooms = [...event.rooms].sort((a, b) => a.position - b.position);

  return (
    <section aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">{t('console.tabs.rooms')}</h2>
      <ErrorAlert error={remove.error} />
      {rooms.length === 0 && <p>{t('console.noRooms')}</p>}
      {rooms.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('roomForm.name')}</th>
              <th scope="col">{t('roomForm.access')}</th>
              <th scope="col">{t('roomForm.floorMode')}</th>
              <th scope="col">{t('console.features')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rooms.map((room) => (
              <tr key={room.id}>
                <th scope="row">
                  <Localized text={room.name} />
                </th>
                <td>
                  <AccessSummary access={room.access} />
                </td>
                <td>{t(`floorModes.${room.floorMode}`)}</td>
                <td>
                  <RoomFeatures room={room} />
                </td>
                <EditDeleteCell
                  name={textIn(room.name)}
                  onEdit={() => setEditingId(room.id)}
                  onDelete={() => remove.mutate(room.id)}
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rooms
        .filter((room) => room.id === editingId)
        .map((room) => (
          <section key={room.id} aria-labelledby="edit-room-heading">
            <h3 id="edit-room-heading" ref={focusOnMount} tabIndex={-1}>
              {t('console.editNamed', { name: room.name })}
            </h3>
            <RoomForm
              initial={roomSettingsOf(room)}
              members={members.data ?? []}
              submitLabel={t('common.save')}
              pending={update.isPending}
              error={update.error}
              onSubmit={(settings) => update.mutate({ roomId: room.id, settings })}
              onCancel={() => setEditingId(null)}
            />
          </section>
        ))}
      <section aria-labelledby="add-room-heading">
        <h3 id="add-room-heading">{t('console.addRoom')}</h3>
        <RoomForm
          key={createdCount}
          initial={DEFAULT_ROOM}
          members={members.data ?? []}
          submitLabel={t('console.addRoom')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(settings) => create.mutate(settings)}
        />
      </section>
    </section>
  );
}

function AccessSummary({ access }: { access: AccessRule }) {
  const { t } = useTranslation();
  if (access.mode === 'event') return <>{t('roomForm.accessEvent')}</>;
  const categories = access.categories.map((category) => t(`categories.${category}`)).join(', ');
  return (
    <>
      {t('console.restrictedSummary', {
        categories: categories || '—',
        people: access.personIds.length,
      })}
    </>
  );
}

function RoomFeatures({ room }: { room: RoomView }) {
  const { t } = useTranslation();
  const features = [
    room.mediaEnabled && t('roomForm.mediaEnabled'),
    room.lobbyEnabled && t('roomForm.lobbyEnabled'),
    room.hideDraftMinutes && t('roomForm.hideDraftMinutes'),
  ].filter(Boolean);
  return <>{features.length ? features.join(', ') : '—'}</>;
}
