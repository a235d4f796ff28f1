import { OpenAIError } from '../errors'
import { byteStream } from './byte-stream'
import { InvalidUploadError } from './errors'
import { inferFileName } from './file-name'
import {
  isArrayBuffer,
  isAsyncIterable,
  isBlobLike,
  isFileTuple,
  isObject,
  isReadableStream,
  isResponseLike,
} from './input-kinds'
import { makeStreamingFile } from './streaming-file'
import type { FileLike, ToFileOptions } from './types'
import { isBlob, isStreamingFile } from './uploadable'

const UNKNOWN_FILE = 'unknown_file'

/**
 * What `toFile()` does, loaded on first use: every input kind becomes a `File` (data in memory) or a
 * `StreamingFile` (streams, `Response` bodies). A string is text only inside a tuple (`text`).
 */
export async function normalizeFile(
  value: unknown,
  name: string | undefined,
  options: ToFileOptions,
  text?: boolean,
): Promise<FileLike> {
  const { type, size, lastModified } = options
  if (size !== undefined && !(Number.isSafeInteger(size) && size >= 0))
    throw new InvalidUploadError(`size must be a whole number of bytes >= 0, got ${String(size)}`, 'size')
  if (isFileTuple(value))
    return normalizeFile(await value[1], name ?? value[0], { ...options, type: type ?? value[2] }, true)
  if (typeof value === 'string') {
    if (text) return makeFile([value], name, type, lastModified)
    throw new InvalidUploadError(
      "A string is not a file here. For text contents pass a tuple such as ['notes.txt', text]; to upload a " +
        "file from disk, use uploadFile or toFile from '@acme/openai-files/node', which read paths.",
      'file',
    )
  }
  if (isStreamingFile(value)) {
    const renamed = {
      name: name ?? value.name,
      type: type ?? value.type,
      size: size ?? value.size,
      lastModified: lastModified ?? value.lastModified,
    }
    return renamed.name === value.name &&
      renamed.type === value.type &&
      renamed.size === value.size &&
      lastModified === undefined
      ? value
      : makeStreamingFile({ ...renamed, open: () => value.stream(), reusable: true })
  }
  const blob = isBlob(value)
  if (blob || isBlobLike(value)) {
    // A Blob of another implementation is streamed when it can be, else read. A File of another implementation
    // (undici's, from `formData()`) is no `File` here, but it has a date to keep.
    const v = value as File
    const date = lastModified ?? (typeof v.lastModified === 'number' ? v.lastModified : undefined)
    const current = blob && typeof File !== 'undefined' && v instanceof File ? v : undefined
    const fileName = name ?? current?.name ?? inferFileName(v)
    const fileType = type ?? v.type
    if (current && fileName === current.name && fileType === current.type && date === current.lastModified)
      return current
    // Wrapping a Blob in a File shares its bytes (and keeps a file on disk unread); nothing is copied.
    if (blob) return makeFile([v], fileName, fileType, date)
    return typeof v.stream === 'function'
      ? makeStreamingFile({
          name: fileName ?? UNKNOWN_FILE,
          type: fileType,
          size: v.size,
          lastModified: date,
          open: () => byteStream(v.stream()),
          reusable: true,
        })
      : makeFile([await v.arrayBuffer()], fileName, fileType, date)
  }
  if (ArrayBuffer.isView(value) || isArrayBuffer(value))
    return makeFile([value as BlobPart], name, type, lastModified)
  if (isResponseLike(value)) {
    if (value.ok === false)
      throw new InvalidUploadError(
        `The Response to upload has status ${value.status}: it is an error page, not the file. Check \`ok\` ` +
          'before uploading it.',
        'file',
      )
    const fileName = name ?? inferFileName(value)
    const header = (key: string) => (value.headers as Headers | undefined)?.get?.(key)
    const fileType = type ?? header('content-type') ?? ''
    const body = value.body
    if (!body || value.bodyUsed) {
      const read = await value.blob()
      return makeFile([read], fileName, type ?? (read.type || fileType), lastModified)
    }
    // Content-Length counts encoded bytes when the body is compressed; trust it only for identity bodies.
    const length = header('content-encoding') ? null : header('content-length')
    return makeStreamingFile({
      name: fileName ?? UNKNOWN_FILE,
      type: fileType,
      size: size ?? (/^\d+$/.test(length as string) ? Number(length) : undefined),
      lastModified,
      open: () => byteStream(body),
    })
  }
  const readable = isReadableStream(value)
  if (readable || isAsyncIterable(value)) {
    const fileName = name ?? inferFileName(value)
    if (!fileName)
      throw new InvalidUploadError(
        `This ${readable ? 'ReadableStream' : 'async iterable'} has no file name. Name it: pass ` +
          "['data.jsonl', stream] or await toFile(stream, 'data.jsonl') as the file.",
        'file',
      )
    let source: ReadableStream | AsyncIterable<any> = value
    let fileType = type
    if (type === undefined && !readable) {
      // openai-node takes the type of a first Blob chunk for the whole file. Only that chunk is read ahead (and
      // sent first), so the stream is still never held in memory.
      const iterator = (value as AsyncIterable<unknown>)[Symbol.asyncIterator]()
      const first = await iterator.next()
      if (!first.done && isBlobLike(first.value)) fileType = first.value.type
      source = {
        async *[Symbol.asyncIterator]() {
          if (first.done) return
          yield first.value
          yield* { [Symbol.asyncIterator]: () => iterator }
        },
      }
    }
    return makeStreamingFile({
      name: fileName,
      type: fileType ?? '',
      size,
      lastModified,
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

/** A native `File`: `unknown_file` unless named, no type unless given, now unless dated. */
function makeFile(parts: BlobPart[], name?: string, type?: string, lastModified?: number): File {
  if (typeof File === 'undefined')
    throw new OpenAIError(
      '`File` is not defined as a global, which is required for file uploads. Use Node 20 or later, or set ' +
        "`globalThis.File` (Node: import('node:buffer').File).",
    )
  return new File(parts, name ?? UNKNOWN_FILE, {
    type: type ?? '',
    ...(lastModified === undefined ? {} : { lastModified }),
  })
}

function describe(value: unknown): string {
  const ctor = (value as any)?.constructor?.name
  const props = isObject(value)
    ? `; props: [${Object.getOwnPropertyNames(value)
        .slice(0, 10)
        .map((p) => `"${p}"`)
        .join(', ')}]`
    : ''
  return `${typeof value}${ctor ? `; constructor: ${ctor}` : ''}${props}`
}
