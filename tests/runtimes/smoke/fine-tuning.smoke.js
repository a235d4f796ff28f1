// @acme/openai-fine-tuning on every runtime: create a job from an uploaded file, walk its events with `for await`,
// page through jobs, cancel. The training file is uploaded with core's `request`.
import { createClient, request } from '@acme/openai-core'
import {
  cancelFineTuningJob,
  createFineTuningJob,
  listFineTuningJobEvents,
  listFineTuningJobs,
  retrieveFineTuningJob,
} from '@acme/openai-fine-tuning'
import { checklist, equal } from './checklist.js'

const line = '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}\n'

/** Runs the Fine-tuning checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let job

  await list.check('createFineTuningJob starts a job', async () => {
    const form = new FormData()
    form.append('purpose', 'fine-tune')
    form.append('file', new Blob([line]), 'train.jsonl')
    const file = await request(client, { method: 'post', path: '/files', body: form })
    job = await createFineTuningJob(client, { model: 'gpt-4o-mini-2024-07-18', training_file: file.id })
    equal([job.object, job.training_file], ['fine_tuning.job', file.id], 'job')
  })

  await list.check('retrieveFineTuningJob, listFineTuningJobs and its events', async () => {
    equal((await retrieveFineTuningJob(client, job.id)).id, job.id, 'retrieved')
    const page = await listFineTuningJobs(client, { limit: 20 })
    equal(
      page.data.some((j) => j.id === job.id),
      true,
      'listed',
    )
    let events = 0
    for await (const event of listFineTuningJobEvents(client, job.id))
      events += event.object === 'fine_tuning.job.event' ? 1 : 0
    equal(events > 0, true, 'events')
  })

  await list.check('cancelFineTuningJob cancels it', async () => {
    equal((await cancelFineTuningJob(client, job.id)).status, 'cancelled', 'status')
  })

  return list.report()
}
