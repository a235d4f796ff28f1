import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importWithZod, type ZodCopy, zodVersion } from '../../../../tests/support/bundle-with-zod'
import { client, mock, useMockClient } from '../../../../tests/support/mock-client'

useMockClient()

// The program an app on either zod would write: schemas from `zod/v4` (zod 4 and zod 3.25 both have it) and from
// `zod/v4/mini`, then the helpers of this subpath.
const PROGRAM = `
import { z } from 'zod/v4'
import * as zm from 'zod/v4/mini'
import { parseResponse, zodResponsesFunction, zodTextFormat } from './index'
export const Event = z.object({ name: z.string(), date: z.string(), participants: z.array(z.string()) })
export const format = zodTextFormat(Event, 'event')
export const miniFormat = zodTextFormat(zm.object({ city: zm.string() }), 'city')
export const tool = zodResponsesFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }) })
export const nullable = zodTextFormat(z.object({ note: z.string().nullable() }), 'note')
export const optionalRefused = () => zodTextFormat(z.object({ a: z.string().optional() }), 'bad')
export const parse = (client, params) => parseResponse(client, params)
`

type Program = {
  format: { type: string; name: string; strict: boolean; schema: Record<string, unknown> }
  miniFormat: { schema: Record<string, unknown> }
  tool: { type: string; name: string; strict: boolean; parameters: Record<string, unknown> }
  nullable: { schema: { required: string[] } }
  optionalRefused: () => unknown
  parse: (client: unknown, params: unknown) => Promise<any>
}

const dir = fileURLToPath(new URL('.', import.meta.url))
const EVENT_SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    date: { type: 'string' },
    participants: { type: 'array', items: { type: 'string' } },
  },
  required: ['name', 'date', 'participants'],
  additionalProperties: false,
}

it('accepts zod 3.25 and zod 4 as the optional peer, as the official SDK does', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
  expect(manifest.peerDependencies.zod).toBe('^3.25.0 || ^4.0.0')
  expect(manifest.peerDependenciesMeta.zod.optional).toBe(true)
})

describe.each<[ZodCopy, RegExp]>([
  ['zod4', /^4\./],
  ['zod3', /^3\.25\./],
])('@acme/openai-responses/zod with %s', (copy, version) => {
  it('runs on that zod version', async () => {
    expect(await zodVersion(copy)).toMatch(version)
  })

  it('builds the same strict text format and function tool from zod/v4 and zod/v4/mini schemas', async () => {
    const program = await importWithZod<Program>(PROGRAM, dir, copy)
    expect(program.format).toMatchObject({ type: 'json_schema', name: 'event', strict: true })
    expect(program.format.schema).toMatchObject(EVENT_SCHEMA)
    expect(program.miniFormat.schema).toMatchObject({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    })
    expect(program.tool).toMatchObject({ type: 'function', name: 'get_weather', strict: true })
    expect(program.tool.parameters).toMatchObject({ required: ['city'], additionalProperties: false })
    expect(program.nullable.schema.required).toEqual(['note'])
    expect(program.optionalRefused).toThrow(/\.nullable\(\)/)
  })

  it.runIf(copy === 'zod3')('refuses a zod 3 classic schema with the import to use', async () => {
    const classic = await importWithZod<{ build: () => unknown }>(
      `import { z } from 'zod'\nimport { zodTextFormat } from './index'\nexport const build = () => zodTextFormat(z.object({ a: z.string() }), 'x')`,
      dir,
      copy,
    )
    expect(classic.build).toThrow(
      "zodTextFormat needs a zod 4 schema. On zod 3.25 write import { z } from 'zod/v4'",
    )
  })

  it('parses a response against the mock with that zod', async () => {
    const program = await importWithZod<Program>(PROGRAM, dir, copy)
    const response = await program.parse(client, {
      model: 'gpt-5.4',
      input: 'Alice and Bob are going to a science fair on Friday.',
      text: { format: program.format },
    })
    expect(response.output_parsed).toEqual({ name: 'example', date: 'example', participants: [] })
    expect((mock.requests[0].json as any).text.format.schema).toEqual(program.format.schema)
  })
})
