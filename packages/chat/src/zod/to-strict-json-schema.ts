import { OpenAIError } from '@acme/openai-core'
import { type $ZodType, toJSONSchema } from 'zod/v4/core'

type Schema = Record<string, any>

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function isNullable(schema: unknown): boolean {
  if (!isObject(schema)) return false
  const { type } = schema
  return (
    type === 'null' ||
    (Array.isArray(type) && type.includes('null')) ||
    schema.nullable === true ||
    schema.const === null ||
    (Array.isArray(schema.enum) && schema.enum.includes(null)) ||
    (Array.isArray(schema.anyOf) && schema.anyOf.some(isNullable))
  )
}

function strictify(schema: unknown, path: string): void {
  if (!isObject(schema)) return
  const where = path || '<root>'
  // Strict mode has no `oneOf`; a discriminated union's branches exclude each other anyway.
  if (Array.isArray(schema.oneOf) && schema.anyOf === undefined) {
    schema.anyOf = schema.oneOf
    delete schema.oneOf
  }
  if (schema.type === 'object' || isObject(schema.properties)) {
    if (schema.additionalProperties === undefined) schema.additionalProperties = false
    else if (schema.additionalProperties !== false)
      throw new OpenAIError(
        `Object schema at \`${where}\` must set \`additionalProperties: false\` to be compatible with strict Structured Outputs.`,
      )
    const properties: Schema = isObject(schema.properties) ? schema.properties : {}
    const required: unknown[] = Array.isArray(schema.required) ? schema.required : []
    for (const key of Object.keys(properties))
      if (!required.includes(key) && !isNullable(properties[key]))
        throw new OpenAIError(
          `Schema field at \`${path ? `${path}/` : ''}properties/${key}\` uses \`.optional()\` without \`.nullable()\` which is not supported by the API. See: https://platform.openai.com/docs/guides/structured-outputs?api-mode=responses#all-fields-must-be-required`,
        )
    if (isObject(schema.properties)) schema.required = Object.keys(properties)
  }
  if (schema.default === null) delete schema.default
  const at = (key: string) => (path ? `${path}/${key}` : key)
  for (const key of ['properties', '$defs', 'definitions'])
    if (isObject(schema[key]))
      for (const [name, child] of Object.entries(schema[key])) strictify(child, `${at(key)}/${name}`)
  if (isObject(schema.items)) strictify(schema.items, at('items'))
  for (const key of ['anyOf', 'allOf'])
    if (Array.isArray(schema[key]))
      for (const [i, child] of (schema[key] as unknown[]).entries()) strictify(child, at(`${key}/${i}`))
}

/**
 * The JSON Schema (draft 7) of a zod 4 schema, made fit for strict Structured Outputs: every object closed
 * (`additionalProperties: false`) with all its properties required. An optional field that is not nullable
 * cannot be expressed and is refused with an error that names it.
 */
export function toStrictJSONSchema(schema: $ZodType): Record<string, unknown> {
  // A zod 3 classic schema has no `_zod` internals; say which import works on zod 3.25 and zod 4 alike.
  if (!isObject(schema) || !('_zod' in schema))
    throw new OpenAIError(
      `Structured outputs need a zod 4 schema. On zod 3.25 write import { z } from 'zod/v4' (the classic 'zod' entry of zod 3 is not supported).`,
    )
  // 'draft-7', not 'draft-07': zod 3.25's zod/v4 knows only the former (zod 4 accepts both).
  const json = toJSONSchema(schema, { target: 'draft-7' }) as Schema
  strictify(json, '')
  if (json.type !== 'object')
    throw new OpenAIError(
      `Root schema must have type: 'object' but got type: ${json.type ? `'${json.type}'` : 'undefined'}`,
    )
  return json
}
