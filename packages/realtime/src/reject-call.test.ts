import { BadRequestError, NotFoundError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createCall } from './create-call'
import { rejectCall } from './reject-call'

useMockClient()
const newCall = async () => (await createCall(client, { sdp: 'v=0\r\nm=audio 9 RTP/AVP 0\r\n' })).call_id!

describe('rejectCall', () => {
  it('sends {} by default, the status code when given, and no body for null', async () => {
    const [a, b, c] = [await newCall(), await newCall(), await newCall()]
    expect(await rejectCall(client, a)).toBeUndefined()
    await rejectCall(client, b, { status_code: 486 })
    await rejectCall(client, c, null)
    const sent = mock.requests.filter((r) => r.path.endsWith('/reject'))
    expect(sent.map((r) => [r.path, r.text, r.headers['content-type'], r.headers.accept])).toEqual([
      [`/v1/realtime/calls/${a}/reject`, '{}', 'application/json', '*/*'],
      [`/v1/realtime/calls/${b}/reject`, '{"status_code":486}', 'application/json', '*/*'],
      [`/v1/realtime/calls/${c}/reject`, '', undefined, '*/*'],
    ])
  })

  it('surfaces 400 for a status code that is not a SIP error, and 404 once the call is rejected', async () => {
    const id = await newCall()
    const bad = await rejectCall(client, id, { status_code: 200 }).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(BadRequestError)
    expect((bad as BadRequestError).param).toBe('status_code')
    await rejectCall(client, id)
    expect(await rejectCall(client, id).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError)
  })
})
