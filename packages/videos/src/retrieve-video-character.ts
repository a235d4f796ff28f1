import { type APIPromise, type Client, path, type RequestOptions, request } from '@acme/openai-core'
import type { VideoCharacter } from './types'

/**
 * Gets a character (`GET /videos/characters/{character_id}`).
 *
 * @example const character = await retrieveVideoCharacter(client, 'char_123')
 */
export function retrieveVideoCharacter(
  client: Client,
  characterId: string,
  options?: RequestOptions,
): APIPromise<VideoCharacter> {
  return request<VideoCharacter>(client, {
    ...options,
    method: 'get',
    operation: 'retrieveVideoCharacter',
    path: path`/videos/characters/${characterId}`,
  })
}
