import { MediaEvents } from '@roundtable/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../realtime/useCommand';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { MediaErrorAlert } from './MediaErrorAlert';

interface TileActionsProps {
  roomId: string;
  personId: string;
  name: string;
}

/**
 * A co-chair's actions on one person's tile. Both go through our server, which checks the role,
 * writes the audit log and calls LiveKit: the browser holds no right to mute anyone.
 */
export function TileActions({ roomId, personId, name }: TileActionsProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const [outcome, setOutcome] = useState<string | null>(null);

  function handleMute() {
    setOutcome(null);
    void command.run(MediaEvents.Mute, { roomId, personId, source: 'microphone' }).then((result) => {
      if (result)
        setOutcome(
          result.muted > 0 ? t('media.tiles.muted', { name }) : t('media.tiles.nothingToMute', { name }),
        );
    });
  }

  function handleRemove() {
    setOutcome(null);
    // On success the tile disappears as LiveKit reports the departure: nothing more to show.
    void command.run(MediaEvents.Remove, { roomId, personId });
  }

  return (
    <div className="media-tile-actions">
      <button type="button" onClick={handleMute} disabled={command.pending}>
        {t('media.tiles.mute')}
        <span className="visually-hidden"> {name}</span>
      </button>
      <ConfirmButton
        subject={name}
        confirmLabel={t('media.tiles.removeConfirm', { name })}
        onConfirm={handleRemove}
        disabled={command.pending}
      >
        {t('media.tiles.remove')}
      </ConfirmButton>
      {outcome && <p role="status">{outcome}</p>}
      <MediaErrorAlert error={command.error} />
    </div>
  );
}
