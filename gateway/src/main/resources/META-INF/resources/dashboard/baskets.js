// The basket panel: both baskets' levels and their spread, metrics, member contributions and live levels.

import * as echarts from './vendor/echarts/echarts.esm.min.js';
import { getJson, listBaskets, readToken } from './api.js';
import { clearError, showError } from './banner.js';
import { el, fillRows, number, percent, signed } from './format.js';

const PANEL = 'baskets';
const SERVICE = 'basket-service';
const COLORS = ['#1a73e8', '#e8710a'];

const METRICS = [
  ['Total return', m => percent(m.totalReturn)],
  ['Annualized return', m => percent(m.annualizedReturn)],
  ['Annualized volatility', m => percent(m.annualizedVolatility)],
  ['Sharpe', m => number(m.sharpe)],
  ['Max drawdown', m => percent(m.maxDrawdown)],
  ['Drawdown peak to trough', m => (m.maxDrawdownPeak ? m.maxDrawdownPeak + ' to ' + m.maxDrawdownTrough : 'no fall')],
  ['Beta', m => number(m.beta)],
  ['Correlation', m => number(m.correlation)],
];

export class BasketPanel {
  constructor(root) {
    this.root = root;
    this.chart = echarts.init(root.querySelector('#levels-chart'));
    this.streams = [];
    this.form = root.querySelector('#basket-form');
    this.form.addEventListener('submit', event => {
      event.preventDefault();
      this.load();
    });
    window.addEventListener('resize', () => this.chart.resize());
  }

  /** Fills the basket pickers, then draws the default comparison (Team Google vs Team OpenAI). */
  async start() {
    try {
      const { body: baskets } = await listBaskets();
      for (const [select, chosen] of [[this.form.a, 'team-google'], [this.form.b, 'team-openai']]) {
        select.replaceChildren(...baskets.map(b => el('option', b.name, { value: b.id })));
        select.value = baskets.some(b => b.id === chosen) ? chosen : baskets[0]?.id;
      }
      this.names = Object.fromEntries(baskets.map(b => [b.id, b.name]));
      this.baskets = baskets;
    } catch (failure) {
      this.fail(failure);
      return;
    }
    await this.load();
  }

  async load() {
    const a = this.form.a.value;
    const b = this.form.b.value;
    const range = new URLSearchParams();
    if (this.form.from.value) range.set('from', this.form.from.value);
    if (this.form.to.value) range.set('to', this.form.to.value);
    range.set('returnType', this.form.returnType.value);
    const suffix = range.toString();
    // the field is in percent for people, the API takes an annual fraction (0.04 for 4%)
    const risk = new URLSearchParams(range);
    if (this.form.riskFreeRate.value !== '') risk.set('riskFreeRate', String(Number(this.form.riskFreeRate.value) / 100));
    this.root.dataset.state = 'loading';
    try {
      const [compare, performanceA, performanceB] = await Promise.all([
        getJson(`/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&${suffix}`, SERVICE),
        getJson(`/baskets/${encodeURIComponent(a)}/performance?${risk}`, SERVICE),
        getJson(`/baskets/${encodeURIComponent(b)}/performance?${risk}`, SERVICE),
      ]);
      const names = [this.names[a] || a, this.names[b] || b];
      this.drawChart(compare.body, names);
      this.fillMetrics(names, performanceA.body.metrics, performanceB.body.metrics);
      this.fillContributions(names, [performanceA.body, performanceB.body]);
      const stale = compare.stale || performanceA.stale || performanceB.stale;
      this.root.querySelector('#baskets-stale').hidden = !stale;
      clearError(PANEL);
      this.root.dataset.state = 'ready';
      this.watch([a, b], names);
    } catch (failure) {
      this.fail(failure);
    }
  }

