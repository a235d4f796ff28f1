// Over 300 lines on purpose: every behaviour of Stream (iteration, abort, tee, NDJSON round trip) in one suite.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { APIError, APIUserAbortError, OpenAIError } from '../errors'
import { Stream } from './stream'

const utf8 = (text: string) => new TextEncoder().encode(text)

/** A body over `chunks` that records pulls and cancels; with `close: false` it stays open after them. */
function body(chunks: string[], { close = true } = {}) {
  const log = { cancels: 0, reason: undefined as unknown }
  let i = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(utf8(chunks[i++]))
      else if (close) controller.close()
    },
    cancel(reason) {
      log.cancels++
      log.reason = reason
    },
  })
  return { stream, log }
}

function sse(chunks: string[], options?: { close?: boolean; headers?: Record<string, string> }) {
  const { stream, log } = body(chunks, options)
  const response = new Response(stream, {
    headers: { 'content-type': 'text/event-stream', ...options?.headers },
  })
  return { response, stream, log, controller: new AbortController() }
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of stream) items.push(item)
  return items
}

async function failure(promise: Promise<unknown>): Promise<any> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe('Stream.fromSSEResponse', () => {
  it('yields the parsed data of each event and exposes response and controller', async () => {
    const { response, controller } = sse(['event: a\ndata: {"n":1}\n\n', 'data: [1,2]\n\ndata: "x"\n\n'])
    const stream = Stream.fromSSEResponse<unknown>(response, controller)
    expect(stream.response).toBe(response)
    expect(stream.controller).toBe(controller)
    expect(await collect(stream)).toEqual([{ n: 1 }, [1, 2], 'x'])
    expect(controller.signal.aborted).toBe(false)
    expect(response.bodyUsed).toBe(true)
  })

  it('delivers a last event that has no blank line after it', async () => {
    const { response, controller } = sse(['data: {"n":1}\n\ndata: {"n":2}'])
    expect(await collect(Stream.fromSSEResponse(response, controller))).toEqual([{ n: 1 }, { n: 2 }])
  })

  it('stops at [DONE] without waiting for the body to end: cancels it once, does not abort', async () => {
    const { response, stream, log, controller } = sse(
      [
        'data: {"n":1}\n\n',
        'data: [DONE]\n\n',
        'data: {"n":2}\n\n',
        'event: error\ndata: {"message":"late"}\n\n',
      ],
      { close: false },
    )
    expect(await collect(Stream.fromSSEResponse(response, controller))).toEqual([{ n: 1 }])
    expect(log.cancels).toBe(1)
    expect(stream.locked).toBe(false)
    expect(controller.signal.aborted).toBe(false)
  })

  it('treats only the exact data [DONE] as the end', async () => {
    const { response, controller } = sse(['data: "[DONE]"\n\ndata: [DONE] \n\n'])
    const error = await failure(collect(Stream.fromSSEResponse(response, controller)))
    expect(error).toBeInstanceOf(SyntaxError)
  })

  it('throws an error event as APIError carrying the request id, then cancels and aborts', async () => {
    const { response, stream, log, controller } = sse(
      [
        'data: {"n":1}\n\n',
        'event: error\ndata: {"error":{"message":"bad","type":"server_error","code":"c1"}}\n\n',
      ],
      { close: false, headers: { 'x-request-id': 'req_123' } },
    )
    const items: unknown[] = []
    const error = await failure(
      (async () => {
        for await (const item of Stream.fromSSEResponse(response, controller)) items.push(item)
      })(),
    )
    expect(items).toEqual([{ n: 1 }])
    expect(error).toBeInstanceOf(APIError)
    expect(error.message).toBe('bad')
    expect(error.status).toBeUndefined()
    expect(error.requestID).toBe('req_123')
    expect(error.type).toBe('server_error')
    expect(error.code).toBe('c1')
    expect(error.error).toEqual({ message: 'bad', type: 'server_error', code: 'c1' })
    expect(controller.signal.aborted).toBe(true)
    expect(log.cancels).toBe(1)
    expect(stream.locked).toBe(false)
  })

  it('reads the message of a flat or string error event', async () => {
    const flat = sse(['event: error\ndata: {"message":"flat msg"}\n\n'])
    expect((await failure(collect(Stream.fromSSEResponse(flat.response, flat.controller)))).message).toBe(
      'flat msg',
    )
    const text = sse(['event: error\ndata: {"error":"just string"}\n\n'])
    expect((await failure(collect(Stream.fromSSEResponse(text.response, text.controller)))).message).toBe(
      '"just string"',
    )
  })

  it('throws data with a truthy error field as APIError, and yields a falsy one', async () => {
    const ok = sse(['data: {"error":null,"n":1}\n\n'])
    expect(await collect(Stream.fromSSEResponse(ok.response, ok.controller))).toEqual([{ error: null, n: 1 }])

    const bad = sse(['data: {"error":{"message":"quota"}}\n\n'], { headers: { 'x-request-id': 'req_9' } })
    const error = await failure(collect(Stream.fromSSEResponse(bad.response, bad.controller)))
    expect(error).toBeInstanceOf(APIError)
    expect(error.message).toBe('quota')
    expect(error.requestID).toBe('req_9')
    expect(bad.controller.signal.aborted).toBe(true)
  })

  it('yields response.failed events as data (only error events and error fields throw)', async () => {
    const { response, controller } = sse([
      'event: response.failed\ndata: {"type":"response.failed","response":{"status":"failed"}}\n\n',
    ])
    expect(await collect(Stream.fromSSEResponse(response, controller))).toEqual([
      { type: 'response.failed', response: { status: 'failed' } },
    ])
  })

  it('reports malformed JSON without quoting it', async () => {
    const { response, controller } = sse(['data: {"secret":"sk-private-text"\n\n'])
    const error = await failure(collect(Stream.fromSSEResponse(response, controller)))
    expect(error).toBeInstanceOf(SyntaxError)
    expect(error.message).toBe('Error reading response: malformed server-sent event JSON.')
    expect(String(error.stack)).not.toContain('sk-private')
    expect(controller.signal.aborted).toBe(true)
  })

  it('ends quietly after an error: later next() calls are done', async () => {
    const { response, controller } = sse(['data: nope\n\ndata: {"n":1}\n\n'])
    const iterator = Stream.fromSSEResponse(response, controller)[Symbol.asyncIterator]()
    await expect(iterator.next()).rejects.toBeInstanceOf(SyntaxError)
    expect(await iterator.next()).toEqual({ value: undefined, done: true })
  })

  it('can be iterated once', async () => {
    const { response, controller } = sse(['data: 1\n\n'])
    const stream = Stream.fromSSEResponse(response, controller)
    expect(await collect(stream)).toEqual([1])
    const error = await failure(collect(stream))
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.message).toBe('Cannot iterate over a consumed stream, use `.tee()` to split the stream.')
  })

  it('aborts the controller and cancels the body when the consumer breaks', async () => {
    const { response, stream, log, controller } = sse(['data: 1\n\ndata: 2\n\n'], { close: false })
    for await (const item of Stream.fromSSEResponse(response, controller)) {
      expect(item).toBe(1)
      break
    }
    expect(controller.signal.aborted).toBe(true)
    expect(log.cancels).toBe(1)
    expect(stream.locked).toBe(false)
  })

  it('does not abort when the body was read to the end, even if return() is called after', async () => {
    const { response, controller } = sse(['data: 1\n\n'])
    const iterator = Stream.fromSSEResponse(response, controller)[Symbol.asyncIterator]()
    expect(await iterator.next()).toEqual({ value: 1, done: false })
    expect(await iterator.next()).toEqual({ value: undefined, done: true })
    await iterator.return?.()
    expect(controller.signal.aborted).toBe(false)
  })

  it('ends without an error when stream.controller is aborted during iteration', async () => {
    const { response, log, controller } = sse(['data: 1\n\ndata: 2\n\ndata: 3\n\n'], { close: false })
    const stream = Stream.fromSSEResponse<number>(response, controller)
    const items: number[] = []
    for await (const item of stream) {
      items.push(item)
      stream.controller.abort()
    }
    expect(items).toEqual([1])
    expect(log.cancels).toBe(1)
  })

  it('wakes a read that waits for data when the controller is aborted', async () => {
    const { response, log, controller } = sse(['data: 1\n\n'], { close: false })
    const items: unknown[] = []
    const done = (async () => {
      for await (const item of Stream.fromSSEResponse(response, controller)) {
        items.push(item)
        // The next read waits forever for data that never comes; abort it from outside.
        setTimeout(() => controller.abort(), 1)
      }
    })()
    await done
    expect(items).toEqual([1])
    expect(log.cancels).toBe(1)
  })

  it('throws APIUserAbortError when isUserAbort says the abort came from the caller', async () => {
    const user = new AbortController()
    const { response, controller } = sse(['data: 1\n\ndata: 2\n\n'], { close: false })
    user.signal.addEventListener('abort', () => controller.abort())
    const stream = Stream.fromSSEResponse(response, controller, { isUserAbort: () => user.signal.aborted })
    const items: unknown[] = []
    const error = await failure(
      (async () => {
        for await (const item of stream) {
          items.push(item)
          user.abort()
        }
      })(),
    )
    expect(items).toEqual([1])
    expect(error).toBeInstanceOf(APIUserAbortError)
    expect(error.message).toBe('Request was aborted.')
  })

  it('ends quietly on a controller abort even with isUserAbort, when the caller did not abort', async () => {
    const { response, controller } = sse(['data: 1\n\n'], { close: false })
    const stream = Stream.fromSSEResponse(response, controller, { isUserAbort: () => false })
    controller.abort()
    expect(await collect(stream)).toEqual([])
  })

  it('aborts and throws when the response has no body', async () => {
    const controller = new AbortController()
    const stream = Stream.fromSSEResponse(new Response(null), controller)
    const error = await failure(collect(stream))
    expect(error).toBeInstanceOf(OpenAIError)
    expect(error.message).toBe('Attempted to iterate over a response with no body')
    expect(controller.signal.aborted).toBe(true)
  })

  it('keeps items in order when next() is called again before the previous call settled', async () => {
    const { response, controller } = sse(['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n'])
    const iterator = Stream.fromSSEResponse(response, controller)[Symbol.asyncIterator]()
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next()])
    expect(results).toEqual([
      { value: 1, done: false },
      { value: 2, done: false },
      { value: 3, done: false },
      { value: undefined, done: true },
    ])
  })

  it("mode 'events' yields { event, data } for every event, error events included", async () => {
    const { response, controller } = sse([
      'event: response.created\ndata: {"a":1}\n\nevent: error\ndata: {"error":{"message":"x"}}\n\ndata: 2\n\ndata: [DONE]\n\n',
    ])
    expect(await collect(Stream.fromSSEResponse(response, controller, { mode: 'events' }))).toEqual([
      { event: 'response.created', data: { a: 1 } },
      { event: 'error', data: { error: { message: 'x' } } },
      { event: null, data: 2 },
    ])
  })
})

