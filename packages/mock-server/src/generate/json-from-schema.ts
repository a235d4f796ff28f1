type Schema = Record<string, unknown>

const MAX_DEPTH = 16

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function resolveRef(ref: string, root: unknown): unknown {
  if (!ref.startsWith('#')) return undefined
  let node: unknown = root
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~')
    node = isSchema(node) ? node[key] : undefined
  }
  return node
}

function stringFor(key: string): string {
  return /city|location|place|town/i.test(key) ? 'Paris' : 'example'
}

function valueFor(schema: unknown, root: unknown, depth: number, key: string): unknown {
  if (!isSchema(schema) || depth > MAX_DEPTH) return null
  if (typeof schema.$ref === 'string') return valueFor(resolveRef(schema.$ref, root), root, depth + 1, key)
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined
  if (Array.isArray(branches) && branches.length > 0) {
    const branch = branches.find((b) => !(isSchema(b) && b.type === 'null')) ?? branches[0]
    return valueFor(branch, root, depth + 1, key)
  }
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => valueFor(part, root, depth + 1, key))
    return parts.every(isSchema) ? Object.assign({}, ...parts) : (parts[0] ?? null)
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : types[0])
  switch (type) {
    case 'object': {
      const properties = isSchema(schema.properties) ? schema.properties : {}
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
      const result: Record<string, unknown> = {}
      for (const name of required) result[name] = valueFor(properties[name], root, depth + 1, name)
      return result
    }
    case 'string':
      return stringFor(key)
    case 'number':
    case 'integer':
      return 1
    case 'boolean':
      return true
    case 'array':
      return []
    default:
      return null
  }
}

/**
 * A small value matching a JSON Schema: required properties only, strings `'example'` (`'Paris'` for
 * location-like names), numbers 1, booleans true, arrays empty, first `enum`/`anyOf` choice, local `$ref`s.
 */
export function jsonFromSchema(schema: unknown): unknown {
  return valueFor(schema, schema, 0, '')
}
