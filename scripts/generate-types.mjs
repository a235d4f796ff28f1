#!/usr/bin/env node
// Emits TypeScript types for some schemas of an OpenAPI document and every schema they reach.
//
//   node scripts/generate-types.mjs <openapi.yaml> <out.ts> <Schema> [<Schema> ...] [--rename From=To ...]
//
// Run by hand when the spec changes; the output is committed and nothing reads the spec at build or test time.
// Only structure is carried over (names, types, enums, required-ness, deprecation): never descriptions, titles
// or examples. Schemas are emitted in alphabetical order so a regeneration diffs cleanly. The file is then
// formatted with the repo's Biome setup when Biome is installed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// Also imported by generate-operations.mjs, which reuses the emitter; only the command line runs main().
const isMain = process.argv[1] === fileURLToPath(import.meta.url)

function usage(message) {
  if (!isMain) throw new Error(message)
  console.error(`${message}
usage: node scripts/generate-types.mjs <openapi.yaml> <out.ts> <Schema> [<Schema> ...] [--rename From=To ...]
example: node scripts/generate-types.mjs ../shared/openapi/openapi.yaml \\
  packages/responses/src/generated/types.ts CreateResponse Response ResponseStreamEvent ResponseItemList \\
  TokenCountsBody TokenCountsResource CompactResponseMethodPublicBody CompactResource`)
  process.exit(2)
}

function parseArgs(argv) {
  const positional = []
  const renames = new Map()
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rename') {
      const [from, to] = String(argv[++i] ?? '').split('=')
      if (!from || !to) usage('--rename takes From=To')
      renames.set(from, to)
    } else positional.push(argv[i])
  }
  const [specPath, outPath, ...roots] = positional
  if (!specPath || !outPath || roots.length === 0) usage('missing arguments')
  return { specPath, outPath, roots, renames }
}

export const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** A spec schema name as a TypeScript identifier (`ConversationParam-2` -> `ConversationParam2`). */
export function typeName(name, renames) {
  if (renames.has(name)) return renames.get(name)
  const cleaned = name.replace(/[^A-Za-z0-9_$]+(.)?/g, (_, c = '') => c.toUpperCase())
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned
}

