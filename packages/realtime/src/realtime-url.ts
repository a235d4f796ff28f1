import { type Client, OpenAIError, stringifyQuery } from '@acme/openai-core'

/** What the socket attaches to: a new model session, an existing call (sideband), or transcription only. */
export type RealtimeTarget = { model: string } | { callId: string } | { intent: 'transcription' }

/**
 * A client's own rule for its socket URL (a cloud whose realtime path differs, such as Azure's), carried in
 * `client.options.realtimeURL`: it gets the URL built the usual way and returns the one to open.
 */
export type RealtimeURLRewrite = (url: URL, client: Client) => URL | string

const TARGET_KEYS = ['model', 'call_id', 'intent']

/**
 * The socket URL: the client's `baseURL` + `/realtime`, `http` -> `ws` and `https` -> `wss`, with exactly one of
 * `model`, `call_id` or `intent` in the query (after the client's `defaultQuery` and the call's `query`), then
 * through the client's `options.realtimeURL` rewrite when it has one.
 */
export function realtimeURL(client: Client, target: RealtimeTarget, query?: Record<string, unknown>): string {
  const t = (target ?? {}) as { model?: unknown; callId?: unknown; intent?: unknown }
  // In TARGET_KEYS order; exactly one may be given.
  const values = [t.model, t.callId, t.intent]
  const given = values.filter((v) => v !== undefined)
  if (
    given.length !== 1 ||
    typeof given[0] !== 'string' ||
    !given[0] ||
    (t.intent !== undefined && t.intent !== 'transcription')
  )
    throw new OpenAIError(
      "Pass exactly one of { model: 'gpt-realtime' }, { callId: 'rtc_…' } or { intent: 'transcription' } to connectRealtime.",
    )
  let base: URL
  try {
    base = new URL(client.baseURL, (globalThis as any).location?.href)
  } catch {
    throw new OpenAIError(`The client's baseURL is not a URL: ${JSON.stringify(client.baseURL)}.`)
  }
  if (!/^(https?|wss?):$/.test(base.protocol))
    throw new OpenAIError(
      `The client's baseURL must use http(s) or ws(s) to derive the realtime socket URL, got ${base.protocol}`,
    )
  base.protocol = base.protocol === 'https:' || base.protocol === 'wss:' ? 'wss:' : 'ws:'
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/realtime`
  base.hash = ''
  for (const key of TARGET_KEYS) base.searchParams.delete(key)
  const own = TARGET_KEYS[values.findIndex((v) => v !== undefined)]
  const extra = stringifyQuery({ ...client.defaultQuery, ...query, [own]: given[0] })
  const search = base.search ? `${base.search}&${extra}` : `?${extra}`
  base.search = ''
  const href = `${base.href}${search}`
  const rewrite = (client.options as { realtimeURL?: RealtimeURLRewrite }).realtimeURL
  return rewrite ? String(rewrite(new URL(href), client)) : href
}
