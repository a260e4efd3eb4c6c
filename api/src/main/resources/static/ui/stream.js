// Live updates: GET /api/v1/stream (Server-Sent Events) read with fetch() streaming, because
// EventSource cannot send the Authorization header. Reconnects with backoff and a fresh token,
// sending the last event id seen so the server replays what was missed (or says `resync`).

import {authHeaders, refresh} from './api.js';

export function openStream(topics, onEvent, onState = () => {}) {
  const controller = new AbortController();
  let stopped = false;
  let delay = 1000;
  let lastId = null;

  async function run() {
    while (!stopped) {
      try {
        const res = await fetch(`/api/v1/stream?topics=${encodeURIComponent(topics)}`, {
          headers: {
            Accept: 'text/event-stream', ...authHeaders(),
            ...(lastId ? {'Last-Event-ID': lastId} : {}),
          },
          signal: controller.signal,
        });
        if (res.status === 401) {
          if (!(await refresh())) { onState('closed'); return; }
          continue;
        }
        if (!res.ok || !res.body) throw new Error(`stream HTTP ${res.status}`);
        onState('live');
        delay = 1000;
        await read(res.body.getReader());
      } catch (e) {
        if (stopped) return;
      }
      onState('reconnecting');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 30000);
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let event = 'message';
    let data = [];
    for (;;) {
      const {value, done} = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, {stream: true});
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        if (line === '') {
          if (data.length) {
            let parsed = data.join('\n');
            try { parsed = JSON.parse(parsed); } catch { /* plain text */ }
            onEvent(event, parsed);
          }
          event = 'message';
          data = [];
        } else if (line.startsWith(':')) {
          // comment (keepalive)
        } else if (line.startsWith('id:')) {
          lastId = line.slice(3).trim();
        } else if (line.startsWith('event:')) {
          event = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).replace(/^ /, ''));
        }
      }
    }
  }

  run();
  return {close() { stopped = true; controller.abort(); }};
}
