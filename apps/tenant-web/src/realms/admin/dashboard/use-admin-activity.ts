import { useEffect, useRef, useState } from 'react';
import { ADMIN_WS_PATH, ADMIN_WS_UNAUTHORIZED, type ActivityEvent } from '@instagrowth/contracts';
import { adminSessionStore } from '@/lib/admin-session';

export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'unauthorized';

const MAX_EVENTS = 50;
const MAX_BACKOFF_MS = 30_000;

/**
 * The console's live activity socket: authenticates with the admin token as its first message,
 * keeps the newest events, and reconnects by itself (1 s, 2 s, 4 s … 30 s) after any drop except a
 * refusal (4401: the session ended; signing in again starts a new socket).
 */
export function useAdminActivity(token: string | null): { events: ActivityEvent[]; status: FeedStatus } {
  const [events, setEvents] = useState<ActivityEvent[]>([]);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const attempt = useRef(0);

  useEffect(() => {
    if (!token) return;
    let socket: WebSocket | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const connect = () => {
      const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${ADMIN_WS_PATH}`;
      socket = new WebSocket(url);
      socket.onopen = () => socket?.send(JSON.stringify({ type: 'auth', token: adminSessionStore.getToken() ?? token }));
      socket.onmessage = (message) => {
        let data: { type?: string } | undefined;
        try {
          data = JSON.parse(String(message.data)) as { type?: string };
        } catch {
          return;
        }
        if (data?.type === 'session.ready') {
          attempt.current = 0;
          setStatus('live');
          return;
        }
        if (data && typeof data.type === 'string' && 'at' in data) setEvents((old) => [data as ActivityEvent, ...old].slice(0, MAX_EVENTS));
      };
      socket.onclose = (event) => {
        if (stopped) return;
        if (event.code === ADMIN_WS_UNAUTHORIZED) {
          setStatus('unauthorized');
          return;
        }
        setStatus('reconnecting');
        const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** attempt.current++);
        timer = setTimeout(connect, delay);
      };
    };
    setStatus('connecting');
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close(1000, 'page closed');
    };
  }, [token]);

  return { events, status };
}
