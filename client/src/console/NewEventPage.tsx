import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { eventKeys } from '../events/api';
import { viewerTimeZone } from '../i18n/format';
import { PageTitle } from '../ui/PageTitle';
import { createEvent } from './api/events';
import { draftFromEvent } from './eventDraft';
import { EventForm } from './EventForm';

/** Creates an event, then continues to its rooms. */
export function NewEventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: createEvent,
    onSuccess: async (event) => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      await navigate(`/console/events/${encodeURIComponent(event.id)}/rooms`);
    },
  });

  return (
    <>
      <PageTitle>{t('console.newEvent')}</PageTitle>
      <p>
        <Link to="/console">{t('console.backToConsole')}</Link>
      </p>
      <h1>{t('console.newEvent')}</h1>
      <EventForm
        initial={draftFromEvent(null, viewerTimeZone())}
        submitLabel={t('console.createEvent')}
        pending={mutation.isPending}
        error={mutation.error}
        onSubmit={(body) => mutation.mutate(body)}
      />
    </>
  );
}
