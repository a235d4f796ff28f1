import type { ServerResponse } from 'node:http'
import { sendJson } from '../reply'
import type { RecordedRequest } from '../types'

/** Azure OpenAI serves the API under `/openai/`: per deployment, unversioned, or as its v1 API. */
export const AZURE_PREFIX = '/openai/'

const DEPLOYMENT = /^\/openai\/deployments\/([^/]+)(\/.*)$/

/** Azure's error body: `{"error":{"code","message"}}` with the status as a string code. */
export function sendAzureError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: { code: String(status), message } })
}

/** Whether the headers carry a non-empty `api-key` or `Authorization: Bearer <token>`, as Azure accepts. */
export function hasAzureCredentials(headers: Record<string, string>): boolean {
  return !!headers['api-key']?.trim() || /^Bearer[ \t]+\S/i.test(headers.authorization ?? '')
}

/**
 * Maps an Azure-shaped path onto the mock's `/v1` routes: `/openai/deployments/<name>/<rest>` (the deployment
 * becomes the JSON body's `model`, as Azure ignores the body's), `/openai/v1/<rest>` and `/openai/<rest>`.
 * Returns `null` for a path outside `/openai/`.
 */
export function azureToV1(path: string): { path: string; deployment?: string; v1: boolean } | null {
  if (!path.startsWith(AZURE_PREFIX)) return null
  const deployment = DEPLOYMENT.exec(path)
  if (deployment) return { path: `/v1${deployment[2]}`, deployment: deployment[1], v1: false }
  if (path.startsWith('/openai/v1/')) return { path: path.slice('/openai'.length), v1: true }
  return { path: `/v1/${path.slice(AZURE_PREFIX.length)}`, v1: false }
}

/**
 * Azure's checks and path mapping for a request under `/openai/`: credentials (`api-key` or a bearer token) and,
 * except on the v1 API, the `api-version` query parameter; each refused with Azure's error shape. Returns the
 * request the `/v1` routes should see, the request itself when it is not Azure-shaped, or `null` once answered.
 */
export function azureRequest(
  request: RecordedRequest,
  res: ServerResponse,
  requireAuth: boolean,
): RecordedRequest | null {
  const mapped = azureToV1(request.path)
  if (!mapped) return request
  if (requireAuth && !hasAzureCredentials(request.headers)) {
    sendAzureError(
      res,
      401,
      'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource. (The mock accepts any non-empty "api-key" header or "Authorization: Bearer <token>".)',
    )
    return null
  }
  if (!mapped.v1 && !request.query['api-version']) {
    sendAzureError(
      res,
      404,
      'Resource not found. (The mock, like Azure, needs the api-version query parameter on /openai/ paths, e.g. ?api-version=2024-10-21; only the v1 API under /openai/v1/ goes without.)',
    )
    return null
  }
  let json = request.json
  if (mapped.deployment !== undefined && json && typeof json === 'object' && !Array.isArray(json)) {
    let name: string
    try {
      name = decodeURIComponent(mapped.deployment)
    } catch {
      sendAzureError(res, 400, `Malformed percent-encoding in the deployment name ${mapped.deployment}.`)
      return null
    }
    json = { ...json, model: name }
  }
  const routed = { ...request, path: mapped.path, json }
  // Upload routes read their body themselves and store what they keep: that must land in the record.
  for (const key of ['body', 'text'] as const)
    Object.defineProperty(routed, key, {
      get: () => request[key],
      set: (value) => {
        request[key] = value
      },
      enumerable: true,
    })
  return routed
}
