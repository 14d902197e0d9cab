import { io, type Socket } from 'socket.io-client';

/**
 * A socket to the app's own origin; the session cookie authenticates the
 * handshake. The browser's offline switch does not always break an open
 * WebSocket, so the socket follows `offline`/`online` events explicitly and
 * the sync engine sees a disconnect it can resync from.
 */
export function connectSocket(): { socket: Socket; close: () => void } {
  const socket = io({ withCredentials: true, transports: ['websocket', 'polling'] });
  const offline = () => socket.disconnect();
  const online = () => socket.connect();
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  return {
    socket,
    close: () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      socket.disconnect();
    },
  };
}
