/** Raw bytes. */
export type BinaryData = ArrayBuffer | ArrayBufferView

/** One chunk of a byte stream: bytes, a `Blob`, or text (sent as UTF-8). */
export type ByteChunk = BinaryData | Blob | string

/** A stream of bytes: a web `ReadableStream` or any async iterable (a Node `fs.ReadStream` is one). */
export type ByteStream = ReadableStream<ByteChunk> | AsyncIterable<ByteChunk>

/**
 * A file whose bytes are read while the request is sent, so a large file is never held in memory whole.
 * `toFile()` makes one from a stream or a `Response`; `fileFromPath()` (Node) makes a `File` read lazily instead.
 */
export interface StreamingFile {
  readonly name: string
  /** MIME type; `''` when unknown (sent as `application/octet-stream`). */
  readonly type: string
  /** Byte count when known before reading; `uploadLargeFile` needs it. */
  readonly size: number | undefined
  readonly lastModified: number
  /** The bytes. A stream can be read once: a second call throws `InvalidUploadError`. */
  stream(): ReadableStream<Uint8Array>
}

/** What `toFile()` returns: a native `File` for data in memory, a `StreamingFile` for streams. */
export type FileLike = File | StreamingFile

/** File contents, e.g. the second item of a `[filename, contents, mimeType]` tuple; a string is text here. */
export type FileContents = Blob | BinaryData | Response | ByteStream | string

/** A `[filename, contents, mimeType?]` tuple: the easy way to name bytes, text or a stream. */
export type FileTuple = readonly [filename: string, contents: FileContents, mimeType?: string]

/**
 * Everything the upload functions accept as a file. Streams need a file name: give a tuple, `toFile(stream,
 * name)`, or a stream with a `name`/`path` property (an `fs.ReadStream` has one). Bytes without a name are sent as
 * `unknown_file`. File paths are accepted by `@acme/openai-files/node` only.
 */
export type Uploadable = File | Blob | BinaryData | Response | StreamingFile | ByteStream | FileTuple

const STREAMING_FILE = Symbol.for('@acme/openai-files/StreamingFile')

/** Marks a `StreamingFile` so it is recognised even from another copy of this package. */
export function brandStreamingFile<T extends object>(file: T): T {
  Object.defineProperty(file, STREAMING_FILE, { value: true })
  return file
}

/** Whether `value` is a `StreamingFile` made by `toFile()`. */
export function isStreamingFile(value: unknown): value is StreamingFile {
  return typeof value === 'object' && value !== null && (value as any)[STREAMING_FILE] === true
}

/** A native `Blob` (a `File` included). */
export function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob
}
