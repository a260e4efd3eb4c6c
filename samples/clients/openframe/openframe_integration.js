// OpenFrame integration for Node.js: OAuth 2.0 client credentials, devices, alerts over REST and
// typed messages over the WebSocket, in the shape the OpenFrame integration guide prints it.
//
// Runs against Tocsin unchanged: `node openframe_integration.js` with the server on
// http://localhost:8080/api/v1 (OPENFRAME_API_URL overrides it), OPENFRAME_CLIENT_ID and
// OPENFRAME_CLIENT_SECRET of a client registered with POST /api/v1/oauth/clients.
// Needs axios and ws: `npm ci` in samples/clients.
const axios = require('axios');
const WebSocket = require('ws');

const API_URL = process.env.OPENFRAME_API_URL || 'http://localhost:8080/api/v1';

async function getAccessToken() {
  const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'read write' });
  const { data } = await axios.post(`${API_URL}/oauth/token`, form, {
    auth: { username: process.env.OPENFRAME_CLIENT_ID, password: process.env.OPENFRAME_CLIENT_SECRET },
  });
  return data.access_token;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const token = await getAccessToken();
  const api = axios.create({ baseURL: API_URL, headers: { Authorization: `Bearer ${token}` } });

  const { data: devices } = await api.get('/devices');
  const list = devices.devices || devices.data || [];
  console.log('Devices:', list.length);
  if (list.length === 0) throw new Error('no devices');

  const messages = [];
  const ws = new WebSocket(`${API_URL.replace(/^http/, 'ws')}/ws`);
  ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', token })));
  ws.on('message', (raw) => {
    const message = JSON.parse(raw.toString());
    if (message.type === 'authenticated') {
      ws.send(JSON.stringify({ type: 'subscribe', topics: ['devices', 'alerts', 'security_events'] }));
    }
    messages.push(message);
  });
  for (let i = 0; i < 40 && !messages.some((m) => m.type === 'subscribed'); i++) await sleep(250);

  const { data: alert } = await api.post('/alerts', {
    title: 'Unapproved remote access tool', description: 'AnyDesk installed', severity: 'medium',
    device_id: list[0].id,
  });
  console.log('Alert created:', alert.id, 'on device', alert.device_id);

  const { data: open } = await api.get('/alerts', { params: { status: 'open' } });
  console.log('Open alerts for the ITSM:', open.data.length);

  for (let i = 0; i < 60 && !messages.some((m) => m.type === 'alert'); i++) await sleep(500);
  const types = [...new Set(messages.map((m) => m.type))].sort();
  console.log('Real-time message types:', JSON.stringify(types));
  ws.close();
  if (!types.includes('alert')) throw new Error('no alert message arrived over the WebSocket');
}

main().catch((error) => {
  console.error(error.response ? `${error.response.status} ${JSON.stringify(error.response.data)}` : error);
  process.exit(1);
});
