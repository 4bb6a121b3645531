// The stress panel: shock one entity under a model and show what every entity and basket loses.

import { postJson } from './api.js';
import { clearError, showError } from './banner.js';
import { el, fillRows, percent, signed, usd } from './format.js';

const PANEL = 'stress';
const SERVICE = 'exposure-service';

export class StressPanel {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector('#stress-form');
    this.form.addEventListener('submit', event => {
      event.preventDefault();
      this.run();
    });
  }

  /** Offers the graph's entities, OpenAI first chosen. */
  offer(entities) {
    this.names = new Map(entities.map(e => [e.id, e.name]));
    this.form.entity.replaceChildren(...entities.map(e => el('option', e.name, { value: e.id })));
    if (this.names.has('openai')) this.form.entity.value = 'openai';
    this.form.run.disabled = entities.length === 0;
  }

  async run() {
    const shock = Number(this.form.shock.value) / 100;
    const scenario = { model: this.form.model.value, shocks: [{ entity: this.form.entity.value, valueChange: shock }] };
    this.root.dataset.state = 'running';
    this.form.run.disabled = true;
    try {
      const { body } = await postJson('/exposure/stress', scenario, SERVICE);
      this.show(body, scenario);
      clearError(PANEL);
      this.root.dataset.state = 'ready';
    } catch (failure) {
      this.root.dataset.state = 'error';
      showError(PANEL, failure.message);
    } finally {
      this.form.run.disabled = false;
    }
  }

  show(result, scenario) {
    const shocked = this.names.get(scenario.shocks[0].entity);
    const summary = [`${result.model}: ${shocked} ${percent(scenario.shocks[0].valueChange, 0)}`];
    if (result.debtRank !== undefined && result.debtRank !== null) summary.push('DebtRank ' + result.debtRank.toFixed(4));
    if (result.waves !== undefined) summary.push(result.waves + ' waves' + (result.converged === false ? ' (not converged)' : ''));
    this.root.querySelector('#stress-summary').textContent = summary.join(' · ');
    const unavailable = this.root.querySelector('#stress-baskets-unavailable');
    unavailable.hidden = !result.basketsUnavailable;
    unavailable.textContent = result.basketsUnavailable ? 'basket impacts unavailable: ' + result.basketsUnavailable : '';

    const baskets = this.root.querySelector('#stress-baskets tbody');
    fillRows(baskets, result.baskets || [], b => [
      b.name,
      b.levelChange === null || b.levelChange === undefined ? 'n/a' : signed(percent(b.levelChange), b.levelChange),
      (b.members || []).filter(m => m.relativeChange !== 0)
        .map(m => m.symbol + ' ' + percent(m.relativeChange, 1)).join(', ') || 'no member hit',
    ]);
    [...baskets.rows].forEach((row, i) => { row.dataset.basket = result.baskets[i].basketId; });

    const entities = [...result.entities].sort((x, y) => x.relativeChange - y.relativeChange);
    const tbody = this.root.querySelector('#stress-entities tbody');
    fillRows(tbody, entities, e => [
      this.names.get(e.entity) || e.entity,
      usd(e.valueUsd),
      signed(percent(e.relativeChange), e.relativeChange),
      signed(usd(e.valueLostUsd), e.valueLostUsd),
      e.failedInWave ? 'wave ' + e.failedInWave : '',
    ]);
    [...tbody.rows].forEach((row, i) => { row.dataset.entity = entities[i].entity; });
  }
}
