import { OpenAIError } from '@acme/openai-core'
import type { RealtimeConnection } from '../realtime-connection'
import type { RealtimeResponse } from '../types/items'
import { base64ToBytes } from './base64'
import { pcm16Samples } from './pcm16-base64'

/** The audio of one response, in one buffer. */
export interface CollectedOutputAudio {
  /** PCM16 little-endian bytes, every `response.output_audio.delta` in arrival order. */
  bytes: Uint8Array
  /** The same audio as samples (a trailing odd byte is dropped). */
  samples: Int16Array
  /** The `response.output_audio_transcript.delta` pieces joined. */
  transcript: string
  /** The final response from `response.done` (its status says whether it was cancelled). */
  response: RealtimeResponse
}

/**
 * Collects the output audio of the next response (or of `responseId`) until its `response.done`. It listens with
 * `on()`, so a `for await` loop over the same connection still sees every event. Rejects when the connection closes
 * first or `signal` aborts.
 *
 * @example
 * const audio = collectOutputAudio(connection)
 * connection.response.create()
 * const { samples, transcript } = await audio
 */
export function collectOutputAudio(
  connection: Pick<RealtimeConnection, 'on' | 'closed'>,
  options: { responseId?: string; signal?: AbortSignal } = {},
): Promise<CollectedOutputAudio> {
  let responseId = options.responseId
  const chunks: Uint8Array[] = []
  let transcript = ''
  const offs: Array<() => void> = []
  const stop = () => {
    for (const off of offs.splice(0)) off()
  }
  return new Promise<CollectedOutputAudio>((resolve, reject) => {
    const fail = (error: unknown) => {
      stop()
      reject(error)
    }
    const mine = (id: string | undefined) => {
      responseId ??= id
      return id === responseId
    }
    offs.push(
      connection.on('response.created', (event) => void mine(event.response.id)),
      connection.on('response.output_audio.delta', (event) => {
        if (!mine(event.response_id)) return
        try {
          chunks.push(base64ToBytes(event.delta))
        } catch (cause) {
          fail(new OpenAIError('A response.output_audio.delta was not valid base64.', { cause }))
        }
      }),
      connection.on('response.output_audio_transcript.delta', (event) => {
        if (mine(event.response_id)) transcript += event.delta
      }),
      connection.on('response.done', (event) => {
        if (!mine(event.response.id)) return
        stop()
        let length = 0
        for (const chunk of chunks) length += chunk.length
        const bytes = new Uint8Array(length)
        let offset = 0
        for (const chunk of chunks) {
          bytes.set(chunk, offset)
          offset += chunk.length
        }
        resolve({ bytes, samples: pcm16Samples(bytes), transcript, response: event.response })
      }),
    )
    void connection.closed.then((info) =>
      fail(
        info.error ??
          new OpenAIError(`The realtime connection closed (code ${info.code}) before the response was done.`),
      ),
    )
    const signal = options.signal
    if (signal?.aborted) fail(signal.reason)
    signal?.addEventListener('abort', () => fail(signal.reason), { once: true })
  })
}
