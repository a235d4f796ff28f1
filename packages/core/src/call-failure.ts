import type { CallState } from './call-state'
import { APIConnectionError, APIConnectionTimeoutError, type APIError, InvalidOptionError } from './errors'
import { _redactValues, _secretValues, redactSecrets } from './redact'

// The errors of a failed call: an error status, no response at all, or a header value fetch would refuse.
// Loaded on the first failure. Whatever it imported from a file the main entry also exports would load up front
// in every app (bundlers split by file), so it takes `makeAPIError` from the caller. Redaction is not on the main
// entry (it is on `/internal`), so it loads here.

/**
 * The error for an error status, from its body (the JSON `error` object, else the text with anything key-like cut
 * out). The credentials this request sent (`headers`) are first cut out by value, wherever the server echoed
 * them; a 401 to a request that sent none says so.
 */
export function statusError(
  response: Response,
  raw: string,
  headers: Record<string, string>,
  makeAPIError: (
    status: number,
    error: object | undefined,
    message: string | undefined,
    headers: Headers,
  ) => APIError,
): APIError {
  const secrets = _secretValues(headers)
  const text = _redactValues(raw, secrets)
  let json: any
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {}
  const body = json && typeof json === 'object' ? (json.error ?? json) : undefined
  const error = makeAPIError(
    response.status,
    body,
    body ? undefined : redactSecrets(text) || undefined,
    response.headers,
  )
  if (response.status === 401 && secrets.length === 0)
    error.message +=
      ' (No API key was sent: pass `apiKey` to createClient or set OPENAI_API_KEY, or have your proxy add it.)'
  return error
}

/**
 * The error for a CR or LF in a header value, which fetch would refuse as a connection error quoting the value
 * (a key, maybe): it names the option, never the value.
 */
export function lineBreakError(call: CallState): InvalidOptionError {
  const name = Object.keys(call.headers).find((k) => /[\r\n]/.test(call.headers[k]))!
  const option =
    name === 'authorization'
      ? call.client.auth
        ? 'auth'
        : 'apiKey'
      : name === 'idempotency-key'
        ? 'idempotencyKey'
        : /^openai-(organization|project)$/.test(name)
          ? name.slice(7)
          : `headers['${name}']`
  return new InvalidOptionError(option, `${option} contains a line break (CR or LF); remove it.`)
}

/** The error for an attempt that got no response: a timeout, or a connection error naming the host and cause. */
export function connectionError(call: CallState, cause: unknown): APIConnectionError {
  const e = cause as any
  if (call.timedOut || e?.name === 'TimeoutError' || /timed? ?out/i.test(String(e) + String(e?.cause)))
    return new APIConnectionTimeoutError({ cause })
  let code: unknown
  for (let c = e, depth = 0; c && depth < 4 && !code; c = c.cause, depth++)
    code = c.code ?? c.errors?.[0]?.code
  // The host alone (no user info, path or query); a code is a constant such as ECONNREFUSED, never user data.
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(call.url)?.[1]
  return new APIConnectionError({
    message: `Connection error${host ? ` to ${host}` : ''}${typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? ` (${code})` : ''}.`,
    cause,
  })
}
