import type { AuditEntry } from '@roundtable/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import en from '../../i18n/en.json';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fetchAudit, roomKeys } from '../api';

type KnownAction = keyof typeof en.speaking.auditActions;

/** Audit action names (`speaking.give`) as translation keys (`speaking_give`). */
function actionKey(action: string): KnownAction | null {
  const key = action.replace(/[.-]/g, '_');
  return Object.hasOwn(en.speaking.auditActions, key) ? (key as KnownAction) : null;
}

/**
 * Every moderation action of the room, newest first. Read when shown (its own view, opened from
 * the co-chair console) and again whenever the speaking order changes meanwhile.
 */
export function AuditLog({ roomId, version }: { roomId: string; version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const audit = useQuery({
    queryKey: [...roomKeys.audit(roomId), version],
    queryFn: ({ signal }) => fetchAudit(roomId, signal),
    placeholderData: (previous) => previous,
  });

  function describe(entry: AuditEntry): string {
    const key = actionKey(entry.action);
    const action = key ? t(`speaking.auditActions.${key}`) : t('speaking.auditActions.other');
    const actor = entry.actorName ?? t('speaking.auditSystem');
    return entry.targetName
      ? t('speaking.auditLineWithTarget', { actor, action, target: entry.targetName })
      : t('speaking.auditLine', { actor, action });
  }

  return (
    <section className="audit-log" aria-labelledby="audit-log-heading">
      <h3 id="audit-log-heading">{t('speaking.auditLog')}</h3>
      {audit.isPending && <p>{t('common.loading')}</p>}
      {audit.isError && <ErrorAlert error={audit.error} />}
      {audit.data && audit.data.length === 0 && <p>{t('speaking.auditEmpty')}</p>}
      {audit.data && audit.data.length > 0 && (
        <ol reversed className="audit-entries">
          {[...audit.data].reverse().map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{format.dateTime(entry.at)}</time> {describe(entry)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
