import { isRecord } from '../is-record'
import { type MockState, nextId } from '../mock-state'
import { sendError, sendJson, sendNotFound } from '../reply'
import type { RouteContext } from '../route'
import { fileStore } from '../routes/files'
import { POLL_AFTER_MS } from './batches'
import { buildObject, collectionAt, fillPath, type Stored, setStatus, storedOr404 } from './resources'

const JOBS = '/v1/fine_tuning/jobs'
const JOB = '/v1/fine_tuning/jobs/:fine_tuning_job_id'
const TERMINAL = ['succeeded', 'failed', 'cancelled']
/** Steps of the checkpoints a finished job keeps. */
const CHECKPOINT_STEPS = [10, 20, 30]

const unix = () => Math.floor(Date.now() / 1000)
const jobPath = (id: string, sub: string) => `${JOBS}/${encodeURIComponent(id)}/${sub}`

/** Jobs paused by `…/pause`: they keep their status (the spec has no `paused`) but stop advancing. */
const paused = new WeakMap<MockState, Set<string>>()
function pausedJobs(state: MockState): Set<string> {
  let set = paused.get(state)
  if (!set) paused.set(state, (set = new Set()))
  return set
}

function addEvent(state: MockState, job: Stored, message: string, level = 'info'): void {
  const id = nextId(state, 'ftevent', '-')
  collectionAt(state, jobPath(job.id, 'events')).set(id, {
    id,
    object: 'fine_tuning.job.event',
    created_at: unix(),
    level,
    message,
    type: 'message',
  })
}

/** `POST /v1/fine_tuning/jobs`: needs a `model` and a known `training_file`; starts `validating_files`. */
export function createFineTuningJob(ctx: RouteContext) {
  const body = isRecord(ctx.request.json) ? ctx.request.json : {}
  if (typeof body.model !== 'string' || !body.model)
    return sendError(ctx.res, 400, "Missing required parameter: 'model'.", { param: 'model' })
  for (const param of ['training_file', 'validation_file'] as const) {
    const id = body[param]
    if ((param === 'training_file' || id != null) && !fileStore(ctx.state).has(String(id)))
      return sendError(ctx.res, 400, `Invalid '${param}': no file '${id}' was uploaded.`, { param })
  }
  const job = buildObject(ctx, 'FineTuningJob', { prefix: ['ftjob', '-'], body })
  job.status = 'validating_files'
  job.organization_id = 'org-mock'
  job.result_files = []
  job.seed = typeof body.seed === 'number' ? body.seed : 42
  job.hyperparameters = { batch_size: 'auto', learning_rate_multiplier: 'auto', n_epochs: 'auto' }
  if (job.metadata === null && !isRecord(body.metadata)) delete job.metadata
  collectionAt(ctx.state, JOBS).set(job.id, job)
  addEvent(ctx.state, job, `Validating training file: ${body.training_file}`)
  sendJson(ctx.res, 200, job, { 'openai-poll-after-ms': POLL_AFTER_MS })
}

function succeed(state: MockState, job: Stored): void {
  const model = `ft:${job.model}:acme-mock::${job.id.replace(/\W/g, '').slice(-8)}`
  job.fine_tuned_model = model
  job.trained_tokens = 1200
  job.finished_at = unix()
  job.status = 'succeeded'
  const checkpoints = collectionAt(state, jobPath(job.id, 'checkpoints'))
  for (const step of CHECKPOINT_STEPS) {
    const id = nextId(state, 'ftckpt')
    checkpoints.set(id, {
      id,
      object: 'fine_tuning.job.checkpoint',
      created_at: unix(),
      fine_tuned_model_checkpoint: `${model}:ckpt-step-${step}`,
      fine_tuning_job_id: job.id,
      step_number: step,
      metrics: { step, train_loss: 1 / step, train_mean_token_accuracy: 1 - 1 / step },
    })
  }
  addEvent(state, job, `New fine-tuned model created: ${model}`)
  addEvent(state, job, 'The job has successfully completed')
}

