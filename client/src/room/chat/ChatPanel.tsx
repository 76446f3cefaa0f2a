import { ChatEvents, ChatLimits, type ChatChannel, type ChatMessage, type ChatTab } from '@roundtable/shared';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../realtime/ActionError';
import { useCommand } from '../../realtime/useCommand';
import type { RoomAbilities } from '../abilities';
import { ChatModeration } from './ChatModeration';
import { MessageText } from './MessageText';
import { useChat } from './useChat';

interface ChatPanelProps {
  roomId: string;
  myId: string;
  abilities: RoomAbilities;
}

/** The room chat: conversations as tabs with unread counts, messages in order, a composer. */
export function ChatPanel({ roomId, myId, abilities }: ChatPanelProps) {
  const { t, i18n } = useTranslation();
  const chat = useChat(roomId, myId);
  const command = useCommand();
  const [tab, setTab] = useState<ChatTab>('everyone');
  const [text, setText] = useState('');
  const [replyTo, setReplyTo] = useState<{ personId: string; name: string } | null>(null);
  const inputId = useId();
  const { markRead } = chat;
  const tabs = chat.subscribed?.tabs ?? ['everyone'];
  const settings = chat.subscribed?.settings;
  const shown = chat.messages[tab];

  // Reading the open conversation clears its count (and tells the server, for other screens).
  useEffect(() => {
    if (chat.unread[tab] > 0) markRead(tab);
  }, [tab, chat.unread, markRead]);

  const channel: ChatChannel =
    tab === 'everyone'
      ? 'everyone'
      : tab === 'note_takers'
        ? 'note_takers'
        : abilities.moderate
          ? 'direct'
          : 'chairs';
  const readOnly = abilities.role === 'observer' && !settings?.observersMayWrite;
  const paused = settings?.paused === true && !abilities.moderate;
  const needsRecipient = channel === 'direct' && !replyTo;

  async function handleSend(event: FormEvent) {
    event.preventDefault();
    const sent = await command.run(ChatEvents.Send, {
      roomId,
      channel,
      text,
      ...(channel === 'direct' && replyTo ? { toPersonId: replyTo.personId } : {}),
    });
    if (sent) setText('');
  }

  const time = (at: number) =>
    new Date(at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const recipientOf = (m: ChatMessage) =>
    m.channel === 'direct' && m.toPersonId ? m.toPersonId : m.authorId;

  return (
    <div className="chat-panel">
      <div role="tablist" aria-label={t('chat.conversations')} className="chat-tabs">
        {tabs.map((each) => (
          <button
            key={each}
            type="button"
            role="tab"
            aria-selected={tab === each}
            className={tab === each ? 'chat-tab chat-tab-active' : 'chat-tab'}
            onClick={() => setTab(each)}
          >
            {t(`chat.tabs.${each}`)}
            {chat.unread[each] > 0 && tab !== each && (
              <span className="chat-unread">{t('chat.unread', { count: chat.unread[each] })}</span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={t(`chat.tabs.${tab}`)}>
        {chat.more[tab] && (
          <button type="button" className="button-link" onClick={() => void chat.loadOlder(tab)}>
            {t('chat.older')}
          </button>
        )}
        {shown.length === 0 ? (
          <p className="muted">
            {t(tab === 'chairs' && !abilities.moderate ? 'chat.chairsHint' : 'chat.empty')}
          </p>
        ) : (
          <ol className="chat-messages" aria-live="polite" aria-relevant="additions">
            {shown.map((m) => (
              <li key={m.id} className={m.authorId === myId ? 'chat-message chat-mine' : 'chat-message'}>
                <span className="chat-author">{m.authorName}</span>{' '}
                <time className="muted" dateTime={new Date(m.sentAt).toISOString()}>
                  {time(m.sentAt)}
                </time>
                {m.channel === 'direct' && <span className="chat-badge">{t('chat.direct')}</span>}
                {m.deletedAt ? (
                  <p className="muted chat-deleted">{t('chat.deleted')}</p>
                ) : (
                  <p className="chat-text">
                    <MessageText text={m.text} />
                  </p>
                )}
                {abilities.moderate && !m.deletedAt && (
                  <div className="chat-actions">
                    {tab === 'chairs' && recipientOf(m) !== myId && (
                      <button
                        type="button"
                        className="button-link"
                        onClick={() =>
                          setReplyTo({
                            personId: recipientOf(m),
                            name: m.channel === 'direct' ? t('chat.thatPerson') : m.authorName,
                          })
                        }
                      >
                        {t('chat.reply', {
                          name: m.channel === 'direct' ? t('chat.thatPerson') : m.authorName,
                        })}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => void command.run(ChatEvents.Delete, { roomId, messageId: m.id })}
                    >
                      {t('chat.delete')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
      {readOnly ? (
        <p className="muted">{t('chat.readOnly')}</p>
      ) : paused ? (
        <p className="muted">{t('chat.paused')}</p>
      ) : (
        <form className="chat-composer" onSubmit={(e) => void handleSend(e)}>
          {channel === 'direct' && (
            <p className="muted">
              {replyTo ? t('chat.replyingTo', { name: replyTo.name }) : t('chat.chooseRecipient')}
            </p>
          )}
          <label htmlFor={inputId}>{t(`chat.writeTo.${channel}`)}</label>
          <textarea
            id={inputId}
            value={text}
            maxLength={ChatLimits.maxMessageLength}
            rows={2}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
          {settings && settings.slowModeSeconds > 0 && !abilities.moderate && tab === 'everyone' && (
            <p className="muted">{t('chat.slowMode', { seconds: settings.slowModeSeconds })}</p>
          )}
          <button
            type="submit"
            className="button-primary"
            disabled={command.pending || text.trim() === '' || needsRecipient}
          >
            {t('chat.send')}
          </button>
        </form>
      )}
      <ActionError error={command.error ?? chat.error} />
      {abilities.moderate && settings && <ChatModeration roomId={roomId} settings={settings} />}
    </div>
  );
}
