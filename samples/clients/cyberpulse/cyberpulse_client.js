// CyberPulse Analytics Platform API client for Node.js, in the shape the CyberPulse guide prints it.
//
// Runs against Tocsin unchanged: `node cyberpulse_client.js` with the server on
// http://localhost:8080/api/v1 (CYBERPULSE_API_URL overrides the base URL, CYBERPULSE_USERNAME and
// CYBERPULSE_PASSWORD the account). Needs axios and ws: `npm ci` in samples/clients.
const axios = require('axios');
const WebSocket = require('ws');

const BASE_URL = process.env.CYBERPULSE_API_URL || 'http://localhost:8080/api/v1';

class CyberPulseClient {
  constructor(baseUrl = BASE_URL) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.http = axios.create({ baseURL: this.baseUrl, headers: { 'Content-Type': 'application/json' } });
  }

  async login(username, password) {
    const { data } = await this.http.post('/auth/login', { username, password });
    this.token = data.access_token;
    this.http.defaults.headers.common.Authorization = `Bearer ${this.token}`;
    return data;
  }

  async getDashboardMetrics() {
    return (await this.http.get('/dashboard/metrics')).data;
  }

  async createSecurityEvent(event) {
    return (await this.http.post('/security/events', event)).data;
  }

  async getSecurityEvents(params = {}) {
    return (await this.http.get('/security/events', { params })).data;
  }

  async createSecurityAlert(alert) {
    return (await this.http.post('/security/alerts', alert)).data;
  }

  async generateReport(period = '7d', sections = ['summary'], format = 'json') {
    const response = await this.http.post('/analytics/report', { period, sections, format },
      { responseType: format === 'json' ? 'json' : 'arraybuffer' });
    return response.data;
  }

  async createProject(project) {
    return (await this.http.post('/projects', project)).data;
  }

  async updateProject(id, changes) {
    return (await this.http.put(`/projects/${id}`, changes)).data;
  }

  async createTask(task) {
    return (await this.http.post('/tasks', task)).data;
  }

  async updateTask(id, changes) {
    return (await this.http.put(`/tasks/${id}`, changes)).data;
  }

  subscribe(channels, onMessage) {
    const ws = new WebSocket(`${this.baseUrl.replace(/^http/, 'ws')}/ws`, {
      headers: { Authorization: `Bearer ${this.token}` },
    });
    ws.on('open', () => ws.send(JSON.stringify({ action: 'subscribe', channels })));
    ws.on('message', (raw) => onMessage(JSON.parse(raw.toString())));
    return ws;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const client = new CyberPulseClient();
  await client.login(process.env.CYBERPULSE_USERNAME || 'admin',
    process.env.CYBERPULSE_PASSWORD || 'admin');

  const received = [];
  const ws = client.subscribe(['security_alerts', 'project_updates'], (m) => received.push(m));
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  await sleep(1000);

  const event = await client.createSecurityEvent({
    source_ip: '192.168.1.100', destination_ip: '10.0.0.5', port: 22, protocol: 'SSH',
    event_type: 'failed_login', severity: 'HIGH', payload: { username: 'root', attempts: 5 },
  });
  console.log('Security event created:', JSON.stringify(event));

  const alert = await client.createSecurityAlert({
    title: 'Brute force attack detected', description: 'Multiple failed SSH logins',
    severity: 'critical', source_ip: '192.168.1.100',
  });
  console.log('Alert created:', alert.id);

  const events = await client.getSecurityEvents({ limit: 10, severity: 'HIGH' });
  console.log('Recent high-severity events:', events.length);

  const metrics = await client.getDashboardMetrics();
  console.log('Security score:', metrics.security_score);
  console.log('Critical alerts:', metrics.critical_alerts);

  const project = await client.createProject({
    name: 'Brute force investigation', status: 'active', priority: 'high',
  });
  const task = await client.createTask({
    title: 'Block 192.168.1.100', project_id: project.id, status: 'todo', priority: 'high', story_points: 2,
  });
  await client.updateTask(task.id, { status: 'done' });
  const done = await client.updateProject(project.id, { status: 'completed' });
  console.log(`Project ${done.name}: ${done.status}, ${done.progress}% done`);

  const csv = Buffer.from(await client.generateReport('24h', ['summary', 'alerts'], 'csv')).toString();
  console.log('CSV report lines:', csv.trim().split('\n').length);

  for (let i = 0; i < 60 && !received.some((m) => m.channel === 'security_alerts'); i++) {
    await sleep(500);
  }
  const channels = [...new Set(received.map((m) => m.channel).filter(Boolean))].sort();
  console.log('Real-time channels received:', JSON.stringify(channels));
  ws.close();
  if (!channels.includes('security_alerts')) {
    throw new Error('no security_alerts message arrived over the WebSocket');
  }
}

main().catch((error) => {
  console.error(error.response ? `${error.response.status} ${JSON.stringify(error.response.data)}` : error);
  process.exit(1);
});
