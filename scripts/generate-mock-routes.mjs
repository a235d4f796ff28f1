#!/usr/bin/env node
// Writes the mock server's table of everyday JSON operations and the response schemas they reach.
//
//   node scripts/generate-mock-routes.mjs <openapi.yaml> [packages/mock-server/src/everyday/route-table.json]
//
// Run by hand when the spec changes; the output is committed and nothing reads the spec at build or test time.
// Only structure is kept (paths, methods, types, properties, required, enums): no descriptions, titles or
// examples. Keys are written in a fixed order so a regeneration diffs cleanly.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const [specPath, outPath = join(root, 'packages/mock-server/src/everyday/route-table.json')] =
  process.argv.slice(2)
if (!specPath) {
  console.error('usage: node scripts/generate-mock-routes.mjs <openapi.yaml> [out.json]')
  process.exit(2)
}

/** Path prefixes of the everyday areas this table covers (media, files, responses and chat have own routes). */
const AREAS = [
  '/batches',
  '/chatkit',
  '/completions',
  '/containers',
  '/conversations',
  '/embeddings',
  '/evals',
  '/fine_tuning',
  '/models',
  '/moderations',
  '/realtime/client_secrets',
  '/realtime/sessions',
  '/realtime/transcription_sessions',
  '/realtime/translations',
  '/skills',
  '/vector_stores',
]

/** Keywords that carry structure; everything else (prose, examples, vendor hints) is dropped. */
const KEEP = ['type', '$ref', 'const', 'enum', 'nullable', 'required', 'properties', 'items']
const KEEP_NESTED = ['anyOf', 'oneOf', 'allOf']

const spec = parse(readFileSync(specPath, 'utf8'))
const components = spec.components?.schemas ?? {}
const refName = (ref) => decodeURIComponent(ref.split('/').pop())

function strip(schema) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return {}
  const out = {}
  for (const key of KEEP) {
    if (!(key in schema)) continue
    const value = schema[key]
    if (key === '$ref') out.$ref = `#/schemas/${refName(value)}`
    else if (key === 'properties')
      out.properties = Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((name) => [name, strip(value[name])]),
      )
    else if (key === 'items') out.items = strip(value)
    else out[key] = value
  }
  if (schema.$recursiveRef) out.any = true
  for (const key of KEEP_NESTED) if (Array.isArray(schema[key])) out[key] = schema[key].map(strip)
  if (schema.additionalProperties === false) out.additionalProperties = false
  else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
    out.additionalProperties = strip(schema.additionalProperties)
  return out
}

function refsOf(node, into) {
  if (Array.isArray(node)) for (const n of node) refsOf(n, into)
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.add(value.replace('#/schemas/', ''))
      else refsOf(value, into)
    }
}

const operations = []
const schemas = {}
const pending = []
for (const [rawPath, item] of Object.entries(spec.paths ?? {})) {
  if (rawPath.includes('?')) continue
  if (!AREAS.some((area) => rawPath === area || rawPath.startsWith(`${area}/`))) continue
  for (const method of ['get', 'post', 'delete']) {
    const op = item[method]
    if (!op?.operationId || op.deprecated) continue
    const [status, response] = Object.entries(op.responses ?? {}).find(([code]) => code.startsWith('2')) ?? []
    const contentType = Object.keys(response?.content ?? {})[0] ?? null
    const schema = response?.content?.[contentType]?.schema
    let name = null
    if (schema?.$ref) name = refName(schema.$ref)
    else if (schema && contentType === 'application/json') {
      name = `${op.operationId}Response`
      schemas[name] = strip(schema)
    }
    if (name) pending.push(name)
    const query = Object.fromEntries(
      (op.parameters ?? [])
        .filter((p) => p.in === 'query' && (p.name === 'limit' || p.name === 'order'))
        .map((p) => [p.name, p.schema?.default ?? null]),
    )
    operations.push({
      operationId: op.operationId,
      method: method.toUpperCase(),
      path: `/v1${rawPath.replace(/\{([^}]+)\}/g, ':$1')}`,
      status: Number(status ?? 200),
      contentType,
      response: name,
      ...(Object.keys(query).length > 0 ? { query } : {}),
    })
  }
}

while (pending.length > 0) {
  const name = pending.pop()
  if (!schemas[name]) {
    if (!components[name]) throw new Error(`schema ${name} is not in the spec`)
    schemas[name] = strip(components[name])
  }
  const refs = new Set()
  refsOf(schemas[name], refs)
  for (const ref of refs) if (!schemas[ref]) pending.push(ref)
}

operations.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
const sortedSchemas = Object.fromEntries(
  Object.keys(schemas)
    .sort()
    .map((name) => [name, schemas[name]]),
)
const text = `${JSON.stringify({ generated: 'scripts/generate-mock-routes.mjs', operations, schemas: sortedSchemas })}\n`
writeFileSync(outPath, text)
console.log(
  `${operations.length} operations, ${Object.keys(schemas).length} schemas, ${text.length} bytes -> ${outPath}`,
)
