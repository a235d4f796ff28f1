import { OpenAIError } from '@acme/openai-core'
import { type $ZodType, type output, parse } from 'zod/v4/core'
import type { TextResponseFormatJsonSchema } from '../generated/types'
import { ResponseParseError } from './parse-errors'
import { _zodToStrictJsonSchema } from './strict-json-schema'

/** A `json_schema` text format that also knows how to parse and validate the model's output. */
export interface AutoParseableTextFormat<T> extends TextResponseFormatJsonSchema {
  /** Not sent: marks a format `parseResponse` can parse. */
  readonly $brand: 'auto-parseable-response-format'
  /** Not sent: `JSON.parse` then schema validation. */
  $parseRaw(content: string): T
}

/**
 * A strict `text.format` for `createResponse`/`parseResponse` from a zod 4 schema (classic or mini), with the
 * JSON Schema zod itself generates. `parseResponse` then validates the output into `output_parsed`.
 *
 * @example
 * const Event = z.object({ name: z.string(), date: z.string() })
 * const response = await parseResponse(client, { model, input, text: { format: zodTextFormat(Event, 'event') } })
 * response.output_parsed // { name, date }
 */
// @__NO_SIDE_EFFECTS__
export function zodTextFormat<S extends $ZodType>(
  schema: S,
  name: string,
  props?: Omit<TextResponseFormatJsonSchema, 'type' | 'name' | 'schema' | 'strict'>,
): AutoParseableTextFormat<output<S>> {
  const jsonSchema = _zodToStrictJsonSchema(schema, 'zodTextFormat')
  if (jsonSchema.type !== 'object' || jsonSchema.anyOf)
    throw new OpenAIError(
      `zodTextFormat needs an object schema at the root (strict structured outputs), got ${jsonSchema.type ?? 'a union'}. Wrap it: z.object({ value: schema }).`,
    )
  const format = { type: 'json_schema', ...props, name, strict: true, schema: jsonSchema }
  // Non-enumerable, so JSON.stringify sends only the API's fields.
  return Object.defineProperties(format, {
    $brand: { value: 'auto-parseable-response-format' },
    $parseRaw: {
      value(content: string): output<S> {
        let json: unknown
        try {
          json = JSON.parse(content)
        } catch (cause) {
          // The content is the model's output: never quote it in the message.
          throw new ResponseParseError('The structured output is not valid JSON.', { cause })
        }
        try {
          return parse(schema, json)
        } catch (cause) {
          throw new ResponseParseError(
            `The structured output does not match the ${name} schema; see \`cause\` for the issues.`,
            { cause },
          )
        }
      },
    },
  }) as AutoParseableTextFormat<output<S>>
}
