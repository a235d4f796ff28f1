import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'

/** The headers of one multipart part. */
export interface MultipartPartInfo {
  name: string
  /** Present for file parts. */
  filename: string | undefined
  contentType: string | undefined
}

/** What `parseMultipart` yields: a part's headers, then its bytes in pieces. */
export type MultipartEvent = { kind: 'part'; part: MultipartPartInfo } | { kind: 'data'; bytes: Buffer }

const MAX_HEADER_BYTES = 16 * 1024

/** The boundary of a `multipart/form-data` content type, or `null` when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null
  const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType)
  return match ? (match[1] ?? match[2]) : null
}

/** Undoes the percent-escapes senders use in quoted header values (`"`, `\`, control characters). */
function unescapeHeaderValue(value: string): string {
  return value.replace(/%(0[0-9A-F]|1[0-9A-F]|22|5C|7F)/gi, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  )
}

function dispositionParam(disposition: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(disposition)
  if (!match) return undefined
  return match[1] !== undefined ? unescapeHeaderValue(match[1].replace(/\\(.)/g, '$1')) : match[2]
}

function parsePartHeaders(text: string): MultipartPartInfo {
  const headers: Record<string, string> = {}
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const disposition = headers['content-disposition'] ?? ''
  return {
    name: dispositionParam(disposition, 'name') ?? '',
    filename: dispositionParam(disposition, 'filename'),
    contentType: headers['content-type'],
  }
}

/**
 * Parses a multipart body as it arrives: yields each part's headers and then its bytes, holding no more than one
 * network chunk plus a boundary's length, so a 1 GB file part never sits in memory. Throws on a malformed or
 * truncated body.
 */
export async function* parseMultipart(
  source: AsyncIterable<Uint8Array>,
  boundary: string,
): AsyncGenerator<MultipartEvent> {
  const dashBoundary = Buffer.from(`--${boundary}`)
  const delimiter = Buffer.from(`\r\n--${boundary}`)
  const iterator = source[Symbol.asyncIterator]()
  let buf: Buffer = Buffer.alloc(0)
  const more = async (what: string) => {
    const { done, value } = await iterator.next()
    if (done) throw new Error(`The multipart body ended ${what}.`)
    const chunk = Buffer.isBuffer(value)
      ? value
      : Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk
  }

  let at = buf.indexOf(dashBoundary)
  while (at === -1) {
    await more('before its first boundary')
    at = buf.indexOf(dashBoundary)
  }
  buf = buf.subarray(at + dashBoundary.length)
  for (;;) {
    while (buf.length < 2) await more('right after a boundary')
    if (buf[0] === 0x2d && buf[1] === 0x2d) break // `--`: the closing boundary
    let lineEnd = buf.indexOf('\r\n')
    while (lineEnd === -1) {
      await more('inside a boundary line')
      lineEnd = buf.indexOf('\r\n')
    }
    buf = buf.subarray(lineEnd + 2)
    // -2 when the part has no headers at all (its blank line comes first).
    const headerEnd = () => (buf[0] === 0x0d && buf[1] === 0x0a ? -2 : buf.indexOf('\r\n\r\n'))
    while (buf.length < 2 || headerEnd() === -1) {
      if (buf.length > MAX_HEADER_BYTES) throw new Error('A multipart part has over 16 KB of headers.')
      await more('inside part headers')
    }
    const end = headerEnd()
    yield { kind: 'part', part: parsePartHeaders(buf.subarray(0, Math.max(end, 0)).toString('utf8')) }
    buf = buf.subarray(end + 4)
    for (;;) {
      const next = buf.indexOf(delimiter)
      if (next !== -1) {
        if (next > 0) yield { kind: 'data', bytes: buf.subarray(0, next) }
        buf = buf.subarray(next + delimiter.length)
        break
      }
      // Keep a tail that could be the start of the delimiter.
      const safe = buf.length - (delimiter.length - 1)
      if (safe > 0) {
        yield { kind: 'data', bytes: buf.subarray(0, safe) }
        buf = buf.subarray(safe)
      }
      await more('before the closing boundary')
    }
  }
  // Drain the epilogue so the connection can be reused.
  for (;;) if ((await iterator.next()).done) break
}

