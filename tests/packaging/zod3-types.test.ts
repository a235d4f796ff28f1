// An app on zod 3.25 compiles against the /zod subpaths: tsc checks a small app whose `zod`, `zod/v4` and
// `zod/v4/core` resolve to zod 3.25 (the `zod3` alias), with our sources. The run-time side is in the packages'
// zod-versions tests.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const dir = join(root, '.tmp', 'zod3-types')

const APP = `import { createClient } from '@acme/openai-core'
import { parseResponse, zodResponsesFunction, zodTextFormat } from '@acme/openai-responses/zod'
import { parseChatCompletion, zodFunction, zodResponseFormat } from '@acme/openai-chat/zod'
import { z } from 'zod/v4'

const Event = z.object({ name: z.string(), date: z.string() })
const client = createClient({ apiKey: 'x' })
export async function run() {
  const response = await parseResponse(client, { model: 'm', input: 'i', text: { format: zodTextFormat(Event, 'event') } })
  const name: string | undefined = response.output_parsed?.name
  const tool = zodResponsesFunction({ name: 'get', parameters: z.object({ city: z.string() }) })
  const chat = await parseChatCompletion(client, { model: 'm', messages: [], response_format: zodResponseFormat(Event, 'e') })
  const date: string | undefined = chat.choices[0].message.parsed?.date
  zodFunction({ name: 'f', parameters: z.object({ a: z.number() }) })
  return [name, tool, date]
}
`

describe('types with zod 3.25', () => {
  it('an app using zod/v4 of zod 3.25 typechecks against the /zod subpaths, with parsed results typed', () => {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'app.ts'), APP)
    const zod3 = '../../node_modules/zod3'
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../tsconfig.json',
        compilerOptions: {
          noEmit: true,
          paths: {
            zod: [`${zod3}/index.d.cts`],
            'zod/v4': [`${zod3}/v4/index.d.cts`],
            'zod/v4/core': [`${zod3}/v4/core/index.d.cts`],
            '@acme/openai-*/zod': ['../../packages/*/src/zod/index.ts'],
            '@acme/openai-*': ['../../packages/*/src/index.ts'],
          },
        },
        include: ['app.ts'],
      }),
    )
    const tsc = spawnSync(
      join(root, 'node_modules/.bin/tsc'),
      ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false', '--listFiles'],
      { encoding: 'utf8', timeout: 120_000 },
    )
    const lines = tsc.stdout.split('\n')
    const errors = lines.filter((l) => l.includes('error TS'))
    expect(errors).toEqual([])
    expect(tsc.status).toBe(0)
    // It really compiled against zod 3.25, and no zod 4 crept in.
    expect(lines.some((l) => /zod@3\.25\.\d+\/node_modules\/zod\/v4\/core\//.test(l))).toBe(true)
    expect(lines.some((l) => /zod@4\./.test(l))).toBe(false)
  }, 120_000)
})
