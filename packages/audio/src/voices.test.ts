// The custom-voice calls (generated into ./generated, plus the hand-written deleteVoice) against the mock.
import { BadRequestError, NotFoundError, OpenAIError } from '@acme/openai-core'
import { describe, expect, it } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import {
  createVoice,
  createVoiceConsent,
  deleteVoice,
  deleteVoiceConsent,
  listVoiceConsents,
  retrieveVoiceConsent,
  updateVoiceConsent,
} from './index'

useMockClient()

const wav = new Uint8Array([82, 73, 70, 70, 0, 0, 0, 0])
const recording = () => new File([wav], 'consent.wav', { type: 'audio/wav' })

/** The recorded request's form: field name, then a file part's name, type and size. */
async function sentForm(index = 0) {
  const request = mock.requests[index]
  const form = await new Response(request.body as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': request.headers['content-type'] },
  }).formData()
  return [...form].map(([name, value]) =>
    typeof value === 'string' ? [name, value] : [name, value.name, value.type, value.size],
  )
}

describe('voice consents', () => {
  it('uploads a consent as multipart, then retrieves, lists, updates and deletes it', async () => {
    const consent = await createVoiceConsent(client, {
      name: 'John Doe',
      language: 'en-US',
      recording: recording(),
    })
    expect(consent).toEqual({
      object: 'audio.voice_consent',
      id: expect.stringMatching(/^cons_/),
      name: 'John Doe',
      language: 'en-US',
      created_at: expect.any(Number),
    })
    expect((consent as any)._request_id).toMatch(/^req_/)
    expect(mock.requests[0]).toMatchObject({ method: 'POST', path: '/v1/audio/voice_consents' })
    expect(await sentForm()).toEqual([
      ['name', 'John Doe'],
      ['language', 'en-US'],
      ['recording', 'consent.wav', 'audio/wav', 8],
    ])

    expect(await retrieveVoiceConsent(client, consent.id)).toEqual(consent)
    const second = await createVoiceConsent(client, { name: 'B', language: 'fr-FR', recording: recording() })
    const page = await listVoiceConsents(client, { limit: 1 })
    expect(page.data).toEqual([second])
    expect(page.hasNextPage()).toBe(true)
    const all = []
    for await (const item of listVoiceConsents(client, { limit: 1 })) all.push(item.id)
    expect(all).toEqual([second.id, consent.id])
    expect(mock.requests.at(-1)?.query).toEqual({ limit: '1', after: second.id })

    const updated = await updateVoiceConsent(client, consent.id, { name: 'Jane Doe' })
    expect(updated).toEqual({ ...consent, name: 'Jane Doe' })
    expect(mock.requests.at(-1)).toMatchObject({ method: 'POST', json: { name: 'Jane Doe' } })

    expect(await deleteVoiceConsent(client, consent.id)).toEqual({
      id: consent.id,
      object: 'audio.voice_consent',
      deleted: true,
    })
    const gone = await retrieveVoiceConsent(client, consent.id).catch((e) => e)
    expect(gone).toBeInstanceOf(NotFoundError)
  })

  it("rejects with the API's error when the server refuses the recording, and a missing file before sending", async () => {
    const refused = await createVoiceConsent(client, {
      name: 'a',
      language: 'en-US',
      recording: new File(['x'], 'notes.txt', { type: 'text/plain' }),
    }).catch((e) => e)
    expect(refused).toBeInstanceOf(BadRequestError)
    expect(refused.param).toBe('recording')

    const before = mock.requests.length
    const missing = await createVoiceConsent(client, { name: 'a', language: 'en-US' } as never).catch(
      (e) => e,
    )
    expect(missing).toBeInstanceOf(OpenAIError)
    expect(missing.message).toContain('recording')
    expect(mock.requests).toHaveLength(before)
  })
})

describe('voices', () => {
  it('creates a voice from a sample and a consent (multipart), then deletes it', async () => {
    const consent = await createVoiceConsent(client, { name: 'A', language: 'en-US', recording: recording() })
    const voice = await createVoice(client, {
      name: 'Narrator',
      consent: consent.id,
      audio_sample: ['sample.wav', wav, 'audio/wav'],
    })
    expect(voice).toEqual({
      object: 'audio.voice',
      id: expect.stringMatching(/^voice_/),
      name: 'Narrator',
      created_at: expect.any(Number),
    })
    expect(mock.requests[1]).toMatchObject({ method: 'POST', path: '/v1/audio/voices' })
    expect(await sentForm(1)).toEqual([
      ['name', 'Narrator'],
      ['consent', consent.id],
      ['audio_sample', 'sample.wav', 'audio/wav', 8],
    ])

    const { data, response } = await deleteVoice(client, voice.id).withResponse()
    expect(response.status).toBe(200)
    expect(data).toEqual({ id: voice.id, object: 'audio.voice.deleted', deleted: true })
    expect(mock.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/v1/audio/voices/${voice.id}` })
    expect(await deleteVoice(client, voice.id).catch((e) => e)).toBeInstanceOf(NotFoundError)
  })

  it('refuses a consent id the server does not know, and encodes the voice id in the path', async () => {
    const error = await createVoice(client, {
      name: 'x',
      consent: 'cons_unknown',
      audio_sample: new File([wav], 's.wav', { type: 'audio/wav' }),
    }).catch((e) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.param).toBe('consent')
    await deleteVoice(client, 'a/b').catch(() => {})
    expect(mock.requests.at(-1)?.path).toBe('/v1/audio/voices/a%2Fb')
  })
})
