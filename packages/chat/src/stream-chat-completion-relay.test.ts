import { APIUserAbortError, RateLimitError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createChatCompletion } from './create-chat-completion'
import { streamChatCompletion } from './stream-chat-completion'
import { streamRelayedChatCompletion } from './stream-chat-completion-relay'

useMockClient()

const params = { model: 'gpt-5.4', messages: [{ role: 'user' as const, content: 'Say hi' }] }

// What the app's own server does: call the API with its key and send the chunks on as NDJSON.
const relayNDJSON = async () =>
  (await createChatCompletion(client, { ...params, stream: true })).toReadableStream()

describe('streamRelayedChatCompletion', () => {
  it('reads NDJSON a server relays (a Response or its ReadableStream) like streamChatCompletion reads the API', async () => {
    const direct = await streamChatCompletion(client, params).finalChatCompletion()
    for (const source of [new Response(await relayNDJSON()), await relayNDJSON()]) {
      const deltas: string[] = []
      const stream = streamRelayedChatCompletion(source).on('content.delta', ({ snapshot }) =>
        deltas.push(snapshot),
      )
      const final = await stream.finalChatCompletion()
      expect(final.choices[0].message.content).toBe(direct.choices[0].message.content)
      expect(deltas.at(-1)).toBe(direct.choices[0].message.content)
    }
  })

  it('reads a server-sent-event body a proxy passes through, and parses with the params it is given', async () => {
    const format = {
      type: 'json_schema' as const,
      json_schema: {
        name: 'answer',
        strict: true,
        schema: {
          type: 'object',
          properties: { answer: { type: 'string' } },
          required: ['answer'],
          additionalProperties: false,
        },
      },
    }
    const body = { ...params, response_format: format, stream: true }
    const relayed = fetch(`${mock.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const message = await streamRelayedChatCompletion(relayed, {
      params: { response_format: format },
    }).finalMessage()
    expect(message.content).not.toBeNull()
    expect(message.parsed).toEqual(JSON.parse(message.content!))
  })

  it("rejects with the relay's error status as the matching APIError, and stops on abort", async () => {
    const limited = new Response(JSON.stringify({ error: { message: 'Slow down.', type: 'rate_limit' } }), {
      status: 429,
    })
    const error = await streamRelayedChatCompletion(limited)
      .finalContent()
      .catch((e) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error.message).toContain('Slow down.')

    const waiting = streamRelayedChatCompletion(new ReadableStream<Uint8Array>())
    waiting.abort()
    await expect(waiting.done()).rejects.toBeInstanceOf(APIUserAbortError)
  })
})
