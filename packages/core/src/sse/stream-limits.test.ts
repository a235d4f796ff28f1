// Streams and the caller's resources: listeners on a shared signal, oversized events, bodies that stall.
import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { type ClientOptions, createClient } from '../client'
import { APIConnectionTimeoutError, OpenAIError } from '../errors'
import { request } from '../request'
import { parseSSE } from './parse-sse'
import type { Stream } from './stream'

const encoder = new TextEncoder()

/** A body that sends `chunks`, then ends, fails, or (with `stall`) stays open until cancelled. */
function body(chunks: string[], end: 'close' | 'error' | 'stall' = 'close'): ReadableStream<Uint8Array> {
  let i = 0
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(encoder.encode(chunks[i++]))
      else if (end === 'close') controller.close()
      else if (end === 'error') controller.error(new Error('socket closed'))
      else return new Promise(() => {})
    },
  })
}

function streamingClient(make: () => ReadableStream<Uint8Array>, options: ClientOptions = {}) {
  const fetch = (async (_url: string, init: any) => {
    const stream = make()
    init.signal?.addEventListener('abort', () => stream.cancel().catch(() => {}), { once: true })
    return new Response(stream, { headers: { 'content-type': 'text/event-stream' } })
  }) as unknown as typeof globalThis.fetch
  return createClient({
    apiKey: 'sk-test-streams',
    baseURL: 'http://127.0.0.1:9/v1',
    fetch,
    logLevel: 'off',
    ...options,
  })
}

const open = <T>(client: ReturnType<typeof createClient>, extra: Record<string, unknown> = {}) =>
  request<Stream<T>>(client, { method: 'post', path: '/s', stream: true, ...extra })

async function drain(stream: AsyncIterable<unknown>): Promise<unknown> {
  try {
    for await (const _ of stream) {
    }
  } catch (error) {
    return error
  }
}

describe('a shared AbortSignal', () => {
  it('keeps no listener after 200 streams that ended, failed or were cancelled', async () => {
    const signal = new AbortController().signal
    const ended = streamingClient(() => body(['data: {"n":1}\n\n', 'data: [DONE]\n\n']))
    const failed = streamingClient(() => body(['data: {"n":1}\n\n'], 'error'))
    const stalled = streamingClient(() => body(['data: {"n":1}\n\n'], 'stall'))
    for (let i = 0; i < 200; i++) {
      const kind = i % 3
      const stream = await open(kind === 0 ? ended : kind === 1 ? failed : stalled, { signal })
      if (kind === 2) {
        for await (const _ of stream) break
      } else {
        const error = await drain(stream)
        expect(error === undefined).toBe(kind === 0)
      }
    }
    expect(getEventListeners(signal, 'abort')).toHaveLength(0)
  })
})

describe('an oversized server-sent event', () => {
  it('fails the stream with a clear error past maxEventSize (one long line)', async () => {
    const client = streamingClient(() => body([`data: "${'x'.repeat(600)}`, 'x'.repeat(600), '"\n\n']))
    const error = (await drain(await open(client, { maxEventSize: 1000 }))) as Error
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.message).toMatch(
      /^A server-sent event line or event is longer than 1000 characters; stopped reading the stream\./,
    )
  })

  it('fails past maxEventSize for an event made of many short data lines', async () => {
    const lines = Array.from({ length: 50 }, () => `data: ${'y'.repeat(40)}\n`).join('')
    const client = streamingClient(() => body([lines, '\n']))
    const error = (await drain(await open(client, { maxEventSize: 1000 }))) as Error
    expect(error.message).toMatch(/longer than 1000 characters/)
  })

  it('accepts events under the limit, and parseSSE takes the same option', async () => {
    const client = streamingClient(() => body([`data: {"s":"${'z'.repeat(500)}"}\n\n`]))
    const items: unknown[] = []
    for await (const item of await open(client, { maxEventSize: 1000 })) items.push(item)
    expect(items).toHaveLength(1)
    const events = parseSSE(body([`data: ${'q'.repeat(2000)}\n\n`]), { maxEventSize: 1000 })
    await expect(drain(events)).resolves.toBeInstanceOf(OpenAIError)
  })
})

describe('a stream that stalls after its headers', () => {
  it('fails with a timeout error naming the idle time (call option)', async () => {
    const client = streamingClient(() => body(['data: {"n":1}\n\n'], 'stall'))
    const stream = await open<{ n: number }>(client, { idleTimeout: 50 })
    const seen: number[] = []
    const error = await (async () => {
      try {
        for await (const item of stream) seen.push(item.n)
      } catch (e) {
        return e as Error
      }
    })()
    expect(seen).toEqual([1])
    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expect(error!.message).toBe('Stream idle: no data for 50 ms (idleTimeout); the request was aborted.')
    expect(stream.controller.signal.aborted).toBe(true)
  })

  it('takes the client option too, and is off by default', async () => {
    expect(streamingClient(() => body([])).idleTimeout).toBeUndefined()
    const client = streamingClient(() => body([], 'stall'), { idleTimeout: 30 })
    expect(((await drain(await open(client))) as Error).message).toMatch(/no data for 30 ms/)
  })
})
