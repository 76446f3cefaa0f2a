import type { MinutesWorkflowView } from '@roundtable/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { reportKeys, runWorkflowCommand, type WorkflowCommand } from './api';
import { AttendanceEditor } from './AttendanceEditor';
import { useWorkflow } from './useWorkflow';
import { VersionsPanel } from './VersionsPanel';
import './report.css';

/** The commands that move the minutes on, each offered only when the server says it may be used. */
const FORWARD = ['submit', 'approve', 'publish'] as const;

export interface MinutesWorkflowProps {
  roomId: string;
  /** The room's event: the report link and the members an organizer may add to the attendance. */
  eventId: string;
}

/** Who approved, who is still awaited. */
function Approvers({ view }: { view: MinutesWorkflowView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (view.status === 'draft' || view.approvers.length === 0) return null;
  return (
    <>
      <h4 id={`approvers-${view.roomId}`}>{t('minutesWorkflow.approvers')}</h4>
      <ul className="approvers" aria-labelledby={`approvers-${view.roomId}`}>
        {view.approvers.map((approver) => (
          <li key={approver.personId} data-approved={approver.approvedAt !== null}>
            {approver.approvedAt
              ? t('minutesWorkflow.approvedBy', {
                  name: approver.name,
                  when: format.dateTime(approver.approvedAt),
                })
              : t('minutesWorkflow.awaiting', { name: approver.name })}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The minutes' way to the report, for the room view: status and approvals, the action the viewer
 * may take (submit, approve, publish, reopen), named versions for writers and the attendance for
 * organizers. Every rule is the server's; the buttons follow what it says the viewer may do.
 */
export function MinutesWorkflow({ roomId, eventId }: MinutesWorkflowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const view = useWorkflow(roomId);
  const command = useMutation({
    mutationFn: (kind: WorkflowCommand) => runWorkflowCommand(roomId, kind),
    onSuccess: async (next) => {
      queryClient.setQueryData(reportKeys.workflow(roomId), next);
      // The report and the frozen attendance follow publication and reopening.
      await queryClient.invalidateQueries({ queryKey: ['events', eventId, 'report'] });
      await queryClient.invalidateQueries({ queryKey: reportKeys.attendance(roomId) });
    },
  });

  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const data = view.data;
  const { can } = data;
  const run = (kind: WorkflowCommand) => () => {
    command.mutate(kind);
  };

  return (
    <section
      className="minutes-workflow"
      aria-labelledby={`workflow-${roomId}`}
      data-testid="minutes-workflow"
    >
      <h3 id={`workflow-${roomId}`}>{t('minutesWorkflow.title')}</h3>
      <p role="status" data-status={data.status}>
        <strong>{t(`minutesWorkflow.status.${data.status}`)}</strong>{' '}
        {data.submittedBy &&
          data.submittedAt &&
          t('minutesWorkflow.submittedBy', {
            name: data.submittedBy.name,
            when: format.dateTime(data.submittedAt),
          })}{' '}
        {data.publishedBy &&
          data.publishedAt &&
          t('minutesWorkflow.publishedBy', {
            name: data.publishedBy.name,
            when: format.dateTime(data.publishedAt),
          })}
      </p>
      {data.readOnly && <p className="muted">{t('minutesWorkflow.readOnly')}</p>}
      <Approvers view={data} />
      <div className="actions">
        {FORWARD.filter((kind) => can[kind]).map((kind) => (
          <button
            key={kind}
            type="button"
            className="button-primary"
            onClick={run(kind)}
            disabled={command.isPending}
          >
            {t(`minutesWorkflow.${kind}`)}
          </button>
        ))}
        {can.reopen && (
          <ConfirmButton
            confirmLabel={t('minutesWorkflow.confirmReopen')}
            onConfirm={run('reopen')}
            disabled={command.isPending}
          >
            {t('minutesWorkflow.reopen')}
          </ConfirmButton>
        )}
      </div>
      <ErrorAlert error={command.error} />
      {(data.status === 'published' || (data.status === 'approved' && can.publish)) && (
        <p>
          <Link to={`/events/${encodeURIComponent(eventId)}/report`}>{t('minutesWorkflow.openReport')}</Link>
        </p>
      )}
      {can.versions && (
        <details>
          <summary>{t('minutesWorkflow.versions.title')}</summary>
          <VersionsPanel roomId={roomId} canRestore={data.status === 'draft'} />
        </details>
      )}
      {can.attendance && (
        <details>
          <summary>{t('minutesWorkflow.attendance.title')}</summary>
          <AttendanceEditor roomId={roomId} eventId={eventId} />
        </details>
      )}
    </section>
  );
}

export default MinutesWorkflow;
