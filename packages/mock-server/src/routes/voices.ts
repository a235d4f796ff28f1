import { sendCursorList } from '../cursor-list'
import { isRecord } from '../is-record'
import { type FormRules, type MediaForm, readMediaForm } from '../media/form-checks'
import { nextId, storeFor } from '../mock-state'
import { sendError, sendJson, sendNotFound } from '../reply'
import type { Route, RouteContext } from '../route'

interface VoiceConsent {
  object: 'audio.voice_consent'
  id: string
  name: string
  language: string
  created_at: number
}

interface Voice {
  object: 'audio.voice'
  id: string
  name: string
  created_at: number
}

/** Both uploads: at most 10 MiB, as the API documents. */
const MAX_BYTES = 10 * 1024 * 1024
const unix = () => Math.floor(Date.now() / 1000)
const consents = (ctx: RouteContext) => storeFor<VoiceConsent>(ctx.state, 'audio.voice_consents')
const voices = (ctx: RouteContext) => storeFor<Voice>(ctx.state, 'audio.voices')

/**
 * Reads a voice upload: the form rules, then what the spec adds (one audio file, no unknown fields, `optional`
 * text fields non-empty when sent). `undefined` means the 400 was sent.
 */
async function readVoiceForm(
  ctx: RouteContext,
  rules: FormRules,
  optional: readonly string[] = [],
): Promise<MediaForm | undefined> {
  const form = await readMediaForm(ctx, { ...rules, maxFileBytes: MAX_BYTES })
  if (!form) return undefined
  const [file] = Object.keys(rules.files)
  const [upload, ...more] = form.files[file]
  const known = new Set([file, ...rules.text, ...optional])
  const unknown = [...Object.keys(form.fields), ...Object.keys(form.lists), ...Object.keys(form.files)].find(
    (name) => !known.has(name),
  )
  const type = (upload.contentType ?? '').split(';')[0].trim().toLowerCase()
  let problem: [string, string] | undefined
  if (unknown) problem = [`Unrecognized request argument supplied: '${unknown}'.`, unknown]
  else if (more.length) problem = [`Send one file in '${file}'.`, file]
  else if (type && type !== 'application/octet-stream' && !type.startsWith('audio/'))
    problem = [`Unsupported file type '${type}' in '${file}': send an audio recording (WAV, MP3, ...).`, file]
  if (problem) return void sendError(ctx.res, 400, problem[0], { param: problem[1] })
  return form
}

/** `POST /v1/audio/voice_consents`: multipart `recording` file + `name` + `language`. */
async function createVoiceConsent(ctx: RouteContext): Promise<void> {
  const form = await readVoiceForm(ctx, { files: { recording: 'required' }, text: ['name', 'language'] })
  if (!form) return
  const { name, language } = form.fields
  const consent: VoiceConsent = {
    object: 'audio.voice_consent',
    id: nextId(ctx.state, 'cons'),
    name,
    language,
    created_at: unix(),
  }
  consents(ctx).set(consent.id, consent)
  sendJson(ctx.res, 200, consent)
}

/** The consent the path names, or `undefined` after answering 404. */
function consentOr404(ctx: RouteContext): VoiceConsent | undefined {
  const found = consents(ctx).get(ctx.params.consent_id)
  if (!found) sendNotFound(ctx.res, 'voice consent', ctx.params.consent_id)
  return found
}

/** `POST /v1/audio/voice_consents/{id}`: JSON `{ name }`, the only field that changes. */
function updateVoiceConsent(ctx: RouteContext): void {
  const consent = consentOr404(ctx)
  if (!consent) return
  const body = ctx.request.json
  const extra = isRecord(body) ? Object.keys(body).find((key) => key !== 'name') : undefined
  if (extra) sendError(ctx.res, 400, `Unrecognized request argument supplied: '${extra}'.`, { param: extra })
  else if (!isRecord(body) || typeof body.name !== 'string' || body.name === '')
    sendError(ctx.res, 400, "Missing required parameter: 'name' (a JSON body { name }).", { param: 'name' })
  else {
    consent.name = body.name
    sendJson(ctx.res, 200, consent)
  }
}

/** `POST /v1/audio/voices`: multipart `audio_sample` file + `name` + `consent` (an existing consent's id). */
async function createVoice(ctx: RouteContext): Promise<void> {
  const form = await readVoiceForm(ctx, { files: { audio_sample: 'required' }, text: ['name', 'consent'] }, [
    'type',
  ])
  if (!form) return
  const { name, consent, type } = form.fields
  if (type !== undefined && type !== 'audio_sample')
    return sendError(ctx.res, 400, `Invalid 'type': the mock makes voices from an 'audio_sample' only.`, {
      param: 'type',
    })
  if (!consents(ctx).has(consent))
    return sendError(
      ctx.res,
      400,
      `No voice consent found with id '${consent}': upload one with POST /v1/audio/voice_consents first.`,
      { param: 'consent' },
    )
  const voice: Voice = { object: 'audio.voice', id: nextId(ctx.state, 'voice'), name, created_at: unix() }
  voices(ctx).set(voice.id, voice)
  sendJson(ctx.res, 200, voice)
}

/**
 * Custom voices and their consent recordings, kept per server: a create is seen by retrieve, list, update and
 * delete. `DELETE /v1/audio/voices/{id}` is not in the OpenAPI spec; it answers what openai-node expects.
 */
export const voicesRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/audio/voice_consents', handle: createVoiceConsent, streamBody: true },
  {
    method: 'GET',
    path: '/v1/audio/voice_consents',
    handle: (ctx) =>
      sendCursorList(ctx.res, [...consents(ctx).values()], ctx.request.query, { limit: 20, order: 'desc' }),
  },
  {
    method: 'GET',
    path: '/v1/audio/voice_consents/:consent_id',
    handle: (ctx) => {
      const consent = consentOr404(ctx)
      if (consent) sendJson(ctx.res, 200, consent)
    },
  },
  { method: 'POST', path: '/v1/audio/voice_consents/:consent_id', handle: updateVoiceConsent },
  {
    method: 'DELETE',
    path: '/v1/audio/voice_consents/:consent_id',
    handle: (ctx) => {
      const consent = consentOr404(ctx)
      if (!consent) return
      consents(ctx).delete(consent.id)
      sendJson(ctx.res, 200, { id: consent.id, object: 'audio.voice_consent', deleted: true })
    },
  },
  { method: 'POST', path: '/v1/audio/voices', handle: createVoice, streamBody: true },
  {
    method: 'DELETE',
    path: '/v1/audio/voices/:voice_id',
    handle: (ctx) => {
      const id = ctx.params.voice_id
      if (!voices(ctx).delete(id)) return sendNotFound(ctx.res, 'voice', id)
      sendJson(ctx.res, 200, { id, object: 'audio.voice.deleted', deleted: true })
    },
  },
]
