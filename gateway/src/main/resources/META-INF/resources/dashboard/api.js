// Calls to the gateway's REST API with the stored token, turning every failure into a sentence a person can act on.

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

export function saveToken(token) {
  if (token) {
    localStorage.setItem(TOKEN_KEY, token.trim());
  } else {
    localStorage.removeItem(TOKEN_KEY);
  }
}

/** A failed call: message is what the page shows. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** GET a JSON answer; {body, stale} where stale marks the last good answer served while its service is down. */
export function getJson(path, service) {
  return call(path, { method: 'GET' }, service);
}

/**
 * GET every page of a list route: follows X-Next-Page-Token (pageSize 1000, the most a page holds) and joins the pages;
 * stale when any page was.
 */
export async function getAllPages(path, service) {
  const items = [];
  let stale = false;
  let token = '';
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await call(path + separator + 'pageSize=1000' + (token ? '&pageToken=' + encodeURIComponent(token) : ''),
      { method: 'GET' }, service);
    items.push(...page.body);
    stale = stale || page.stale;
    token = page.nextPageToken;
  } while (token);
  return { body: items, stale };
}

/** POST a JSON body, answered with JSON. */
export function postJson(path, body, service) {
  return call(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }, service);
}

/** The baskets in the system (the stress panel's picker and the comparison's A and B). */
export function listBaskets() {
  return getAllPages('/baskets', 'basket-service');
}

/** The funding graph holding on asOf (ISO date; today when empty): {entities, edges, loops}, each {body, stale}. */
export async function fundingGraph(asOf) {
  const query = asOf ? '?asOf=' + encodeURIComponent(asOf) : '';
  const [entities, edges, loops] = await Promise.all([
    getAllPages('/exposure/entities' + query, 'exposure-service'),
    getAllPages('/exposure/edges' + query, 'exposure-service'),
    getJson('/exposure/loops' + query, 'exposure-service'),
  ]);
  return { entities, edges, loops };
}

/** Runs one stress scenario (StressInput of the API). */
export function runStress(scenario) {
  return postJson('/exposure/stress', scenario, 'exposure-service');
}

async function call(path, init, service) {
  const headers = new Headers(init.headers || {});
  headers.set('Accept', 'application/json');
  const token = readToken();
  if (token) {
    headers.set('Authorization', 'Bearer ' + token);
  }
  let response;
  try {
    response = await fetch('/api/v1' + path, { ...init, headers });
  } catch (networkFailure) {
    throw new ApiError('gateway unreachable (' + networkFailure.message + ') - is ./capflow up running?', 0);
  }
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
