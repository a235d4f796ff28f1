import { sendJson } from '../reply'
import type { RouteContext } from '../route'
import { buildObject, collectionAt, fillPath, storedOr404 } from './resources'

const RUNS = '/v1/evals/:eval_id/runs'

/**
 * `POST /v1/evals/{id}/runs`: a run that has already finished, with one passing output item, so that the run,
 * its output items and their retrieval can be chained right away.
 */
export function createEvalRun(ctx: RouteContext) {
  if (!storedOr404(ctx, '/v1/evals/:eval_id', 'eval')) return
  const run = buildObject(ctx, 'EvalRun', { prefix: ['evalrun'], body: ctx.request.json })
  run.status = 'completed'
  run.error = { code: '', message: '' }
  run.result_counts = { total: 1, errored: 0, failed: 0, passed: 1 }
  run.report_url = `https://platform.openai.com/evaluations/${ctx.params.eval_id}?run_id=${run.id}`
  collectionAt(ctx.state, fillPath(RUNS, ctx.params)).set(run.id, run)
  const item = buildObject({ ...ctx, params: { ...ctx.params, run_id: run.id } }, 'EvalRunOutputItem', {
    prefix: ['outputitem'],
  })
  item.status = 'pass'
  item.datasource_item_id = 0
  collectionAt(ctx.state, `${fillPath(RUNS, ctx.params)}/${encodeURIComponent(run.id)}/output_items`).set(
    item.id,
    item,
  )
  sendJson(ctx.res, 201, run)
}
