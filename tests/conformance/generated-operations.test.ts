// Conformance of every generated operation (scripts/operations.table.mjs): the official `openai` client and ours
// make the same call against one recording mock server; method, path, query, JSON body, auth, content type, accept
// and `openai-beta` must agree. One row per operation, built from the table: the official method is the row's SDK
// path, called the SDK's way (last path parameter first, the others inside params); ours is the generated function
// with every id positional. Params are the row's example body plus a sample value for each query parameter of the
// committed spec snapshot.
import { readFileSync } from 'node:fs'
import * as audio from '@acme/openai-audio'
import * as batches from '@acme/openai-batches'
import * as chatkit from '@acme/openai-chatkit'
import * as completions from '@acme/openai-completions'
import * as containers from '@acme/openai-containers'
import * as contentProvenance from '@acme/openai-content-provenance'
import * as conversations from '@acme/openai-conversations'
import { createClient } from '@acme/openai-core'
import * as evals from '@acme/openai-evals'
import * as fineTuning from '@acme/openai-fine-tuning'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import * as models from '@acme/openai-models'
import * as moderations from '@acme/openai-moderations'
import * as realtime from '@acme/openai-realtime'
import * as responsesBeta from '@acme/openai-responses/beta'
import * as skills from '@acme/openai-skills'
import * as vectorStores from '@acme/openai-vector-stores'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { functionName } from '../../scripts/operations/names.mjs'
import { table } from '../../scripts/operations.table.mjs'
import { multipartEssentials } from './multipart'
import { recordOne } from './recorded'

const surfaces: Record<string, Record<string, unknown>> = {
  audio,
  batches,
  chatkit,
  completions,
  containers,
  'content-provenance': contentProvenance,
  conversations,
  evals,
  'fine-tuning': fineTuning,
  models,
  moderations,
  realtime,
  'responses/beta': responsesBeta,
  skills,
  'vector-stores': vectorStores,
}

interface Parameter {
  name: string
  in: string
  schema: Record<string, any>
}
const snapshot = JSON.parse(
  readFileSync(new URL('../../scripts/openapi.snapshot.json', import.meta.url), 'utf8'),
)

/** A plausible value of a query parameter's schema. */
function sample(name: string, schema: Record<string, any>): unknown {
  if (name === 'after') return 'cursor_1'
  if (name === 'limit') return 2
  if (schema.anyOf || schema.oneOf) return sample(name, (schema.anyOf ?? schema.oneOf)[0])
  if (schema.$ref) return sample(name, snapshot.schemas[schema.$ref.split('/').pop()])
  if (Array.isArray(schema.enum)) return schema.enum[0]
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  if (type === 'array') return [sample(name, schema.items ?? {})]
  if (type === 'integer' || type === 'number') return 3
  if (type === 'boolean') return true
  if (type === 'object') return { team: 'search' }
  return 'x'
}

const ID = (name: string) => `${name.replace(/_id$/, '')}_abc`

interface Row {
  name: string
  multipart: boolean
  /** Multipart rows: the fields the body must carry (every param: files and text alike). */
  fields?: number
  official: (client: OpenAI) => Promise<unknown>
  ours: (client: ReturnType<typeof createClient>) => Promise<unknown>
}

const rows: Row[] = Object.entries(table).flatMap(([pkg, entries]) =>
  entries
    .filter(([, , , hints]) => !hints?.handwritten)
    .flatMap(([id, sdk, , h = {}]) => {
      const op = snapshot.operations[id]
      const name = h.name ?? functionName(sdk)
      const pathParams = [...(h.path ?? op.path).matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
      const query = Object.fromEntries(
        (op.parameters as Parameter[])
          .filter((p) => p.in === 'query')
          .map((p) => [p.name, sample(p.name, p.schema)]),
      )
      // The table's examples are object literals written in this repo.
      const body = h.example ? new Function(`return (${h.example})`)() : op.requestBody ? {} : undefined
      const hasParams = body !== undefined || Object.keys(query).length > 0
      const params = { ...body, ...query }
      const ids = pathParams.map(ID)
      const others = Object.fromEntries(pathParams.slice(0, -1).map((p) => [p, ID(p)]))
      const officialArgs: unknown[] = ids.length ? [ids.at(-1)] : []
      if (hasParams || ids.length > 1) officialArgs.push({ ...others, ...(hasParams ? params : {}) })
      const ourArgs: unknown[] = [...ids, ...(hasParams ? [params] : [])]
      // One row per SDK method that sends this call (`alsoSdk`: e.g. a deprecated alias).
      return [sdk, ...(h.alsoSdk ?? [])].map((sdkPath) => ({
        name: `${pkg}: ${name} = ${sdkPath}`,
        multipart: Boolean(h.multipart),
        fields: Object.keys(params).length,
        official: (client: OpenAI) => {
          const segments = sdkPath.split('.')
          const method = segments.pop() as string
          const resource = segments.reduce((o: any, k) => o[k], client)
          return resource[method](...officialArgs)
        },
        ours: (client: ReturnType<typeof createClient>) => {
          const fn = surfaces[pkg][name] as (...args: unknown[]) => Promise<unknown>
          if (typeof fn !== 'function') throw new Error(`@acme/openai-${pkg} does not export ${name}`)
          return fn(client, ...ourArgs)
        },
      }))
    }),
)

// The table's rows are non-streamed calls; `stream: true` changes only the body, and both clients must send it.
const streamed = { model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', stream: true as const }
rows.push({
  name: 'completions: createCompletion with stream: true = completions.create',
  multipart: false,
  official: (client) => client.completions.create(streamed),
  ours: (client) => completions.createCompletion(client, streamed),
})

// The beta Responses calls: `betas` becomes the `openai-beta` header, `stream: true` the SSE variant.
const betaCreate = {
  model: 'gpt-5.4',
  input: 'Say hi',
  stream: true as const,
  betas: ['responses_multi_agent=v1' as const],
}
rows.push(
  {
    name: 'responses/beta: createBetaResponse with stream: true and betas = beta.responses.create',
    multipart: false,
    official: (client) => client.beta.responses.create(betaCreate),
    ours: (client) => responsesBeta.createBetaResponse(client, betaCreate),
  },
  {
    name: 'responses/beta: listBetaResponseInputItems with betas = beta.responses.inputItems.list',
    multipart: false,
    official: (client) =>
      client.beta.responses.inputItems.list('resp_abc', { limit: 2, betas: ['responses_multi_agent=v1'] }),
    ours: (client) =>
      responsesBeta.listBetaResponseInputItems(client, 'resp_abc', {
        limit: 2,
        betas: ['responses_multi_agent=v1'],
      }),
  },
)

let mock: MockServer
let official: OpenAI
let ours: ReturnType<typeof createClient>

beforeAll(async () => {
  mock = await startMockServer()
  // Checkpoint permissions authenticate with the admin key in the official SDK; the same value keeps the headers equal.
  official = new OpenAI({ apiKey: 'sk-test', adminAPIKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  ours = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
})
afterAll(() => mock.close())

const essentials = async (request: Parameters<typeof multipartEssentials>[0]) => ({
  ...(await multipartEssentials(request)),
  'openai-beta': request.headers['openai-beta'],
})

describe('generated operations send what the official client sends', () => {
  it('covers every generated operation of the table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(70)
  })

  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const theirs = await recordOne(mock, () => row.official(official))
    const mine = await recordOne(mock, () => row.ours(ours))
    const expected = await essentials(theirs)
    expect(await essentials(mine)).toEqual(expected)
    if (row.multipart) expect(expected.fields).toHaveLength(row.fields ?? 1)
  })
})
