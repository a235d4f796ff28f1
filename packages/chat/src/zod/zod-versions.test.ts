import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importWithZod, type ZodCopy, zodVersion } from '../../../../tests/support/bundle-with-zod'
import { client, mock, useMockClient } from '../../../../tests/support/mock-client'

useMockClient()

// What an app on either zod writes: schemas from `zod/v4` or `zod/v4/mini` (both exist in zod 4 and zod 3.25).
const PROGRAM = `
import { z } from 'zod/v4'
import * as zm from 'zod/v4/mini'
import { parseChatCompletion, zodFunction, zodResponseFormat } from './index'
const City = z.object({ city: z.string(), population: z.number(), landmarks: z.array(z.string()) })
export const format = zodResponseFormat(City, 'city_facts')
export const miniFormat = zodResponseFormat(zm.object({ city: zm.string() }), 'city')
export const tool = zodFunction({ name: 'get_weather', parameters: z.object({ city: z.string() }) })
export const optionalRefused = () => zodResponseFormat(z.object({ a: z.string().optional() }), 'bad')
export const parse = (client, params) => parseChatCompletion(client, params)
`
const CLASSIC = `
import { z } from 'zod'
import { zodResponseFormat } from './index'
export const build = () => zodResponseFormat(z.object({ a: z.string() }), 'x')
`

type Program = {
  format: { type: string; json_schema: { name: string; strict: boolean; schema: Record<string, unknown> } }
  miniFormat: { json_schema: { schema: Record<string, unknown> } }
  tool: { type: string; function: { name: string; strict: boolean; parameters: Record<string, unknown> } }
  optionalRefused: () => unknown
  parse: (client: unknown, params: unknown) => Promise<any>
}

const dir = fileURLToPath(new URL('.', import.meta.url))

it('accepts zod 3.25 and zod 4 as the optional peer, as the official SDK does', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
  expect(manifest.peerDependencies.zod).toBe('^3.25.0 || ^4.0.0')
  expect(manifest.peerDependenciesMeta.zod.optional).toBe(true)
})

describe.each<[ZodCopy, RegExp]>([
  ['zod4', /^4\./],
  ['zod3', /^3\.25\./],
])('@acme/openai-chat/zod with %s', (copy, version) => {
  it('runs on that zod version', async () => {
    expect(await zodVersion(copy)).toMatch(version)
  })

  it('builds strict draft-7 schemas from zod/v4 and zod/v4/mini schemas', async () => {
    const program = await importWithZod<Program>(PROGRAM, dir, copy)
    expect(program.format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'city_facts', strict: true },
    })
    expect(program.format.json_schema.schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      required: ['city', 'population', 'landmarks'],
      additionalProperties: false,
    })
    expect(program.miniFormat.json_schema.schema).toMatchObject({
      properties: { city: { type: 'string' } },
      additionalProperties: false,
    })
    expect(program.tool).toMatchObject({ type: 'function', function: { name: 'get_weather', strict: true } })
    expect(program.optionalRefused).toThrow(/optional/)
  })

  it('parses a completion against the mock with that zod', async () => {
    const program = await importWithZod<Program>(PROGRAM, dir, copy)
    const completion = await program.parse(client, {
      model: 'gpt-5.4',
      messages: [{ role: 'user', content: 'Facts about the capital of France' }],
      response_format: program.format,
    })
    expect(completion.choices[0].message.parsed).toEqual({ city: 'Paris', population: 1, landmarks: [] })
    expect((mock.requests[0].json as any).response_format).toEqual(JSON.parse(JSON.stringify(program.format)))
  })

  it.runIf(copy === 'zod3')('refuses a zod 3 classic schema with the import to use', async () => {
    const classic = await importWithZod<{ build: () => unknown }>(CLASSIC, dir, copy)
    expect(classic.build).toThrow("On zod 3.25 write import { z } from 'zod/v4'")
  })
})
