import { optionsOf, PollEvents, type YES_NO_ABSTAIN, type PollView } from '@roundtable/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';

interface PollCardProps {
  roomId: string;
  poll: PollView;
  moderate: boolean;
  canVote: boolean;
}

/** One poll: the ballot while open, results for co-chairs (live) or everyone (published). */
export function PollCard({ roomId, poll, moderate, canVote }: PollCardProps) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const [choices, setChoices] = useState<number[]>([]);
  const [mine, setMine] = useState<number[] | null>(poll.mine);
  const group = useId();
  const labels = optionsOf(poll).map((o) =>
    poll.kind === 'yes_no_abstain' ? t(`polls.answers.${o as (typeof YES_NO_ABSTAIN)[number]}`) : o,
  );
  const multiple = poll.kind === 'multiple';

  async function handleVote() {
    const ack = await command.run(PollEvents.Vote, { roomId, pollId: poll.id, choices });
    if (ack) setMine(ack.poll.mine);
  }

  return (
    <article className="poll-card" aria-labelledby={`${group}-q`}>
      <h4 id={`${group}-q`}>{poll.question}</h4>
      <p className="muted">
        {t(`polls.status.${poll.status}`)} · {t(`polls.votingBy.${poll.voting}`)} ·{' '}
        {poll.anonymous ? t('polls.anonymous') : t('polls.named')}
      </p>
      {poll.status === 'open' && canVote && (
        <fieldset>
          <legend>{t('polls.yourVote')}</legend>
          {labels.map((label, i) => (
            <label key={i} className="choice">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={group}
                checked={choices.includes(i)}
                onChange={(e) =>
                  setChoices(
                    multiple ? (e.target.checked ? [...choices, i] : choices.filter((c) => c !== i)) : [i],
                  )
                }
              />
              {label}
            </label>
          ))}
          <button
            type="button"
            className="button-primary"
            disabled={choices.length === 0 || command.pending}
            onClick={() => void handleVote()}
          >
            {mine ? t('polls.changeVote') : t('polls.vote')}
          </button>
          {mine && (
            <p role="status" className="muted">
              {t('polls.voted', { choices: mine.map((c) => labels[c]).join(', ') })}
            </p>
          )}
        </fieldset>
      )}
      {poll.result && (
        <table className="poll-results">
          <caption>
            {poll.status === 'published' ? t('polls.results') : t('polls.liveResults')} ·{' '}
            {t('polls.ballots', { count: poll.result.ballots })}
          </caption>
          <tbody>
            {labels.map((label, i) => (
              <tr key={i}>
                <th scope="row">{label}</th>
                <td>{poll.result?.counts[i] ?? 0}</td>
                {poll.result?.named && <td>{poll.result.named[i]?.join(', ')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {moderate && poll.status === 'open' && (
        <button type="button" onClick={() => void command.run(PollEvents.Close, { roomId, pollId: poll.id })}>
          {t('polls.close')}
        </button>
      )}
      {moderate && poll.status === 'closed' && (
        <button
          type="button"
          className="button-primary"
          onClick={() =>
            void command.run(PollEvents.Publish, {
              roomId,
              pollId: poll.id,
              language: i18n.language === 'ja' ? 'ja' : 'en',
            })
          }
        >
          {t('polls.publish')}
        </button>
      )}
      <ActionError error={command.error} />
    </article>
  );
}
