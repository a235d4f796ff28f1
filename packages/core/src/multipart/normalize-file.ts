import { OpenAIError } from '../errors'
import { byteStream } from './byte-stream'
import { InvalidUploadError } from './errors'
import { inferFileName } from './file-name'
import {
  isArrayBuffer,
  isAsyncIterable,
  isBlobLike,
  isFileTuple,
  isReadableStream,
  isResponseLike,
} from './input-kinds'
import { makeStreamingFile } from './streaming-file'
import type { FileLike, StreamingFile, ToFileOptions } from './types'
import { isBlob, isStreamingFile } from './uploadable'

const UNKNOWN_FILE = 'unknown_file'

/**
 * What `toFile()` does, loaded on first use: every input kind becomes a `File` (data in memory) or a
 * `StreamingFile` (streams, `Response` bodies).
 */
export function normalizeFile(
  value: unknown,
  name: string | undefined,
  options: ToFileOptions,
): Promise<FileLike> {
  return normalize(value, name, options, false)
}

/**
 * Resolves a file param: a `Blob`/`File` stays as it is (FormData then names a bare Blob `blob`, as with
 * openai-node), everything else goes through `toFile()`.
 */
export async function resolveUploadable(value: unknown, field: string): Promise<Blob | StreamingFile> {
  const resolved = await value
  if (resolved == null)
    throw new InvalidUploadError(
      `Missing \`${field}\`: pass a File, Blob, Uint8Array, Response, a named stream or a [filename, contents] tuple.`,
      field,
    )
  return isBlob(resolved) ? resolved : normalize(resolved, undefined, {}, false)
}

async function normalize(
  value: unknown,
  name: string | undefined,
  options: ToFileOptions,
  textAllowed: boolean,
): Promise<FileLike> {
  if (options.size !== undefined && !(Number.isSafeInteger(options.size) && options.size >= 0))
    throw new InvalidUploadError(
      `size must be a whole number of bytes >= 0, got ${String(options.size)}`,
      'size',
    )
  if (isFileTuple(value)) {
    const [filename, contents, type] = value
    return normalize(await contents, name ?? filename, { ...options, type: options.type ?? type }, true)
  }
  if (typeof value === 'string') {
    if (textAllowed) return makeFile([value], name ?? UNKNOWN_FILE, options.type ?? '', options)
    throw new InvalidUploadError(
      "A string is not a file here. For text contents pass a tuple such as ['notes.txt', text]; to upload a " +
        "file from disk, use uploadFile or toFile from '@acme/openai-files/node', which read paths.",
      'file',
    )
  }
  if (isStreamingFile(value)) return renameStreamingFile(value, name, options)
  if (isBlob(value)) return fromBlob(value, name, options)
  if (ArrayBuffer.isView(value) || isArrayBuffer(value))
    return makeFile([value as BlobPart], name ?? UNKNOWN_FILE, options.type ?? '', options)
  if (isResponseLike(value)) return fromResponse(value, name, options)
  if (isBlobLike(value)) {
    // A Blob of another implementation: stream it when it can, else read it.
    const v = value as Blob & { name?: unknown; lastModified?: unknown }
    const fileName = name ?? inferFileName(v) ?? UNKNOWN_FILE
    const lastModified =
      options.lastModified ?? (typeof v.lastModified === 'number' ? v.lastModified : undefined)
    if (typeof v.stream === 'function')
      return makeStreamingFile({
        name: fileName,
        type: options.type ?? v.type,
        size: v.size,
        lastModified: lastModified ?? Date.now(),
        open: () => byteStream(v.stream()),
        reusable: true,
      })
    return makeFile([await v.arrayBuffer()], fileName, options.type ?? v.type, { ...options, lastModified })
  }
  if (isReadableStream(value) || isAsyncIterable(value)) {
    const fileName = name ?? inferFileName(value)
    if (!fileName)
      throw new InvalidUploadError(
        `This ${isReadableStream(value) ? 'ReadableStream' : 'async iterable'} has no file name. Name it: pass ` +
          "['data.jsonl', stream] or await toFile(stream, 'data.jsonl') as the file.",
        'file',
      )
    const { source, type } =
      options.type === undefined && !isReadableStream(value)
        ? await peekType(value as AsyncIterable<unknown>)
        : { source: value as ReadableStream | AsyncIterable<any>, type: options.type }
    return makeStreamingFile({
      name: fileName,
      type: type ?? '',
      size: options.size,
      lastModified: options.lastModified ?? Date.now(),
      open: () => byteStream(source),
    })
  }
  throw new InvalidUploadError(
    value == null
      ? `No file given (got ${value}). Pass a File, Blob, Uint8Array, ArrayBuffer, Response, a named stream or a ` +
          '[filename, contents, mimeType] tuple.'
      : `Cannot upload this value (${describe(value)}). Pass a File, Blob, Uint8Array, ArrayBuffer, Response, a ` +
          'ReadableStream or async iterable of bytes with a file name, or a [filename, contents, mimeType] tuple.',
    'file',
  )
}

