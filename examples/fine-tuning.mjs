// @acme/openai-fine-tuning: a job from upload to model, with its events paged three ways (as the Python README shows).
import { uploadFile } from '@acme/openai-files'
import {
  createFineTuningJob,
  listFineTuningJobCheckpoints,
  listFineTuningJobEvents,
  listFineTuningJobs,
  retrieveFineTuningJob,
} from '@acme/openai-fine-tuning'

export default async function fineTuningTour({ client, live, log }) {
  if (live) return log('fine-tuning', 'skipped against the real API (a job costs money and takes minutes)')
  const line = JSON.stringify({
    messages: [
      { role: 'user', content: 'Capital of France?' },
      { role: 'assistant', content: 'Paris' },
    ],
  })
  const file = await uploadFile(client, { file: ['train.jsonl', `${line}\n`], purpose: 'fine-tune' })
  let job = await createFineTuningJob(client, { model: 'gpt-4o-mini', training_file: file.id })
  while (job.status !== 'succeeded' && job.status !== 'failed' && job.status !== 'cancelled')
    job = await retrieveFineTuningJob(client, job.id)
  log('createFineTuningJob, then retrieveFineTuningJob until done', {
    status: job.status,
    fine_tuned_model: job.fine_tuned_model,
  })

  // All items, across pages:
  const all = []
  for await (const event of listFineTuningJobEvents(client, job.id, { limit: 2 })) all.push(event.message)
  log('for await (const event of listFineTuningJobEvents(client, id, { limit: 2 }))', all)
  // One page at a time:
  const first = await listFineTuningJobEvents(client, job.id, { limit: 2 })
  log('first page: .data, .hasNextPage()', { data: first.data.length, hasNextPage: first.hasNextPage() })
  if (first.hasNextPage())
    log(
      'await first.getNextPage()',
      (await first.getNextPage()).data.map((e) => e.message),
    )

  const jobs = await listFineTuningJobs(client, { limit: 20 })
  log(
    'listFineTuningJobs(client, { limit: 20 })',
    jobs.data.map((j) => `${j.id} ${j.status}`),
  )
  const checkpoints = await listFineTuningJobCheckpoints(client, job.id)
  log(
    'listFineTuningJobCheckpoints',
    checkpoints.data.map((c) => c.fine_tuned_model_checkpoint),
  )
}
