import { describe, expect, it } from 'vitest'
import { InternalServerError, NotFoundError } from '../errors'
import { _relayedEvents } from './relayed-events'

const read = async (source: Response | ReadableStream<Uint8Array>) => {
  const items: unknown[] = []
  for await (const item of await _relayedEvents(source, new AbortController())) items.push(item)
  return items
}

describe('_relayedEvents', () => {
  it('reads text/event-stream as server-sent events and anything else as NDJSON', async () => {
    const sse = new Response('event: a\ndata: {"n":1}\n\ndata: {"n":2}\n\n', {
      headers: { 'content-type': 'text/event-stream; charset=utf-8' },
    })
    expect(await read(sse)).toEqual([{ n: 1 }, { n: 2 }])
    expect(await read(new Response('{"n":1}\n\n{"n":2}\n'))).toEqual([{ n: 1 }, { n: 2 }])
    expect(await read(new Response('{"n":3}\n').body!)).toEqual([{ n: 3 }])
  })

  it('turns an error status into the matching APIError, with a JSON error message or the start of the text', async () => {
    const json = new Response('{"error":{"message":"No such thing.","type":"invalid_request_error"}}', {
      status: 404,
    })
    const notFound = await _relayedEvents(json, new AbortController()).catch((e) => e)
    expect(notFound).toBeInstanceOf(NotFoundError)
    expect(notFound.status).toBe(404)
    expect(notFound.message).toContain('No such thing.')
    const text = await _relayedEvents(
      new Response('upstream down', { status: 502 }),
      new AbortController(),
    ).catch((e) => e)
    expect(text).toBeInstanceOf(InternalServerError)
    expect(text.message).toContain('upstream down')
  })
})
