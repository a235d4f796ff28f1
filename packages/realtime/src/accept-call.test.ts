import { type APIPromise, BadRequestError, NotFoundError } from '@acme/openai-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { acceptCall } from './accept-call'
import { createCall } from './create-call'

useMockClient()
const OFFER = 'v=0\r\ns=-\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n'

describe('acceptCall', () => {
  it('posts the session config as JSON to /accept and resolves to nothing', async () => {
    const { call_id } = await createCall(client, { sdp: OFFER })
    const params = { type: 'realtime' as const, model: 'gpt-realtime', instructions: 'Front desk.' }
    const { data, response } = await acceptCall(client, call_id!, params).withResponse()
    expect(data).toBeUndefined()
    expect(response.status).toBe(200)
    const sent = mock.requests[1]
    expect(sent).toMatchObject({ method: 'POST', path: `/v1/realtime/calls/${call_id}/accept`, json: params })
    expect(sent.headers['content-type']).toBe('application/json')
    expect(sent.headers.accept).toBe('*/*')
    expectTypeOf(acceptCall).returns.toEqualTypeOf<APIPromise<void>>()
  })

  it('percent-encodes the id, refuses traversal, and surfaces 404 and 400', async () => {
    const notFound = await acceptCall(client, 'rtc 1/x', { type: 'realtime' }).catch((e: unknown) => e)
    expect(notFound).toBeInstanceOf(NotFoundError)
    expect(mock.requests[0].path).toBe('/v1/realtime/calls/rtc%201%2Fx/accept')
    expect(() => acceptCall(client, '..', { type: 'realtime' })).toThrow('invalid segments')
    const { call_id } = await createCall(client, { sdp: OFFER })
    const bad = await acceptCall(client, call_id!, {
      type: 'realtime',
      modalities: ['text'],
    } as never).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(BadRequestError)
    expect((bad as BadRequestError).param).toBe('modalities')
  })
})
