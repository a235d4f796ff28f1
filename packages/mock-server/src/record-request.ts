import type { IncomingMessage } from 'node:http'
import type { RecordedRequest } from './types'

/** Reads the whole request body. */
export async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return chunks.length === 1 ? new Uint8Array(chunks[0]) : new Uint8Array(Buffer.concat(chunks))
}

/** Decoded query parameters; a name given more than once maps to an array of its values. */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  for (const [key, value] of params) {
    const seen = query[key]
    if (seen === undefined) query[key] = value
    else if (Array.isArray(seen)) seen.push(value)
    else query[key] = [seen, value]
  }
  return query
}

/** Lower-case header names, with repeated headers joined by `', '`. */
export function headerRecord(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values) headers[name] = values.join(', ')
  }
  return headers
}

/** Parses JSON text, or returns `undefined` when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Splits a request target into path and raw search (`'?a=1'` or `''`). */
export function splitTarget(target: string): { path: string; search: string } {
  const q = target.indexOf('?')
  if (q === -1) return { path: target, search: '' }
  const search = target.slice(q)
  return { path: target.slice(0, q), search: search === '?' ? '' : search }
}

/** Builds the record of a request whose body has been read. */
export function toRecordedRequest(req: IncomingMessage, body: Uint8Array): RecordedRequest {
  const { path, search } = splitTarget(req.url ?? '/')
  const text = new TextDecoder().decode(body)
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    search,
    query: queryRecord(new URLSearchParams(search)),
    headers: headerRecord(req),
    body,
    text,
    json: parseJson(text),
    receivedAt: Date.now(),
  }
}
