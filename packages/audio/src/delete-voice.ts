import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'

/** The answer of {@link deleteVoice}. */
export interface VoiceDeleted {
  id: string
  deleted: boolean
  object: 'audio.voice.deleted'
}

/**
 * Deletes a custom voice (`DELETE /audio/voices/{voice_id}`). Written by hand: the OpenAPI spec does not list
 * this call yet; it sends what openai-node's `audio.voices.delete` sends.
 *
 * @example const { deleted } = await deleteVoice(client, 'voice_123')
 */
export function deleteVoice(
  client: Client,
  voiceId: string,
  options?: RequestOptions,
): APIPromise<VoiceDeleted> {
  return request<VoiceDeleted>(client, {
    ...options,
    method: 'delete',
    operation: 'deleteVoice',
    path: path`/audio/voices/${voiceId}`,
  })
}
