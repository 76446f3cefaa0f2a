import {
  ChatEvents,
  mergeChatMessages,
  type ChatDeleted,
  type ChatMessage,
  type ChatSettingsPush,
  type ChatSubscribed,
  type ChatTab,
} from '@roundtable/shared';
import { useCallback, useEffect, useState } from 'react';
import { keepSubscribed } from '../../realtime/keepSubscribed';
import { request } from '../../realtime/request';
import { releaseSocket, retainSocket } from '../../realtime/socket';
import { tabOf } from '@roundtable/shared';

export interface ChatView {
  subscribed: ChatSubscribed | null;
  /** Messages per conversation, in the one order every client shows (by id). */
  messages: Record<ChatTab, ChatMessage[]>;
  /** Whether older messages remain to load, per conversation. */
  more: Record<ChatTab, boolean>;
  unread: Record<ChatTab, number>;
  error: unknown;
  loadOlder: (tab: ChatTab) => Promise<void>;
  /** Marks a conversation read up to its newest message. */
  markRead: (tab: ChatTab) => void;
}

const EMPTY = { everyone: [], chairs: [], note_takers: [] } satisfies Record<ChatTab, ChatMessage[]>;
const NONE = { everyone: 0, chairs: 0, note_takers: 0 };
const NO_MORE = { everyone: false, chairs: false, note_takers: false };

/**
 * The room chat, live: subscribes (again after each reconnect), loads the newest page of every
 * conversation the reader may open, and merges pushes by id so a message is shown once, in place.
 */
export function useChat(roomId: string, myId: string): ChatView {
  const [subscribed, setSubscribed] = useState<ChatSubscribed | null>(null);
  const [messages, setMessages] = useState<Record<ChatTab, ChatMessage[]>>(EMPTY);
  const [more, setMore] = useState<Record<ChatTab, boolean>>(NO_MORE);
  const [unread, setUnread] = useState<Record<ChatTab, number>>(NONE);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const socket = retainSocket();
    const handleMessage = (message: ChatMessage) => {
      if (message.roomId !== roomId) return;
      const tab = tabOf(message.channel);
      setMessages((held) => ({ ...held, [tab]: mergeChatMessages(held[tab], [message]) }));
      if (message.authorId !== myId) setUnread((u) => ({ ...u, [tab]: u[tab] + 1 }));
    };
    const handleDeleted = (notice: ChatDeleted) => {
      if (notice.roomId !== roomId) return;
      setMessages((held) => {
        const next = { ...held };
        for (const tab of Object.keys(next) as ChatTab[]) {
          next[tab] = next[tab].map((m) =>
            m.id === notice.messageId
              ? { ...m, text: '', deletedAt: notice.deletedAt, deletedBy: notice.deletedBy }
              : m,
          );
        }
        return next;
      });
    };
    const handleSettings = (push: ChatSettingsPush) => {
      if (push.roomId !== roomId) return;
      setSubscribed((held) => (held && push.version >= held.version ? { ...held, ...push } : held));
    };
    socket.on(ChatEvents.Message, handleMessage);
    socket.on(ChatEvents.Deleted, handleDeleted);
    socket.on(ChatEvents.Settings, handleSettings);
    const subscription = keepSubscribed(
      socket,
      async () => {
        const answer = await request(socket, ChatEvents.Subscribe, { roomId });
        const pages = await Promise.all(
          answer.tabs.map(
            async (tab) => [tab, await request(socket, ChatEvents.History, { roomId, tab })] as const,
          ),
        );
        return { answer, pages };
      },
      ({ answer, pages }) => {
        setError(null);
        setSubscribed(answer);
        setUnread(answer.unread);
        setMessages((held) => {
          const next = { ...held };
          for (const [tab, page] of pages) next[tab] = mergeChatMessages(held[tab], page.messages);
          return next;
        });
        setMore((held) => {
          const next = { ...held };
          for (const [tab, page] of pages) next[tab] = page.more;
          return next;
        });
      },
      setError,
    );
    return () => {
      subscription.stop();
      socket.off(ChatEvents.Message, handleMessage);
      socket.off(ChatEvents.Deleted, handleDeleted);
      socket.off(ChatEvents.Settings, handleSettings);
      if (socket.connected) request(socket, ChatEvents.Unsubscribe, { roomId }).catch(() => undefined);
      releaseSocket();
    };
  }, [roomId, myId]);

  const loadOlder = useCallback(
    async (tab: ChatTab) => {
      const socket = retainSocket();
      try {
        const before = messages[tab][0]?.id;
        const page = await request(socket, ChatEvents.History, {
          roomId,
          tab,
          ...(before ? { before } : {}),
        });
        setMessages((held) => ({ ...held, [tab]: mergeChatMessages(held[tab], page.messages) }));
        setMore((held) => ({ ...held, [tab]: page.more }));
      } catch (err) {
        setError(err);
      } finally {
        releaseSocket();
      }
    },
    [roomId, messages],
  );

  const markRead = useCallback(
    (tab: ChatTab) => {
      const newest = messages[tab].at(-1);
      setUnread((u) => (u[tab] === 0 ? u : { ...u, [tab]: 0 }));
      if (!newest) return;
      const socket = retainSocket();
      request(socket, ChatEvents.MarkRead, { roomId, tab, messageId: newest.id })
        .catch(() => undefined)
        .finally(releaseSocket);
    },
    [roomId, messages],
  );

  return { subscribed, messages, more, unread, error, loadOlder, markRead };
}
