import { OpenAIError } from '@acme/openai-core'
import { type $ZodType, toJSONSchema } from 'zod/v4/core'

type Schema = Record<string, any>

const CHILD_MAPS = ['properties', '$defs', 'definitions']
const CHILD_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems']

const isNullable = (s: Schema): boolean =>
  s.type === 'null' ||
  (Array.isArray(s.type) && s.type.includes('null')) ||
  (Array.isArray(s.anyOf) && s.anyOf.some(isNullable))

/**
 * Makes a JSON Schema fit strict Structured Outputs the way the official client does: every object closed
 * (`additionalProperties: false`) with all its properties required, `oneOf` as `anyOf`. An optional property
 * that is not nullable cannot be expressed and is refused with a clear error. Changes `schema` in place.
 * @internal
 */
export function _toStrictJsonSchema(schema: Schema, path = '#'): Schema {
  if (schema.oneOf && !schema.anyOf) {
    schema.anyOf = schema.oneOf
    delete schema.oneOf
  }
  if (schema.type === 'object' || schema.properties) {
    if (schema.additionalProperties === undefined) schema.additionalProperties = false
    else if (schema.additionalProperties !== false)
      throw new OpenAIError(
        `Strict structured outputs need closed objects, but the schema at ${path} allows extra properties (a record or loose object). Use a z.object with known keys.`,
      )
    const properties: Schema = schema.properties ?? {}
    const required = new Set<string>(schema.required ?? [])
    for (const [key, value] of Object.entries(properties))
      if (!required.has(key) && !isNullable(value))
        throw new OpenAIError(
          `Strict structured outputs need every property, but ${path}/properties/${key} is optional. Use .nullable() instead of .optional().`,
        )
    schema.required = Object.keys(properties)
  }
  for (const key of CHILD_MAPS)
    for (const [name, child] of Object.entries<Schema>(schema[key] ?? {}))
      _toStrictJsonSchema(child, `${path}/${key}/${name}`)
  for (const key of CHILD_LISTS)
    if (Array.isArray(schema[key]))
      for (const [i, child] of schema[key].entries()) _toStrictJsonSchema(child, `${path}/${key}/${i}`)
  if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items))
    _toStrictJsonSchema(schema.items, `${path}/items`)
  return schema
}

/**
 * The strict JSON Schema (draft 7) of a zod schema. Refuses a zod 3 classic schema (`import { z } from 'zod'` on
 * zod 3), which has no `_zod` internals, with the import that works on zod 3.25 and zod 4 alike.
 * @internal
 */
export function _zodToStrictJsonSchema(schema: $ZodType, caller: string): Schema {
  if (typeof schema !== 'object' || schema === null || !('_zod' in schema))
    throw new OpenAIError(
      `${caller} needs a zod 4 schema. On zod 3.25 write import { z } from 'zod/v4' (the classic 'zod' entry of zod 3 is not supported).`,
    )
  return _toStrictJsonSchema(toJSONSchema(schema, { target: 'draft-7' }) as Schema)
}
