import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RoomRoleSchema, type RoomRole } from '@roundtable/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { Loading } from '../ui/Loading';
import { consoleKeys } from './api/keys';
import { useMembers } from './api/queries';
import { fetchRoomRoles, removeRoomRole, setRoomRole } from './api/rooms';
import { useConsoleEvent } from './ConsoleEventLayout';
import { MemberField } from './fields';
import { useTextIn } from '../i18n/Localized';

/** Who chairs, takes notes, takes part in or observes each room. */
export function RoomRolesPanel() {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const event = useConsoleEvent();
  const queryClient = useQueryClient();
  const [roomId, setRoomId] = useState(event.rooms[0]?.id ?? '');
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<RoomRole>('participant');
  const members = useMembers(event.id);
  const roles = useQuery({
    queryKey: consoleKeys.roomRoles(event.id, roomId),
    queryFn: ({ signal }) => fetchRoomRoles(roomId, signal),
    enabled: roomId !== '',
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: consoleKeys.event(event.id) });
  const assign = useMutation({
    mutationFn: () => setRoomRole(roomId, personId, role),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => removeRoomRole(roomId, id),
    onSuccess: refresh,
  });
  const nameOf = (id: string) => members.data?.find((member) => member.personId === id)?.person.name ?? id;

  function handleAssign(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    assign.mutate();
  }

  if (event.rooms.length === 0) {
    return (
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('console.tabs.roles')}</h2>
        <p>{t('console.noRooms')}</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="roles-heading">
      <h2 id="roles-heading">{t('console.tabs.roles')}</h2>
      <Field label={t('roomRoles.room')} name="roomId">
        {(control) => (
          <select {...control} value={roomId} onChange={(e) => setRoomId(e.target.value)}>
            {event.rooms.map((room) => (
              <option key={room.id} value={room.id}>
                {textIn(room.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(roles.isPending || members.isPending) && <Loading />}
      <ErrorAlert error={roles.error ?? members.error ?? remove.error} />
      {roles.data?.length === 0 && <p>{t('roomRoles.none')}</p>}
      {roles.data && roles.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('register.name')}</th>
              <th scope="col">{t('roomRoles.role')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {roles.data.map((assignment) => {
              const name = nameOf(assignment.personId);
              return (
                <tr key={assignment.personId}>
                  <th scope="row">{name}</th>
                  <td>{t(`roles.${assignment.role}`)}</td>
                  <td>
                    <ConfirmButton
                      subject={name}
                      confirmLabel={t('roomRoles.confirmRemove', { name })}
                      onConfirm={() => remove.mutate(assignment.personId)}
                    >
                      {t('common.remove')}
                    </ConfirmButton>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form onSubmit={handleAssign} aria-labelledby="assign-role-heading" className="inline-form">
        <h3 id="assign-role-heading">{t('roomRoles.assign')}</h3>
        <ErrorAlert error={assign.error} />
        <MemberField
          members={members.data ?? []}
          value={personId}
          onChange={setPersonId}
          hint={t('roomRoles.membersOnly')}
        />
        <Field label={t('roomRoles.role')} name="role">
          {(control) => (
            <select {...control} value={role} onChange={(e) => setRole(RoomRoleSchema.parse(e.target.value))}>
              {RoomRoleSchema.options.map((option) => (
                <option key={option} value={option}>
                  {t(`roles.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={assign.isPending || !personId}>
          {t('roomRoles.assign')}
        </button>
      </form>
    </section>
  );
}
