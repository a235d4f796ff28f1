import { isRecord } from '../is-record'
import { SCHEMAS, type TableSchema } from './route-table'

const MAX_DEPTH = 40

/** The table schema a `$ref` names (`#/schemas/<name>`), or `undefined`. */
export function resolveSchema(schema: TableSchema): TableSchema | undefined {
  return schema.$ref ? SCHEMAS[schema.$ref.slice('#/schemas/'.length)] : schema
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null
    case 'string':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'array':
      return Array.isArray(value)
    case 'object':
      return isRecord(value)
    default:
      return true
  }
}

function check(schema: TableSchema | undefined, value: unknown, at: string, depth: number): string | null {
  if (!schema || schema.any || depth > MAX_DEPTH) return null
  if (schema.$ref) {
    const target = resolveSchema(schema)
    return target ? check(target, value, at, depth + 1) : `${at}: unknown schema ${schema.$ref}`
  }
  if (value === null && schema.nullable) return null
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value))
    return `${at}: expected ${JSON.stringify(schema.const)}`
  if (schema.enum && !schema.enum.some((e) => e === value))
    return `${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`
  // `oneOf` is checked like `anyOf`: the spec's unions are discriminated by a `type` const, so the
  // branch that matches is the one meant.
  const branches = schema.anyOf ?? schema.oneOf
  if (branches) {
    const problems = branches.map((b) => check(b, value, at, depth + 1))
    if (problems.every((p) => p !== null)) return problems.find((p) => p !== null) ?? null
  }
  for (const part of schema.allOf ?? []) {
    const problem = check(part, value, at, depth + 1)
    if (problem) return problem
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]
  if (types.length > 0 && !types.some((t) => typeMatches(t, value)))
    return `${at}: expected ${types.join(' or ')}, got ${value === null ? 'null' : typeof value}`
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const problem = check(schema.items, value[i], `${at}[${i}]`, depth + 1)
      if (problem) return problem
    }
  }
  if (isRecord(value)) return checkObject(schema, value, at, depth)
  return null
}

function checkObject(schema: TableSchema, value: Record<string, unknown>, at: string, depth: number) {
  for (const name of schema.required ?? [])
    if (!(name in value) && (schema.properties || schema.type === 'object'))
      return `${at}: missing required property '${name}'`
  for (const [name, item] of Object.entries(value)) {
    const property = schema.properties?.[name]
    if (property) {
      const problem = check(property, item, `${at}.${name}`, depth + 1)
      if (problem) return problem
    } else if (schema.additionalProperties === false && schema.properties)
      return `${at}: unexpected property '${name}'`
    else if (isRecord(schema.additionalProperties)) {
      const problem = check(schema.additionalProperties, item, `${at}.${name}`, depth + 1)
      if (problem) return problem
    }
  }
  return null
}

/**
 * Why `value` does not match the table schema `name` (the first problem, with its JSON path), or `null` when it
 * does. Checks types, `required`, `const`, `enum`, unions, `items` and closed objects; not lengths or formats.
 */
export function schemaProblem(name: string, value: unknown): string | null {
  const schema = SCHEMAS[name]
  if (!schema) return `unknown schema ${name}`
  return check(schema, value, '$', 0)
}

/** Whether `value` fits the property `property` of the table schema `name` (an unknown property never fits). */
export function fitsProperty(name: string, property: string, value: unknown): boolean {
  const schema = SCHEMAS[name]
  const target = schema?.properties?.[property] ?? findProperty(schema, property)
  return target !== undefined && check(target, value, '$', 0) === null
}

function findProperty(schema: TableSchema | undefined, property: string): TableSchema | undefined {
  for (const part of schema?.allOf ?? []) {
    const found = resolveSchema(part)?.properties?.[property] ?? findProperty(resolveSchema(part), property)
    if (found) return found
  }
  return undefined
}
