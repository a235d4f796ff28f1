import { queryValue } from '../query-value'
import { sendError } from '../reply'
import type { Route, RouteContext } from '../route'
import { openEventStream, writeChunk } from '../sse'

const MAX_COUNT = 1_000_000
const MAX_SIZE = 1_048_576
// Events are batched into writes of about this many characters: far fewer syscalls and promise hops.
const BATCH_CHARS = 64 * 1024

function intParam(value: string | undefined, fallback: number, max: number): number | null {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : null
}

/** The fixture stream's settings from its query (count 10 and size 16 by default), or the problem with them. */
export function sseFixtureOptions(
  query: Record<string, string | string[]>,
): { count: number; size: number; event: string | undefined } | { problem: string; param: string } {
  const count = intParam(queryValue(query.count), 10, MAX_COUNT)
  const size = intParam(queryValue(query.size), 16, MAX_SIZE)
  const event = queryValue(query.event) || undefined
  if (count === null) return { problem: "Invalid 'count': expected an integer >= 0.", param: 'count' }
  if (size === null) return { problem: "Invalid 'size': expected an integer >= 0.", param: 'size' }
  if (event !== undefined && /[\r\n]/.test(event))
    return { problem: "Invalid 'event': it must not contain line breaks.", param: 'event' }
  return { count, size, event }
}

/** The `text` of every event: `size` characters of a fixed ASCII pattern. */
export function filler(size: number): string {
  const pattern = 'abcdefghijklmnopqrstuvwxyz0123456789'
  return pattern.repeat(Math.ceil(size / pattern.length)).slice(0, size)
}

/**
 * `GET /v1/sse?count=N&size=B&event=name`: N events `data: {"index":i,"text":"<B chars>"}` then
 * `data: [DONE]`. N is capped at 1e6 and B at 1 MiB; writes wait for the socket to drain.
 */
export async function streamFixtureEvents({ res, request, signal }: RouteContext): Promise<void> {
  const options = sseFixtureOptions(request.query)
  if ('problem' in options) return sendError(res, 400, options.problem, { param: options.param })
  const { count, size, event } = options
  openEventStream(res)
  const prefix = event === undefined ? 'data: {"index":' : `event: ${event}\ndata: {"index":`
  const suffix = `,"text":"${filler(size)}"}\n\n`
  let batch = ''
  for (let i = 0; i < count; i++) {
    batch += prefix + i + suffix
    if (batch.length >= BATCH_CHARS) {
      if (signal.aborted || !(await writeChunk(res, batch))) return
      batch = ''
    }
  }
  if (await writeChunk(res, `${batch}data: [DONE]\n\n`)) res.end()
}

/** Routes of the raw SSE fixture. */
export const sseRoutes: readonly Route[] = [{ method: 'GET', path: '/v1/sse', handle: streamFixtureEvents }]
