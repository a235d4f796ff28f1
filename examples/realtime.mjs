// @acme/openai-realtime: the seed text turn over a WebSocket, then the seed error handling (error events keep the
// session usable; a dropped connection and a refused handshake are typed errors), then an ephemeral key, then a
// WebRTC call started over REST and controlled from the server.
import { createClient } from '@acme/openai-core'
import {
  acceptCall,
  connectRealtime,
  createCall,
  createClientSecret,
  hangupCall,
  RealtimeClosedError,
  RealtimeHandshakeError,
  referCall,
  rejectCall,
} from '@acme/openai-realtime'

// A browser's RTCPeerConnection makes this offer; Node has none, so the tour sends a small hand-written one.
const OFFER = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0 1',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'a=mid:0',
  'a=rtpmap:111 opus/48000/2',
  'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
  'a=mid:1',
  '',
].join('\r\n')

/** The events of a connection up to the first of `type` (bounded, like every loop here). */
async function until(connection, type, limit = 200) {
  const events = []
  for await (const event of connection) {
    events.push(event)
    if (event.type === type || events.length >= limit) break
  }
  return events
}

export default async function realtimeTour({ client, mock, live, log }) {
  if (live) {
    log('Realtime', "skipped against the live API: this tour plays the mock server's scripted sessions")
    return
  }

  // The seed text example: session.update, conversation.item.create, response.create, deltas until response.done.
  const rt = await connectRealtime(client, { model: 'gpt-realtime' })
  rt.session.update({ type: 'realtime', output_modalities: ['text'] })
  rt.conversation.item.create({
    type: 'message',
    role: 'user',
    content: [{ type: 'input_text', text: 'Say a couple of words!' }],
  })
  rt.response.create()
  let text = ''
  let session
  for await (const event of rt) {
    if (event.type === 'session.created') session = event.session
    if (event.type === 'response.output_text.delta') text += event.delta
    if (event.type === 'response.done') break
  }
  log('connectRealtime opens the socket (the URL comes from baseURL)', { url: rt.url, session: session?.id })
  log('A text turn: deltas printed until response.done', text)

  // The seed error handling: a server `error` event is delivered, not thrown, and the session goes on.
  rt.send({ type: 'session.update', session: { modalities: ['text'] } }) // a beta-era shape the GA API refuses
  const error = (await until(rt, 'error')).at(-1)
  log('A bad client event comes back as an error event', {
    code: error.error.code,
    message: error.error.message,
  })
  rt.session.update({ type: 'realtime', instructions: 'Be brief.' })
  const updated = (await until(rt, 'session.updated')).at(-1)
  log('...and the connection stays usable', {
    type: updated.type,
    instructions: updated.session.instructions,
  })

  // An unexpected close ends `for await` with a typed error carrying the close code and reason.
  rt.send({ type: 'mock.close', code: 4000, reason: 'demo close' }) // a mock-only command
  try {
    await until(rt, 'response.done')
  } catch (closed) {
    log('An unexpected close is a RealtimeClosedError', {
      isRealtimeClosedError: closed instanceof RealtimeClosedError,
      code: closed.code,
      reason: closed.reason,
    })
  }

  // A refused handshake says why.
  const wrong = createClient({ apiKey: 'sk-demo-not-a-real-key', baseURL: `${mock.url}/v2` })
  const refused = await connectRealtime(wrong, { model: 'gpt-realtime' }).catch((e) => e)
  log('A wrong baseURL is a RealtimeHandshakeError', {
    isRealtimeHandshakeError: refused instanceof RealtimeHandshakeError,
    status: refused.status,
    message: refused.message,
  })

  // A server makes a short-lived key for a browser, which connects with it through subprotocols.
  const secret = await createClientSecret(client, {
    expires_after: { anchor: 'created_at', seconds: 600 },
    session: { type: 'realtime', model: 'gpt-realtime', output_modalities: ['text'] },
  })
  log('createClientSecret gives an ephemeral key for a browser', {
    value: `${secret.value.slice(0, 3)}…`,
    expires_in_s: secret.expires_at - Math.floor(Date.now() / 1000),
    session: secret.session.type,
  })

  // WebRTC: the offer goes to POST /v1/realtime/calls; the answer goes back to the peer connection, and the call id
  // from the Location header lets the server watch the same call over a sideband socket and end it.
  const call = await createCall(client, {
    sdp: OFFER,
    session: { type: 'realtime', model: 'gpt-realtime', instructions: 'Answer the phone politely.' },
  })
  log('createCall posts the SDP offer and gets the answer and the call id', {
    call_id: call.call_id,
    answer: call.sdp.split('\r\n').slice(0, 5),
  })
  const sideband = await connectRealtime(client, { callId: call.call_id })
  const [created] = await until(sideband, 'session.created')
  log('connectRealtime({ callId }) opens a sideband socket on the same call', {
    url: sideband.url,
    instructions: created.session.instructions,
  })
  await sideband.close()

  // SIP control: on the real API these take the id of an incoming SIP call (the realtime.call.incoming webhook).
  await acceptCall(client, call.call_id, { type: 'realtime', instructions: 'You are the front desk.' })
  await referCall(client, call.call_id, { target_uri: 'tel:+14155550123' })
  await hangupCall(client, call.call_id)
  const ended = await hangupCall(client, call.call_id).catch((e) => e)
  log('acceptCall, referCall and hangupCall resolve to nothing; a call that ended is a 404', {
    status: ended.status,
    message: ended.message,
  })
  const other = await createCall(client, { sdp: OFFER })
  await rejectCall(client, other.call_id, { status_code: 486 })
  log('rejectCall declines a call with a SIP status code', { call_id: other.call_id, status_code: 486 })
}
