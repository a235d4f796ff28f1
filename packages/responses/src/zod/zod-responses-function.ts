import { OpenAIError } from '@acme/openai-core'
import { type $ZodType, type output, parse } from 'zod/v4/core'
import type { FunctionTool } from '../generated/types'
import { ResponseParseError } from './parse-errors'
import { _zodToStrictJsonSchema } from './strict-json-schema'

/** What `zodResponsesFunction` takes: the function's name, the zod 4 schema of its arguments, and optional extras. */
export interface ZodResponsesFunctionOptions<Parameters extends $ZodType, Name extends string> {
  name: Name
  parameters: Parameters
  description?: string
  /** Not sent: kept as `$callback` for code that runs the tool; parsing never calls it. */
  function?: (args: output<Parameters>) => unknown
  /** Load the function only once tool search finds it. */
  defer_loading?: boolean
}

/** A strict `function` tool that also knows how to parse and validate the arguments of its calls. */
export interface AutoParseableResponseTool<Args, Name extends string = string> extends FunctionTool {
  name: Name
  /** Not sent: marks a tool whose calls `parseResponse` parses into `parsed_arguments`. */
  readonly $brand: 'auto-parseable-tool'
  /** Not sent: `JSON.parse` then schema validation of a call's `arguments`. */
  $parseRaw(args: string): Args
  /** Not sent: the `function` option. */
  readonly $callback: ((args: Args) => unknown) | undefined
}

/**
 * A strict function tool for `createResponse`/`parseResponse`/`streamParsedResponse` whose arguments are described
 * and validated by a zod 4 schema (classic or mini), like the official `zodResponsesFunction`. Calls of it get
 * `parsed_arguments`, typed by the schema.
 *
 * @example
 * const getWeather = zodResponsesFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }) })
 * const response = await parseResponse(client, { model, input: 'Weather in Paris?', tools: [getWeather] })
 * for (const item of response.output) if (item.type === 'function_call') item.parsed_arguments.city
 */
// @__NO_SIDE_EFFECTS__
export function zodResponsesFunction<Parameters extends $ZodType, const Name extends string>(
  options: ZodResponsesFunctionOptions<Parameters, Name>,
): AutoParseableResponseTool<output<Parameters>, Name> {
  const { name, parameters } = options
  const schema = _zodToStrictJsonSchema(parameters, 'zodResponsesFunction')
  if (schema.type !== 'object' || schema.anyOf)
    throw new OpenAIError(
      `zodResponsesFunction needs an object schema for the ${name} parameters (strict function tools), got ${schema.type ?? 'a union'}. Wrap it: z.object({ value: schema }).`,
    )
  // The official helper's keys and order, so the request body is the same.
  const tool = {
    type: 'function',
    name,
    parameters: schema,
    strict: true,
    ...(options.defer_loading === undefined ? {} : { defer_loading: options.defer_loading }),
    ...(options.description ? { description: options.description } : {}),
  }
  // Non-enumerable, so JSON.stringify sends only the API's fields.
  return Object.defineProperties(tool, {
    $brand: { value: 'auto-parseable-tool' },
    $callback: { value: options.function },
    $parseRaw: {
      value(args: string): output<Parameters> {
        let json: unknown
        try {
          json = JSON.parse(args)
        } catch (cause) {
          // The arguments are the model's output: never quote them in the message.
          throw new ResponseParseError(`The arguments of the ${name} call are not valid JSON.`, { cause })
        }
        try {
          return parse(parameters, json)
        } catch (cause) {
          throw new ResponseParseError(
            `The arguments of the ${name} call do not match its parameters schema; see \`cause\` for the issues.`,
            { cause },
          )
        }
      },
    },
  }) as unknown as AutoParseableResponseTool<output<Parameters>, Name>
}
