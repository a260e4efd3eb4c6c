import {h, clear, toast} from '../dom.js';
import {get} from '../api.js';
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  for (const c of children) el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** Horizontal bar chart: [[label, value, cssClass?]]. */
export function bars(rows, id) {
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const rowH = 26; const width = 460; const labelW = 170;
  const svg = s('svg', {viewBox: `0 0 ${width} ${Math.max(rowH * rows.length, rowH)}`, class: 'bars', id, role: 'img'});
  rows.forEach(([label, value, cls], i) => {
    const w = Math.round(((width - labelW - 50) * value) / max);
    svg.append(s('text', {x: 0, y: i * rowH + 17, class: 'bar-label'}, String(label).slice(0, 26)),
      s('rect', {x: labelW, y: i * rowH + 4, width: Math.max(w, 1), height: rowH - 8, class: `bar ${cls || ''}`}),
      s('text', {x: labelW + w + 6, y: i * rowH + 17, class: 'bar-value'}, value));
  });
  if (!rows.length) svg.append(s('text', {x: 0, y: 17, class: 'bar-label'}, 'No data in this range'));
  return svg;
}

export function render(main) {
  const range = h('select', {id: 'dash-range', onchange: load}, ['1h', '24h', '7d', '30d'].map((r) => h('option', {value: r, selected: r === '24h'}, `last ${r}`)));
  const summary = h('div', {class: 'stats', id: 'dash-summary'});
  const series = h('div', {class: 'chart', id: 'chart-events'});
  const sev = h('div', {id: 'chart-severity'});
  const pol = h('div', {id: 'chart-policies'});
  const hosts = h('div', {id: 'chart-hosts'});
  main.append(h('div', {class: 'page-head'}, h('h1', {}, 'Dashboard'), range), summary,
    h('section', {class: 'card'}, h('h2', {}, 'Events and alerts over time'), series),
    h('div', {class: 'grid3'}, h('section', {class: 'card'}, h('h2', {}, 'Alerts by severity'), sev),
      h('section', {class: 'card'}, h('h2', {}, 'Top policies'), pol), h('section', {class: 'card'}, h('h2', {}, 'Top hosts'), hosts)));
  let plot = null;

  async function load() {
    try {
      const d = await get('/analytics/dashboard', {time_range: range.value});
      clear(summary).append(...[['Events', d.summary.total_events], ['Alerts', d.summary.total_alerts],
        ['Active alerts', d.summary.active_alerts], ['Avg risk', Math.round(d.summary.risk_score_avg || 0)],
        ['Agents online', d.summary.agents_online]].map(([l, v]) => h('div', {class: 'stat'}, h('div', {class: 'stat-value'}, v ?? 0), h('div', {class: 'muted'}, l))));
      const ev = d.charts.events_over_time; const al = d.charts.alerts_over_time;
      const xs = ev.map((p) => new Date(p.timestamp).getTime() / 1000);
      const alerts = new Map(al.map((p) => [new Date(p.timestamp).getTime() / 1000, p.count]));
      if (plot) plot.destroy();
      clear(series);
      plot = new uPlot({width: Math.max(series.clientWidth, 600), height: 240,
        series: [{}, {label: 'events', stroke: '#1c7ed6', fill: 'rgba(28,126,214,0.12)'},
          {label: 'alerts', stroke: '#e8590c', scale: 'alerts'}],
        axes: [{}, {label: 'events'}, {side: 1, scale: 'alerts', label: 'alerts', grid: {show: false}}],
        scales: {x: {time: true}}},
      [xs, ev.map((p) => p.count), xs.map((x) => alerts.get(x) || 0)], series);
      const bySev = d.charts.alerts_by_severity;
      clear(sev).append(bars(['critical', 'high', 'medium', 'low'].map((k) => [k, bySev[k] || 0, `sev-${k}`]), 'bars-severity'));
      clear(pol).append(bars(d.top_policies.map((p) => [p.policy_name || p.policy_id, p.count]), 'bars-policies'));
      clear(hosts).append(bars(d.top_hosts.map((p) => [p.host_id, p.count]), 'bars-hosts'));
    } catch (e) { toast(e.message, 'error'); }
  }
  load();
  return () => { if (plot) plot.destroy(); };
}