const quote = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`
const literal = (v) => (typeof v === 'string' ? quote(v) : v === null ? 'null' : JSON.stringify(v))
const propertyKey = (k) => (IDENTIFIER.test(k) ? k : quote(k))
export const refName = (ref) => decodeURIComponent(ref.split('/').pop())

/** Collects the schema names reachable from the roots through `$ref`. */
export function reachable(schemas, roots) {
  const seen = new Set()
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    if (typeof node.$ref === 'string') {
      const name = refName(node.$ref)
      if (!schemas[name]) throw new Error(`unresolved $ref ${node.$ref}`)
      if (!seen.has(name)) {
        seen.add(name)
        visit(schemas[name])
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples' || key === 'default' || key === 'enum' || key === 'const')
        continue
      visit(value)
    }
  }
  for (const name of roots) {
    if (!schemas[name]) usage(`no schema named ${name} in components.schemas`)
    seen.add(name)
    visit(schemas[name])
  }
  return [...seen].sort()
}

export function createEmitter(schemas, renames) {
  let current = '' // the named schema being emitted, for `$recursiveRef: '#'`

  const resolve = (schema) => (schema?.$ref ? schemas[refName(schema.$ref)] : schema)

  /** The properties/required/extra of an object schema (allOf merged), or null when it is not a plain object. */
  function objectShape(schema, depth = 0) {
    if (!schema || typeof schema !== 'object' || depth > 20) return null
    if (schema.$ref) return objectShape(resolve(schema), depth + 1)
    if (schema.anyOf || schema.oneOf || schema.enum || schema.const !== undefined) return null
    const shape = { properties: {}, required: new Set(), extra: undefined, deprecated: new Set() }
    if (schema.allOf) {
      for (const part of schema.allOf) {
        const sub = objectShape(part, depth + 1)
        if (!sub) return null
        Object.assign(shape.properties, sub.properties)
        for (const r of sub.required) shape.required.add(r)
        for (const d of sub.deprecated) shape.deprecated.add(d)
        if (sub.extra !== undefined) shape.extra = sub.extra
      }
    }
    const isObject = schema.type === 'object' || schema.properties || schema.allOf
    if (!isObject) return null
    for (const [key, value] of Object.entries(schema.properties ?? {})) {
      shape.properties[key] = value
      if (value?.deprecated) shape.deprecated.add(key)
      else shape.deprecated.delete(key)
    }
    for (const r of schema.required ?? []) shape.required.add(r)
    if (schema.additionalProperties !== undefined) shape.extra = schema.additionalProperties
    return shape
  }

  function objectType(shape, indent) {
    const keys = Object.keys(shape.properties)
    const hasExtra = shape.extra !== undefined && shape.extra !== false
    if (keys.length === 0) {
      if (shape.extra === false) return 'Record<string, never>'
      return `Record<string, ${hasExtra ? valueType(shape.extra, indent) : 'unknown'}>`
    }
    const pad = '  '.repeat(indent + 1)
    const lines = keys.map((key) => {
      const optional = shape.required.has(key) ? '' : '?'
      const doc = shape.deprecated.has(key) ? `${pad}/** @deprecated */\n` : ''
      return `${doc}${pad}${propertyKey(key)}${optional}: ${tsType(shape.properties[key], indent + 1)}`
    })
    if (hasExtra) lines.push(`${pad}[key: string]: unknown`)
    return `{\n${lines.join('\n')}\n${'  '.repeat(indent)}}`
  }

  const valueType = (schema, indent) =>
    schema === true || (schema && typeof schema === 'object' && Object.keys(schema).length === 0)
      ? 'unknown'
      : tsType(schema, indent)

  function union(members) {
    const flat = [...new Set(members.flatMap((m) => splitTopLevelUnion(m)))]
    if (flat.includes('unknown')) return 'unknown'
    // `string` next to string literals would swallow them; `string & {}` keeps editor completion.
    if (flat.includes('string') && flat.some((m) => m.startsWith("'")))
      flat[flat.indexOf('string')] = '(string & {})'
    return flat.length === 1 ? flat[0] : flat.join(' | ')
  }

  // Splits `A | B` at depth 0 so nested unions flatten and dedupe.
  function splitTopLevelUnion(type) {
    const parts = []
    let depth = 0
    let quoted = false
    let start = 0
    for (let i = 0; i < type.length; i++) {
      const c = type[i]
      if (quoted) {
        if (c === '\\') i++
        else if (c === "'") quoted = false
      } else if (c === "'") quoted = true
      else if ('{(<['.includes(c)) depth++
      else if ('})>]'.includes(c)) depth--
      else if (c === '|' && depth === 0) {
        parts.push(type.slice(start, i).trim())
        start = i + 1
      }
    }
    parts.push(type.slice(start).trim())
    return parts.filter(Boolean)
  }

  const needsParens = (type) => splitTopLevelUnion(type).length > 1 || / & /.test(type)

  function arrayOf(items, indent) {
    const inner = items === undefined ? 'unknown' : valueType(items, indent)
    return needsParens(inner) || inner.includes('\n') ? `Array<${inner}>` : `${inner}[]`
  }

  function primitive(type, schema, indent) {
    switch (type) {
      case 'string':
        return schema.format === 'binary' ? 'Blob' : 'string'
      case 'integer':
      case 'number':
        return 'number'
      case 'boolean':
        return 'boolean'
      case 'null':
        return 'null'
      case 'array':
        return arrayOf(schema.items, indent)
      case 'object':
        return objectType(objectShape({ ...schema, type: 'object' }), indent)
      default:
        return 'unknown'
    }
  }

  /** The TypeScript type of a schema, inline. */
  function tsType(schema, indent = 0) {
    if (schema === true || schema === undefined) return 'unknown'
    if (schema === false) return 'never'
    if (schema.$recursiveRef) return typeName(current, renames)
    let type
    if (schema.$ref) type = typeName(refName(schema.$ref), renames)
    else if (schema.const !== undefined) type = literal(schema.const)
    else if (Array.isArray(schema.enum)) type = union(schema.enum.map(literal))
    else if (schema.anyOf || schema.oneOf) {
      type = union((schema.anyOf ?? schema.oneOf).map((s) => tsType(s, indent)))
      const own = schema.properties ? objectShape({ ...schema, anyOf: undefined, oneOf: undefined }) : null
      if (own) type = `${objectType(own, indent)} & (${type})`
    } else if (schema.allOf) {
      const shape = objectShape(schema)
      type = shape
        ? objectType(shape, indent)
        : schema.allOf
            .map((s) => tsType(s, indent))
            .map((t) => (needsParens(t) ? `(${t})` : t))
            .join(' & ')
    } else if (Array.isArray(schema.type)) type = union(schema.type.map((t) => primitive(t, schema, indent)))
    else if (schema.type) type = primitive(schema.type, schema, indent)
    else if (schema.properties || schema.additionalProperties !== undefined)
      type = primitive('object', schema, indent)
    else type = 'unknown'
    return schema.nullable === true ? union([type, 'null']) : type
  }

  /** `export interface` for plain objects, `export type` for everything else. */
  function declaration(name) {
    current = name
    const schema = schemas[name]
    const id = typeName(name, renames)
    const shape = schema.nullable ? null : objectShape(schema)
    if (shape && Object.keys(shape.properties).length > 0)
      return `export interface ${id} ${objectType(shape, 0)}\n`
    return `export type ${id} = ${tsType(schema, 0)}\n`
  }

  return { declaration, tsType, objectShape }
}

function main() {
  const { specPath, outPath, roots, renames } = parseArgs(process.argv.slice(2))
  const doc = parse(readFileSync(specPath, 'utf8'), { maxAliasCount: -1 })
  const schemas = doc?.components?.schemas
  if (!schemas) usage(`${specPath} has no components.schemas`)
  const names = reachable(schemas, roots)
  const ids = new Map()
  for (const name of names) {
    const id = typeName(name, renames)
    if (ids.has(id)) throw new Error(`schemas ${ids.get(id)} and ${name} both map to ${id}; pass --rename`)
    ids.set(id, name)
  }
  const { declaration } = createEmitter(schemas, renames)
  const renameArgs = [...renames].map(([from, to]) => ` --rename ${from}=${to}`).join('')
  const header = [
    '// Generated by scripts/generate-types.mjs from the OpenAI OpenAPI spec. Do not edit by hand; regenerate with',
    `// node scripts/generate-types.mjs <openapi.yaml> ${relative(root, outPath) || outPath} ${roots.join(' ')}${renameArgs}`,
    '',
  ].join('\n')
  mkdirSync(dirname(outPath), { recursive: true })
  writeFileSync(outPath, `${header}\n${names.map(declaration).join('\n')}`)
  const biome = join(root, 'node_modules', '.bin', 'biome')
  if (existsSync(biome)) {
    const result = spawnSync(biome, ['format', '--write', outPath], { stdio: 'inherit' })
    if (result.status !== 0) console.error('biome format failed; the file is written unformatted')
  }
  console.log(`wrote ${names.length} types to ${outPath}`)
}

if (isMain) main()
