import { type $ZodType, type output, parse } from 'zod/v4/core'
import { parseStructuredJSON } from '../structured-output'
import type { AutoParseableTool } from '../types/parsed-chat-completion'
import { toStrictJSONSchema } from './to-strict-json-schema'

/** What `zodFunction` needs: the name and zod 4 schema of the arguments, and optionally the code to run. */
export interface ZodFunctionOptions<Parameters extends $ZodType, Result> {
  name: string
  parameters: Parameters
  /** Called by `runTools` with the validated arguments. */
  function?: (args: output<Parameters>) => Result | Promise<Result>
  description?: string
}

/**
 * A strict function tool whose arguments are described and validated by a zod 4 schema. Calls of it get
 * `parsed_arguments` from `parseChatCompletion`, and `runTools` calls `function` with them.
 *
 * @example
 * const getWeather = zodFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }), function: ({ city }) => lookUp(city) })
 */
// @__NO_SIDE_EFFECTS__
export function zodFunction<Parameters extends $ZodType, Result = unknown>(
  options: ZodFunctionOptions<Parameters, Result>,
): AutoParseableTool<output<Parameters>, Result> {
  const tool = {
    type: 'function',
    function: {
      name: options.name,
      parameters: toStrictJSONSchema(options.parameters),
      strict: true,
      ...(options.description ? { description: options.description } : {}),
    },
  }
  return Object.defineProperties(tool, {
    $brand: { value: 'auto-parseable-tool' },
    $parseRaw: { value: (args: string) => parse(options.parameters, parseStructuredJSON(args)) },
    $callback: { value: options.function },
  }) as unknown as AutoParseableTool<output<Parameters>, Result>
}
