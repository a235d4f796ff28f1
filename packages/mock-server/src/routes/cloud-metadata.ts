import type { ServerResponse } from 'node:http'
import { sendJson } from '../reply'
import type { Route, RouteContext } from '../route'
import { fakeJwt } from './fake-jwt'

/** Path of Azure's Instance Metadata Service (IMDS) managed-identity token endpoint. */
export const AZURE_IMDS_TOKEN_PATH = '/metadata/identity/oauth2/token'
/** Path of the GCP metadata server's ID-token endpoint for the default service account. */
export const GCP_IDENTITY_PATH = '/computeMetadata/v1/instance/service-accounts/default/identity'

const AZURE_IDENTITY_PARAMS = ['object_id', 'client_id', 'msi_res_id'] as const
const AZURE_DEFAULT_CLIENT_ID = '00000000-0000-4000-8000-00000000c11d'
const AZURE_DEFAULT_OBJECT_ID = '00000000-0000-4000-8000-0000000000b1'

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  })
  res.end(text)
}

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value

/**
 * `GET /metadata/identity/oauth2/token`: a fake Azure IMDS. Like the real one it wants `Metadata: true`,
 * `api-version` and `resource`, at most one of `object_id` / `client_id` / `msi_res_id`, and answers a JWT whose
 * `aud` is the resource (numbers as strings, as IMDS sends them).
 */
export function azureImdsToken({ res, request }: RouteContext) {
  const bad = (description: string) =>
    sendJson(res, 400, { error: 'invalid_request', error_description: description })
  if (request.headers.metadata !== 'true') return bad('Required metadata header not specified')
  const query = request.query
  if (!single(query['api-version'])) return bad("Required query variable 'api-version' is missing")
  const resource = single(query.resource)
  if (!resource) return bad('Required audience parameter not specified')
  const given = AZURE_IDENTITY_PARAMS.filter((name) => query[name] !== undefined)
  if (given.length > 1)
    return bad(`Specify at most one of ${AZURE_IDENTITY_PARAMS.join(', ')}; got ${given.join(', ')}`)
  const now = Math.floor(Date.now() / 1000)
  const clientId = single(query.client_id) ?? AZURE_DEFAULT_CLIENT_ID
  const objectId = single(query.object_id) ?? AZURE_DEFAULT_OBJECT_ID
  const msiResId = single(query.msi_res_id)
  const accessToken = fakeJwt({
    aud: resource,
    iss: 'https://sts.windows.net/00000000-0000-4000-8000-000000007e4a/',
    iat: now,
    nbf: now,
    exp: now + 86_399,
    appid: clientId,
    oid: objectId,
    sub: objectId,
    ...(msiResId ? { xms_mirid: msiResId } : {}),
  })
  sendJson(res, 200, {
    access_token: accessToken,
    client_id: clientId,
    expires_in: '86399',
    expires_on: String(now + 86_399),
    ext_expires_in: '86399',
    not_before: String(now),
    resource,
    token_type: 'Bearer',
  })
}

/**
 * `GET /computeMetadata/v1/instance/service-accounts/default/identity`: a fake GCP metadata server. Like the real
 * one it wants `Metadata-Flavor: Google` and a non-empty `audience`, and answers the ID token as plain text.
 */
export function gcpIdentity({ res, request }: RouteContext) {
  const flavor = { 'metadata-flavor': 'Google' }
  if (request.headers['metadata-flavor'] !== 'Google')
    return sendText(res, 403, 'Missing required header "Metadata-Flavor": "Google"\n', flavor)
  const audience = single(request.query.audience)
  if (!audience) return sendText(res, 400, 'non-empty audience parameter required\n', flavor)
  const now = Math.floor(Date.now() / 1000)
  const token = fakeJwt({
    aud: audience,
    azp: '100000000000000000001',
    iss: 'https://accounts.google.com',
    sub: '100000000000000000001',
    iat: now,
    exp: now + 3600,
  })
  sendText(res, 200, token, flavor)
}

/** Fake cloud metadata hosts on the mock's own port (outside `/v1`, so they need no API key). */
export const cloudMetadataRoutes: readonly Route[] = [
  { method: 'GET', path: AZURE_IMDS_TOKEN_PATH, handle: azureImdsToken },
  { method: 'GET', path: GCP_IDENTITY_PATH, handle: gcpIdentity },
]
