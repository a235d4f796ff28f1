// The override table of scripts/generate-operations.mjs: one row per operation of the spec we expose (a data file,
// so longer than the usual ~300 lines: it grows by a row per operation).
//
//   [operationId, official SDK resource path, pagination kind?, hints?]
//
// - The function name derives from the SDK path (`fineTuning.jobs.list` -> `listFineTuningJobs`); `name` overrides.
// - Pagination kinds are core's `PageKind`: `cursor` (CursorPage), `conversation` (ConversationCursorPage: the
//   body's `last_id`), `single` (Page: one page, no cursor). Lists of the SDK are `getAPIList` calls.
// - Hints: `handwritten` (counted and typed, but a person writes the file), `binary` (raw bytes, `accept` header),
//   `accept` (the SDK's `Accept` header), `path` (the SDK's path where it differs from the spec), `body: 'empty'`
//   (no params even though the spec has a body), `json` (only the JSON form of a JSON-or-multipart body), `omit`
//   (body fields left out of the params type), `example` (the params of the TSDoc and README example),
//   `multipart` (the file fields of a multipart body, sent with core's `sendMultipart`), `headers` (headers the
//   official SDK sends on this call), `alsoSdk` (other SDK methods that send the same call), `stream` (`stream: true`
//   in the params gives a `Stream`, with overloads: `true` of chunks of the result's shape, a schema name of that
//   schema's events).
// Header parameters the spec names with `x-stainless-param` (`openai-beta` as `betas`) are params too, as in the SDK.
// Package-wide headers the official SDK sends on every call of the resource are in `packageHeaders`.

/** @type {Record<string, Record<string, string>>} */
export const packageHeaders = {
  'vector-stores': { 'OpenAI-Beta': 'assistants=v2' },
  chatkit: { 'OpenAI-Beta': 'chatkit_beta=v1' },
}

/**
 * Generated operations that live inside a hand-written package: its folder for them (their own `types.ts` and
 * `operations.ts`; no README section, no `index.ts`: the package's index exports them by name). A table key may
 * name a subpath (`responses/beta`, imported as `@acme/openai-responses/beta`), so a package can hold several.
 */
export const packageDirs = {
  realtime: 'packages/realtime/src/generated',
  audio: 'packages/audio/src/generated',
  'responses/beta': 'packages/responses/src/beta',
}

/** Packages whose generated types file is not `types.ts` (there another generator owns that name). */
export const typesModules = {
  // `generated/types.ts` holds the speech and transcription schemas of scripts/generate-types.mjs.
  audio: 'voice-types',
}

/** Package descriptions for package.json and README. */
export const packages = {
  models: 'Models API: list, retrieve and delete models.',
  embeddings: 'Embeddings API: createEmbedding, with base64 transfer decoded to numbers.',
  moderations: 'Moderations API: createModeration.',
  batches: 'Batch API: create, retrieve, list and cancel batches.',
  'fine-tuning': 'Fine-tuning API: jobs, events, checkpoints, checkpoint permissions and graders.',
  conversations: 'Conversations API: conversations and their items.',
  'vector-stores': 'Vector Stores API: stores, files, file batches and search.',
  containers: 'Containers API: containers and their files.',
  evals: 'Evals API: evals, runs and output items.',
  skills: 'Skills API: skills, their versions and contents.',
  chatkit: 'ChatKit API (beta): sessions and threads.',
  completions: 'Legacy Completions API: createCompletion, plain or streamed.',
  'content-provenance': 'Content provenance checks: C2PA and SynthID signals of an image or audio file.',
}