/** `GET /v1/fine_tuning/jobs/{id}`: each retrieval moves the job `validating_files` → `queued` → `running` → `succeeded`. */
export function retrieveFineTuningJob(ctx: RouteContext) {
  const job = storedOr404(ctx, JOB, 'fine-tuning job')
  if (!job) return
  if (!pausedJobs(ctx.state).has(job.id)) {
    if (job.status === 'validating_files') {
      job.status = 'queued'
      addEvent(ctx.state, job, 'Files validated, moving job to queued state')
    } else if (job.status === 'queued') {
      job.status = 'running'
      addEvent(ctx.state, job, 'Fine-tuning job started')
    } else if (job.status === 'running') succeed(ctx.state, job)
  }
  const done = TERMINAL.includes(String(job.status))
  sendJson(ctx.res, 200, job, done ? {} : { 'openai-poll-after-ms': POLL_AFTER_MS })
}

/** `POST …/cancel`, `…/pause`, `…/resume` on a job that has not finished (409 otherwise). */
function jobAction(action: 'cancel' | 'pause' | 'resume') {
  return (ctx: RouteContext) => {
    const job = storedOr404(ctx, JOB, 'fine-tuning job')
    if (!job) return
    if (TERMINAL.includes(String(job.status)))
      return sendError(ctx.res, 409, `Cannot ${action} a job with status '${job.status}'.`)
    const pausedSet = pausedJobs(ctx.state)
    if (action === 'cancel') {
      setStatus('FineTuningJob', job, 'cancelled')
      job.finished_at = unix()
      pausedSet.delete(job.id)
      addEvent(ctx.state, job, 'Job cancelled')
    } else if (action === 'pause') {
      pausedSet.add(job.id)
      addEvent(ctx.state, job, 'Job paused')
    } else {
      if (!pausedSet.delete(job.id)) return sendError(ctx.res, 409, 'Only a paused job can be resumed.')
      addEvent(ctx.state, job, 'Job resumed')
    }
    sendJson(ctx.res, 200, job)
  }
}

export const cancelFineTuningJob = jobAction('cancel')
export const pauseFineTuningJob = jobAction('pause')
export const resumeFineTuningJob = jobAction('resume')

/** `POST /v1/fine_tuning/checkpoints/{checkpoint}/permissions`: one permission per `project_ids` entry. */
export function createFineTuningCheckpointPermission(ctx: RouteContext) {
  const body = isRecord(ctx.request.json) ? ctx.request.json : {}
  const projects = body.project_ids
  if (!Array.isArray(projects) || projects.length === 0 || !projects.every((p) => typeof p === 'string'))
    return sendError(ctx.res, 400, "Invalid 'project_ids': expected a non-empty array of project ids.", {
      param: 'project_ids',
    })
  const template = '/v1/fine_tuning/checkpoints/:fine_tuned_model_checkpoint/permissions'
  const permissions = collectionAt(ctx.state, fillPath(template, ctx.params))
  const data = projects.map((project_id) => {
    const permission = {
      id: nextId(ctx.state, 'cp'),
      object: 'checkpoint.permission',
      created_at: unix(),
      project_id,
    }
    permissions.set(permission.id, permission)
    return permission
  })
  sendJson(ctx.res, 200, {
    object: 'list',
    data,
    first_id: data[0].id,
    last_id: data.at(-1)!.id,
    has_more: false,
  })
}

/** Jobs whose fine-tuned model was deleted. */
const deletedModels = new WeakSet<Stored>()

/** `DELETE /v1/models/{model}`: deletes a model a fine-tuning job made (404 for any other model). */
export function deleteModel(ctx: RouteContext) {
  const id = ctx.params.model
  const job = [...collectionAt(ctx.state, JOBS).values()].find((j) => j.fine_tuned_model === id)
  if (!job || deletedModels.has(job)) return sendNotFound(ctx.res, 'model', id, 'model')
  deletedModels.add(job)
  sendJson(ctx.res, 200, { id, object: 'model', deleted: true })
}
