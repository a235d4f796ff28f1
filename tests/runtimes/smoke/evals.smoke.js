// @acme/openai-evals on every runtime: an eval, a run, its output items, delete.
import { createClient, request } from '@acme/openai-core'
import {
  createEval,
  createEvalRun,
  deleteEval,
  listEvalRunOutputItems,
  listEvalRuns,
} from '@acme/openai-evals'
import { checklist, equal } from './checklist.js'

const criterion = {
  type: 'string_check',
  name: 'exact',
  input: '{{sample.output_text}}',
  reference: '{{item.answer}}',
  operation: 'eq',
}

/** Runs the Evals checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let evaluation
  let run

  await list.check('createEval and createEvalRun', async () => {
    const form = new FormData()
    form.append('purpose', 'evals')
    form.append('file', new Blob(['{"item":{"answer":"4"}}\n']), 'items.jsonl')
    const uploaded = await request(client, { method: 'post', path: '/files', body: form })
    evaluation = await createEval(client, {
      data_source_config: { type: 'custom', item_schema: { type: 'object' } },
      testing_criteria: [criterion],
    })
    run = await createEvalRun(client, evaluation.id, {
      data_source: { type: 'jsonl', source: { type: 'file_id', id: uploaded.id } },
    })
    equal([evaluation.object, run.eval_id], ['eval', evaluation.id], 'created')
  })

  await list.check('listEvalRuns and listEvalRunOutputItems', async () => {
    equal(
      (await listEvalRuns(client, evaluation.id)).data.map((r) => r.id),
      [run.id],
      'runs',
    )
    const page = await listEvalRunOutputItems(client, evaluation.id, run.id)
    equal(Array.isArray(page.data), true, 'output items page')
  })

  await list.check('deleteEval deletes it', async () => {
    equal((await deleteEval(client, evaluation.id)).deleted, true, 'deleted')
  })

  return list.report()
}
