import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { RuntimeName } from './runtimes'

/** A package with a smoke file in `smoke/<dir>.smoke.js`. */
export interface SmokePackage {
  /** The folder under `packages/`, which also names the smoke file. */
  dir: string
  /** The npm name, as the smoke file imports it. */
  name: string
  /** Runtimes the package is not meant for, with the reason shown in the skipped test's name. */
  notFor?: Partial<Record<RuntimeName, string>>
}

const nodeOnly = 'a node:http server, not meant for this runtime'

/** Every package in the matrix, in the order the tests run. */
export const smokePackages: readonly SmokePackage[] = [
  { dir: 'core', name: '@acme/openai-core' },
  { dir: 'webhooks', name: '@acme/openai-webhooks' },
  { dir: 'auth-workload', name: '@acme/openai-auth-workload' },
  { dir: 'responses', name: '@acme/openai-responses' },
  { dir: 'chat', name: '@acme/openai-chat' },
  { dir: 'files', name: '@acme/openai-files' },
  { dir: 'images', name: '@acme/openai-images' },
  { dir: 'audio', name: '@acme/openai-audio' },
  { dir: 'videos', name: '@acme/openai-videos' },
  { dir: 'realtime', name: '@acme/openai-realtime' },
  { dir: 'azure', name: '@acme/openai-azure' },
  { dir: 'models', name: '@acme/openai-models' },
  { dir: 'moderations', name: '@acme/openai-moderations' },
  { dir: 'embeddings', name: '@acme/openai-embeddings' },
  { dir: 'batches', name: '@acme/openai-batches' },
  { dir: 'fine-tuning', name: '@acme/openai-fine-tuning' },
  { dir: 'conversations', name: '@acme/openai-conversations' },
  { dir: 'vector-stores', name: '@acme/openai-vector-stores' },
  { dir: 'containers', name: '@acme/openai-containers' },
  { dir: 'evals', name: '@acme/openai-evals' },
  { dir: 'skills', name: '@acme/openai-skills' },
  { dir: 'chatkit', name: '@acme/openai-chatkit' },
  { dir: 'completions', name: '@acme/openai-completions' },
  { dir: 'content-provenance', name: '@acme/openai-content-provenance' },
  { dir: 'otel', name: '@acme/openai-otel' },
  { dir: 'mock-server', name: '@acme/openai-mock', notFor: { workerd: nodeOnly, chromium: nodeOnly } },
]

/** The monorepo's `packages/` folder. */
export const packagesDir = fileURLToPath(new URL('../../packages/', import.meta.url))

/** The smoke file of a package. */
export const smokeFile = (pkg: Pick<SmokePackage, 'dir'>): string =>
  fileURLToPath(new URL(`./smoke/${pkg.dir}.smoke.js`, import.meta.url))

/** Why a package cannot be tested yet (its build is missing), or `null` when it can. */
export function missingBuild(dir: string): string | null {
  return existsSync(`${packagesDir}${dir}/dist/index.js`)
    ? null
    : `packages/${dir}/dist is missing; run pnpm build`
}
