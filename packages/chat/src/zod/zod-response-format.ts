import { type $ZodType, type output, parse } from 'zod/v4/core'
import { parseStructuredJSON } from '../structured-output'
import type { ResponseFormatJSONSchema } from '../types/chat-completion-params'
import type { AutoParseableResponseFormat } from '../types/parsed-chat-completion'
import { toStrictJSONSchema } from './to-strict-json-schema'

/**
 * A strict `json_schema` response format from a zod 4 schema (classic or mini). `parseChatCompletion`,
 * `streamChatCompletion` and `runTools` use it to give `message.parsed`, validated by the schema.
 *
 * @example
 * const format = zodResponseFormat(z.object({ city: z.string(), population: z.number() }), 'city')
 * const completion = await parseChatCompletion(client, { model: 'gpt-5.4', messages, response_format: format })
 * completion.choices[0].message.parsed?.city
 */
// @__NO_SIDE_EFFECTS__
export function zodResponseFormat<Schema extends $ZodType>(
  schema: Schema,
  name: string,
  props?: Omit<ResponseFormatJSONSchema['json_schema'], 'schema' | 'strict' | 'name'>,
): AutoParseableResponseFormat<output<Schema>> {
  const format = {
    type: 'json_schema',
    json_schema: { ...props, name, strict: true, schema: toStrictJSONSchema(schema) },
  }
  // Not enumerable: JSON.stringify leaves them out of the request body.
  return Object.defineProperties(format, {
    $brand: { value: 'auto-parseable-response-format' },
    $parseRaw: { value: (content: string) => parse(schema, parseStructuredJSON(content)) },
  }) as unknown as AutoParseableResponseFormat<output<Schema>>
}
