// @acme/openai-evals: an eval, a run, its output items.
import { createEval, createEvalRun, deleteEval, listEvalRunOutputItems } from '@acme/openai-evals'

export default async function evalsTour({ client, live, log }) {
  if (live) return log('evals', 'skipped against the real API (a run costs money)')
  const evaluation = await createEval(client, {
    name: 'capitals',
    data_source_config: {
      type: 'custom',
      item_schema: { type: 'object', properties: { q: { type: 'string' } } },
    },
    testing_criteria: [
      {
        type: 'string_check',
        name: 'exact',
        input: '{{sample.output_text}}',
        reference: 'Paris',
        operation: 'eq',
      },
    ],
  })
  log('createEval(client, { name, data_source_config, testing_criteria })', {
    id: evaluation.id,
    name: evaluation.name,
  })
  const run = await createEvalRun(client, evaluation.id, {
    name: 'first run',
    data_source: {
      type: 'jsonl',
      source: { type: 'file_content', content: [{ item: { q: 'Capital of France?' } }] },
    },
  })
  log('createEvalRun(client, evalId, { data_source })', {
    status: run.status,
    result_counts: run.result_counts,
  })
  const items = await listEvalRunOutputItems(client, evaluation.id, run.id)
  log(
    'listEvalRunOutputItems(client, evalId, runId)',
    items.data.map((i) => i.status),
  )
  await deleteEval(client, evaluation.id)
}
