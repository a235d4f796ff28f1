import { sendJson, sendNotFound } from '../reply'
import type { Route, RouteContext } from '../route'

/** A model object. */
export interface ModelObject {
  id: string
  object: 'model'
  created: number
  owned_by: string
}

/** The three models the mock knows. */
export function fixtureModels(): ModelObject[] {
  return [
    { id: 'gpt-5.4', object: 'model', created: 1767225600, owned_by: 'openai' },
    { id: 'gpt-5.2', object: 'model', created: 1764547200, owned_by: 'openai' },
    { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' },
  ]
}

/** `GET /v1/models`: a plain (unpaginated) list. */
export function listModels({ res }: RouteContext): void {
  sendJson(res, 200, { object: 'list', data: fixtureModels() })
}

/** `GET /v1/models/{id}`: one model, 404 for an unknown id. */
export function retrieveModel({ res, params }: RouteContext): void {
  const model = fixtureModels().find((m) => m.id === params.id)
  if (model) sendJson(res, 200, model)
  else sendNotFound(res, 'model', params.id, 'model')
}

/** Routes of the models area. */
export const modelsRoutes: readonly Route[] = [
  { method: 'GET', path: '/v1/models', handle: listModels },
  { method: 'GET', path: '/v1/models/:id', handle: retrieveModel },
]