describe('Stream.tee', () => {
  it('gives both branches every item, each at its own pace', async () => {
    const { response, controller } = sse(['data: 1\n\ndata: 2\n\n', 'data: 3\n\n'])
    const [left, right] = Stream.fromSSEResponse<number>(response, controller).tee()
    const fast = left[Symbol.asyncIterator]()
    expect(await fast.next()).toEqual({ value: 1, done: false })
    expect(await fast.next()).toEqual({ value: 2, done: false })
    expect(await fast.next()).toEqual({ value: 3, done: false })
    expect(await fast.next()).toEqual({ value: undefined, done: true })
    expect(await collect(right)).toEqual([1, 2, 3])
    expect(controller.signal.aborted).toBe(false)
  })

  it('keeps the other branch going when one stops, and aborts once both stopped', async () => {
    const { response, controller } = sse(['data: 1\n\ndata: 2\n\ndata: 3\n\n'], { close: false })
    const [left, right] = Stream.fromSSEResponse<number>(response, controller).tee()
    for await (const item of left) {
      expect(item).toBe(1)
      break
    }
    expect(controller.signal.aborted).toBe(false)
    const seen: number[] = []
    for await (const item of right) {
      seen.push(item)
      if (item === 3) break
    }
    expect(seen).toEqual([1, 2, 3])
    expect(controller.signal.aborted).toBe(true)
  })

  it('makes branches that are themselves single-use', async () => {
    const { response, controller } = sse(['data: 1\n\n'])
    const [left] = Stream.fromSSEResponse(response, controller).tee()
    await collect(left)
    await expect(collect(left)).rejects.toThrow('Cannot iterate over a consumed stream')
  })
})

