import { PollEvents, PollLimits, type PollKind, type PollVoting } from '@roundtable/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';

const KINDS: PollKind[] = ['yes_no_abstain', 'single', 'multiple'];

/** A co-chair's new poll: question, kind, options, anonymous or named, per person or delegation. */
export function PollForm({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<PollKind>('yes_no_abstain');
  const [options, setOptions] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [voting, setVoting] = useState<PollVoting>('delegation');
  const ids = { question: useId(), kind: useId(), options: useId(), voting: useId() };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const list = options
      .split('\n')
      .map((o) => o.trim())
      .filter((o) => o !== '');
    const created = await command.run(PollEvents.Create, {
      roomId,
      poll: { question, kind, options: kind === 'yes_no_abstain' ? [] : list, anonymous, voting },
    });
    if (created) {
      setQuestion('');
      setOptions('');
    }
  }

  return (
    <form className="poll-form" onSubmit={(e) => void handleSubmit(e)}>
      <label htmlFor={ids.question}>{t('polls.question')}</label>
      <input
        id={ids.question}
        value={question}
        maxLength={PollLimits.maxQuestionLength}
        onChange={(e) => setQuestion(e.target.value)}
        required
      />
      <label htmlFor={ids.kind}>{t('polls.kind')}</label>
      <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as PollKind)}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`polls.kinds.${k}`)}
          </option>
        ))}
      </select>
      {kind !== 'yes_no_abstain' && (
        <>
          <label htmlFor={ids.options}>{t('polls.options')}</label>
          <textarea id={ids.options} rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
        </>
      )}
      <label htmlFor={ids.voting}>{t('polls.voting')}</label>
      <select id={ids.voting} value={voting} onChange={(e) => setVoting(e.target.value as PollVoting)}>
        <option value="delegation">{t('polls.votingBy.delegation')}</option>
        <option value="person">{t('polls.votingBy.person')}</option>
      </select>
      <label className="choice">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        {t('polls.anonymous')}
      </label>
      <button type="submit" className="button-primary" disabled={command.pending || question.trim() === ''}>
        {t('polls.open')}
      </button>
      <ActionError error={command.error} />
    </form>
  );
}
