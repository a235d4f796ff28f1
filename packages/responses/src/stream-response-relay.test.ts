import { APIUserAbortError, BadRequestError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createResponse } from './create-response'
import type { ResponseStreamEvent } from './generated/types'
import { streamResponse } from './stream-response'
import { streamRelayedResponse } from './stream-response-relay'

useMockClient()

const params = { model: 'gpt-5.4', input: 'Say hi' }

// What the app's own server does: call the API with its key and send the events on as NDJSON.
const relayNDJSON = async () => (await createResponse(client, { ...params, stream: true })).toReadableStream()

describe('streamRelayedResponse', () => {
  it('reads NDJSON a server relays (a Response or its ReadableStream) like streamResponse reads the API', async () => {
    const direct = await streamResponse(client, params).finalResponse()
    for (const source of [new Response(await relayNDJSON()), await relayNDJSON()]) {
      const deltas: string[] = []
      const types: string[] = []
      const stream = streamRelayedResponse(source)
        .on('connect', () => types.push('connect'))
        .on('response.output_text.delta', (e) => deltas.push(e.snapshot))
      for await (const event of stream) types.push(event.type)
      const final = await stream.finalResponse()
      expect(final.output_text).toBe(direct.output_text)
      // The mock numbers its ids per call; everything else is the same.
      expect({ ...final.output[0], id: '' }).toEqual({ ...direct.output[0], id: '' })
      expect(deltas.at(-1)).toBe(direct.output_text)
      expect(types[0]).toBe('connect')
      expect(types.at(-1)).toBe('response.completed')
    }
  })

  it('reads a server-sent-event body a proxy passes through, given the promise fetch returns', async () => {
    const relayed = fetch(`${mock.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ ...params, stream: true }),
    })
    const events: ResponseStreamEvent[] = []
    const final = await streamRelayedResponse(relayed)
      .on('event', (e) => events.push(e))
      .finalResponse()
    expect(final.output_text).toBe('Hello! You said: Say hi')
    expect(events[0].type).toBe('response.created')
  })

  it("rejects with the relay's error status as the matching APIError", async () => {
    const refused = new Response(
      JSON.stringify({ error: { message: 'Not allowed here.', type: 'invalid_request_error' } }),
      {
        status: 400,
        headers: { 'content-type': 'application/json' },
      },
    )
    const error = await streamRelayedResponse(refused)
      .finalResponse()
      .catch((e) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.message).toContain('Not allowed here.')
  })

  it('fails like streamResponse when the relayed stream is cut before the response is done, and stops on abort', async () => {
    const lines = (await new Response(await relayNDJSON()).text()).trim().split('\n')
    const cut = streamRelayedResponse(new Response(`${lines.slice(0, 3).join('\n')}\n`))
    await expect(cut.finalResponse()).rejects.toThrow('The stream ended before response.completed')
    expect(cut.currentResponse?.status).toBe('in_progress')

    const controller = new AbortController()
    const never = new ReadableStream<Uint8Array>({ start: () => {} })
    const waiting = streamRelayedResponse(never, { signal: controller.signal })
    controller.abort()
    await expect(waiting.done()).rejects.toBeInstanceOf(APIUserAbortError)
  })
})
