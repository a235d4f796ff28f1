/** What every smoke function is given. */
export interface SmokeContext {
  /** The runtime it runs in (`node`, `bun`, `deno`, `workerd`, `chromium`). */
  runtime: string
  /** The mock server's API base URL (`http://127.0.0.1:PORT/v1`). */
  baseURL: string
  /** The mock server's origin, for `/__mock/...` control routes and the non-API routes (`/oauth/token`). */
  mockURL: string
  /** Any non-empty key: the mock accepts every one. */
  apiKey: string
}

/** What a smoke function returns: its checks that passed, and those that do not apply to the runtime. */
export interface SmokeReport {
  passed: string[]
  skipped: { name: string; reason: string }[]
}

/** A smoke run as a runtime host reports it: the report, or the failure (the first failing check). */
export type SmokeOutcome = ({ ok: true } & SmokeReport) | { ok: false; error: string }
