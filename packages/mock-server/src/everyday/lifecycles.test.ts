import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMockServer } from '../start-mock-server'
import type { MockServer } from '../types'
import { OPERATIONS } from './route-table'
import { schemaProblem } from './schema-check'

let server: MockServer
beforeAll(async () => {
  server = await startMockServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.baseURL}${path}`, {
    method,
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  const json = res.headers.get('content-type') === 'application/json' ? JSON.parse(text) : undefined
  return { status: res.status, headers: res.headers, text, json }
}

async function upload(name: string, purpose: string, text: string): Promise<string> {
  const form = new FormData()
  form.append('purpose', purpose)
  form.append('file', new Blob([text]), name)
  const res = await fetch(`${server.baseURL}/files`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test' },
    body: form,
  })
  return ((await res.json()) as { id: string }).id
}

const jsonl = (lines: unknown[]) => lines.map((l) => `${JSON.stringify(l)}\n`).join('')

describe('batches', () => {
  it('moves validating → in_progress → completed, one step per retrieve, with one output line per request', async () => {
    const input = await upload(
      'in.jsonl',
      'batch',
      jsonl([
        {
          custom_id: 'e1',
          method: 'POST',
          url: '/v1/embeddings',
          body: { model: 'm', input: 'a', dimensions: 4 },
        },
        {
          custom_id: 'e2',
          method: 'POST',
          url: '/v1/embeddings',
          body: { model: 'm', input: 'b', dimensions: 4 },
        },
        { custom_id: 'bad', method: 'POST', url: '/v1/embeddings', body: { input: 'no model' } },
      ]),
    )
    const created = await call('POST', '/batches', {
      input_file_id: input,
      endpoint: '/v1/embeddings',
      completion_window: '24h',
    })
    expect(created.json.status).toBe('validating')
    expect(created.headers.get('openai-poll-after-ms')).toBe('20')
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await call('GET', `/batches/${created.json.id}`)).json)
    expect(statuses.map((b) => b.status)).toEqual(['in_progress', 'completed', 'completed'])
    expect(statuses[0].request_counts).toEqual({ total: 3, completed: 0, failed: 0 })
    const done = statuses[2]
    expect(schemaProblem('Batch', done)).toBeNull()
    expect(done.request_counts).toEqual({ total: 3, completed: 2, failed: 1 })
    expect(done.completed_at).toEqual(expect.any(Number))
    const output = await call('GET', `/files/${done.output_file_id}/content`)
    const lines = output.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.custom_id)).toEqual(['e1', 'e2'])
    expect(lines[0].response).toMatchObject({ status_code: 200, body: { object: 'list', model: 'm' } })
    expect(lines[0].response.body.data[0].embedding).toHaveLength(4)
    expect(schemaProblem('CreateEmbeddingResponse', lines[0].response.body)).toBeNull()
    const errors = await call('GET', `/files/${done.error_file_id}/content`)
    expect(JSON.parse(errors.text)).toMatchObject({
      custom_id: 'bad',
      response: null,
      error: { code: expect.any(String) },
    })
    expect((await call('GET', `/files/${done.output_file_id}`)).json).toMatchObject({
      purpose: 'batch_output',
    })
  })

  it('cancels to cancelling, then cancelled; a finished batch refuses cancel; lists see it', async () => {
    const input = await upload(
      'in.jsonl',
      'batch',
      jsonl([{ custom_id: 'a', method: 'POST', url: '/v1/embeddings', body: { model: 'm', input: 'a' } }]),
    )
    const { json: batch } = await call('POST', '/batches', {
      input_file_id: input,
      endpoint: '/v1/embeddings',
      completion_window: '24h',
    })
    expect((await call('POST', `/batches/${batch.id}/cancel`)).json.status).toBe('cancelling')
    expect((await call('GET', `/batches/${batch.id}`)).json.status).toBe('cancelled')
    expect((await call('POST', `/batches/${batch.id}/cancel`)).status).toBe(409)
    const list = await call('GET', '/batches?limit=1')
    expect(list.json).toMatchObject({ object: 'list', data: [{ id: batch.id }], has_more: false })
  })

  it('refuses an unknown input file or endpoint with 400', async () => {
    expect(
      (
        await call('POST', '/batches', {
          input_file_id: 'file-x',
          endpoint: '/v1/embeddings',
          completion_window: '24h',
        })
      ).status,
    ).toBe(400)
    const input = await upload('in.jsonl', 'batch', '')
    expect(
      (
        await call('POST', '/batches', {
          input_file_id: input,
          endpoint: '/v1/nope',
          completion_window: '24h',
        })
      ).status,
    ).toBe(400)
  })
})

describe('fine-tuning jobs', () => {
  it('runs validating_files → queued → running → succeeded, with events and checkpoints', async () => {
    const training = await upload('train.jsonl', 'fine-tune', '{"messages":[]}\n')
    const { json: job } = await call('POST', '/fine_tuning/jobs', {
      model: 'gpt-4o-mini',
      training_file: training,
    })
    expect(job.status).toBe('validating_files')
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await call('GET', `/fine_tuning/jobs/${job.id}`)).json)
    expect(statuses.map((j) => j.status)).toEqual(['queued', 'running', 'succeeded'])
    const done = statuses[2]
    expect(schemaProblem('FineTuningJob', done)).toBeNull()
    expect(done.fine_tuned_model).toMatch(/^ft:gpt-4o-mini:/)
    const events = await call('GET', `/fine_tuning/jobs/${job.id}/events?limit=2`)
    expect(events.json.data).toHaveLength(2)
    expect(events.json.has_more).toBe(true)
    expect(events.json.data[0].message).toBe('The job has successfully completed')
    const checkpoints = await call('GET', `/fine_tuning/jobs/${job.id}/checkpoints`)
    expect(checkpoints.json.data.map((c: { step_number: number }) => c.step_number)).toEqual([30, 20, 10])
    expect(schemaProblem('ListFineTuningJobCheckpointsResponse', checkpoints.json)).toBeNull()
    expect((await call('DELETE', `/models/${encodeURIComponent(done.fine_tuned_model)}`)).json).toEqual({
      id: done.fine_tuned_model,
      object: 'model',
      deleted: true,
    })
    expect((await call('DELETE', `/models/${encodeURIComponent(done.fine_tuned_model)}`)).status).toBe(404)
  })

  it('pauses (no progress), resumes and cancels; a finished job refuses actions', async () => {
    const training = await upload('train.jsonl', 'fine-tune', '{"messages":[]}\n')
    const { json: job } = await call('POST', '/fine_tuning/jobs', {
      model: 'gpt-4o-mini',
      training_file: training,
    })
    await call('POST', `/fine_tuning/jobs/${job.id}/pause`)
    expect((await call('GET', `/fine_tuning/jobs/${job.id}`)).json.status).toBe('validating_files')
    await call('POST', `/fine_tuning/jobs/${job.id}/resume`)
    expect((await call('GET', `/fine_tuning/jobs/${job.id}`)).json.status).toBe('queued')
    expect((await call('POST', `/fine_tuning/jobs/${job.id}/cancel`)).json.status).toBe('cancelled')
    expect((await call('POST', `/fine_tuning/jobs/${job.id}/cancel`)).status).toBe(409)
    const events = await call('GET', `/fine_tuning/jobs/${job.id}/events`)
    expect(events.json.data.map((e: { message: string }) => e.message).slice(0, 3)).toEqual([
      'Job cancelled',
      'Files validated, moving job to queued state',
      'Job resumed',
    ])
  })
})

describe('vector stores', () => {
  it('lists files by status with ?filter=', async () => {
    const { json: store } = await call('POST', '/vector_stores', { name: 'docs' })
    const ok = await upload('ok.txt', 'assistants', 'text')
    const bad = await upload('bad.bin', 'assistants', 'bytes')
    for (const id of [ok, bad]) await call('POST', `/vector_stores/${store.id}/files`, { file_id: id })
    const ids = async (filter: string) =>
      (await call('GET', `/vector_stores/${store.id}/files?filter=${filter}`)).json.data.map(
        (f: { id: string }) => f.id,
      )
    expect(await ids('in_progress')).toEqual([bad, ok])
    for (let i = 0; i < 2; i++) await call('GET', `/vector_stores/${store.id}`)
    expect([await ids('completed'), await ids('failed')]).toEqual([[ok], [bad]])
    expect((await call('GET', `/vector_stores/${store.id}`)).json.file_counts).toMatchObject({
      completed: 1,
      failed: 1,
      total: 2,
    })
  })
})

describe('conversations', () => {
  it('keeps items: create with items, add, list with a cursor, retrieve, delete', async () => {
    const { json: conversation } = await call('POST', '/conversations', {
      items: [{ role: 'user', content: 'one' }],
      metadata: { topic: 'demo' },
    })
    expect(conversation).toMatchObject({ object: 'conversation', metadata: { topic: 'demo' } })
    const added = await call('POST', `/conversations/${conversation.id}/items`, {
      items: [
        { role: 'assistant', content: 'two' },
        { role: 'user', content: 'three' },
      ],
    })
    expect(added.json.data).toHaveLength(2)
    const page1 = await call('GET', `/conversations/${conversation.id}/items?limit=2&order=asc`)
    expect(page1.json.data.map((i: { content: { text: string }[] }) => i.content[0].text)).toEqual([
      'one',
      'two',
    ])
    expect(page1.json.has_more).toBe(true)
    const page2 = await call(
      'GET',
      `/conversations/${conversation.id}/items?limit=2&order=asc&after=${page1.json.last_id}`,
    )
    expect(page2.json.data.map((i: { content: { text: string }[] }) => i.content[0].text)).toEqual(['three'])
    const item = await call('GET', `/conversations/${conversation.id}/items/${page2.json.data[0].id}`)
    expect(schemaProblem('ConversationItem', item.json)).toBeNull()
    expect((await call('DELETE', `/conversations/${conversation.id}/items/${item.json.id}`)).json.id).toBe(
      conversation.id,
    )
    expect((await call('GET', `/conversations/${conversation.id}/items/${item.json.id}`)).status).toBe(404)
    expect((await call('DELETE', `/conversations/${conversation.id}`)).json).toMatchObject({ deleted: true })
    expect((await call('GET', `/conversations/${conversation.id}/items`)).status).toBe(404)
  })

  it('adds a response’s input and output to the conversation it names', async () => {
    const { json: conversation } = await call('POST', '/conversations', {})
    const response = await call('POST', '/responses', {
      model: 'gpt-5.4',
      input: 'hi there',
      conversation: conversation.id,
    })
    expect(response.json.conversation).toEqual({ id: conversation.id })
    const items = await call('GET', `/conversations/${conversation.id}/items?order=asc`)
    expect(items.json.data.map((i: { role: string }) => i.role)).toEqual(['user', 'assistant'])
    expect(items.json.data[1].id).toBe(response.json.output[0].id)
    expect(
      (await call('POST', '/responses', { model: 'gpt-5.4', input: 'x', conversation: 'conv_nope' })).status,
    ).toBe(404)
    expect(
      (
        await call('POST', '/responses', {
          model: 'gpt-5.4',
          input: 'x',
          conversation: { id: conversation.id },
          previous_response_id: response.json.id,
        })
      ).status,
    ).toBe(400)
  })
})

describe('faults', () => {
  it('apply to every everyday route', async () => {
    const paths = [...new Set(OPERATIONS.map((op) => `${op.method} ${op.path.replace(/:\w+/g, 'x')}`))]
    for (const route of paths) {
      const [method, path] = route.split(' ')
      server.enqueueFault({ status: 503 })
      const res = await call(method, path.slice(3), method === 'POST' ? {} : undefined)
      expect(`${route} ${res.status}`).toBe(`${route} 503`)
    }
    server.enqueueFault({ match: { path: '/v1/vector_stores' }, delayMs: 1, headers: { 'x-extra': 'yes' } })
    const slow = await call('GET', '/vector_stores')
    expect(slow.status).toBe(200)
    expect(slow.headers.get('x-extra')).toBe('yes')
  })
})
