import type { ServerResponse } from 'node:http'
import { sendJson } from '../reply'
import type { Route, RouteContext } from '../route'
import { issueAccessToken, revokeAccessToken } from './issued-access-tokens'

/** The RFC 8693 grant type a token-exchange request must carry. */
export const TOKEN_EXCHANGE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange'
const SUBJECT_TOKEN_TYPES = [
  'urn:ietf:params:oauth:token-type:jwt',
  'urn:ietf:params:oauth:token-type:id_token',
]
const DEFAULT_EXPIRES_IN = 3600

/** An RFC 6749 error body, `{ error, error_description }`; it never echoes the subject token. */
function sendOAuthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description }, { 'cache-control': 'no-store' })
}

/** Why a token-exchange body is unacceptable, as `[error, description]`, or `null`. */
function exchangeProblem(body: unknown): [string, string] | null {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return [
      'invalid_request',
      'Send the token-exchange parameters as a JSON object (Content-Type: application/json).',
    ]
  const b = body as Record<string, unknown>
  if (b.grant_type !== TOKEN_EXCHANGE_GRANT_TYPE)
    return ['unsupported_grant_type', `grant_type must be "${TOKEN_EXCHANGE_GRANT_TYPE}".`]
  for (const name of ['subject_token', 'subject_token_type', 'identity_provider_id', 'service_account_id'])
    if (typeof b[name] !== 'string' || b[name] === '') return ['invalid_request', `Missing or empty ${name}.`]
  if (!SUBJECT_TOKEN_TYPES.includes(b.subject_token_type as string))
    return ['invalid_request', `subject_token_type must be one of ${SUBJECT_TOKEN_TYPES.join(', ')}.`]
  if (b.client_id !== undefined && (typeof b.client_id !== 'string' || b.client_id === ''))
    return ['invalid_request', 'client_id, when sent, must be a non-empty string.']
  return null
}

/**
 * `POST /oauth/token`: RFC 8693 token exchange with a JSON body, as auth.openai.com takes it. Issues an access
 * token valid for `?expires_in=<seconds>` of real time (default 3600; fractions allowed so a test can watch one
 * expire). To make it fail, queue a fault matching `{ path: '/oauth/token' }`.
 */
export function exchangeToken({ res, request, state }: RouteContext) {
  const raw = request.query.expires_in
  const lifetime = raw === undefined ? DEFAULT_EXPIRES_IN : Number(raw)
  if (typeof raw === 'object' || !Number.isFinite(lifetime) || lifetime <= 0)
    return sendOAuthError(
      res,
      400,
      'invalid_request',
      'The expires_in query parameter must be one number of seconds > 0.',
    )
  const problem = exchangeProblem(request.json)
  if (problem) return sendOAuthError(res, 400, problem[0], problem[1])
  const { service_account_id } = request.json as { service_account_id: string }
  sendJson(
    res,
    200,
    {
      access_token: issueAccessToken(state, lifetime, service_account_id),
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      token_type: 'Bearer',
      expires_in: lifetime,
    },
    { 'cache-control': 'no-store' },
  )
}

/**
 * `POST /oauth/revoke` (RFC 7009): `token=<access token>` as a form or `{"token": "..."}` as JSON. Answers 200
 * whether or not the token was known, as the RFC asks; `revoked` tells a test which it was.
 */
export function revokeToken({ res, request, state }: RouteContext) {
  const json = request.json as { token?: unknown } | undefined
  const token =
    json && typeof json === 'object'
      ? json.token
      : new URLSearchParams(request.text).get('token') || undefined
  if (typeof token !== 'string' || token === '')
    return sendOAuthError(res, 400, 'invalid_request', 'Send the token to revoke as `token` (form or JSON).')
  sendJson(res, 200, { revoked: revokeAccessToken(state, token) })
}

/** Routes of the token-exchange area (outside `/v1`, so they need no API key). */
export const tokenExchangeRoutes: readonly Route[] = [
  { method: 'POST', path: '/oauth/token', handle: exchangeToken },
  { method: 'POST', path: '/oauth/revoke', handle: revokeToken },
]
