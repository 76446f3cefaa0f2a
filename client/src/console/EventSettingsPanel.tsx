import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { eventKeys } from '../events/api';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { deleteEvent, updateEvent } from './api/events';
import { useConsoleEvent } from './ConsoleEventLayout';
import { draftFromEvent } from './eventDraft';
import { EventForm } from './EventForm';

/** The event's own settings, and deleting it. */
export function EventSettingsPanel() {
  const { t } = useTranslation();
  const event = useConsoleEvent();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (body: Parameters<typeof updateEvent>[1]) => updateEvent(event.id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
  const remove = useMutation({
    mutationFn: () => deleteEvent(event.id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: eventKeys.detail(event.id) });
      await queryClient.invalidateQueries({ queryKey: eventKeys.list() });
      await navigate('/console');
    },
  });

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('console.tabs.details')}</h2>
      {update.isSuccess && (
        <p role="status" className="alert alert-success">
          {t('common.saved')}
        </p>
      )}
      <EventForm
        key={event.id}
        initial={draftFromEvent(event, event.timeZone)}
        submitLabel={t('common.save')}
        pending={update.isPending}
        error={update.error}
        onSubmit={(body) => update.mutate(body)}
      />
      <h3>{t('console.dangerZone')}</h3>
      <ErrorAlert error={remove.error} />
      <ConfirmButton
        confirmLabel={t('console.confirmDeleteEvent', { title: event.title })}
        onConfirm={() => remove.mutate()}
      >
        {t('console.deleteEvent')}
      </ConfirmButton>
    </section>
  );
}
