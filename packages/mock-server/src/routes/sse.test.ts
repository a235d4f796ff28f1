import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'
import { filler, sseFixtureOptions } from './sse'

describe('GET /v1/sse', () => {
  let server: MockServer
  beforeAll(async () => {
    server = await startMockServer({ requireAuth: false })
  })
  afterAll(() => server.close())

  it('streams N data events of B characters, then [DONE]', async () => {
    const res = await fetch(`${server.baseURL}/sse?count=3&size=5`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(await res.text()).toBe(
      'data: {"index":0,"text":"abcde"}\n\ndata: {"index":1,"text":"abcde"}\n\ndata: {"index":2,"text":"abcde"}\n\ndata: [DONE]\n\n',
    )
  })

  it('names every event with event=', async () => {
    const text = await (await fetch(`${server.baseURL}/sse?count=2&size=0&event=tick`)).text()
    expect(text).toBe(
      'event: tick\ndata: {"index":0,"text":""}\n\nevent: tick\ndata: {"index":1,"text":""}\n\ndata: [DONE]\n\n',
    )
  })

  it('streams a large body completely (several MB, across many batched writes)', async () => {
    const res = await fetch(`${server.baseURL}/sse?count=20000&size=200`)
    const text = await res.text()
    const events = text.split('\n\n').filter(Boolean)
    expect(events).toHaveLength(20001)
    expect(events[19999]).toBe(`data: {"index":19999,"text":"${filler(200)}"}`)
    expect(events[20000]).toBe('data: [DONE]')
  })

  it('stops producing when the client cancels, and keeps serving', async () => {
    const res = await fetch(`${server.baseURL}/sse?count=1000000&size=1000`)
    const reader = res.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value).startsWith('data: {"index":0,')).toBe(true)
    await reader.cancel()
    expect((await fetch(`${server.baseURL}/models`)).status).toBe(200)
  })

  it('rejects bad parameters with 400', async () => {
    const res = await fetch(`${server.baseURL}/sse?count=-1`)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { param: 'count' } })
  })
})

describe('sseFixtureOptions', () => {
  it('defaults, caps count at 1e6 and size at 1 MiB', () => {
    expect(sseFixtureOptions({})).toEqual({ count: 10, size: 16, event: undefined })
    expect(sseFixtureOptions({ count: '5000000', size: '9999999', event: 'e' })).toEqual({
      count: 1_000_000,
      size: 1_048_576,
      event: 'e',
    })
  })

  it('explains bad values', () => {
    expect(sseFixtureOptions({ size: '1.5' })).toEqual({
      problem: "Invalid 'size': expected an integer >= 0.",
      param: 'size',
    })
    expect(sseFixtureOptions({ event: 'a\nb' })).toEqual({
      problem: "Invalid 'event': it must not contain line breaks.",
      param: 'event',
    })
  })

  it('filler repeats a fixed pattern to the exact size', () => {
    expect(filler(40)).toBe('abcdefghijklmnopqrstuvwxyz0123456789abcd')
    expect(filler(0)).toBe('')
  })
})
