import { NotFoundError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createCall } from './create-call'
import { hangupCall } from './hangup-call'

useMockClient()

describe('hangupCall', () => {
  it('posts no body to /hangup, resolves to nothing, and the call is gone afterwards', async () => {
    const { call_id } = await createCall(client, { sdp: 'v=0\r\nm=audio 9 RTP/AVP 0\r\n' })
    expect(await hangupCall(client, call_id!)).toBeUndefined()
    const sent = mock.requests[1]
    expect(sent).toMatchObject({ method: 'POST', path: `/v1/realtime/calls/${call_id}/hangup`, text: '' })
    expect(sent.headers['content-type']).toBeUndefined()
    expect(sent.headers.accept).toBe('*/*')
    const again = await hangupCall(client, call_id!).catch((e: unknown) => e)
    expect(again).toBeInstanceOf(NotFoundError)
    expect((again as NotFoundError).message).toBe(`404 No call found with id '${call_id}'.`)
  })

  it('keeps the raw response reachable and the caller can override accept', async () => {
    const { call_id } = await createCall(client, { sdp: 'v=0\r\nm=audio 9 RTP/AVP 0\r\n' })
    const { data, response, request_id } = await hangupCall(client, call_id!, {
      headers: { accept: 'text/plain' },
    }).withResponse()
    expect(data).toBeUndefined()
    expect(response.status).toBe(200)
    expect(request_id).toMatch(/^req_/)
    expect(mock.requests[1].headers.accept).toBe('text/plain')
  })
})