describe('Stream.toReadableStream and Stream.fromReadableStream', () => {
  it('writes one JSON line per item and reads them back', async () => {
    const { response, controller } = sse(['data: {"a":1}\n\ndata: {"b":"é\\n"}\n\n'])
    const readable = Stream.fromSSEResponse(response, controller).toReadableStream()
    const bytes = new Uint8Array(await new Response(readable).arrayBuffer())
    expect(new TextDecoder().decode(bytes)).toBe('{"a":1}\n{"b":"é\\n"}\n')

    const again = Stream.fromReadableStream(new Response(bytes).body!, new AbortController())
    expect(await collect(again)).toEqual([{ a: 1 }, { b: 'é\n' }])
  })

  it('round-trips through a pipe', async () => {
    const { response, controller } = sse(['data: {"a":1}\n\n', 'data: {"b":2}\n\n'])
    const readable = Stream.fromSSEResponse(response, controller).toReadableStream()
    expect(await collect(Stream.fromReadableStream(readable, new AbortController()))).toEqual([
      { a: 1 },
      { b: 2 },
    ])
  })

  it('cancelling the readable stops the source and aborts the request', async () => {
    const { response, log, controller } = sse(['data: 1\n\ndata: 2\n\n'], { close: false })
    const reader = Stream.fromSSEResponse(response, controller).toReadableStream().getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('1\n')
    await reader.cancel()
    expect(controller.signal.aborted).toBe(true)
    expect(log.cancels).toBe(1)
  })

  it('errors the readable with the stream error', async () => {
    const { response, controller } = sse(['data: oops\n\n'])
    const reader = Stream.fromSSEResponse(response, controller).toReadableStream().getReader()
    await expect(reader.read()).rejects.toThrow('Error reading response: malformed server-sent event JSON.')
  })

  it('skips blank lines and reads a last line without newline', async () => {
    const { stream } = body(['{"a":1}\r\n\n', '\n{"b"', ':2}\n\n{"c":3}'])
    expect(await collect(Stream.fromReadableStream(stream, new AbortController()))).toEqual([
      { a: 1 },
      { b: 2 },
      { c: 3 },
    ])
  })

  it('reports a malformed line without quoting it', async () => {
    const { stream } = body(['{"a":1}\n{"token":"sk-private\n'])
    const items: unknown[] = []
    const error = await failure(
      (async () => {
        for await (const item of Stream.fromReadableStream(stream, new AbortController())) items.push(item)
      })(),
    )
    expect(items).toEqual([{ a: 1 }])
    expect(error).toBeInstanceOf(SyntaxError)
    expect(error.message).toBe('Error reading response: malformed newline-delimited JSON.')
  })

  it('aborts on break, ends quietly on abort, and can be iterated once', async () => {
    const first = body(['1\n2\n'], { close: false })
    const controller = new AbortController()
    const ndjson = Stream.fromReadableStream(first.stream, controller)
    for await (const _ of ndjson) break
    expect(controller.signal.aborted).toBe(true)
    expect(first.log.cancels).toBe(1)
    await expect(collect(ndjson)).rejects.toThrow('Cannot iterate over a consumed stream')

    const second = body(['1\n'], { close: false })
    const aborter = new AbortController()
    const items: unknown[] = []
    for await (const item of Stream.fromReadableStream(second.stream, aborter)) {
      items.push(item)
      setTimeout(() => aborter.abort(), 1)
    }
    expect(items).toEqual([1])
    expect(second.log.cancels).toBe(1)
  })
})

