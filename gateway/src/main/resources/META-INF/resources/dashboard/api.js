// Calls to the gateway's REST API with the stored token, turning every failure into a sentence a person can act on.
// The JSDoc types below are the ones openapi-typescript generates from the gateway's OpenAPI document (contract/):
// the build's contract check type-checks this file against them, so it cannot drift from what the gateway answers.

/** @typedef {import('../../../../../../../contract/generated/capflow-api').components['schemas']} Schemas */
/** @typedef {Schemas['Problem']} Problem */
/** @typedef {Schemas['Basket']} Basket */
/** @typedef {Schemas['Comparison']} Comparison */
/** @typedef {Schemas['Performance']} Performance */
/** @typedef {Schemas['Entity']} Entity */
/** @typedef {Schemas['Edge']} Edge */
/** @typedef {Schemas['Loops']} Loops */
/** @typedef {Schemas['StressInput']} StressInput */
/** @typedef {Schemas['Stress']} Stress */
/**
 * An answer: its JSON body, whether it is the last good answer served while its service is down, and the token of
 * the next page of a paged list (empty when none).
 * @template T
 * @typedef {{ body: T, stale: boolean, nextPageToken: string }} Answer
 */

const TOKEN_KEY = 'capflow.token';

/** The bearer token: from "#token=..." in the URL (then stored and removed from the address bar), else localStorage. */
export function readToken() {
  const match = location.hash.match(/(?:^#|&)token=([^&]+)/);
  if (match) {
    saveToken(decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return localStorage.getItem(TOKEN_KEY) || '';
}

/** @param {string} token an empty token forgets the stored one */
export function saveToken(token) {
  if (token) {
    localStorage.setItem(TOKEN_KEY, token.trim());
  } else {
    localStorage.removeItem(TOKEN_KEY);
  }
}

/** A failed call: message is what the page shows. */
export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status the HTTP status, 0 when the gateway was not reached
   */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/**
 * GET a JSON answer; {body, stale} where stale marks the last good answer served while its service is down.
 * @template [T=unknown] the answer's schema, e.g. Basket[] for '/baskets'
 * @param {string} path under /api/v1, with its query
 * @param {string} service the service named in failures
 * @returns {Promise<Answer<T>>}
 */
export function getJson(path, service) {
  return call(path, { method: 'GET' }, service);
}

/**
 * GET every page of a list route: follows X-Next-Page-Token (pageSize 1000, the most a page holds) and joins the pages;
 * stale when any page was.
 * @template T an item of the list, e.g. Basket for '/baskets'
 * @param {string} path under /api/v1, with its query
 * @param {string} service the service named in failures
 * @returns {Promise<Answer<T[]>>}
 */
export async function getAllPages(path, service) {
  /** @type {T[]} */
  const items = [];
  let stale = false;
  let token = '';
  do {
    const separator = path.includes('?') ? '&' : '?';
    /** @type {Answer<T[]>} */
    const page = await call(path + separator + 'pageSize=1000' + (token ? '&pageToken=' + encodeURIComponent(token) : ''),
      { method: 'GET' }, service);
    items.push(...page.body);
    stale = stale || page.stale;
    token = page.nextPageToken;
  } while (token);
  return { body: items, stale, nextPageToken: '' };
}

/**
 * POST a JSON body, answered with JSON.
 * @template [T=unknown] the answer's schema, e.g. Stress for '/exposure/stress'
 * @param {string} path under /api/v1
 * @param {unknown} body e.g. a StressInput
 * @param {string} service the service named in failures
 * @returns {Promise<Answer<T>>}
 */
export function postJson(path, body, service) {
  return call(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }, service);
}

/**
 * The baskets in the system (the stress panel's picker and the comparison's A and B).
 * @returns {Promise<Answer<Basket[]>>}
 */
export function listBaskets() {
  return getAllPages('/baskets', 'basket-service');
}

/**
 * The funding graph holding on asOf (ISO date; today when empty).
 * @param {string | null} asOf
 * @returns {Promise<{ entities: Answer<Entity[]>, edges: Answer<Edge[]>, loops: Answer<Loops> }>}
 */
export async function fundingGraph(asOf) {
  const query = asOf ? '?asOf=' + encodeURIComponent(asOf) : '';
  const [entities, edges, loops] = await Promise.all([
    /** @type {Promise<Answer<Entity[]>>} */ (getAllPages('/exposure/entities' + query, 'exposure-service')),
    /** @type {Promise<Answer<Edge[]>>} */ (getAllPages('/exposure/edges' + query, 'exposure-service')),
    /** @type {Promise<Answer<Loops>>} */ (getJson('/exposure/loops' + query, 'exposure-service')),
  ]);
  return { entities, edges, loops };
}

/**
 * Runs one stress scenario.
 * @param {StressInput} scenario
 * @returns {Promise<Answer<Stress>>}
 */
export function runStress(scenario) {
  return postJson('/exposure/stress', scenario, 'exposure-service');
}

/**
 * @template T
 * @param {string} path
 * @param {RequestInit} init
 * @param {string} service
 * @returns {Promise<Answer<T>>}
 */
async function call(path, init, service) {
  const headers = new Headers(init.headers || {});
  headers.set('Accept', 'application/json');
  const token = readToken();
  if (token) {
    headers.set('Authorization', 'Bearer ' + token);
  }
  /** @type {Response} */
  let response;
  try {
    response = await fetch('/api/v1' + path, { ...init, headers });
  } catch (networkFailure) {
    const reason = networkFailure instanceof Error ? networkFailure.message : String(networkFailure);
    throw new ApiError('gateway unreachable (' + reason + ') - is ./capflow up running?', 0);
  }
  /** @type {any} the answer of the route, or a Problem */
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(explain(response, body, service, Boolean(token)), response.status);
  }
  return {
    body,
    stale: response.headers.get('X-Capflow-Stale') === 'true',
    nextPageToken: response.headers.get('X-Next-Page-Token') || '',
  };
}

/**
 * @param {Response} response
 * @param {Problem | null} problem
 * @param {string} service
 * @param {boolean} hadToken
 * @returns {string}
 */
function explain(response, problem, service, hadToken) {
  const detail = problem && problem.detail ? problem.detail : '';
  switch (response.status) {
    case 401:
      return hadToken
        ? 'the token was refused (expired, or not for this platform) - run ./capflow token viewer and paste the new one'
        : 'needs a token - run ./capflow token viewer and paste it in the token field';
    case 403:
      return 'the token\'s role may not do this' + (detail ? ': ' + detail : '');
    case 429:
      return 'too many requests - retry in ' + (response.headers.get('Retry-After') || 'a few') + ' s';
    case 503:
      return service + ' unavailable';
    case 504:
      return service + ' did not answer in time';
    case 400: {
      const violations = problem && Array.isArray(problem.violations)
        ? problem.violations.map(v => v.field + ': ' + v.reason).join('; ')
        : '';
      return 'refused: ' + (violations || detail || 'bad request');
    }
    default:
      return (problem && problem.title ? problem.title : 'HTTP ' + response.status) + (detail ? ': ' + detail : '');
  }
}