/**
 * The type of the first chunk when it is a Blob, as openai-node takes a Blob chunk's type for the whole file. Only
 * that chunk is read ahead (and sent first), so the stream is still never held in memory.
 */
async function peekType(value: AsyncIterable<unknown>) {
  const iterator = value[Symbol.asyncIterator]()
  const first = await iterator.next()
  const source = {
    async *[Symbol.asyncIterator]() {
      if (first.done) return
      yield first.value
      yield* { [Symbol.asyncIterator]: () => iterator }
    },
  }
  return { source, type: !first.done && isBlobLike(first.value) ? first.value.type || undefined : undefined }
}

function fromBlob(blob: Blob, name: string | undefined, options: ToFileOptions): File {
  const isFile = typeof File !== 'undefined' && blob instanceof File
  const current = isFile ? (blob as File) : undefined
  const fileName = name ?? current?.name ?? inferFileName(blob) ?? UNKNOWN_FILE
  const type = options.type ?? blob.type
  // A File of another implementation (undici's, from `formData()`) is no `File` here, but it has a date to keep.
  const own = (blob as { lastModified?: unknown }).lastModified
  const lastModified = options.lastModified ?? (typeof own === 'number' ? own : undefined)
  if (current && fileName === current.name && type === current.type && lastModified === current.lastModified)
    return current
  // Wrapping a Blob in a File shares its bytes (and keeps a file on disk unread); nothing is copied.
  return makeFile([blob], fileName, type, { lastModified })
}

async function fromResponse(response: Response, name: string | undefined, options: ToFileOptions) {
  if (typeof response.ok === 'boolean' && !response.ok)
    throw new InvalidUploadError(
      `The Response to upload has status ${response.status}: it is an error page, not the file. Check \`ok\` ` +
        'before uploading it.',
      'file',
    )
  const fileName = name ?? inferFileName(response) ?? UNKNOWN_FILE
  const headers = response.headers as Headers | undefined
  const type = options.type ?? headers?.get?.('content-type') ?? ''
  if (!response.body || response.bodyUsed) {
    const blob = await response.blob()
    return makeFile([blob], fileName, options.type ?? (blob.type || type), options)
  }
  // Content-Length counts encoded bytes when the body is compressed; trust it only for identity bodies.
  const length = headers?.get?.('content-encoding') ? null : headers?.get?.('content-length')
  const body = response.body
  return makeStreamingFile({
    name: fileName,
    type,
    size: options.size ?? (length && /^\d+$/.test(length) ? Number(length) : undefined),
    lastModified: options.lastModified ?? Date.now(),
    open: () => byteStream(body),
  })
}

function renameStreamingFile(file: StreamingFile, name: string | undefined, options: ToFileOptions) {
  if (
    (name === undefined || name === file.name) &&
    (options.type === undefined || options.type === file.type) &&
    (options.size === undefined || options.size === file.size) &&
    options.lastModified === undefined
  )
    return file
  return makeStreamingFile({
    name: name ?? file.name,
    type: options.type ?? file.type,
    size: options.size ?? file.size,
    lastModified: options.lastModified ?? file.lastModified,
    open: () => file.stream(),
    reusable: true,
  })
}

function makeFile(
  parts: BlobPart[],
  name: string,
  type: string,
  options: { lastModified?: number | undefined },
): File {
  if (typeof File === 'undefined')
    throw new OpenAIError(
      '`File` is not defined as a global, which is required for file uploads. Use Node 20 or later, or set ' +
        "`globalThis.File` (Node: import('node:buffer').File).",
    )
  return new File(
    parts,
    name,
    options.lastModified === undefined ? { type } : { type, lastModified: options.lastModified },
  )
}

function describe(value: unknown): string {
  const ctor = (value as any)?.constructor?.name
  const props =
    typeof value === 'object' && value !== null
      ? `; props: [${Object.getOwnPropertyNames(value)
          .slice(0, 10)
          .map((p) => `"${p}"`)
          .join(', ')}]`
      : ''
  return `${typeof value}${ctor ? `; constructor: ${ctor}` : ''}${props}`
}
