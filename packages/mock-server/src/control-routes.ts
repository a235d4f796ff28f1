import type { ServerResponse } from 'node:http'
import { enqueueFaults } from './faults'
import { type MockState, resetMockState } from './mock-state'
import { sendError, sendJson } from './reply'
import type { RecordedRequest } from './types'

/** Path prefix of the control routes; they are not recorded and not subject to faults or auth. */
export const CONTROL_PREFIX = '/__mock/'

/** A recorded request as JSON: the body as text. */
export function requestToJson(request: RecordedRequest): Record<string, unknown> {
  const { body: _bytes, text, ...rest } = request
  return { ...rest, body: text, text }
}

/** Answers `POST /__mock/faults`, `POST /__mock/reset` and `GET /__mock/requests`. */
export function handleControlRoute(state: MockState, request: RecordedRequest, res: ServerResponse): void {
  const route = `${request.method} ${request.path}`
  if (route === `POST ${CONTROL_PREFIX}faults`) {
    if (request.json === undefined) {
      sendError(res, 400, 'Send a JSON body: one fault object or an array of faults.')
      return
    }
    const faults = Array.isArray(request.json) ? request.json : [request.json]
    try {
      enqueueFaults(state, faults)
      sendJson(res, 200, { queued: faults.length, pending: state.faults.length })
    } catch (error) {
      sendError(res, 400, (error as Error).message)
    }
  } else if (route === `POST ${CONTROL_PREFIX}reset`) {
    resetMockState(state)
    sendJson(res, 200, { reset: true })
  } else if (route === `GET ${CONTROL_PREFIX}requests`) {
    sendJson(res, 200, state.requests.map(requestToJson))
  } else {
    sendError(
      res,
      404,
      `Unknown control route ${route}. Use POST /__mock/faults, POST /__mock/reset or GET /__mock/requests.`,
    )
  }
}
