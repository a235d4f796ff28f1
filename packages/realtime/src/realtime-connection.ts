// Longer than the house ~300 lines: one connection's event queue, listeners, send helpers and close handling share
// one closure's state; split, that state would travel through every function as arguments.
import { type Listening, OpenAIError } from '@acme/openai-core'
import { _listen } from '@acme/openai-core/internal'
import { bytesToBase64 } from './audio/base64'
import { pcm16Bytes } from './audio/pcm16-base64'
import { RealtimeClosedError } from './errors'
import { OPEN, type RealtimeSocket } from './realtime-socket'
import type { RealtimeClientEvent } from './types/client-events'
import type { RealtimeConversationItem, RealtimeResponseCreateParams } from './types/items'
import type { RealtimeErrorEvent, RealtimeServerEvent, RealtimeServerEventOf } from './types/server-events'
import type { RealtimeSessionUpdate } from './types/session'

/** How a connection ended. */
export interface RealtimeCloseInfo {
  code: number
  reason: string
  /** `true` when you closed it (`close()`, `signal`) or the server closed normally (1000). */
  expected: boolean
  /** For an unexpected close: the error `for await` ends with. */
  error?: RealtimeClosedError
}

/** Options every send helper takes. */
export interface RealtimeEventOptions {
  /** Your id for the event; an `error` it causes names it in `error.event_id`. */
  event_id?: string
}

/** PCM16 audio as bytes, samples, or already base64-encoded. */
export type RealtimeAudioInput = Uint8Array | Int16Array | ArrayBuffer | string

/**
 * An open realtime session. Iterate it with `for await` for every server event (a `break` keeps the connection
 * open), or listen with `on(type, fn)`. Server `error` events are delivered like any other event, never thrown.
 */
export interface RealtimeConnection extends AsyncIterable<RealtimeServerEvent> {
  /** The socket URL (it carries no credentials). */
  readonly url: string
  /** The subprotocol the server selected (`'realtime'` with browser auth), or `''`. */
  readonly protocol: string
  /** The underlying socket, for what this API does not cover. */
  readonly socket: RealtimeSocket
  /** Resolves (never rejects) once the connection is closed. */
  readonly closed: Promise<RealtimeCloseInfo>
  /** Sends any client event as JSON. Throws if the connection is closed. */
  send(event: RealtimeClientEvent): void
  /** Calls `listener` for every server event of `type` (`'*'`: every event); returns a function that stops it. */
  on<T extends RealtimeServerEvent['type']>(
    type: T,
    listener: (event: RealtimeServerEventOf<T>) => void,
  ): () => void
  on(type: '*', listener: (event: RealtimeServerEvent) => void): () => void
  /** Closes the connection (default 1000 `'OK'`); `for await` ends normally. */
  close(code?: number, reason?: string): Promise<RealtimeCloseInfo>
  session: {
    /** `session.update`: changes the fields present; `session.type` is required. */
    update(session: RealtimeSessionUpdate, options?: RealtimeEventOptions): void
  }
  conversation: {
    item: {
      /** `conversation.item.create` */
      create(
        item: RealtimeConversationItem,
        options?: RealtimeEventOptions & { previous_item_id?: string },
      ): void
      /** `conversation.item.retrieve` */
      retrieve(itemId: string, options?: RealtimeEventOptions): void
      /** `conversation.item.truncate` */
      truncate(
        params: { item_id: string; content_index: number; audio_end_ms: number },
        options?: RealtimeEventOptions,
      ): void
      /** `conversation.item.delete` */
      delete(itemId: string, options?: RealtimeEventOptions): void
    }
  }
  response: {
    /** `response.create`, with optional per-response overrides. */
    create(response?: RealtimeResponseCreateParams, options?: RealtimeEventOptions): void
    /** `response.cancel` of the active response (or `response_id`). */
    cancel(options?: RealtimeEventOptions & { response_id?: string }): void
  }
  inputAudioBuffer: {
    /** `input_audio_buffer.append`: PCM16 bytes or samples are base64-encoded; a string is sent as is. */
    append(audio: RealtimeAudioInput, options?: RealtimeEventOptions): void
    /** `input_audio_buffer.commit` */
    commit(options?: RealtimeEventOptions): void
    /** `input_audio_buffer.clear` */
    clear(options?: RealtimeEventOptions): void
  }
  outputAudioBuffer: {
    /** `output_audio_buffer.clear` (WebRTC and SIP only). */
    clear(options?: RealtimeEventOptions): void
  }
}

