// The structure-only intermediate of the OpenAPI spec that the operation generator works from.
//
// Run on the real spec, the generator first reduces it to this snapshot (the table's operations and every schema
// they reach, with only the keywords a type needs: no descriptions, titles, summaries or examples), writes it to
// scripts/openapi.snapshot.json, then generates from the snapshot. The determinism test generates from the committed
// snapshot, so no build or test reads the spec itself.
import { reachable, refName } from '../generate-types.mjs'

const KEYWORDS = [
  '$ref',
  '$recursiveRef',
  'type',
  'format',
  'enum',
  'const',
  'nullable',
  'deprecated',
  'required',
  'items',
  'properties',
  'additionalProperties',
  'anyOf',
  'oneOf',
  'allOf',
]

/** A schema with only the keywords types are made of; property names are kept whatever they are. */
export function structure(schema) {
  if (Array.isArray(schema)) return schema.map(structure)
  if (!schema || typeof schema !== 'object') return schema
  const out = {}
  for (const key of KEYWORDS) {
    if (!(key in schema)) continue
    const value = schema[key]
    if (key === 'properties')
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structure(v)]))
    else if (key === 'required' || key === 'enum' || key === 'type' || key === 'const') out[key] = value
    else out[key] = structure(value)
  }
  return out
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

/** Finds every table row's operation in the spec and keeps the parts the generator reads. */
export function makeSnapshot(doc, rows, typeRoots) {
  const byId = new Map()
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of METHODS)
      if (item[method]) byId.set(item[method].operationId, { path, method, op: item[method] })
  const operations = {}
  const roots = new Set(typeRoots)
  for (const row of rows) {
    const found = byId.get(row.id)
    if (!found) throw new Error(`operationId ${row.id} (${row.sdk}) is not in the spec`)
    const { path, method, op } = found
    const parameters = (op.parameters ?? []).map((p) => {
      // A header the official SDK takes as a param (`openai-beta` as `betas`) keeps that param's name.
      const param = p.schema?.['x-stainless-param'] ?? p['x-stainless-param']
      return {
        name: p.name,
        in: p.in,
        required: p.required === true,
        schema: structure(p.schema ?? {}),
        ...(param ? { param } : {}),
      }
    })
    const content = op.requestBody?.content ?? {}
    const body = content['application/json'] ?? (row.json ? undefined : Object.values(content)[0])
    const ok = op.responses?.['200'] ?? op.responses?.['201']
    const okContent = ok?.content ?? {}
    operations[row.id] = {
      method,
      path,
      parameters,
      requestBody: body
        ? {
            required: op.requestBody.required === true,
            contentTypes: Object.keys(content),
            schema: structure(body.schema),
          }
        : undefined,
      response: {
        contentTypes: Object.keys(okContent),
        schema: okContent['application/json'] ? structure(okContent['application/json'].schema) : undefined,
      },
    }
    collectRefs(operations[row.id], roots)
    if (typeof row.stream === 'string') roots.add(row.stream)
  }
  const schemas = {}
  for (const name of reachable(doc.components.schemas, [...roots]))
    schemas[name] = structure(doc.components.schemas[name])
  return { operations, schemas }
}

/** Adds the name of every schema `node` refers to (`$ref`) to `into`. */
export function collectRefs(node, into) {
  if (Array.isArray(node)) {
    for (const n of node) collectRefs(n, into)
    return
  }
  if (!node || typeof node !== 'object') return
  if (typeof node.$ref === 'string') into.add(refName(node.$ref))
  for (const value of Object.values(node)) collectRefs(value, into)
}
