// Conformance: the official `openai` client and @acme/openai-files make the same Files and Uploads calls against
// one recording mock server; the requests must agree on method, path, query, JSON body, auth and content type,
// and multipart uploads on their field names, filenames, part content types and bytes.

import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@acme/openai-core'
import {
  addUploadPart,
  cancelUpload,
  completeUpload,
  createUpload,
  deleteFile,
  listFiles,
  retrieveFile,
  retrieveFileContent,
  toFile,
  uploadFile,
} from '@acme/openai-files'
import { uploadFile as uploadFromNode } from '@acme/openai-files/node'
import { type MockServer, startMockServer } from '@acme/openai-mock'
import OpenAI, { toFile as officialToFile } from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { multipartEssentials as essentials } from './multipart'
import { recordOne } from './recorded'

let mock: MockServer
let official: OpenAI
let ours: ReturnType<typeof createClient>
let fileId: string
let uploadId: string
let partId: string
const dir = mkdtempSync(join(tmpdir(), 'files-conformance-'))
const path = join(dir, 'input.jsonl')
writeFileSync(path, '{"prompt":"a","completion":"b"}\n')

beforeAll(async () => {
  mock = await startMockServer()
  official = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  ours = createClient({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 })
  fileId = (await uploadFile(ours, { file: ['kept.txt', 'kept'], purpose: 'assistants' })).id
  uploadId = (
    await createUpload(ours, { filename: 'u.txt', purpose: 'assistants', bytes: 3, mime_type: 'text/plain' })
  ).id
  partId = (await addUploadPart(ours, uploadId, { data: new Blob(['abc']) })).id
})
afterAll(async () => {
  await mock.close()
  rmSync(dir, { recursive: true, force: true })
})

const named = (body: string, url: string, type: string) => {
  const response = new Response(body, { headers: { 'content-type': type } })
  Object.defineProperty(response, 'url', { value: url })
  return response
}

type Call = () => Promise<unknown>
interface Case {
  name: string
  official: Call
  ours: Call
  /** Compare multipart fields as a set: openai-node appends a Response's file after the text fields. */
  anyFieldOrder?: boolean
}

const cases: Case[] = [
  {
    name: 'upload a File',
    official: () =>
      official.files.create({
        file: new File(['{}\n'], 'train.jsonl', { type: 'application/jsonl' }),
        purpose: 'fine-tune',
      }),
    ours: () =>
      uploadFile(ours, {
        file: new File(['{}\n'], 'train.jsonl', { type: 'application/jsonl' }),
        purpose: 'fine-tune',
      }),
  },
  {
    name: 'upload toFile(bytes, name, { type })',
    official: async () =>
      official.files.create({
        file: await officialToFile(new TextEncoder().encode('bytes'), 'data.bin', {
          type: 'application/octet-stream',
        }),
        purpose: 'assistants',
      }),
    ours: async () =>
      uploadFile(ours, {
        file: await toFile(new TextEncoder().encode('bytes'), 'data.bin', {
          type: 'application/octet-stream',
        }),
        purpose: 'assistants',
      }),
  },
  {
    name: 'upload toFile(bytes) without a name',
    official: async () =>
      official.files.create({ file: await officialToFile(new Uint8Array([1, 2])), purpose: 'assistants' }),
    ours: async () => uploadFile(ours, { file: await toFile(new Uint8Array([1, 2])), purpose: 'assistants' }),
  },
  {
    name: 'upload a bare Blob',
    official: () =>
      official.files.create({ file: new Blob(['blob'], { type: 'text/plain' }), purpose: 'assistants' }),
    ours: () => uploadFile(ours, { file: new Blob(['blob'], { type: 'text/plain' }), purpose: 'assistants' }),
  },
  {
    name: 'upload a fetch Response (name from its URL)',
    official: () =>
      official.files.create({
        file: named('{"r":1}', 'https://x.test/dl/report%20v2.json', 'application/json'),
        purpose: 'user_data',
      }),
    ours: () =>
      uploadFile(ours, {
        file: named('{"r":1}', 'https://x.test/dl/report%20v2.json', 'application/json'),
        purpose: 'user_data',
      }),
    anyFieldOrder: true,
  },
  {
    name: 'upload an fs.ReadStream (streamed multipart)',
    official: () => official.files.create({ file: createReadStream(path), purpose: 'fine-tune' }),
    ours: () => uploadFromNode(ours, { file: createReadStream(path), purpose: 'fine-tune' }),
  },
  {
    name: 'upload with expires_after',
    official: () =>
      official.files.create({
        file: new File(['x'], 'x.jsonl'),
        purpose: 'batch',
        expires_after: { anchor: 'created_at', seconds: 3600 },
      }),
    ours: () =>
      uploadFile(ours, {
        file: new File(['x'], 'x.jsonl'),
        purpose: 'batch',
        expires_after: { anchor: 'created_at', seconds: 3600 },
      }),
  },
  {
    name: 'list with every query parameter',
    official: () => official.files.list({ purpose: 'assistants', limit: 2, order: 'asc', after: fileId }),
    ours: () => listFiles(ours, { purpose: 'assistants', limit: 2, order: 'asc', after: fileId }),
  },
  { name: 'list without parameters', official: () => official.files.list(), ours: () => listFiles(ours) },
  {
    name: 'retrieve',
    official: () => official.files.retrieve(fileId),
    ours: () => retrieveFile(ours, fileId),
  },
  {
    name: 'retrieve content',
    official: async () => (await official.files.content(fileId)).text(),
    ours: async () => new Response(await retrieveFileContent(ours, fileId)).text(),
  },
  {
    name: 'delete (unknown id)',
    official: () => official.files.delete('file-nope'),
    ours: () => deleteFile(ours, 'file-nope'),
  },
  {
    name: 'create an upload',
    official: () =>
      official.uploads.create({ filename: 'b.jsonl', purpose: 'batch', bytes: 10, mime_type: 'text/jsonl' }),
    ours: () =>
      createUpload(ours, { filename: 'b.jsonl', purpose: 'batch', bytes: 10, mime_type: 'text/jsonl' }),
  },
  {
    name: 'add an upload part',
    official: () => official.uploads.parts.create(uploadId, { data: new Blob(['abc']) }),
    ours: () => addUploadPart(ours, uploadId, { data: new Blob(['abc']) }),
  },
  {
    name: 'complete an upload (unknown id)',
    official: () => official.uploads.complete('upload_nope', { part_ids: [partId], md5: 'abc' }),
    ours: () => completeUpload(ours, 'upload_nope', { part_ids: [partId], md5: 'abc' }),
  },
  {
    name: 'cancel an upload (unknown id)',
    official: () => official.uploads.cancel('upload_nope'),
    ours: () => cancelUpload(ours, 'upload_nope'),
  },
]

const record = (call: Call) => recordOne(mock, call)

describe('files conformance with the official openai client', () => {
  for (const c of cases)
    it(c.name, async () => {
      const theirs = await record(c.official)
      const mine = await record(c.ours)
      const expected = await essentials(theirs, c.anyFieldOrder)
      expect(await essentials(mine, c.anyFieldOrder)).toEqual(expected)
      expect(expected.authorization).toBe('Bearer sk-test')
      if (c.name.startsWith('upload')) expect(expected.fields).not.toHaveLength(0)
    })
})