/** Options of the connection itself. */
export interface RealtimeConnectionOptions {
  url: string
  /** Events kept for `for await` while nobody iterates. */
  maxBufferedEvents: number
  signal?: AbortSignal | null
  /**
   * Socket events are held until this settles, then one task more, so listeners registered right after
   * `await connectRealtime()` still get the events that arrived with the handshake (`session.created`).
   */
  ready?: Promise<unknown>
}

/** Bytes of raw audio per `input_audio_buffer.append` event, so each stays under the API's 15 MiB. */
const MAX_APPEND_BYTES = 11 * 1024 * 1024
/** How much of a bad frame an error event quotes. */
const FRAME_QUOTE = 200

let localEvents = 0

function invalidFrame(code: string, message: string, frame: string): RealtimeErrorEvent {
  return {
    type: 'error',
    event_id: `event_local_${++localEvents}`,
    error: { type: 'invalid_frame', code, message, param: null, event_id: null },
    frame: frame.slice(0, FRAME_QUOTE),
  }
}

/** Parses one frame; anything but a JSON object with a string `type` becomes an `invalid_frame` error event. */
function parseFrame(data: unknown): RealtimeServerEvent {
  if (typeof data !== 'string')
    return invalidFrame('binary_frame', 'The server sent a binary frame; realtime events are JSON text.', '')
  let event: any
  try {
    event = JSON.parse(data)
  } catch {
    return invalidFrame('invalid_json', 'The server sent a frame that is not JSON; it was skipped.', data)
  }
  if (!event || typeof event !== 'object' || Array.isArray(event) || typeof event.type !== 'string')
    return invalidFrame(
      'invalid_event',
      'The server sent JSON that is not an event (an object with a string `type`); it was skipped.',
      data,
    )
  return event
}

function report(error: unknown): void {
  // Like an EventTarget listener: a throwing listener must not break the connection or the other listeners.
  queueMicrotask(() => {
    throw error
  })
}