  drawChart(compare, names) {
    const dates = compare.series.map(p => p.date);
    this.root.querySelector('#compare-window').textContent = compare.from + ' to ' + compare.to;
    this.chart.setOption({
      color: COLORS,
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: v => (typeof v === 'number' ? v.toFixed(2) : v) },
      legend: { top: 0 },
      axisPointer: { link: [{ xAxisIndex: 'all' }] },
      grid: [{ left: 50, right: 20, top: 30, height: '55%' }, { left: 50, right: 20, top: '72%', bottom: 25 }],
      xAxis: [
        { type: 'category', data: dates, gridIndex: 0, axisLabel: { show: false } },
        { type: 'category', data: dates, gridIndex: 1 },
      ],
      yAxis: [
        { type: 'value', gridIndex: 0, scale: true, name: 'level (base 100)' },
        { type: 'value', gridIndex: 1, name: 'spread (pp)', splitNumber: 3 },
      ],
      series: [
        { id: 'levelA', name: names[0], type: 'line', showSymbol: false, data: compare.series.map(p => p.levelA) },
        { id: 'levelB', name: names[1], type: 'line', showSymbol: false, data: compare.series.map(p => p.levelB) },
        {
          id: 'spread', name: 'spread ' + names[0] + ' - ' + names[1], type: 'bar', xAxisIndex: 1, yAxisIndex: 1,
          itemStyle: { color: p => (p.value >= 0 ? '#188038' : '#d93025') },
          data: compare.series.map(p => +(p.spread * 100).toFixed(4)),
        },
      ],
    }, true);
  }

  fillMetrics(names, metricsA, metricsB) {
    const table = this.root.querySelector('#metrics');
    table.querySelector('thead').replaceChildren(el('tr'));
    table.querySelector('thead tr').append(el('th', 'metric'), el('th', names[0]), el('th', names[1]));
    fillRows(table.querySelector('tbody'), METRICS, ([label, show]) => [label, show(metricsA), show(metricsB)]);
  }

  fillContributions(names, performances) {
    const holder = this.root.querySelector('#contributions');
    holder.replaceChildren(...performances.map((performance, i) => {
      const table = el('table', null, { class: 'contributions', 'data-basket': performance.basketId });
      table.append(el('caption', names[i] + ': member contributions'));
      const head = el('tr');
      head.append(el('th', 'member'), el('th', 'weight'), el('th', 'return'), el('th', 'contribution'));
      table.append(el('thead'), el('tbody'));
      table.tHead.append(head);
      const members = [...performance.contributions].sort((x, y) => y.contribution - x.contribution);
      fillRows(table.tBodies[0], members, c => [
        c.symbol, percent(c.weight, 1), signed(percent(c.return), c.return), signed(percent(c.contribution), c.contribution),
      ]);
      return table;
    }));
  }

  /** Live levels over SSE; a missing or refused stream leaves the historical view as it is. */
  watch(ids, names) {
    this.streams.forEach(stream => stream.close());
    const holder = this.root.querySelector('#live');
    holder.replaceChildren();
    this.streams = ids.map((id, i) => {
      const badge = el('span', names[i] + ': live level waiting', { class: 'live', 'data-basket': id });
      holder.append(badge);
      return openLive(id, {
        level: data => {
          badge.textContent = names[i] + ': live ' + number(data.level) + (data.ts ? ' (' + new Date(data.ts).toISOString().slice(0, 16).replace('T', ' ') + ' UTC)' : '');
          badge.classList.add('on');
        },
        state: text => {
          badge.textContent = names[i] + ': ' + text;
          badge.classList.remove('on');
        },
      });
    });
  }

  fail(failure) {
    this.root.dataset.state = 'error';
    showError(PANEL, failure.message);
  }
}

/**
 * One basket's live stream. EventSource cannot send an Authorization header, so with a token the stream is read
 * through fetch instead; both hand each event to the same handler.
 */
function openLive(id, show) {
  const url = '/api/v1/stream/baskets/' + encodeURIComponent(id);
  const onEvent = (name, data) => {
    if (name === 'upstream' && data.state !== 'live') {
      show.state('live updates reconnecting');
    } else if (name === 'end') {
      show.state('live updates ended (' + (data.reason || 'closed') + ')');
    } else if (typeof data.level === 'number') {
      show.level(data);
    }
  };
  const token = readToken();
  return token ? fetchEvents(url, token, onEvent, show.state) : sourceEvents(url, onEvent, show.state);
}

function sourceEvents(url, onEvent, state) {
  const source = new EventSource(url);
  const parse = name => event => onEvent(name, safeJson(event.data));
  for (const name of ['level', 'upstream', 'end']) {
    source.addEventListener(name, parse(name));
  }
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      state('live updates unavailable');
    }
  };
  return source;
}

function fetchEvents(url, token, onEvent, state) {
  const abort = new AbortController();
  let lastEventId = '';
  const connect = () => fetch(url, {
    headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
    signal: abort.signal,
  }).then(async response => {
    if (!response.ok || !response.body) {
      state('live updates unavailable (HTTP ' + response.status + ')');
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      pending += value;
      let end;
      while ((end = pending.indexOf('\n\n')) >= 0) {
        const frame = pending.slice(0, end);
        pending = pending.slice(end + 2);
        const field = name => (frame.match(new RegExp('^' + name + ': ?(.*)$', 'm')) || [])[1];
        lastEventId = field('id') || lastEventId;
        const data = frame.split('\n').filter(line => line.startsWith('data:')).map(line => line.replace(/^data: ?/, '')).join('\n');
        if (data) onEvent(field('event') || 'message', safeJson(data));
      }
    }
    // the gateway closed the stream (a restart or a deploy): resume where it stopped, as EventSource would
    state('live updates reconnecting');
    setTimeout(connect, 3000);
  }).catch(failure => {
    if (failure.name !== 'AbortError') state('live updates unavailable');
  });
  connect();
  return { close: () => abort.abort() };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