/** A file part written to disk. */
export interface ReceivedFile {
  filename: string
  contentType: string | undefined
  path: string
  bytes: number
  /** It went over `maxFileBytes`: the rest was read and dropped. */
  tooLarge: boolean
}

/** A multipart form read from a request: text fields, file parts on disk, and the raw body when it was small. */
export interface ReceivedForm {
  fields: Record<string, string>
  files: Record<string, ReceivedFile>
  /** Every part in order, repeated names included (`image[]` twice), for routes that take several files. */
  parts: { name: string; value: string | ReceivedFile }[]
  /** The whole body, kept only when it is at most `keepRawBytes`. */
  raw: Buffer | undefined
}

/**
 * Reads a multipart request into `dir`, streaming each file part to its own file (with backpressure) and keeping
 * text fields (up to 64 KB each). Removes the files it wrote if the body turns out malformed.
 */
export async function receiveMultipartForm(
  source: AsyncIterable<Uint8Array>,
  boundary: string,
  options: { dir: string; maxFileBytes: number; keepRawBytes: number },
): Promise<ReceivedForm> {
  let rawChunks: Buffer[] | undefined = []
  let rawBytes = 0
  async function* recorded() {
    for await (const chunk of source) {
      if (rawChunks) {
        rawBytes += chunk.byteLength
        if (rawBytes > options.keepRawBytes) rawChunks = undefined
        else rawChunks.push(Buffer.from(chunk))
      }
      yield chunk
    }
  }
  const form: ReceivedForm = { fields: {}, files: {}, parts: [], raw: undefined }
  let text: { name: string; chunks: Buffer[]; bytes: number } | undefined
  let file: { info: ReceivedFile; out: ReturnType<typeof createWriteStream> } | undefined
  const finishPart = async () => {
    if (text) {
      const value = Buffer.concat(text.chunks).toString('utf8')
      form.fields[text.name] = value
      form.parts.push({ name: text.name, value })
    }
    if (file) {
      file.out.end()
      await once(file.out, 'close')
    }
    text = undefined
    file = undefined
  }
  try {
    for await (const event of parseMultipart(recorded(), boundary)) {
      if (event.kind === 'part') {
        await finishPart()
        const { name, filename, contentType } = event.part
        if (filename === undefined) text = { name, chunks: [], bytes: 0 }
        else {
          const path = join(options.dir, randomUUID())
          const info: ReceivedFile = { filename, contentType, path, bytes: 0, tooLarge: false }
          form.files[name] = info
          form.parts.push({ name, value: info })
          file = { info, out: createWriteStream(path) }
        }
      } else if (text) {
        text.bytes += event.bytes.length
        if (text.bytes > 64 * 1024) throw new Error(`The form field '${text.name}' is over 64 KB.`)
        text.chunks.push(Buffer.from(event.bytes))
      } else if (file) {
        file.info.bytes += event.bytes.length
        if (file.info.bytes > options.maxFileBytes) file.info.tooLarge = true
        else if (!file.out.write(event.bytes)) await once(file.out, 'drain')
      }
    }
    await finishPart()
  } catch (error) {
    if (file) {
      // The file is opened asynchronously: wait until the stream has closed, or the open would re-create it after rm.
      file.out.destroy()
      if (!file.out.closed) await once(file.out, 'close')
    }
    await removeFormFiles(form)
    throw error
  }
  if (rawChunks) form.raw = Buffer.concat(rawChunks)
  return form
}

/** Deletes the files a form wrote, except those in `keep`. */
export async function removeFormFiles(form: ReceivedForm, keep: readonly ReceivedFile[] = []): Promise<void> {
  await Promise.all(
    form.parts.flatMap(({ value }) =>
      typeof value === 'string' || keep.includes(value) ? [] : [rm(value.path, { force: true })],
    ),
  )
}
