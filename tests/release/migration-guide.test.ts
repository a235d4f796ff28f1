// docs/migrating-from-openai-node.md must not drift from the packages: every name it imports from an
// `@acme/openai-*` entry, and every function it calls as `name(client, ...)` (not `Class.method(client)`, which
// is openai-node's side), has to be a real export.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as authWorkload from '@acme/openai-auth-workload'
import * as authWorkloadNode from '@acme/openai-auth-workload/node'
import * as batches from '@acme/openai-batches'
import * as chat from '@acme/openai-chat'
import * as chatZod from '@acme/openai-chat/zod'
import * as chatkit from '@acme/openai-chatkit'
import * as containers from '@acme/openai-containers'
import * as conversations from '@acme/openai-conversations'
import * as core from '@acme/openai-core'
import * as embeddings from '@acme/openai-embeddings'
import * as evals from '@acme/openai-evals'
import * as files from '@acme/openai-files'
import * as filesNode from '@acme/openai-files/node'
import * as fineTuning from '@acme/openai-fine-tuning'
import * as models from '@acme/openai-models'
import * as moderations from '@acme/openai-moderations'
import * as otel from '@acme/openai-otel'
import * as realtime from '@acme/openai-realtime'
import * as responses from '@acme/openai-responses'
import * as responsesZod from '@acme/openai-responses/zod'
import * as skills from '@acme/openai-skills'
import * as vectorStores from '@acme/openai-vector-stores'
import * as webhooks from '@acme/openai-webhooks'
import { describe, expect, it } from 'vitest'

const guide = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'migrating-from-openai-node.md'),
  'utf8',
)
const entries: Record<string, Record<string, unknown>> = {
  '@acme/openai-auth-workload': authWorkload,
  '@acme/openai-auth-workload/node': authWorkloadNode,
  '@acme/openai-batches': batches,
  '@acme/openai-chatkit': chatkit,
  '@acme/openai-containers': containers,
  '@acme/openai-conversations': conversations,
  '@acme/openai-embeddings': embeddings,
  '@acme/openai-evals': evals,
  '@acme/openai-fine-tuning': fineTuning,
  '@acme/openai-models': models,
  '@acme/openai-moderations': moderations,
  '@acme/openai-skills': skills,
  '@acme/openai-vector-stores': vectorStores,
  '@acme/openai-chat': chat,
  '@acme/openai-chat/zod': chatZod,
  '@acme/openai-core': core,
  '@acme/openai-files': files,
  '@acme/openai-files/node': filesNode,
  '@acme/openai-otel': otel,
  '@acme/openai-realtime': realtime,
  '@acme/openai-responses': responses,
  '@acme/openai-responses/zod': responsesZod,
  '@acme/openai-webhooks': webhooks,
}

describe('docs/migrating-from-openai-node.md', () => {
  it('imports only names the packages export', () => {
    const imports = [...guide.matchAll(/import \{([^}]+)\} from '(@acme\/openai-[\w/-]+)'/g)]
    expect(imports.length).toBeGreaterThan(5)
    const missing: string[] = []
    for (const [, names, specifier] of imports) {
      const entry = entries[specifier]
      if (!entry) {
        missing.push(`${specifier} (unknown entry)`)
        continue
      }
      for (const name of names.split(',').map((n) => n.trim().replace(/^type /, ''))) {
        if (!(name in entry)) missing.push(`${name} from ${specifier}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('calls only functions that some package exports', () => {
    const exported = new Set(Object.values(entries).flatMap((entry) => Object.keys(entry)))
    const called = new Set([...guide.matchAll(/(?<![.\w])([a-z][A-Za-z0-9]+)\(client\b/g)].map((m) => m[1]))
    expect(called.size).toBeGreaterThan(15)
    expect([...called].filter((name) => !exported.has(name))).toEqual([])
  })
})
