import { attachRequestId } from './request-id'

/** Parses a successful body: 204 and empty bodies are `null`/`undefined`, JSON gets a hidden `_request_id`. */
export function parseBody(response: Response, text: string): unknown {
  if (response.status === 204) return null
  const type = response.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? ''
  if (!type.includes('application/json') && !type.endsWith('+json')) return text
  if (!text) return undefined
  const data = JSON.parse(text)
  if (data && typeof data === 'object' && !Array.isArray(data)) attachRequestId(data, response)
  return data
}
