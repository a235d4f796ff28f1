import { base64ToBytes, bytesToBase64 } from './base64'

/**
 * The little-endian bytes of PCM16 audio: a `Uint8Array` or `ArrayBuffer` is taken as bytes already, an
 * `Int16Array` as samples.
 */
export function pcm16Bytes(audio: Uint8Array | Int16Array | ArrayBuffer): Uint8Array {
  if (audio instanceof Uint8Array) return audio
  if (audio instanceof ArrayBuffer) return new Uint8Array(audio)
  if (audio instanceof Int16Array) {
    const bytes = new Uint8Array(audio.length * 2)
    const view = new DataView(bytes.buffer)
    for (let i = 0; i < audio.length; i++) view.setInt16(i * 2, audio[i], true)
    return bytes
  }
  // A TypeError, not core's OpenAIError, so the audio helpers work without core.
  throw new TypeError(
    'Pass PCM16 audio as a Uint8Array of bytes, an Int16Array of samples or an ArrayBuffer.',
  )
}

/**
 * Base64 of PCM16 audio (24 kHz mono little-endian for the default `audio/pcm` format), as
 * `input_audio_buffer.append` wants it.
 *
 * @example connection.send({ type: 'input_audio_buffer.append', audio: pcm16ToBase64(samples) })
 */
export function pcm16ToBase64(audio: Uint8Array | Int16Array | ArrayBuffer): string {
  return bytesToBase64(pcm16Bytes(audio))
}

/**
 * The samples of base64 PCM16 audio (a `response.output_audio.delta`), ready for playback or a WAV file.
 * A trailing odd byte is dropped.
 *
 * @example const samples = base64ToPcm16(event.delta)
 */
export function base64ToPcm16(base64: string): Int16Array {
  return pcm16Samples(base64ToBytes(base64))
}

/** The samples of PCM16 little-endian bytes (a whole buffer, as decoding makes); an odd last byte is dropped. */
export function pcm16Samples(bytes: Uint8Array): Int16Array {
  const samples = new Int16Array(bytes.length >> 1)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(i * 2, true)
  return samples
}
