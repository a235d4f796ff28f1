// @acme/openai-files: the seed's upload (`file=Path("input.jsonl"), purpose="fine-tune"`), listing with
// auto-pagination and page by page, a streamed download, a large upload in parts with progress, clean-up.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  deleteFile,
  InvalidUploadError,
  listFiles,
  retrieveFileContent,
  uploadFile,
  uploadLargeFile,
  waitForProcessing,
} from '@acme/openai-files/node'

export default async function filesTour({ client, mock, live, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'acme-files-demo-'))
  const created = []
  try {
    const path = join(dir, 'input.jsonl')
    const lines = ['Paris', 'Rome', 'Madrid'].map((city) =>
      JSON.stringify({
        messages: [
          {
            role: 'user',
            content: `Capital of ${city === 'Paris' ? 'France' : city === 'Rome' ? 'Italy' : 'Spain'}?`,
          },
          { role: 'assistant', content: city },
        ],
      }),
    )
    writeFileSync(path, `${lines.join('\n')}\n`)

    // The seed example: a path is read lazily from disk (and can be retried), never loaded into memory.
    const file = await uploadFile(client, { file: path, purpose: 'fine-tune' })
    created.push(file.id)
    log('uploadFile(client, { file: "input.jsonl", purpose: "fine-tune" })', file)

    const ready = await waitForProcessing(client, file.id, {
      pollInterval: live ? 2000 : 50,
      timeout: 120_000,
    })
    log('waitForProcessing: polled until the file is final', { id: ready.id, status: ready.status })

    for (const name of ['a.jsonl', 'b.jsonl', 'c.jsonl']) {
      const more = await uploadFile(client, {
        file: [name, `${lines[0]}\n`, 'application/jsonl'],
        purpose: 'fine-tune',
      })
      created.push(more.id)
    }

    const all = []
    for await (const f of listFiles(client, { purpose: 'fine-tune', limit: 2 })) all.push(f.filename)
    log('for await (const f of listFiles(client, { purpose, limit: 2 })): every page, fetched as needed', all)

    let page = await listFiles(client, { purpose: 'fine-tune', limit: 2 })
    const pages = [page.data.map((f) => f.filename)]
    log('page by page: page.data, page.hasNextPage(), page.nextPageInfo()', {
      data: pages[0],
      hasNextPage: page.hasNextPage(),
      nextPageInfo: page.nextPageInfo(),
    })
    while (page.hasNextPage() && pages.length < 10) {
      page = await page.getNextPage()
      pages.push(page.data.map((f) => f.filename))
    }
    log('page.getNextPage() until hasNextPage() is false', pages)

    const stream = await retrieveFileContent(client, file.id)
    const text = await new Response(stream).text()
    log('retrieveFileContent: a ReadableStream of the bytes', text.split('\n')[0])

    const big = join(dir, 'big.jsonl')
    writeFileSync(big, `${lines.join('\n')}\n`.repeat(2000))
    const progress = []
    const upload = await uploadLargeFile(client, {
      file: big,
      purpose: 'fine-tune',
      mimeType: 'text/jsonl',
      partSize: live ? 5 * 1024 * 1024 : 64 * 1024,
      concurrency: 3,
      onProgress: (sent, total) => progress.push(`${Math.round((100 * sent) / total)}%`),
    })
    created.push(upload.file.id)
    log('uploadLargeFile: parts sent 3 at a time, completed in order', {
      status: upload.status,
      bytes: upload.bytes,
      file: upload.file.id,
      progress: progress.join(' '),
    })

    if (!live) {
      // One part fails once: core retries that part alone; the others are sent once.
      mock.enqueueFault({
        match: { method: 'POST', path: /\/parts$/ },
        status: 503,
        headers: { 'retry-after-ms': '10' },
      })
      const before = mock.requests.length
      const retried = await uploadLargeFile(client, {
        file: big,
        purpose: 'fine-tune',
        mimeType: 'text/jsonl',
        partSize: 256 * 1024,
      })
      created.push(retried.file.id)
      const parts = mock.requests.slice(before).filter((r) => r.path.endsWith('/parts')).length
      log('A part answered 503 is retried alone', {
        parts: Math.ceil(retried.bytes / (256 * 1024)),
        partRequests: parts,
      })
    }

    const refused = await uploadFile(client, { file: { foo: 1 }, purpose: 'fine-tune' }).catch((e) => e)
    log('A value that is not a file is a typed error, before any byte is sent', {
      isInvalidUploadError: refused instanceof InvalidUploadError,
      message: refused.message,
    })
  } finally {
    for (const id of created.reverse()) await deleteFile(client, id).catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }
  log('deleteFile for every file the tour made', `${created.length} deleted`)
}
