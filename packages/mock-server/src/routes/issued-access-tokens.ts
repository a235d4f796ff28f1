import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { type MockState, nextId, storeFor } from '../mock-state'
import { sendError } from '../reply'
import type { RecordedRequest } from '../types'

/** What the mock remembers about an access token it issued at `POST /oauth/token`. */
export interface IssuedAccessToken {
  /** `Date.now()` from which API routes answer 401 `token_expired`. */
  expiresAt: number
  /** Set by `POST /oauth/revoke`; API routes then answer 401 `token_revoked`. */
  revoked: boolean
  service_account_id: string
}

const AREA = 'oauth.access_tokens'

/** Issues a new access token valid for `expiresInSeconds` of real time and remembers it. */
export function issueAccessToken(
  state: MockState,
  expiresInSeconds: number,
  serviceAccountId: string,
): string {
  const token = `${nextId(state, 'wiat')}_${randomBytes(12).toString('hex')}`
  storeFor<IssuedAccessToken>(state, AREA).set(token, {
    expiresAt: Date.now() + expiresInSeconds * 1000,
    revoked: false,
    service_account_id: serviceAccountId,
  })
  return token
}

/** Marks an issued token revoked; `false` when the mock never issued it (or forgot it on reset). */
export function revokeAccessToken(state: MockState, token: string): boolean {
  const issued = storeFor<IssuedAccessToken>(state, AREA).get(token)
  if (issued) issued.revoked = true
  return issued !== undefined
}

/**
 * Answers 401 when the request's bearer token is one the mock issued and it has expired or been revoked; returns
 * whether it did. Any other bearer (an API key, a token issued before a reset) is left to the normal auth check.
 */
export function refuseIssuedAccessToken(
  state: MockState,
  request: RecordedRequest,
  res: ServerResponse,
): boolean {
  const token = /^Bearer[ \t]+(\S+)/i.exec(request.headers.authorization ?? '')?.[1]
  const issued = token ? storeFor<IssuedAccessToken>(state, AREA).get(token) : undefined
  if (!issued) return false
  if (issued.revoked) {
    sendError(res, 401, 'The access token has been revoked. Exchange a new subject token at /oauth/token.', {
      code: 'token_revoked',
    })
    return true
  }
  if (Date.now() >= issued.expiresAt) {
    sendError(res, 401, 'The access token has expired. Exchange a new subject token at /oauth/token.', {
      code: 'token_expired',
    })
    return true
  }
  return false
}
