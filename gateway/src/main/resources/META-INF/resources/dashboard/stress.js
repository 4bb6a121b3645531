// The stress panel: shock one entity under a model, run with the LOW, BASE and HIGH amounts of estimated deals, and
// show what the picked baskets and every entity lose (and, under CLEARING, who defaults and who goes unpaid).

import { runStress } from './api.js';
import { clearError, showError } from './banner.js';
import { el, fillRows, percent, signed, usd } from './format.js';

const PANEL = 'stress';
const AMOUNTS = ['LOW', 'BASE', 'HIGH'];

export class StressPanel {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector('#stress-form');
    this.picker = root.querySelector('#stress-basket-picker');
    this.form.addEventListener('submit', event => {
      event.preventDefault();
      this.run();
    });
    this.form.model.addEventListener('change', () => this.showOptions());
    this.picker.addEventListener('change', () => this.showBaskets());
    this.showOptions();
  }

  /** Offers the graph's entities, OpenAI first chosen. */
  offer(entities) {
    this.names = new Map(entities.map(e => [e.id, e.name]));
    this.form.entity.replaceChildren(...entities.map(e => el('option', e.name, { value: e.id })));
    if (this.names.has('openai')) this.form.entity.value = 'openai';
    this.form.run.disabled = entities.length === 0;
  }

  /** Offers every basket in the picker, the compared ones picked. */
  offerBaskets(baskets, picked) {
    this.picker.replaceChildren(...baskets.map(b => {
      const option = el('option', b.name, { value: b.id });
      option.selected = picked.includes(b.id);
      return option;
    }));
    this.picker.size = Math.min(8, Math.max(2, baskets.length));
    this.showBaskets();
  }

  showOptions() {
    this.root.querySelector('#clearing-options').hidden = this.form.model.value !== 'CLEARING';
  }

  /** The scenario of the form for one choice of amounts; options only for CLEARING (other models refuse them). */
  scenario(amounts) {
    const scenario = {
      model: this.form.model.value,
      shocks: [{ entity: this.form.entity.value, valueChange: Number(this.form.shock.value) / 100 }],
      amounts,
    };
    if (scenario.model === 'CLEARING') {
      scenario.options = {
        horizonYears: Number(this.form.horizonYears.value),
        alpha: Number(this.form.alpha.value),
        beta: Number(this.form.beta.value),
      };
    }
    return scenario;
  }

  async run() {
    this.root.dataset.state = 'running';
    this.form.run.disabled = true;
    try {
      const answers = await Promise.all(AMOUNTS.map(amounts => runStress(this.scenario(amounts))));
      this.results = Object.fromEntries(AMOUNTS.map((amounts, i) => [amounts, answers[i].body]));
      this.show(this.scenario('BASE'));
      clearError(PANEL);
      this.root.dataset.state = 'ready';
    } catch (failure) {
      this.root.dataset.state = 'error';
      showError(PANEL, failure.message);
    } finally {
      this.form.run.disabled = false;
    }
  }

  show(scenario) {
    const result = this.results.BASE;
    const shocked = this.names.get(scenario.shocks[0].entity) || scenario.shocks[0].entity;
    const summary = [`${result.model}: ${shocked} ${percent(scenario.shocks[0].valueChange, 0)}`];
    if (result.debtRank !== undefined && result.debtRank !== null) summary.push('DebtRank ' + result.debtRank.toFixed(4));
    if (result.waves !== undefined) summary.push(result.waves + ' waves' + (result.converged === false ? ' (not converged)' : ''));
    this.root.querySelector('#stress-summary').textContent = summary.join(' · ');
    const unavailable = this.root.querySelector('#stress-baskets-unavailable');
    unavailable.hidden = !result.basketsUnavailable;
    unavailable.textContent = result.basketsUnavailable ? 'basket impacts unavailable: ' + result.basketsUnavailable : '';
    this.showBaskets();
    this.showEntities(result);
    this.showClearing(result);
  }

  /** The picked baskets, largest loss first, each with the band of its level change over LOW, BASE and HIGH amounts. */
  showBaskets() {
    if (!this.results) return;
    const picked = new Set([...this.picker.selectedOptions].map(option => option.value));
    const rows = (this.results.BASE.baskets || []).filter(b => picked.has(b.basketId))
      .map(b => ({ basket: b, band: band(this.results, b.basketId) }))
      .sort((x, y) => byImpact(x.basket.levelChange, y.basket.levelChange));
    const tbody = this.root.querySelector('#stress-baskets tbody');
    fillRows(tbody, rows, ({ basket, band: range }) => [
      basket.name,
      basket.levelChange === null || basket.levelChange === undefined ? 'n/a' : signed(percent(basket.levelChange), basket.levelChange),
      range ? percent(range.low) + ' to ' + percent(range.high) : 'n/a',
      (basket.members || []).filter(m => m.relativeChange !== 0)
        .map(m => m.symbol + ' ' + percent(m.relativeChange, 1)).join(', ') || 'no member hit',
    ]);
    [...tbody.rows].forEach((row, i) => {
      const { basket, band: range } = rows[i];
      row.dataset.basket = basket.basketId;
      if (basket.levelChange !== null && basket.levelChange !== undefined) row.dataset.base = String(basket.levelChange);
      if (range) {
        row.dataset.low = String(range.low);
        row.dataset.high = String(range.high);
      }
    });
  }

  showEntities(result) {
    const entities = [...result.entities].sort((x, y) => x.relativeChange - y.relativeChange);
    const tbody = this.root.querySelector('#stress-entities tbody');
    fillRows(tbody, entities, e => [
      // an entity whose stakes are worth at least its own mark is answered, but its mark is what to check
      (this.names.get(e.entity) || e.entity) + (e.markedBelowStakes ? ' (mark below its stakes)' : ''),
      usd(e.valueUsd),
      signed(percent(e.relativeChange), e.relativeChange),
      signed(usd(e.valueLostUsd), e.valueLostUsd),
      e.failedInWave ? 'wave ' + e.failedInWave : '',
    ]);
    [...tbody.rows].forEach((row, i) => { row.dataset.entity = entities[i].entity; });
  }

  /** Under CLEARING: defaulters first, then by what each is not paid. */
  showClearing(result) {
    const table = this.root.querySelector('#stress-clearing');
    const entities = result.entities.filter(e => e.clearingShocked);
    table.hidden = result.model !== 'CLEARING';
    const rows = entities.sort((x, y) => Number(y.clearingShocked.defaulted) - Number(x.clearingShocked.defaulted)
      || y.clearingShocked.unpaidReceivablesUsd - x.clearingShocked.unpaidReceivablesUsd);
    const tbody = table.querySelector('tbody');
    fillRows(tbody, rows, e => {
      const shocked = e.clearingShocked;
      return [
        this.names.get(e.entity) || e.entity,
        usd(shocked.obligationsUsd),
        usd(shocked.paidUsd),
        shocked.obligationsUsd > 0 ? percent(shocked.paidUsd / shocked.obligationsUsd, 1) : 'owes nothing',
        shocked.defaulted ? 'defaults' : '',
        signed(usd(shocked.unpaidReceivablesUsd), -shocked.unpaidReceivablesUsd),
        usd(e.clearingBaseline.unpaidReceivablesUsd),
        usd(shocked.externalResourcesUsd),
      ];
    });
    [...tbody.rows].forEach((row, i) => {
      row.dataset.entity = rows[i].entity;
      row.dataset.paid = String(rows[i].clearingShocked.paidUsd);
      row.dataset.unpaid = String(rows[i].clearingShocked.unpaidReceivablesUsd);
    });
  }
}

/** The lowest and highest level change of a basket over the runs with LOW, BASE and HIGH amounts; null if any is. */
function band(results, basketId) {
  const changes = AMOUNTS.map(amounts => (results[amounts].baskets || []).find(b => b.basketId === basketId)?.levelChange);
  if (changes.some(change => change === null || change === undefined)) return null;
  return { low: Math.min(...changes), high: Math.max(...changes) };
}

/** Largest loss first (most negative level change); baskets without a figure last. */
function byImpact(x, y) {
  const known = value => value !== null && value !== undefined;
  if (!known(x) || !known(y)) return Number(known(y)) - Number(known(x));
  return x - y;
}
