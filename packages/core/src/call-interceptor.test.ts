import { describe, expect, it } from 'vitest'
import type { CallContext, CallInterceptor } from './client'
import { createClient, withOptions } from './client'
import { OpenAIError } from './errors'
import { observeStream } from './observe-stream'
import { request } from './request'
import type { Stream } from './sse/stream'

function recordingClient(respond: () => Response, interceptors?: CallInterceptor[]) {
  const calls: { url: string; init: any }[] = []
  const fetch = (async (url: string, init: any) => {
    calls.push({ url, init })
    return respond()
  }) as unknown as typeof globalThis.fetch
  const client = createClient({
    apiKey: 'sk-test-interceptors',
    baseURL: 'http://127.0.0.1:9/v1',
    fetch,
    logLevel: 'off',
    interceptors,
  })
  return { client, calls }
}
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'retry-after-ms': '0' },
  })
const sse = (...events: string[]) =>
  new Response(events.map((e) => `data: ${e}\n\n`).join(''), {
    headers: { 'content-type': 'text/event-stream' },
  })

describe('interceptors', () => {
  it('run outermost first around the call, see the operation and the hooks log id', async () => {
    const order: string[] = []
    const seen: CallContext[] = []
    const logIds: string[] = []
    const outer: CallInterceptor = async (call, next) => {
      order.push('outer in')
      seen.push(call)
      const result = await next()
      order.push('outer out')
      return result
    }
    const inner: CallInterceptor = async (_call, next) => {
      order.push('inner in')
      const result = await next()
      order.push('inner out')
      return result
    }
    const { client } = recordingClient(() => json({ ok: 1 }), [outer, inner])
    const hooked = withOptions(client, { hooks: { onRequest: (i) => logIds.push(i.logId) } })
    const data = await request(hooked, { method: 'get', path: '/x', operation: 'retrieveThing' })
    expect(data).toEqual({ ok: 1 })
    expect(order).toEqual(['outer in', 'inner in', 'inner out', 'outer out'])
    expect(seen[0].operation).toBe('retrieveThing')
    expect(seen[0].client).toBe(hooked)
    expect(seen[0].logId).toBe(logIds[0])
  })

  it('wrap all attempts, retries included, and are kept by withOptions', async () => {
    let runs = 0
    let attempt = 0
    const { client } = recordingClient(
      () => (attempt++ === 0 ? json({}, 500) : json({ ok: 2 })),
      [
        async (_call, next) => {
          runs++
          return next()
        },
      ],
    )
    const patient = withOptions(client, { maxRetries: 1, fetchOptions: {} })
    expect(patient.interceptors).toHaveLength(1)
    expect(await request(patient, { method: 'get', path: '/x' })).toEqual({
      ok: 2,
    })
    expect(runs).toBe(1)
    expect(attempt).toBe(2)
  })

  it('can replace the spec before next()', async () => {
    const { client, calls } = recordingClient(
      () => json({}),
      [
        async (call, next) => {
          call.spec = { ...call.spec, path: '/rewritten', headers: { ...call.spec.headers, 'x-trace': 't1' } }
          return next()
        },
      ],
    )
    const headers = { 'x-mine': 'a' }
    await request(client, { method: 'get', path: '/x', headers })
    expect(calls[0].url).toBe('http://127.0.0.1:9/v1/rewritten')
    expect(calls[0].init.headers['x-trace']).toBe('t1')
    expect(headers).toEqual({ 'x-mine': 'a' })
  })

  it('see the error of a failed call, after the retries', async () => {
    const errors: unknown[] = []
    const { client } = recordingClient(
      () => json({ error: { message: 'nope' } }, 400),
      [
        async (_call, next) => {
          try {
            return await next()
          } catch (error) {
            errors.push(error)
            throw error
          }
        },
      ],
    )
    await expect(request(client, { method: 'get', path: '/x' })).rejects.toThrow('400 nope')
    expect(errors).toHaveLength(1)
  })

  it('a client without interceptors has none', () => {
    expect(recordingClient(() => json({})).client.interceptors).toBeUndefined()
  })
})

describe('observeStream', () => {
  it('sees every item and the end, and the caller still gets a Stream', async () => {
    const events: unknown[] = []
    const ends: string[] = []
    const { client } = recordingClient(
      () => sse('{"n":1}', '{"n":2}', '[DONE]'),
      [
        async (_call, next) => {
          const result = await next()
          return {
            ...result,
            data: observeStream(result.data as Stream<unknown>, {
              onEvent: (e) => events.push(e),
              onEnd: () => ends.push('end'),
              onCancel: () => ends.push('cancel'),
              onError: () => ends.push('error'),
            }),
          }
        },
      ],
    )
    const stream = await request<Stream<{ n: number }>>(client, { method: 'post', path: '/s', stream: true })
    expect(typeof stream.tee).toBe('function')
    const got: number[] = []
    for await (const item of stream) got.push(item.n)
    expect(got).toEqual([1, 2])
    expect(events).toEqual([{ n: 1 }, { n: 2 }])
    expect(ends).toEqual(['end'])
  })

  it('reports a break as a cancel and an error event as an error, once', async () => {
    const ends: string[] = []
    const observer = {
      onEnd: () => ends.push('end'),
      onCancel: () => ends.push('cancel'),
      onError: () => ends.push('error'),
      onEvent: () => {
        throw new Error('an observer that throws is ignored')
      },
    }
    const { client } = recordingClient(() => sse('{"n":1}', '{"n":2}'))
    const first = observeStream(
      await request<Stream<unknown>>(client, { method: 'post', path: '/s', stream: true }),
      observer,
    )
    for await (const _ of first) break
    expect(ends).toEqual(['cancel'])
    const { client: failing } = recordingClient(() => sse('{"n":1}', '{"error":{"message":"bad"}}'))
    const second = observeStream(
      await request<Stream<unknown>>(failing, { method: 'post', path: '/s', stream: true }),
      observer,
    )
    await expect(
      (async () => {
        for await (const _ of second) {
        }
      })(),
    ).rejects.toThrow('bad')
    expect(ends).toEqual(['cancel', 'error'])
  })

  it('returns a value that is not a stream as it is', () => {
    const response = new Response('x')
    expect(observeStream(response as any, {})).toBe(response)
  })
})

describe('a missing or wrong client', () => {
  it('is one clear OpenAIError naming the operation and showing the right call', () => {
    const call = () =>
      request({ model: 'gpt-5.4', input: 'hi' } as any, {
        method: 'post',
        path: '/responses',
        operation: 'createResponse',
      })
    expect(call).toThrow(OpenAIError)
    expect(call).toThrow(
      /^createResponse\(client, params\): the first argument must be a client from createClient\(\).*createResponse\(createClient\(\), params\)/,
    )
    expect(() => request(undefined as any, { method: 'get', path: '/x' })).toThrow(
      /^request\(client, params\)/,
    )
  })

  it('accepts a client from another copy of core (the brand is global)', async () => {
    const { client } = recordingClient(() => json({ ok: 1 }))
    const copy = { ...client }
    expect(await request(copy, { method: 'get', path: '/x' })).toEqual({ ok: 1 })
  })
})