/** Wraps a socket (open, or about to open) into a {@link RealtimeConnection}; it listens to the socket at once. */
export function createRealtimeConnection(
  socket: RealtimeSocket,
  options: RealtimeConnectionOptions,
): RealtimeConnection {
  // The registry the stream helpers use; `on` below wraps each listener, so a throwing one is reported, not thrown.
  const listeners = {} as Listening<unknown>
  const emit = _listen(listeners)
  let queue: RealtimeServerEvent[] = []
  let head = 0
  let overflow: OpenAIError | undefined
  let waiting: ((result: IteratorResult<RealtimeServerEvent>) => void) | undefined
  let waitingFail: ((error: unknown) => void) | undefined
  let closedByUs = false
  let closeInfo: RealtimeCloseInfo | undefined
  let lastError: unknown
  let resolveClosed!: (info: RealtimeCloseInfo) => void
  const closed = new Promise<RealtimeCloseInfo>((resolve) => {
    resolveClosed = resolve
  })

  const dispatch = (event: RealtimeServerEvent) => {
    emit(event.type, event)
    emit('*', event)
    if (waiting) {
      const wake = waiting
      waiting = waitingFail = undefined
      wake({ value: event, done: false })
      return
    }
    if (overflow) return
    if (queue.length - head >= options.maxBufferedEvents) {
      // Nobody iterates (listeners only, or a slow loop): stop buffering rather than grow without bound.
      queue = []
      head = 0
      overflow = new OpenAIError(
        `More than ${options.maxBufferedEvents} realtime events arrived while nobody iterated the connection, so ` +
          'buffering for `for await` stopped. Iterate sooner, raise `maxBufferedEvents`, or use `on()` only.',
      )
      return
    }
    queue.push(event)
  }

  let held: Array<() => void> | undefined = options.ready ? [] : undefined
  const release = () => {
    setTimeout(() => {
      const pending = held ?? []
      held = undefined
      for (const run of pending) run()
    }, 0)
  }
  options.ready?.then(release, release)
  const whenReleased = (run: () => void) => (held ? held.push(run) : run())

  socket.addEventListener('message', (message: any) =>
    whenReleased(() => dispatch(parseFrame(message?.data))),
  )
  socket.addEventListener('error', (event: any) => {
    lastError = event?.error ?? lastError
  })
  socket.addEventListener('close', (event: any) => whenReleased(() => onClose(event)))
  const onClose = (event: any) => {
    const code = typeof event?.code === 'number' ? event.code : 1006
    const reason = typeof event?.reason === 'string' ? event.reason : ''
    const expected = closedByUs || code === 1000
    closeInfo = { code, reason, expected }
    if (!expected) closeInfo.error = new RealtimeClosedError(code, reason, lastError)
    options.signal?.removeEventListener('abort', onAbort)
    if (waiting) {
      const wake = waiting
      const fail = waitingFail!
      waiting = waitingFail = undefined
      if (closeInfo.error) fail(closeInfo.error)
      else wake({ value: undefined, done: true })
    }
    resolveClosed(closeInfo)
  }

  const close = (code = 1000, reason = 'OK'): Promise<RealtimeCloseInfo> => {
    if (!closeInfo) {
      closedByUs = true
      try {
        socket.close(code, reason)
      } catch (error) {
        // An invalid code or reason: nothing was closed, so let the caller fix it.
        closedByUs = false
        throw error
      }
    }
    return closed
  }
  const onAbort = () => {
    try {
      void close(1000, 'aborted')
    } catch {
      // The socket refused to close (already closing): its close event still ends the connection.
    }
  }
  if (options.signal?.aborted) onAbort()
  else options.signal?.addEventListener('abort', onAbort, { once: true })

  const send = (event: RealtimeClientEvent) => {
    if (!event || typeof event !== 'object' || typeof (event as any).type !== 'string')
      throw new OpenAIError('A realtime client event must be an object with a string `type`.')
    if (closeInfo || socket.readyState !== OPEN)
      throw new OpenAIError(
        `The realtime connection is ${closeInfo ? `closed (code ${closeInfo.code})` : 'not open'}, so ` +
          `\`${(event as any).type}\` was not sent. Open a new one with connectRealtime().`,
      )
    socket.send(JSON.stringify(event))
  }

  const next = (): Promise<IteratorResult<RealtimeServerEvent>> => {
    if (head < queue.length) {
      const value = queue[head]
      queue[head++] = undefined as never
      if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head)
        head = 0
      }
      return Promise.resolve({ value, done: false })
    }
    if (overflow) return Promise.reject(overflow)
    if (closeInfo)
      return closeInfo.error
        ? Promise.reject(closeInfo.error)
        : Promise.resolve({ value: undefined, done: true })
    if (waiting)
      return Promise.reject(
        new OpenAIError(
          'Another loop is already waiting for the next realtime event; iterate from one place.',
        ),
      )
    return new Promise((resolve, reject) => {
      waiting = resolve
      waitingFail = reject
    })
  }

  return {
    url: options.url,
    get protocol() {
      return socket.protocol ?? ''
    },
    socket,
    closed,
    send,
    on(type: string, listener: (event: any) => void) {
      // A wrapper, so the same function registered twice is called twice and removed once per call, and so a
      // throwing listener breaks neither the connection nor the other listeners (as with an EventTarget).
      const entry = (event: any) => {
        try {
          listener(event)
        } catch (error) {
          report(error)
        }
      }
      listeners.on(type, entry)
      return () => void listeners.off(type, entry)
    },
    close,
    [Symbol.asyncIterator]() {
      let done = false
      return {
        next: () => (done ? Promise.resolve({ value: undefined, done: true as const }) : next()),
        // `break` ends this loop only: the connection stays open and keeps buffering for the next loop.
        return: () => {
          done = true
          if (waiting) {
            const wake = waiting
            waiting = waitingFail = undefined
            wake({ value: undefined, done: true })
          }
          return Promise.resolve({ value: undefined, done: true as const })
        },
      }
    },
    session: {
      update: (session, o) => send({ ...o, type: 'session.update', session }),
    },
    conversation: {
      item: {
        create: (item, o) => send({ ...o, type: 'conversation.item.create', item }),
        retrieve: (item_id, o) => send({ ...o, type: 'conversation.item.retrieve', item_id }),
        truncate: (params, o) => send({ ...o, ...params, type: 'conversation.item.truncate' }),
        delete: (item_id, o) => send({ ...o, type: 'conversation.item.delete', item_id }),
      },
    },
    response: {
      create: (response, o) =>
        send(
          response === undefined
            ? { ...o, type: 'response.create' }
            : { ...o, type: 'response.create', response },
        ),
      cancel: (o) => send({ ...o, type: 'response.cancel' }),
    },
    inputAudioBuffer: {
      append(audio, o) {
        if (typeof audio === 'string') return send({ ...o, type: 'input_audio_buffer.append', audio })
        const bytes = pcm16Bytes(audio)
        for (let start = 0; start === 0 || start < bytes.byteLength; start += MAX_APPEND_BYTES)
          send({
            ...o,
            type: 'input_audio_buffer.append',
            audio: bytesToBase64(bytes.subarray(start, start + MAX_APPEND_BYTES)),
          })
      },
      commit: (o) => send({ ...o, type: 'input_audio_buffer.commit' }),
      clear: (o) => send({ ...o, type: 'input_audio_buffer.clear' }),
    },
    outputAudioBuffer: {
      clear: (o) => send({ ...o, type: 'output_audio_buffer.clear' }),
    },
  }
}
