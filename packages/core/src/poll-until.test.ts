import { describe, expect, it } from 'vitest'
import { toAPIPromise } from './api-promise'
import { OpenAIError } from './errors'
import { _pollUntil } from './poll-until'
import type { RequestOptions } from './request-spec'

/** A retrieve that answers the given statuses in turn, each with an `openai-poll-after-ms` of `after`. */
function answers(statuses: string[], after = '1') {
  const seen: RequestOptions[] = []
  const retrieve = (options: RequestOptions) => {
    seen.push(options)
    const status = statuses[Math.min(seen.length - 1, statuses.length - 1)]
    const response = new Response(null, { headers: { 'openai-poll-after-ms': after } })
    return toAPIPromise(Promise.resolve({ data: { status }, response }))
  }
  return { retrieve, seen }
}

describe('_pollUntil', () => {
  it('retrieves until final, reporting every object, with the polling headers when asked', async () => {
    const { retrieve, seen } = answers(['queued', 'running', 'done'])
    const polled: string[] = []
    const last = await _pollUntil(
      {
        name: 'waitForThing',
        retrieve,
        done: (v) => v.status === 'done',
        onPoll: (v) => polled.push(v.status),
        pollHeaders: true,
      },
      { headers: { 'x-team': 'a' } },
    )
    expect(last).toEqual({ status: 'done' })
    expect(polled).toEqual(['queued', 'running', 'done'])
    expect(seen[0].headers).toEqual({ 'x-stainless-poll-helper': 'true', 'x-team': 'a' })
  })

  it('gives up with the caller-built error once the timeout has run out', async () => {
    const { retrieve } = answers(['queued'], '5')
    const error = await _pollUntil({
      name: 'waitForThing',
      retrieve,
      done: () => false,
      timeout: 20,
      onTimeout: (last, ms) => new OpenAIError(`still ${(last as { status: string }).status} after ${ms} ms`),
    }).catch((e) => e)
    expect(error.message).toBe('still queued after 20 ms')
  })

  it('refuses a poll interval or timeout that is not a number of milliseconds', async () => {
    const { retrieve } = answers(['done'])
    for (const bad of [
      { pollInterval: -1 },
      { timeout: Number.NaN },
      { pollInterval: '5' as unknown as number },
    ])
      await expect(_pollUntil({ name: 'waitForThing', retrieve, done: () => true, ...bad })).rejects.toThrow(
        /^waitForThing: (pollInterval|timeout) must be a number of milliseconds >= 0/,
      )
  })
})
