// The funding graph: entities sized by value, edges coloured by kind, the funding loops highlighted, and each
// edge's sources on hover and click.

import * as echarts from './vendor/echarts/echarts.esm.min.js';
import { fundingGraph } from './api.js';
import { clearError, showError } from './banner.js';
import { el, fillRows, percent, sourceLinks, usd } from './format.js';

const PANEL = 'funding graph';
const KIND_COLORS = { EQUITY: '#5f6368', INVESTMENT: '#1a73e8', PURCHASE: '#188038', GUARANTEE: '#a142f4' };
const LOOP_COLOR = '#d93025';
const ENTITY_KINDS = ['LISTED', 'PRIVATE', 'JV', 'FUND'];

const DAY_MS = 24 * 60 * 60 * 1000;

export class GraphPanel {
  constructor(root) {
    this.root = root;
    this.chart = echarts.init(root.querySelector('#graph-chart'));
    this.chart.on('click', params => this.showDetails(params));
    window.addEventListener('resize', () => this.chart.resize());
    this.form = root.querySelector('#graph-form');
    this.reads = 0;
    this.form.day.addEventListener('input', () => this.showDate(this.chosenDate()));
    this.form.day.addEventListener('change', () => {
      const date = this.chosenDate();
      this.showDate(date);
      this.load(date === this.today ? null : date);
    });
  }

  /** Reads today's graph; answers today's entities. */
  start() {
    this.today = isoDate(new Date());
    return this.load(null);
  }

  /** The slider runs from the earliest edge of today's graph to today, and starts at today. */
  setUpSlider() {
    const dates = this.edges.map(e => e.asOf).filter(Boolean).sort();
    this.earliest = dates.length ? dates[0] : this.today;
    this.form.dataset.earliest = this.earliest;
    const days = Math.round((Date.parse(this.today) - Date.parse(this.earliest)) / DAY_MS);
    this.form.day.max = String(days);
    this.form.day.value = String(days);
    this.showDate(this.today);
  }

  /** The slider's date: its day count after the earliest edge. */
  chosenDate() {
    return isoDate(new Date(Date.parse(this.earliest) + Number(this.form.day.value) * DAY_MS));
  }

  showDate(date) {
    this.form.date.value = date === this.today ? date + ' (today)' : date;
  }

  /**
   * Reads and draws the graph holding on asOf (null: today, asked without a date, as the API's own default); an answer
   * overtaken by a later move of the slider is dropped.
   */
  async load(asOf) {
    const read = ++this.reads;
    this.root.dataset.state = 'loading';
    try {
      const { entities, edges, loops } = await fundingGraph(asOf);
      if (read !== this.reads) return entities.body;
      this.entities = new Map(entities.body.map(e => [e.id, e]));
      this.edges = edges.body;
      this.loops = loops.body;
      this.circular = new Map(loops.body.circularShares.map(c => [c.entity, c.circularShare]));
      if (this.earliest === undefined) this.setUpSlider();
      this.root.querySelector('#graph-stale').hidden = !(entities.stale || edges.stale || loops.stale);
      this.draw(null);
      this.fillLoops();
      this.root.dataset.asOf = asOf || this.today;
      clearError(PANEL);
      this.root.dataset.state = 'ready';
      return entities.body;
    } catch (failure) {
      if (read !== this.reads) return [];
      this.root.dataset.state = 'error';
      showError(PANEL, failure.message);
      return [];
    }
  }

  /** Draws the graph; with a loop chosen only its edges stand out, otherwise every edge on some loop does. */
  draw(chosenLoop) {
    const onLoops = new Set((chosenLoop ? [chosenLoop] : this.loops.loops).flatMap(loop => loop.edges.map(e => e.id)));
    const largest = Math.max(1, ...[...this.entities.values()].map(e => e.value?.valueUsd || 0));
    const nodes = [...this.entities.values()].map(entity => ({
      id: entity.id,
      name: entity.name,
      category: Math.max(0, ENTITY_KINDS.indexOf(entity.kind)),
      symbolSize: 18 + 42 * Math.sqrt((entity.value?.valueUsd || 0) / largest),
      value: entity.value?.valueUsd,
      label: { show: true, formatter: shortName(entity) },
    }));
    const seen = new Map();
    const links = this.edges.map(edge => {
      const pair = [edge.from, edge.to].sort().join('|');
      const nth = seen.get(pair) || 0;
      seen.set(pair, nth + 1);
      const looped = onLoops.has(edge.id);
      return {
        id: edge.id,
        source: edge.from,
        target: edge.to,
        edge,
        lineStyle: {
          color: looped ? LOOP_COLOR : KIND_COLORS[edge.kind],
          width: looped ? 3 : 1.2,
          opacity: looped || chosenLoop === null ? 0.9 : 0.25,
          curveness: 0.12 + 0.12 * nth,
          type: edge.estimated ? 'dashed' : 'solid',
        },
      };
    });
    this.chart.setOption({
      animation: false,
      legend: [{ data: ENTITY_KINDS, top: 0 }],
      tooltip: { formatter: params => tooltip(params, this.entities) },
      series: [{
        id: 'funding',
        type: 'graph',
        layout: 'circular',
        circular: { rotateLabel: false },
        roam: true,
        draggable: true,
        categories: ENTITY_KINDS.map(name => ({ name })),
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        label: { position: 'right' },
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        data: nodes,
        links,
      }],
    }, true);
  }

