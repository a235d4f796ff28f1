import { cursorPage } from '../cursor-list'
import { jsonFromSchema } from '../generate/json-from-schema'
import { isRecord } from '../is-record'
import { type MockState, nextId, storeFor } from '../mock-state'
import { queryValue } from '../query-value'
import { sendError, sendJson, sendNotFound } from '../reply'
import type { RouteContext } from '../route'
import { OPERATIONS, SCHEMAS, type TableOperation, type TableSchema } from './route-table'
import { fitsProperty, resolveSchema } from './schema-check'

/** An object the everyday routes keep: any JSON object with an `id`. */
export type Stored = Record<string, unknown> & { id: string }

/** Id prefixes by collection name; others use the name itself. */
const PREFIXES: Record<string, [string, string?]> = {
  batches: ['batch'],
  jobs: ['ftjob', '-'],
  vector_stores: ['vs'],
  file_batches: ['vsfb'],
  conversations: ['conv'],
  containers: ['cntr'],
  files: ['cfile'],
  evals: ['eval'],
  runs: ['evalrun'],
  permissions: ['cp'],
  skills: ['skill'],
  sessions: ['cksess'],
}

/** `template` (`/v1/things/:id/parts`) with `params` filled in, percent-encoded: the key of a stored collection. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/:([A-Za-z_]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
}

/** The objects stored under one concrete collection path (`/v1/vector_stores/vs_1/files`), in creation order. */
export function collectionAt(state: MockState, path: string): Map<string, Stored> {
  const all = storeFor<Map<string, Stored>>(state, 'everyday')
  let items = all.get(path)
  if (!items) all.set(path, (items = new Map()))
  return items
}

/** Removes an object and every collection nested under it (a vector store's files, an eval's runs). */
export function removeStored(state: MockState, collectionPath: string, id: string): boolean {
  const all = storeFor<Map<string, Stored>>(state, 'everyday')
  const itemPath = `${collectionPath}/${encodeURIComponent(id)}`
  for (const key of [...all.keys()]) if (key.startsWith(`${itemPath}/`)) all.delete(key)
  return all.get(collectionPath)?.delete(id) ?? false
}

const isParam = (segment: string | undefined) => segment?.startsWith(':') ?? false
const parentOf = (template: string) => template.slice(0, template.lastIndexOf('/'))

/** Whether objects POSTed to a collection template are kept: other routes address them by id below it. */
export function isCreatable(template: string): boolean {
  return (
    OPERATIONS.some((op) => op.method === 'POST' && op.path === template) &&
    OPERATIONS.some((op) => op.path.startsWith(`${template}/:`))
  )
}

const unix = () => Math.floor(Date.now() / 1000)

/** A schema-valid sample of a table schema (its `$ref`s resolved against the table). */
export function sampleOfSchema(schema: TableSchema | undefined): Record<string, unknown> {
  const value = jsonFromSchema({ ...schema, schemas: SCHEMAS })
  return isRecord(value) ? value : {}
}

/** A schema-valid sample of the table schema `name`. */
export function sampleOf(name: string): Record<string, unknown> {
  return sampleOfSchema({ $ref: `#/schemas/${name}` })
}

/**
 * A new object of schema `name`: a sample with nullable fields `null`, timestamps now, a fresh id, the path's
 * parent ids, and every body field that fits the schema.
 */
export function buildObject(
  ctx: RouteContext,
  name: string,
  init: { prefix: [string, string?]; body?: unknown; id?: string },
): Stored {
  const object = sampleOf(name)
  const properties = resolveSchema(SCHEMAS[name])?.properties ?? {}
  for (const key of Object.keys(object)) {
    if (key !== 'id' && fitsProperty(name, key, null)) object[key] = null
    else if ((key.endsWith('_at') || key === 'created') && Number.isInteger(object[key])) object[key] = unix()
  }
  object.id = init.id ?? nextId(ctx.state, init.prefix[0], init.prefix[1])
  for (const [param, value] of Object.entries(ctx.params))
    if (param in properties && fitsProperty(name, param, value)) object[param] = value
  if (isRecord(init.body))
    for (const [key, value] of Object.entries(init.body))
      if (key !== 'id' && key !== 'object' && fitsProperty(name, key, value)) object[key] = value
  return object as Stored
}

/** Sends a list page of `items` shaped like the operation's list schema (`?limit=&after=&order=`). */
export function sendList(ctx: RouteContext, op: TableOperation, items: readonly Stored[]) {
  const { query } = ctx.request
  const defaults = op.query ?? {}
  const rawLimit = queryValue(query.limit)
  const limit = rawLimit ? Number(rawLimit) : (defaults.limit ?? 100)
  const rawOrder = queryValue(query.order) || defaults.order || 'desc'
  const order = rawOrder.startsWith('asc') ? 'asc' : rawOrder.startsWith('desc') ? 'desc' : null
  if (!Number.isInteger(limit) || limit < 1)
    return sendError(ctx.res, 400, "Invalid 'limit': expected an integer from 1 to 100.", { param: 'limit' })
  if (!order) return sendError(ctx.res, 400, "Invalid 'order': expected 'asc' or 'desc'.", { param: 'order' })
  const after = queryValue(query.after) || undefined
  const page = cursorPage(items, { limit: Math.min(limit, 100), order, after })
  if (!page) return sendNotFound(ctx.res, 'object', after ?? '', 'after')
  const body = op.response ? sampleOf(op.response) : {}
  body.data = page.data
  // A list schema without cursors gets none; an empty page's null cursor becomes '' where the schema says string.
  for (const key of ['first_id', 'last_id', 'has_more'] as const) {
    if (!op.response || fitsProperty(op.response, key, page[key])) body[key] = page[key]
    else if (key in body) body[key] = page[key] ?? ''
  }
  sendJson(ctx.res, op.status, body)
}

