// A small client of the main routes, typed only by what openapi-typescript generates from the gateway's document:
// if the document stops describing what these calls send and read, this file no longer type-checks.
import type { components, operations } from "./generated/capflow-api";

type Schemas = components["schemas"];
/** The JSON body of an operation's answer with the given status. */
type Answer<Id extends keyof operations, Status extends number> = operations[Id]["responses"] extends {
  [S in Status]: { content: { "application/json": infer Body } };
}
  ? Body
  : never;
/** The JSON body an operation takes. */
type Body<Id extends keyof operations> = operations[Id] extends {
  requestBody: { content: { "application/json": infer Sent } };
}
  ? Sent
  : never;

export type Problem = Schemas["Problem"];

export class CapflowError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}${problem.detail ? ": " + problem.detail : ""}`);
  }
}

export class CapflowClient {
  constructor(private readonly baseUrl: string, private readonly token: string) {}

  listInstruments(kind?: string): Promise<Answer<"listInstruments", 200>> {
    return this.call("GET", "/api/v1/instruments" + (kind ? `?kind=${encodeURIComponent(kind)}` : ""));
  }

  putInstrument(symbol: string, instrument: Body<"putInstrument">): Promise<Answer<"putInstrument", 200>> {
    return this.call("PUT", `/api/v1/instruments/${encodeURIComponent(symbol)}`, instrument);
  }

  ingestBars(bars: Body<"ingestBars">): Promise<Answer<"ingestBars", 200>> {
    return this.call("POST", "/api/v1/prices/bars", bars);
  }

  getLatestPrices(symbols: string[]): Promise<Answer<"getLatestPrices", 200>> {
    return this.call("GET", `/api/v1/prices/latest?symbols=${symbols.map(encodeURIComponent).join(",")}`);
  }

  getBars(symbol: string, from: string, to: string): Promise<Answer<"getBars", 200>> {
    return this.call("GET", `/api/v1/prices/${encodeURIComponent(symbol)}/bars?from=${from}&to=${to}`);
  }

  listBaskets(): Promise<Answer<"listBaskets", 200>> {
    return this.call("GET", "/api/v1/baskets");
  }

  createBasket(basket: Body<"createBasket">): Promise<Answer<"createBasket", 201>> {
    return this.call("POST", "/api/v1/baskets", basket);
  }

  getBasketPerformance(id: string, from: string, to: string): Promise<Answer<"getBasketPerformance", 200>> {
    return this.call("GET", `/api/v1/baskets/${encodeURIComponent(id)}/performance?from=${from}&to=${to}`);
  }

  compareBaskets(a: string, b: string): Promise<Answer<"compareBaskets", 200>> {
    return this.call("GET", `/api/v1/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
  }

  listEntities(): Promise<Answer<"listEntities", 200>> {
    return this.call("GET", "/api/v1/exposure/entities");
  }

  listEdges(): Promise<Answer<"listEdges", 200>> {
    return this.call("GET", "/api/v1/exposure/edges");
  }

  getLoops(): Promise<Answer<"getLoops", 200>> {
    return this.call("GET", "/api/v1/exposure/loops");
  }

  runStress(scenario: Body<"runStress">): Promise<Answer<"runStress", 200>> {
    return this.call("POST", "/api/v1/exposure/stress", scenario);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new CapflowError((await response.json()) as Problem);
    }
    return (await response.json()) as T;
  }
}

/** What a page would show of one basket: every metric may be null, which the types force it to handle. */
export async function describePerformance(client: CapflowClient, basketId: string): Promise<string> {
  const performance = await client.getBasketPerformance(basketId, "2025-10-29", "2025-12-31");
  const metrics: Schemas["Metrics"] | undefined = performance.metrics;
  const beta: number | null = metrics ? metrics.beta : null;
  const last = performance.series[performance.series.length - 1];
  const contributors = performance.contributions.map((c) => `${c.symbol} ${c.contribution ?? "n/a"}`);
  return `${performance.basketId} v${performance.basketVersion} ${last ? last.level : "-"} beta ${beta ?? "n/a"} `
    + contributors.join(", ");
}

/** The stress run of the dashboard: a DEBTRANK shock of one entity, read back per entity and basket. */
export async function shock(client: CapflowClient, entity: string, valueChange: number): Promise<string[]> {
  const stress = await client.runStress({ model: "DEBTRANK", shocks: [{ entity, valueChange }] });
  const debtRank: number | null = stress.debtRank;
  const lines = stress.entities.map((e) => `${e.entity} ${e.relativeChange} ${e.failedInWave ?? "-"}`);
  for (const basket of stress.baskets) {
    lines.push(`${basket.basketId} ${basket.levelChange ?? basket.unavailableReason}`);
  }
  lines.push(`debtRank ${debtRank ?? "n/a"} in ${stress.waves} waves`);
  return lines;
}

/** Reads an ingest report: rejections name the record by index (JSON) or row (CSV). */
export async function ingestOneBar(client: CapflowClient): Promise<string[]> {
  const report = await client.ingestBars([
    { symbol: "NVDA", date: "2025-10-29", open: 207.98, high: 212.19, low: 205.51, close: 207.04 },
  ]);
  const stored: number = report.accepted + report.replaced;
  return [`${stored} stored`, ...report.rejected.map((r) => `${r.index ?? r.row}: ${r.field} ${r.reason}`)];
}
