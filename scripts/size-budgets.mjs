// One entry per public function worth a budget. `code` is what an app would write; limits are gzip -9 bytes.
// `upFront: true` budgets the entry chunk only (code loaded lazily with import(), e.g. the SSE decoder, is a
// separate chunk fetched on first use); without it the budget covers every chunk the snippet can load.
// `conditions` picks the export conditions to resolve with (default browser + import).
// `limit` is the gate; `target`, where present, is the size promised but not reached yet: the limit then sits just
// above today's size, so nothing grows while the gap is worked on, and `pnpm size` lists every row over its target.
export const budgets = [
  {
    name: 'core: createClient + request',
    limit: 6 * 1024,
    upFront: true,
    code: `import { createClient, request } from '@acme/openai-core'
export const f = () => request(createClient({ baseURL: '/api' }), { method: 'get', path: '/models' })`,
  },
  {
    name: 'core: one error class alone',
    limit: 1024,
    code: `export { RateLimitError } from '@acme/openai-core'`,
  },
  {
    name: 'core: request with stream: true',
    // Not a product budget: a guard on the SSE chunk, which every streaming surface adds to its own code.
    limit: 10040,
    target: 8.5 * 1024,
    code: `import { createClient, request } from '@acme/openai-core'
export const f = () => request(createClient({ baseURL: '/api' }), { method: 'get', path: '/sse', stream: true })`,
  },
  {
    name: 'auth-workload: workloadIdentity + gcpIdTokenProvider',
    limit: 6 * 1024,
    code: `import { gcpIdTokenProvider, workloadIdentity } from '@acme/openai-auth-workload'
export const auth = workloadIdentity({ identityProviderId: 'idp', serviceAccountId: 'sa', provider: gcpIdTokenProvider({ audience: 'aud' }) })`,
  },
  {
    name: 'responses: createResponse + core',
    limit: 7 * 1024,
    // A plain call never fetches the lazily loaded SSE chunk; the streaming budget below counts it.
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { createResponse } from '@acme/openai-responses'
export const f = () => createResponse(createClient({ baseURL: '/api' }), { model: 'gpt-5.4', input: 'hi' })`,
  },
  {
    name: 'responses: streaming createResponse + streamResponse + core',
    limit: 12064,
    target: 10 * 1024,
    code: `import { createClient } from '@acme/openai-core'
import { createResponse, streamResponse } from '@acme/openai-responses'
const client = createClient({ baseURL: '/api' })
export const f = () => createResponse(client, { model: 'gpt-5.4', input: 'hi', stream: true })
export const g = () => streamResponse(client, { model: 'gpt-5.4', input: 'hi' })`,
  },
  {
    // Guards the rule that the main entry has no zod, ws or node built-ins (the ./zod subpath may use zod).
    name: 'responses: the whole main entry + core',
    limit: 12416,
    target: 11 * 1024,
    code: `export * from '@acme/openai-responses'`,
  },
  // realtime: the bundler picks the entry by condition; `scripts/bundle-size.mjs` maps package names to dist files
  // without reading "exports", so each snippet imports the subpath the exports map gives those conditions
  // (packages/realtime/src/package-exports.test.ts checks that mapping). FORBIDDEN catches any ws/isomorphic-ws.
  // These count every chunk: core's redaction is one of them since it loads only when a handshake fails (+~130 B
  // here, -570 B up front in every other realtime bundle).
  {
    name: 'realtime: connectRealtime + core (browser, subprotocols)',
    limit: 8548,
    target: 8 * 1024,
    conditions: ['browser', 'import'],
    code: `import { createClient } from '@acme/openai-core'
import { connectRealtime } from '@acme/openai-realtime/browser'
export const f = () => connectRealtime(createClient({ apiKey: 'ek_x', dangerouslyAllowBrowser: true }), { model: 'gpt-realtime' })`,
  },
  {
    name: 'realtime: connectRealtime + core (workerd, fetch upgrade)',
    limit: 8768,
    target: 8 * 1024,
    conditions: ['workerd', 'worker', 'browser', 'import'],
    code: `import { createClient } from '@acme/openai-core'
import { connectRealtime } from '@acme/openai-realtime/workerd'
export const f = (env) => connectRealtime(createClient({ apiKey: env.OPENAI_API_KEY }), { model: 'gpt-realtime' })`,
  },
  {
    name: 'realtime: connectRealtime + core (Deno, headers)',
    limit: 8528,
    target: 8 * 1024,
    conditions: ['deno', 'import'],
    code: `import { createClient } from '@acme/openai-core'
import { connectRealtime } from '@acme/openai-realtime/native'
export const f = () => connectRealtime(createClient(), { model: 'gpt-realtime' })`,
  },
  {
    name: 'realtime: connectRealtime + core (Bun, headers)',
    limit: 8528,
    target: 8 * 1024,
    conditions: ['bun', 'import'],
    code: `import { createClient } from '@acme/openai-core'
import { connectRealtime } from '@acme/openai-realtime/native'
export const f = () => connectRealtime(createClient(), { model: 'gpt-realtime' })`,
  },
  {
    name: 'realtime: createClientSecret + core',
    limit: 6.5 * 1024,
    target: 6.5 * 1024,
    // Like createResponse: a plain call never fetches core's lazily loaded SSE chunk.
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { createClientSecret } from '@acme/openai-realtime/browser'
export const f = () => createClientSecret(createClient({ baseURL: '/api' }), { session: { type: 'realtime' } })`,
  },
  {
    name: 'realtime: createCall (WebRTC offer) + core',
    limit: 6.5 * 1024,
    target: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { createCall } from '@acme/openai-realtime/browser'
export const f = (sdp) => createCall(createClient({ baseURL: '/api' }), { sdp })`,
  },
  {
    name: 'realtime: PCM16 <-> base64 helpers alone',
    // The helpers use no core, but with code splitting esbuild still loads core's error chunk (about 0.7 KB) for any
    // module that imports core, used or not: the chunk they share with connectRealtime does.
    limit: 1.75 * 1024,
    target: 1.75 * 1024,
    code: `export { base64ToPcm16, pcm16ToBase64 } from '@acme/openai-realtime/browser'`,
  },
  {
    name: 'chat: createChatCompletion + core',
    limit: 7 * 1024,
    // Like createResponse: a plain call never fetches core's lazily loaded SSE chunk; the next entry counts it.
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { createChatCompletion } from '@acme/openai-chat'
export const f = () => createChatCompletion(createClient({ baseURL: '/api' }), { model: 'm', messages: [{ role: 'user', content: 'hi' }] })`,
  },
  {
    name: 'chat: streaming createChatCompletion + streamChatCompletion + core',
    // The 10 KB promise is for Responses streaming; the chat accumulator (choices x tool calls) costs a bit more.
    limit: 12248,
    target: 10.5 * 1024,
    code: `import { createClient } from '@acme/openai-core'
import { createChatCompletion, streamChatCompletion } from '@acme/openai-chat'
const client = createClient({ baseURL: '/api' })
export const f = () => createChatCompletion(client, { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true })
export const g = () => streamChatCompletion(client, { model: 'm', messages: [{ role: 'user', content: 'hi' }] })`,
  },
  {
    // Guards the rule that the main entry has no zod, ws or node built-ins (the ./zod subpath may use zod).
    name: 'chat: the whole main entry + core',
    limit: 14032,
    target: 12 * 1024,
    code: `export * from '@acme/openai-chat'`,
  },
  {
    // Azure's routing is an interceptor inside @acme/openai-azure: an app without it carries none of its bytes.
    name: 'azure: azureClient + createChatCompletion + core',
    limit: 7 * 1024,
    upFront: true,
    code: `import { azureClient } from '@acme/openai-azure'
import { createChatCompletion } from '@acme/openai-chat'
export const f = () => createChatCompletion(azureClient({ endpoint: 'https://r.openai.azure.com', apiVersion: '2024-10-21', apiKey: 'k' }), { model: 'm', messages: [{ role: 'user', content: 'hi' }] })`,
  },
  {
    name: 'files: uploadFile + core',
    limit: 7 * 1024,
    target: 7 * 1024,
    // Up front: turning streams, Responses and bytes into files loads on first use (a File or Blob never needs it),
    // like core's SSE decoder, which an upload never uses. FORBIDDEN above also proves no node: module is pulled.
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { uploadFile } from '@acme/openai-files'
export const f = (file) => uploadFile(createClient({ baseURL: '/api' }), { file, purpose: 'assistants' })`,
  },
  {
    name: 'files: listFiles + core',
    limit: 7 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { listFiles } from '@acme/openai-files'
export const f = () => listFiles(createClient({ baseURL: '/api' }), { purpose: 'batch' })`,
  },
  {
    name: 'images: generateImage + core',
    limit: 6.5 * 1024,
    // Like createResponse: a plain call never fetches core's lazily loaded SSE chunk.
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { generateImage } from '@acme/openai-images'
export const f = () => generateImage(createClient({ baseURL: '/api' }), { model: 'gpt-image-1', prompt: 'a fox' })`,
  },
  {
    name: 'images: editImage + core (multipart)',
    limit: 9 * 1024,
    // The promise counts every chunk; not met (see the note below).
    target: 9 * 1024,
    targetTotal: true,
    // Up front, not every chunk: all chunks are ~14.2 KB: core up front (~6 KB), its failure path (~1.8 KB, every
    // core call counts it), its SSE chunk (~2.2 KB) and the input normaliser for bytes, streams and Responses (~3.2
    // KB, never loaded for a File or Blob) load on first use only. A Blob edit loads this and, with stream: true,
    // the SSE chunk.
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { editImage } from '@acme/openai-images'
export const f = (image) => editImage(createClient({ baseURL: '/api' }), { model: 'gpt-image-1', image, prompt: 'a hat' })`,
  },
  {
    name: 'audio: createTranscription + core (multipart)',
    limit: 9 * 1024,
    target: 9 * 1024,
    targetTotal: true,
    // Up front, as for editImage: the input normaliser and core's SSE chunk load on first use.
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { createTranscription } from '@acme/openai-audio'
export const f = (file) => createTranscription(createClient({ baseURL: '/api' }), { model: 'gpt-4o-transcribe', file })`,
  },
  {
    name: 'audio: createSpeech + core',
    limit: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { createSpeech } from '@acme/openai-audio'
export const f = () => createSpeech(createClient({ baseURL: '/api' }), { model: 'tts-1', voice: 'alloy', input: 'hi' })`,
  },
  {
    name: 'videos: createVideo + core (multipart)',
    limit: 9 * 1024,
    // Up front, as for editImage: the input normaliser loads on first use (never for a File or Blob).
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { createVideo } from '@acme/openai-videos'
export const f = (input_reference) => createVideo(createClient({ baseURL: '/api' }), { prompt: 'a fox', input_reference })`,
  },
  {
    name: 'files: uploadLargeFile + core',
    limit: 9.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { uploadLargeFile } from '@acme/openai-files'
export const f = (file) => uploadLargeFile(createClient({ baseURL: '/api' }), { file, purpose: 'batch' })`,
  },
  {
    // What createEmbedding's default (base64 on the wire, numbers back) adds: the decoder and the copy to numbers.
    // Measured from source: the published entry also holds createEmbedding, which pulls core.
    name: 'embeddings: base64 decode (decodeEmbedding + numbers)',
    limit: 512,
    noCore: true,
    code: `import { decodeEmbedding, toNumbers } from './packages/embeddings/src/decode-embedding.ts'
export const f = (s) => toNumbers(decodeEmbedding(s))`,
  },
  {
    name: 'embeddings: createEmbedding + core',
    limit: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { createEmbedding } from '@acme/openai-embeddings'
export const f = () => createEmbedding(createClient({ baseURL: '/api' }), { model: 'm', input: 'hi' })`,
  },
  // Generated packages (scripts/generate-operations.mjs): per package its heaviest kind of operation (a list with path
  // parameters, a download, or a call with package headers), which bounds any one of its operations plus core.
  {
    name: 'models: retrieveModel + core',
    limit: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { retrieveModel } from '@acme/openai-models'
export const f = () => retrieveModel(createClient({ baseURL: '/api' }), 'gpt-4o-mini')`,
  },
  {
    name: 'moderations: createModeration + core',
    limit: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { createModeration } from '@acme/openai-moderations'
export const f = () => createModeration(createClient({ baseURL: '/api' }), { input: 'hi' })`,
  },
  {
    name: 'batches: listBatches + core',
    limit: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { listBatches } from '@acme/openai-batches'
export const f = () => listBatches(createClient({ baseURL: '/api' }), { limit: 20 })`,
  },
  {
    name: 'fine-tuning: listFineTuningJobEvents + core',
    limit: 6.5 * 1024,
    target: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { listFineTuningJobEvents } from '@acme/openai-fine-tuning'
export const f = () => listFineTuningJobEvents(createClient({ baseURL: '/api' }), 'ftjob-1')`,
  },
  {
    name: 'conversations: listConversationItems + core',
    limit: 6.5 * 1024,
    target: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { listConversationItems } from '@acme/openai-conversations'
export const f = () => listConversationItems(createClient({ baseURL: '/api' }), 'conv_1')`,
  },
  {
    name: 'vector-stores: listVectorStoreFiles + core',
    limit: 6.5 * 1024,
    target: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { listVectorStoreFiles } from '@acme/openai-vector-stores'
export const f = () => listVectorStoreFiles(createClient({ baseURL: '/api' }), 'vs_1')`,
  },
  {
    name: 'containers: retrieveContainerFileContent + core',
    limit: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { retrieveContainerFileContent } from '@acme/openai-containers'
export const f = () => retrieveContainerFileContent(createClient({ baseURL: '/api' }), 'cntr_1', 'file-1')`,
  },
  {
    name: 'evals: listEvalRunOutputItems + core',
    limit: 6.5 * 1024,
    target: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { listEvalRunOutputItems } from '@acme/openai-evals'
export const f = () => listEvalRunOutputItems(createClient({ baseURL: '/api' }), 'eval_1', 'evalrun_1')`,
  },
  {
    name: 'skills: retrieveSkillVersionContent + core',
    limit: 6.5 * 1024,
    target: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { retrieveSkillVersionContent } from '@acme/openai-skills'
export const f = () => retrieveSkillVersionContent(createClient({ baseURL: '/api' }), 'skill_1', '1')`,
  },
  {
    name: 'chatkit: listChatKitThreadItems + core',
    limit: 6.5 * 1024,
    target: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { listChatKitThreadItems } from '@acme/openai-chatkit'
export const f = () => listChatKitThreadItems(createClient({ baseURL: '/api' }), 'cthr_1')`,
  },
  {
    name: 'completions: createCompletion + core',
    limit: 6.5 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { createCompletion } from '@acme/openai-completions'
export const f = () => createCompletion(createClient({ baseURL: '/api' }), { model: 'gpt-3.5-turbo-instruct', prompt: 'hi' })`,
  },
  {
    name: 'proxy: createProxyHandler (workerd, no core)',
    limit: 2.5 * 1024,
    conditions: ['workerd', 'worker', 'browser', 'import'],
    code: `import { createProxyHandler } from '@acme/openai-proxy'
export default { fetch: (request, env) => createProxyHandler({ apiKey: env.KEY, allow: ['createResponse'] })(request) }`,
  },
  {
    // A multipart upload like uploadFile, with its promise (7 KB up front); every generated operation is also measured
    // on its own by scripts/size-operations.mjs.
    name: 'content-provenance: createContentProvenanceCheck + core',
    limit: 7 * 1024,
    upFront: true,
    code: `import { createClient } from '@acme/openai-core'
import { createContentProvenanceCheck } from '@acme/openai-content-provenance'
export const f = (file) => createContentProvenanceCheck(createClient({ baseURL: '/api' }), { file })`,
  },
  {
    // What telemetry adds to a chat call: at most 2 KB. @opentelemetry/api is external (the app ships it for its SDK
    // anyway; bundled it adds about 7 KB). Log events, stream observation, plain HTTP spans, failures and the
    // embeddings/Responses attributes load on first use.
    name: 'otel: withTelemetry + createChatCompletion + core, @opentelemetry/api external',
    baseline: 'chat: createChatCompletion + core',
    delta: 2 * 1024,
    upFront: true,
    external: ['@opentelemetry/api'],
    code: `import { createClient } from '@acme/openai-core'
import { createChatCompletion } from '@acme/openai-chat'
import { withTelemetry } from '@acme/openai-otel'
export const f = () => createChatCompletion(withTelemetry(createClient({ baseURL: '/api' })), { model: 'm', messages: [{ role: 'user', content: 'hi' }] })`,
  },
]