const collectionOf = (op: TableOperation) =>
  isParam(op.path.split('/').at(-1)) ? parentOf(op.path) : op.path
const itemId = (op: TableOperation, params: Record<string, string>) =>
  params[op.path.split('/').at(-1)!.slice(1)]

/** The stored object an item route names, or `undefined` after answering 404. */
export function storedOr404(ctx: RouteContext, template: string, what = 'object'): Stored | undefined {
  const collection = parentOf(template)
  const id = ctx.params[template.split('/').at(-1)!.slice(1)]
  const found = collectionAt(ctx.state, fillPath(collection, ctx.params)).get(id)
  if (!found) sendNotFound(ctx.res, what, id)
  return found
}

/** The items whose `status` is `filter` (`?filter=completed` on vector store file lists); all without one. */
const withStatus = (items: Stored[], filter: string | undefined) =>
  filter ? items.filter((item) => item.status === filter) : items

/** Statuses the generic `…/cancel`, `…/pause`, `…/resume` actions set. */
const ACTION_STATUS: Record<string, string> = { cancel: 'cancelled', pause: 'paused', resume: 'running' }

/**
 * The generic answer for one table operation: creates, retrieves, lists, updates and deletes objects kept per
 * collection path, runs `cancel`/`pause`/`resume` actions on the stored parent, and answers everything else
 * (embeddings-like computations, content downloads) with a schema-valid sample.
 */
export function genericHandler(op: TableOperation): (ctx: RouteContext) => void {
  const segments = op.path.split('/')
  const last = segments.at(-1)!
  const itemRoute = isParam(last)
  return (ctx) => {
    const { res, params, state } = ctx
    const body = ctx.request.json
    if (op.contentType && op.contentType !== 'application/json') {
      // Binary downloads (skill zips): the two bytes a zip file starts with are enough for a client to read.
      res.writeHead(op.status, { 'content-type': op.contentType, 'content-length': '2' })
      return void res.end('PK')
    }
    if (!op.response) return void res.writeHead(op.status, { 'content-length': '0' }).end()
    const template = collectionOf(op)
    const items = collectionAt(state, fillPath(template, params))
    // Nested collections need their parent to exist when that parent is something users create.
    const parentItem = parentOf(template)
    if (isParam(parentItem.split('/').at(-1)) && isCreatable(parentOf(parentItem))) {
      if (!storedOr404(ctx, parentItem)) return
    }
    if (op.method === 'GET' && !itemRoute)
      return Object.hasOwn(SCHEMAS[op.response].properties ?? {}, 'data')
        ? sendList(ctx, op, withStatus([...items.values()], queryValue(ctx.request.query.filter)))
        : sendJson(res, op.status, sampleOf(op.response))
    if (op.method === 'POST' && !itemRoute && isCreatable(op.path)) {
      const object = buildObject(ctx, op.response, { prefix: PREFIXES[last] ?? [last], body })
      items.set(object.id, object)
      return sendJson(res, op.status, object)
    }
    if (itemRoute) {
      const id = itemId(op, params)
      const found = items.get(id)
      const answersSample = !found && !isCreatable(template) && items.size === 0
      if (!found && !answersSample) return sendNotFound(res, 'object', id)
      if (op.method === 'DELETE') {
        removeStored(state, fillPath(template, params), id)
        return sendJson(res, op.status, deletedBody(op.response, id, params))
      }
      const object = found ?? buildObject(ctx, op.response, { prefix: ['obj'], id })
      if (op.method === 'POST' && /^cancel/.test(op.operationId)) setStatus(op.response, object, 'cancelled')
      else if (op.method === 'POST' && isRecord(body))
        for (const [key, value] of Object.entries(body))
          if (key !== 'id' && fitsProperty(op.response, key, value)) object[key] = value
      return sendJson(res, op.status, object)
    }
    if (op.method === 'POST' && ACTION_STATUS[last] && isParam(segments.at(-2))) {
      const object = storedOr404(ctx, parentOf(op.path))
      if (object) setStatus(op.response, object, ACTION_STATUS[last])
      return object && sendJson(res, op.status, object)
    }
    sendJson(res, op.status, buildObject(ctx, op.response, { prefix: ['obj'], body }))
  }
}

/** A `deleted: true` answer of schema `name` naming the deleted object (`id`, or `eval_id`-style fields). */
export function deletedBody(
  name: string,
  id: string,
  params: Record<string, string>,
): Record<string, unknown> {
  const body = sampleOf(name)
  const properties = resolveSchema(SCHEMAS[name])?.properties ?? {}
  if ('id' in properties) body.id = id
  for (const [param, value] of Object.entries(params)) if (param in properties) body[param] = value
  if ('deleted' in properties) body.deleted = true
  return body
}

/** Sets `status` when the schema allows that value (a `cancelled_at`-style timestamp too). */
export function setStatus(schema: string, object: Record<string, unknown>, status: string): void {
  if (!fitsProperty(schema, 'status', status)) return
  object.status = status
  const stamp = `${status}_at`
  if (fitsProperty(schema, stamp, unix())) object[stamp] = unix()
}
