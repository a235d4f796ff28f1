import { cancelBatch, createBatch, retrieveBatch } from '../everyday/batches'
import { createEmbedding, createModeration } from '../everyday/computations'
import {
  createConversation,
  createConversationItems,
  deleteConversationItem,
} from '../everyday/conversations'
import { createEvalRun } from '../everyday/evals'
import {
  cancelFineTuningJob,
  createFineTuningCheckpointPermission,
  createFineTuningJob,
  deleteModel,
  pauseFineTuningJob,
  resumeFineTuningJob,
  retrieveFineTuningJob,
} from '../everyday/fine-tuning'
import { genericHandler } from '../everyday/resources'
import { OPERATIONS } from '../everyday/route-table'
import {
  cancelVectorStoreFileBatch,
  createVectorStore,
  createVectorStoreFile,
  createVectorStoreFileBatch,
  getVectorStore,
  getVectorStoreFile,
  getVectorStoreFileBatch,
  retrieveVectorStoreFileContent,
  searchVectorStore,
} from '../everyday/vector-stores'
import type { Route, RouteContext } from '../route'

/** Operations with a lifecycle or a computed answer; every other table operation gets the generic handler. */
const SPECIAL: Record<string, (ctx: RouteContext) => void | Promise<void>> = {
  createBatch,
  retrieveBatch,
  cancelBatch,
  createEmbedding,
  createModeration,
  createConversation,
  createConversationItems,
  deleteConversationItem,
  createFineTuningJob,
  retrieveFineTuningJob,
  cancelFineTuningJob,
  pauseFineTuningJob,
  resumeFineTuningJob,
  createFineTuningCheckpointPermission,
  deleteModel,
  createEvalRun,
  createVectorStore,
  getVectorStore,
  createVectorStoreFile,
  getVectorStoreFile,
  createVectorStoreFileBatch,
  getVectorStoreFileBatch,
  cancelVectorStoreFileBatch,
  retrieveVectorStoreFileContent,
  searchVectorStore,
}

/**
 * Every everyday JSON operation of the spec (models, embeddings, moderations, batches, fine-tuning,
 * conversations, vector stores, containers, evals, skills, chatkit, realtime sessions), from the generated
 * route table. Routes registered earlier for the same path (the model fixtures) answer first.
 */
export const everydayRoutes: readonly Route[] = /* @__PURE__ */ OPERATIONS.map((op) => ({
  method: op.method,
  path: op.path,
  handle: SPECIAL[op.operationId] ?? genericHandler(op),
}))