  fillLoops() {
    const rows = this.loops.loops.map((loop, index) => ({ loop, index }));
    const tbody = this.root.querySelector('#loops tbody');
    fillRows(tbody, rows, ({ loop }) => [
      [...loop.entities, loop.entities[0]].map(id => shortName(this.entities.get(id) || { id })).join(' -> '),
      usd(loop.bottleneckUsd),
      usd(loop.totalUsd),
    ]);
    [...tbody.rows].forEach((row, index) => {
      row.tabIndex = 0;
      row.addEventListener('click', () => this.chooseLoop(row, rows[index].loop));
    });
    this.root.querySelector('#loops-note').textContent = this.loops.loops.length + ' loops'
      + (this.loops.truncated ? ' (list truncated)' : '') + ': click one to show it alone, click again for all.';
  }

  chooseLoop(row, loop) {
    const again = row.classList.contains('chosen');
    row.parentElement.querySelectorAll('tr').forEach(r => r.classList.remove('chosen'));
    if (!again) row.classList.add('chosen');
    this.draw(again ? null : loop);
    const details = this.root.querySelector('#graph-details');
    details.replaceChildren(el('h3', again ? 'Details' : 'Loop sources'));
    if (!again) loop.edges.forEach(edge => details.append(edgeDetails(edge, this.entities)));
  }

  showDetails(params) {
    const details = this.root.querySelector('#graph-details');
    if (params.dataType === 'edge') {
      details.replaceChildren(el('h3', 'Edge'), edgeDetails(params.data.edge, this.entities));
    } else if (params.dataType === 'node') {
      const entity = this.entities.get(params.data.id);
      const list = el('dl');
      const add = (term, value) => list.append(el('dt', term), el('dd', value));
      add('kind', entity.kind);
      add('value', entity.value ? usd(entity.value.valueUsd) + ' (' + entity.value.method.toLowerCase().replace('_', ' ') + ')'
        : entity.valueUnavailableReason || 'n/a');
      add('circular share of inflow', percent(this.circular.get(entity.id) ?? null, 0));
      add('edges', this.edges.filter(e => e.from === entity.id || e.to === entity.id).length + '');
      details.replaceChildren(el('h3', entity.name), list);
    }
  }
}

/** A date as the API reads it: YYYY-MM-DD, in UTC like the API's own "today". */
function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

function shortName(entity) {
  return entity.ticker || entity.name || entity.id;
}

function edgeDetails(edge, entities) {
  const box = el('div', null, { class: 'edge' });
  const name = id => entities.get(id)?.name || id;
  box.append(el('p', `${name(edge.from)} -> ${name(edge.to)}: ${edge.kind.toLowerCase()} `
    + (edge.amountUsd ? usd(edge.amountUsd) : edge.share !== undefined ? percent(edge.share, 1) + ' stake' : '')
    + ` (${edge.asOf}, ${(edge.confidence || '').toLowerCase()} confidence${edge.estimated ? ', estimated' : ''}; row ${edge.sourceRow || '-'})`));
  if (edge.note) box.append(el('p', edge.note, { class: 'note' }));
  box.append(sourceLinks(edge.source));
  return box;
}

function tooltip(params, entities) {
  const escape = text => String(text).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  if (params.dataType === 'edge') {
    const edge = params.data.edge;
    const amount = edge.amountUsd ? usd(edge.amountUsd) : edge.share !== undefined ? percent(edge.share, 1) + ' stake' : '';
    const sources = (edge.source || '').split(/\s*;\s*/).filter(Boolean).map(s => escape(new URL(s, location.href).hostname));
    return `${escape(entities.get(edge.from)?.name || edge.from)} &rarr; ${escape(entities.get(edge.to)?.name || edge.to)}<br>`
      + `${escape(edge.kind)} ${escape(amount)}, ${escape(edge.asOf)}<br>sources: ${sources.join(', ') || 'none'}<br><i>click for links</i>`;
  }
  return `${escape(params.data.name)}<br>${escape(usd(params.data.value))}`;
}