/** @type {Record<string, Array<[string, string, (string|null)?, Record<string, unknown>?]>>} */
export const table = {
  models: [
    ['listModels', 'models.list', 'single'],
    ['retrieveModel', 'models.retrieve'],
    ['deleteModel', 'models.delete'],
  ],
  embeddings: [
    [
      'createEmbedding',
      'embeddings.create',
      null,
      { handwritten: true, example: "{ model: 'text-embedding-3-small', input: 'The food was delicious' }" },
    ],
  ],
  moderations: [
    [
      'createModeration',
      'moderations.create',
      null,
      { example: "{ model: 'omni-moderation-latest', input: 'Some text to check' }" },
    ],
  ],
  batches: [
    [
      'createBatch',
      'batches.create',
      null,
      { example: "{ input_file_id: 'file-abc123', endpoint: '/v1/responses', completion_window: '24h' }" },
    ],
    ['retrieveBatch', 'batches.retrieve'],
    ['listBatches', 'batches.list', 'cursor', { example: '{ limit: 20 }' }],
    ['cancelBatch', 'batches.cancel'],
  ],
  'fine-tuning': [
    [
      'createFineTuningJob',
      'fineTuning.jobs.create',
      null,
      { example: "{ model: 'gpt-4o-mini-2024-07-18', training_file: 'file-abc123' }" },
    ],
    ['retrieveFineTuningJob', 'fineTuning.jobs.retrieve'],
    ['listPaginatedFineTuningJobs', 'fineTuning.jobs.list', 'cursor', { example: '{ limit: 20 }' }],
    ['cancelFineTuningJob', 'fineTuning.jobs.cancel'],
    ['pauseFineTuningJob', 'fineTuning.jobs.pause'],
    ['resumeFineTuningJob', 'fineTuning.jobs.resume'],
    ['listFineTuningEvents', 'fineTuning.jobs.listEvents', 'cursor'],
    ['listFineTuningJobCheckpoints', 'fineTuning.jobs.checkpoints.list', 'cursor'],
    [
      'listFineTuningCheckpointPermissions',
      'fineTuning.checkpoints.permissions.list',
      'conversation',
      // openai-node's deprecated `retrieve` sends the same GET.
      { alsoSdk: ['fineTuning.checkpoints.permissions.retrieve'] },
    ],
    [
      'createFineTuningCheckpointPermission',
      'fineTuning.checkpoints.permissions.create',
      'single',
      { example: "{ project_ids: ['proj_abc123'] }" },
    ],
    ['deleteFineTuningCheckpointPermission', 'fineTuning.checkpoints.permissions.delete'],
    [
      'runGrader',
      'fineTuning.alpha.graders.run',
      null,
      {
        name: 'runGrader',
        example:
          "{ grader: { type: 'string_check', name: 'exact', input: '{{sample.output_text}}', reference: 'yes', operation: 'eq' }, model_sample: 'yes' }",
      },
    ],
    [
      'validateGrader',
      'fineTuning.alpha.graders.validate',
      null,
      {
        name: 'validateGrader',
        example:
          "{ grader: { type: 'string_check', name: 'exact', input: '{{sample.output_text}}', reference: 'yes', operation: 'eq' } }",
      },
    ],
  ],
  conversations: [
    ['createConversation', 'conversations.create', null, { example: "{ metadata: { topic: 'billing' } }" }],
    ['getConversation', 'conversations.retrieve'],
    ['updateConversation', 'conversations.update', null, { example: "{ metadata: { topic: 'billing' } }" }],
    ['deleteConversation', 'conversations.delete'],
    [
      'createConversationItems',
      'conversations.items.create',
      null,
      {
        name: 'createConversationItems',
        example: "{ items: [{ type: 'message', role: 'user', content: 'Hello' }] }",
      },
    ],
    ['getConversationItem', 'conversations.items.retrieve'],
    ['listConversationItems', 'conversations.items.list', 'conversation'],
    ['deleteConversationItem', 'conversations.items.delete'],
  ],
  'vector-stores': [
    ['createVectorStore', 'vectorStores.create', null, { example: "{ name: 'Support FAQ' }" }],
    ['getVectorStore', 'vectorStores.retrieve'],
    ['modifyVectorStore', 'vectorStores.update', null, { example: "{ name: 'Support FAQ v2' }" }],
    ['listVectorStores', 'vectorStores.list', 'cursor'],
    ['deleteVectorStore', 'vectorStores.delete'],
    [
      'searchVectorStore',
      'vectorStores.search',
      'single',
      { example: "{ query: 'What is the return policy?' }" },
    ],
    ['createVectorStoreFile', 'vectorStores.files.create', null, { example: "{ file_id: 'file-abc123' }" }],
    ['getVectorStoreFile', 'vectorStores.files.retrieve'],
    [
      'updateVectorStoreFileAttributes',
      'vectorStores.files.update',
      null,
      { example: "{ attributes: { category: 'faq' } }" },
    ],
    ['listVectorStoreFiles', 'vectorStores.files.list', 'cursor'],
    ['deleteVectorStoreFile', 'vectorStores.files.delete'],
    [
      'retrieveVectorStoreFileContent',
      'vectorStores.files.content',
      'single',
      { name: 'retrieveVectorStoreFileContent' },
    ],
    [
      'createVectorStoreFileBatch',
      'vectorStores.fileBatches.create',
      null,
      { example: "{ file_ids: ['file-abc123', 'file-def456'] }" },
    ],
    ['getVectorStoreFileBatch', 'vectorStores.fileBatches.retrieve'],
    ['cancelVectorStoreFileBatch', 'vectorStores.fileBatches.cancel'],
    ['listFilesInVectorStoreBatch', 'vectorStores.fileBatches.listFiles', 'cursor'],
  ],
  containers: [
    ['CreateContainer', 'containers.create', null, { example: "{ name: 'analysis' }" }],
    ['RetrieveContainer', 'containers.retrieve'],
    ['ListContainers', 'containers.list', 'cursor'],
    ['DeleteContainer', 'containers.delete', null, { accept: '*/*' }],
    // JSON form only (`file_id`); uploading bytes needs the multipart machinery of @acme/openai-files.
    [
      'CreateContainerFile',
      'containers.files.create',
      null,
      { json: true, omit: ['file'], example: "{ file_id: 'file-abc123' }" },
    ],
    ['RetrieveContainerFile', 'containers.files.retrieve'],
    ['ListContainerFiles', 'containers.files.list', 'cursor'],
    ['DeleteContainerFile', 'containers.files.delete', null, { accept: '*/*' }],
    ['RetrieveContainerFileContent', 'containers.files.content.retrieve', null, { binary: true }],
  ],
  evals: [
    [
      'createEval',
      'evals.create',
      null,
      {
        example:
          "{ data_source_config: { type: 'custom', item_schema: { type: 'object' } }, testing_criteria: [{ type: 'string_check', name: 'exact', input: '{{sample.output_text}}', reference: '{{item.answer}}', operation: 'eq' }] }",
      },
    ],
    ['getEval', 'evals.retrieve'],
    ['updateEval', 'evals.update', null, { example: "{ name: 'Renamed eval' }" }],
    ['listEvals', 'evals.list', 'cursor'],
    ['deleteEval', 'evals.delete'],
    [
      'createEvalRun',
      'evals.runs.create',
      null,
      { example: "{ data_source: { type: 'jsonl', source: { type: 'file_id', id: 'file-abc123' } } }" },
    ],
    ['getEvalRun', 'evals.runs.retrieve'],
    ['getEvalRuns', 'evals.runs.list', 'cursor'],
    ['deleteEvalRun', 'evals.runs.delete'],
    // The spec has POST /evals/{eval_id}/runs/{run_id}; the official SDK posts to .../cancel.
    ['cancelEvalRun', 'evals.runs.cancel', null, { path: '/evals/{eval_id}/runs/{run_id}/cancel' }],
    ['getEvalRunOutputItem', 'evals.runs.outputItems.retrieve'],
    ['getEvalRunOutputItems', 'evals.runs.outputItems.list', 'cursor'],
  ],
  skills: [
    // Multipart: the skill's files go through core's shared multipart encoder.
    [
      'CreateSkill',
      'skills.create',
      null,
      {
        multipart: ['files'],
        example: "{ files: [new File(['# Greeter'], 'SKILL.md', { type: 'text/markdown' })] }",
      },
    ],
    ['GetSkill', 'skills.retrieve'],
    ['UpdateSkillDefaultVersion', 'skills.update', null, { example: "{ default_version: '2' }" }],
    ['ListSkills', 'skills.list', 'cursor'],
    ['DeleteSkill', 'skills.delete'],
    ['GetSkillContent', 'skills.content.retrieve', null, { binary: true }],
    [
      'CreateSkillVersion',
      'skills.versions.create',
      null,
      {
        multipart: ['files'],
        example: "{ files: [new File(['# Greeter v2'], 'SKILL.md', { type: 'text/markdown' })] }",
      },
    ],
    ['GetSkillVersion', 'skills.versions.retrieve'],
    ['ListSkillVersions', 'skills.versions.list', 'cursor'],
    ['DeleteSkillVersion', 'skills.versions.delete'],
    ['GetSkillVersionContent', 'skills.versions.content.retrieve', null, { binary: true }],
  ],
  'content-provenance': [
    // Multipart: one image or audio file, sent with core's shared multipart encoder.
    [
      'Createcontentprovenancecheck',
      'contentProvenanceChecks.create',
      null,
      {
        multipart: ['file'],
        example:
          "{ file: new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' }) }",
      },
    ],
  ],
  completions: [
    [
      'createCompletion',
      'completions.create',
      null,
      {
        stream: true,
        example: "{ model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', max_tokens: 7 }",
      },
    ],
  ],
  audio: [
    // Custom voices. openai-node keeps them under `audio.`; the names leave that namespace out, as the audio
    // package's own functions do (`createSpeech`). Consent recordings and voice samples are multipart uploads.
    [
      'createVoiceConsent',
      'audio.voiceConsents.create',
      null,
      {
        name: 'createVoiceConsent',
        multipart: ['recording'],
        example:
          "{ name: 'John Doe', language: 'en-US', recording: new File([new Uint8Array([82, 73, 70, 70])], 'consent.wav', { type: 'audio/wav' }) }",
      },
    ],
    ['getVoiceConsent', 'audio.voiceConsents.retrieve', null, { name: 'retrieveVoiceConsent' }],
    [
      'updateVoiceConsent',
      'audio.voiceConsents.update',
      null,
      { name: 'updateVoiceConsent', example: "{ name: 'Jane Doe' }" },
    ],
    ['listVoiceConsents', 'audio.voiceConsents.list', 'cursor', { name: 'listVoiceConsents' }],
    ['deleteVoiceConsent', 'audio.voiceConsents.delete', null, { name: 'deleteVoiceConsent' }],
    [
      'createVoice',
      'audio.voices.create',
      null,
      {
        name: 'createVoice',
        multipart: ['audio_sample'],
        // The Python SDK's optional `type` (the creation method); the spec leaves it out.
        extra: { type: "'audio_sample'" },
        example:
          "{ name: 'My new voice', consent: 'cons_123', audio_sample: new File([new Uint8Array([82, 73, 70, 70])], 'sample.wav', { type: 'audio/wav' }) }",
      },
    ],
  ],
  realtime: [
    // Legacy ephemeral-key calls (openai-node keeps them under `beta.realtime`, with the assistants beta header).
    // The spec marks the session's `client_secret` (a result field) as a required param; openai-node does not.
    [
      'create-realtime-session',
      'beta.realtime.sessions.create',
      null,
      { headers: { 'OpenAI-Beta': 'assistants=v2' }, omit: ['client_secret'], example: "{ voice: 'alloy' }" },
    ],
    [
      'create-realtime-transcription-session',
      'beta.realtime.transcriptionSessions.create',
      null,
      { headers: { 'OpenAI-Beta': 'assistants=v2' } },
    ],
    [
      'create-realtime-translation-client-secret',
      'realtime.translations.clientSecrets.create',
      null,
      { example: "{ session: { model: 'gpt-realtime-translate' } }" },
    ],
  ],
  // The beta variant of the Responses API (`?beta=true` on the same paths, `Beta*` schemas), on its own subpath so
  // the main entry's bundle does not change. Named apart from the hand-written main operations.
  'responses/beta': [
    [
      'beta_createResponse',
      'beta.responses.create',
      null,
      {
        name: 'createBetaResponse',
        stream: 'BetaResponseStreamEvent',
        example: "{ model: 'gpt-5.4', input: 'Say hi' }",
      },
    ],
    [
      'beta_getResponse',
      'beta.responses.retrieve',
      null,
      { name: 'retrieveBetaResponse', stream: 'BetaResponseStreamEvent' },
    ],
    ['beta_deleteResponse', 'beta.responses.delete', null, { name: 'deleteBetaResponse', accept: '*/*' }],
    ['beta_cancelResponse', 'beta.responses.cancel', null, { name: 'cancelBetaResponse' }],
    [
      'beta_Compactconversation',
      'beta.responses.compact',
      null,
      { name: 'compactBetaResponse', example: "{ model: 'gpt-5.4', input: 'Say hi' }" },
    ],
    [
      'beta_listInputItems',
      'beta.responses.inputItems.list',
      'cursor',
      { name: 'listBetaResponseInputItems' },
    ],
    [
      'beta_Getinputtokencounts',
      'beta.responses.inputTokens.count',
      null,
      { name: 'countBetaResponseInputTokens', example: "{ model: 'gpt-5.4', input: 'Say hi' }" },
    ],
  ],
  chatkit: [
    [
      'CreateChatSessionMethod',
      'beta.chatkit.sessions.create',
      null,
      { example: "{ workflow: { id: 'wf_123' }, user: 'user_123' }" },
    ],
    ['CancelChatSessionMethod', 'beta.chatkit.sessions.cancel'],
    ['GetThreadMethod', 'beta.chatkit.threads.retrieve'],
    ['ListThreadsMethod', 'beta.chatkit.threads.list', 'conversation'],
    ['DeleteThreadMethod', 'beta.chatkit.threads.delete'],
    ['ListThreadItemsMethod', 'beta.chatkit.threads.listItems', 'conversation'],
  ],
}

/** Types-only files generated from the spec: output file -> root schemas (each with every schema it reaches). */
export const typeFiles = {
  'packages/chat/src/types/generated.ts': [
    'CreateChatCompletionRequest',
    'CreateChatCompletionResponse',
    'CreateChatCompletionStreamResponse',
    'ChatCompletionList',
    'ChatCompletionMessageList',
    'ChatCompletionDeleted',
  ],
  'packages/realtime/src/types/generated.ts': [
    'RealtimeClientEvent',
    'RealtimeServerEvent',
    'RealtimeConversationItem',
    'RealtimeResponse',
    'RealtimeResponseCreateParams',
    'RealtimeSessionCreateRequestGA',
    'RealtimeSessionCreateResponseGA',
    'RealtimeTranscriptionSessionCreateRequestGA',
    'RealtimeTranscriptionSessionCreateResponseGA',
  ],
}

/** Operations of hand-written packages whose inline params (query, body) are generated into a types file. */
export const inlineParamTypes = {
  'packages/chat/src/types/generated.ts': [
    'listChatCompletions',
    'updateChatCompletion',
    'getChatCompletionMessages',
  ],
}
