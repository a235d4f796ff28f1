import type { Response } from './generated/types'

/**
 * The text of a response: every `output_text` part of every `message` item, joined without a separator
 * (what the official SDKs expose as `response.output_text`).
 *
 * @example outputText(await retrieveResponse(client, id))
 */
export function outputText(response: Pick<Response, 'output'>): string {
  let text = ''
  for (const item of response.output ?? [])
    if (item.type === 'message')
      for (const part of item.content) if (part.type === 'output_text') text += part.text
  return text
}

/**
 * Sets `output_text` on a JSON `Response` in place (other bodies pass through), keeping its hidden `_request_id`.
 * @internal
 */
export function _withOutputText<T>(data: T): T {
  if ((data as any)?.object === 'response') (data as any).output_text = outputText(data as any)
  return data
}
