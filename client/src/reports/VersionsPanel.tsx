import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { fetchVersions, reportKeys, restoreVersion, saveVersion } from './api';

interface VersionsPanelProps {
  roomId: string;
  /** Restoring changes the content: only drafts may be restored into. */
  canRestore: boolean;
}

/** Named versions of the minutes: save one now, list them, restore one into the draft. */
export function VersionsPanel({ roomId, canRestore }: VersionsPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const versions = useQuery({
    queryKey: reportKeys.versions(roomId),
    queryFn: ({ signal }) => fetchVersions(roomId, signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: reportKeys.versions(roomId) });
  const save = useMutation({
    mutationFn: (versionName: string) => saveVersion(roomId, versionName),
    onSuccess: async () => {
      setName('');
      await refresh();
    },
  });
  const restore = useMutation({ mutationFn: (versionId: string) => restoreVersion(roomId, versionId) });

  function handleSave(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) save.mutate(name.trim());
  }

  return (
    <div className="versions">
      <form className="inline-form" onSubmit={handleSave} aria-label={t('minutesWorkflow.versions.saveForm')}>
        <Field label={t('minutesWorkflow.versions.name')} name="versionName">
          {(control) => (
            <input
              {...control}
              value={name}
              maxLength={200}
              placeholder={t('minutesWorkflow.versions.placeholder')}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={save.isPending || !name.trim()}>
          {t('minutesWorkflow.versions.save')}
        </button>
      </form>
      <ErrorAlert error={save.error ?? restore.error ?? versions.error} />
      {restore.isSuccess && (
        <p role="status" className="alert alert-success">
          {t('minutesWorkflow.versions.restored', { name: restore.data.name })}
        </p>
      )}
      {versions.data && versions.data.length === 0 && (
        <p className="muted">{t('minutesWorkflow.versions.none')}</p>
      )}
      <ul>
        {versions.data?.map((version) => (
          <li key={version.id}>
            <span>{version.name}</span>
            <span className="muted">
              {t('minutesWorkflow.versions.meta', {
                author: version.author?.name ?? '—',
                when: format.dateTime(version.createdAt),
              })}
            </span>
            {canRestore && (
              <ConfirmButton
                subject={version.name}
                confirmLabel={t('minutesWorkflow.versions.confirmRestore', { name: version.name })}
                onConfirm={() => restore.mutate(version.id)}
                disabled={restore.isPending}
              >
                {t('minutesWorkflow.versions.restore')}
              </ConfirmButton>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
