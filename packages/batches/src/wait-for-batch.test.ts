import { APIUserAbortError } from '@acme/openai-core'
import { uploadFile } from '@acme/openai-files'
import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createBatch } from './create-batch'
import type { Batch } from './types'
import { waitForBatch } from './wait-for-batch'

useMockClient()

async function newBatch() {
  const line = { custom_id: 'a', method: 'POST', url: '/v1/embeddings', body: { model: 'm', input: 'hi' } }
  const file = await uploadFile(client, { file: ['in.jsonl', `${JSON.stringify(line)}\n`], purpose: 'batch' })
  return createBatch(client, { input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' })
}

describe('waitForBatch', () => {
  it('polls through validating and in_progress to completed, waiting as openai-poll-after-ms asks', async () => {
    const created = await newBatch()
    expect(created.status).toBe('validating')
    const seen: Batch['status'][] = []
    // The mock asks for 20 ms between polls; the default without the header (5 s) would hit this signal first.
    const batch = await waitForBatch(client, created.id, {
      onPoll: (b) => seen.push(b.status),
      signal: AbortSignal.timeout(4000),
    })
    expect(seen).toEqual(['in_progress', 'completed'])
    expect(batch.status).toBe('completed')
    expect(batch.output_file_id).toMatch(/^file-/)
    const polls = mock.requests.filter((r) => r.method === 'GET' && r.path === `/v1/batches/${created.id}`)
    expect(polls).toHaveLength(2)
    expect(polls[0].headers['x-stainless-poll-helper']).toBe('true')
    expect(polls[0].headers['x-stainless-custom-poll-interval']).toBeUndefined()
  })

  it('uses pollInterval over the header and says so in a header', async () => {
    const created = await newBatch()
    await waitForBatch(client, created.id, { pollInterval: 0 })
    const poll = mock.requests.find((r) => r.path === `/v1/batches/${created.id}`)!
    expect(poll.headers['x-stainless-custom-poll-interval']).toBe('0')
  })

  it('stops with APIUserAbortError when the signal aborts between polls', async () => {
    const created = await newBatch()
    const controller = new AbortController()
    const waiting = waitForBatch(client, created.id, {
      pollInterval: 60_000,
      signal: controller.signal,
      onPoll: () => controller.abort(),
    })
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError)
  })

  it('returns a cancelled batch as final', async () => {
    const created = await newBatch()
    await mockCancel(created.id)
    const batch = await waitForBatch(client, created.id, { pollInterval: 0 })
    expect(batch.status).toBe('cancelled')
  })

  it('passes API errors through (404 for an unknown batch)', async () => {
    await expect(waitForBatch(client, 'batch_nope')).rejects.toMatchObject({ status: 404 })
  })

  it('retries nothing itself: a fault on a poll surfaces', async () => {
    const created = await newBatch()
    mock.enqueueFault({ match: { path: `/v1/batches/${created.id}` }, status: 500 })
    await expect(waitForBatch(client, created.id, { pollInterval: 0 })).rejects.toMatchObject({ status: 500 })
  })
})

async function mockCancel(id: string) {
  const res = await fetch(`${mock.baseURL}/batches/${id}/cancel`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test' },
  })
  expect(res.status).toBe(200)
}
