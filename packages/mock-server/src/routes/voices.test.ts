import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'

// The spec's schemas, structure only (scripts/generate-operations.mjs keeps these in its snapshot).
const { schemas } = JSON.parse(
  readFileSync(new URL('../../../../scripts/openapi.snapshot.json', import.meta.url), 'utf8'),
) as { schemas: Record<string, any> }

/** The first way `value` breaks schema `name` (type, enum, required, unknown property), or `null`. */
function problem(schema: any, value: unknown, at = '$'): string | null {
  if (schema.$ref) return problem(schemas[schema.$ref.split('/').pop()], value, at)
  if (schema.anyOf) {
    const found = schema.anyOf.map((s: unknown) => problem(s, value, at))
    return found.includes(null) ? null : found[0]
  }
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
  const type = schema.type === 'integer' ? (Number.isInteger(value) ? 'number' : 'integer') : schema.type
  if (type && type !== kind) return `${at}: expected ${schema.type}, got ${kind}`
  if (schema.enum && !schema.enum.includes(value)) return `${at}: ${String(value)} is not in ${schema.enum}`
  if (kind === 'array') {
    for (const [i, item] of (value as unknown[]).entries()) {
      const found = problem(schema.items, item, `${at}[${i}]`)
      if (found) return found
    }
  }
  if (kind !== 'object') return null
  const record = value as Record<string, unknown>
  for (const key of schema.required ?? []) if (!(key in record)) return `${at}.${key}: missing`
  for (const [key, v] of Object.entries(record)) {
    if (!schema.properties?.[key]) return `${at}.${key}: not in the schema`
    const found = problem(schema.properties[key], v, `${at}.${key}`)
    if (found) return found
  }
  return null
}

let server: MockServer
beforeAll(async () => {
  server = await startMockServer()
})
afterAll(() => server.close())

const wav = new Blob([new Uint8Array([82, 73, 70, 70, 0, 0, 0, 0])], { type: 'audio/wav' })

async function call(method: string, path: string, body?: FormData | object) {
  const json = body !== undefined && !(body instanceof FormData)
  const res = await fetch(`${server.baseURL}${path}`, {
    method,
    headers: { authorization: 'Bearer sk-test', ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(body) : body,
  })
  return { status: res.status, body: (await res.json()) as any }
}

function form(fields: Record<string, string | [Blob, string]>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields))
    if (typeof value === 'string') data.append(name, value)
    else data.append(name, value[0], value[1])
  return data
}

const consentForm = () => form({ name: 'John Doe', language: 'en-US', recording: [wav, 'consent.wav'] })

describe('voice consents and voices', () => {
  it('creates, retrieves, lists, updates and deletes a consent; each answer fits the spec schema', async () => {
    const created = await call('POST', '/audio/voice_consents', consentForm())
    expect(created.status).toBe(200)
    expect(created.body).toMatchObject({ object: 'audio.voice_consent', name: 'John Doe', language: 'en-US' })
    expect(problem({ $ref: 'VoiceConsentResource' }, created.body)).toBeNull()
    const id = created.body.id as string
    expect(id).toMatch(/^cons_/)

    const path = `/audio/voice_consents/${id}`
    expect((await call('GET', path)).body).toEqual(created.body)
    const list = await call('GET', '/audio/voice_consents?limit=1')
    expect(problem({ $ref: 'VoiceConsentListResource' }, list.body)).toBeNull()
    expect(list.body.data).toEqual([created.body])
    const updated = await call('POST', path, { name: 'Jane Doe' })
    expect(updated.body).toEqual({ ...created.body, name: 'Jane Doe' })
    expect((await call('GET', path)).body.name).toBe('Jane Doe')

    const deleted = await call('DELETE', path)
    expect(deleted.body).toEqual({ id, object: 'audio.voice_consent', deleted: true })
    expect(problem({ $ref: 'VoiceConsentDeletedResource' }, deleted.body)).toBeNull()
    expect((await call('GET', path)).status).toBe(404)
    expect((await call('DELETE', path)).status).toBe(404)
    expect((await call('GET', '/audio/voice_consents')).body.data).not.toContainEqual(
      expect.objectContaining({ id }),
    )
  })

  it('creates a voice from a sample and a known consent, then deletes it', async () => {
    const consent = (await call('POST', '/audio/voice_consents', consentForm())).body.id
    const sample: [Blob, string] = [wav, 'sample.wav']
    const voice = await call(
      'POST',
      '/audio/voices',
      form({ name: 'Narrator', consent, audio_sample: sample }),
    )
    expect(voice.status).toBe(200)
    expect(voice.body).toMatchObject({ object: 'audio.voice', name: 'Narrator' })
    expect(problem({ $ref: 'VoiceResource' }, voice.body)).toBeNull()

    const path = `/audio/voices/${voice.body.id}`
    expect((await call('DELETE', path)).body).toEqual({
      id: voice.body.id,
      object: 'audio.voice.deleted',
      deleted: true,
    })
    expect((await call('DELETE', path)).status).toBe(404)

    const unknown = await call(
      'POST',
      '/audio/voices',
      form({ name: 'x', consent: 'cons_nope', audio_sample: sample }),
    )
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatchObject({ param: 'consent', type: 'invalid_request_error' })
  })

  it.each([
    ['a missing recording', form({ name: 'a', language: 'en-US' }), 'recording'],
    ['a recording sent as text', form({ name: 'a', language: 'en-US', recording: 'x' }), 'recording'],
    ['a missing language', form({ name: 'a', recording: [wav, 'c.wav'] }), 'language'],
    [
      'an empty recording',
      form({ name: 'a', language: 'en-US', recording: [new Blob([]), 'c.wav'] }),
      'recording',
    ],
    [
      'an image instead of audio',
      form({ name: 'a', language: 'en-US', recording: [new Blob(['x'], { type: 'image/png' }), 'c.png'] }),
      'recording',
    ],
    [
      'an unknown field',
      form({ name: 'a', language: 'en-US', recording: [wav, 'c.wav'], extra: '1' }),
      'extra',
    ],
  ])('refuses a consent with %s (400 in the API error shape)', async (_what, body, param) => {
    const res = await call('POST', '/audio/voice_consents', body)
    expect(res.status).toBe(400)
    expect(res.body.error).toEqual({
      message: expect.any(String),
      type: 'invalid_request_error',
      param,
      code: null,
    })
  })

  it('refuses a body that is not multipart, and an update without a name', async () => {
    const json = await call('POST', '/audio/voice_consents', { name: 'a', language: 'en-US' })
    expect(json.status).toBe(400)
    expect(json.body.error.message).toMatch(/multipart\/form-data/)
    const id = (await call('POST', '/audio/voice_consents', consentForm())).body.id
    expect((await call('POST', `/audio/voice_consents/${id}`, {})).body.error.param).toBe('name')
    expect((await call('POST', `/audio/voice_consents/${id}`, { name: 'b', x: 1 })).body.error.param).toBe(
      'x',
    )
  })
})
