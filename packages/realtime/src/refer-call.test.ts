import { BadRequestError, NotFoundError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createCall } from './create-call'
import { referCall } from './refer-call'

useMockClient()

describe('referCall', () => {
  it('posts { target_uri } as JSON to /refer and resolves to nothing', async () => {
    const { call_id } = await createCall(client, { sdp: 'v=0\r\nm=audio 9 RTP/AVP 0\r\n' })
    expect(await referCall(client, call_id!, { target_uri: 'tel:+14155550123' })).toBeUndefined()
    const sent = mock.requests[1]
    expect(sent).toMatchObject({
      method: 'POST',
      path: `/v1/realtime/calls/${call_id}/refer`,
      json: { target_uri: 'tel:+14155550123' },
    })
    expect(sent.headers['content-type']).toBe('application/json')
    expect(sent.headers.accept).toBe('*/*')
  })

  it('surfaces 400 for a URI that is not tel:/sip: and 404 for an unknown call', async () => {
    const { call_id } = await createCall(client, { sdp: 'v=0\r\nm=audio 9 RTP/AVP 0\r\n' })
    const bad = await referCall(client, call_id!, { target_uri: 'mailto:x@y' }).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(BadRequestError)
    expect((bad as BadRequestError).param).toBe('target_uri')
    const gone = await referCall(client, 'rtc_nope', { target_uri: 'tel:+1' }).catch((e: unknown) => e)
    expect(gone).toBeInstanceOf(NotFoundError)
  })
})