describe('Stream over a real HTTP response (127.0.0.1)', () => {
  let server: Server | undefined
  afterEach(() => {
    server?.closeAllConnections()
    server?.close()
  })

  async function serve(): Promise<{ url: string; closed: Promise<void> }> {
    let markClosed!: () => void
    const closed = new Promise<void>((resolve) => {
      markClosed = resolve
    })
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_http' })
      res.write('data: {"n":1}\n\n')
      res.write('data: {"n":2}\n\n')
      // Never ends: only the client can stop this response.
      req.on('close', markClosed)
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    return { url: `http://127.0.0.1:${port}/`, closed }
  }

  it('breaking out of the loop closes the HTTP connection', async () => {
    const { url, closed } = await serve()
    const controller = new AbortController()
    const response = await fetch(url, { signal: controller.signal })
    const items: unknown[] = []
    for await (const item of Stream.fromSSEResponse(response, controller)) {
      items.push(item)
      if (items.length === 2) break
    }
    await closed
    expect(items).toEqual([{ n: 1 }, { n: 2 }])
    expect(controller.signal.aborted).toBe(true)
  })

  it('an abort while waiting for data ends the iteration', async () => {
    const { url, closed } = await serve()
    const controller = new AbortController()
    const response = await fetch(url, { signal: controller.signal })
    const items: unknown[] = []
    for await (const item of Stream.fromSSEResponse(response, controller)) {
      items.push(item)
      if (items.length === 2) setTimeout(() => controller.abort(), 1)
    }
    await closed
    expect(items).toEqual([{ n: 1 }, { n: 2 }])
  })
})
