// Types shared by the multipart modules. Kept apart from the code so no two modules import each other for a type.

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

/** Overrides for `toFile()`. */
export interface ToFileOptions {
  /** MIME type; by default the input's own (a Blob's `type`, a Response's `content-type`), else `''`. */
  type?: string
  lastModified?: number
  /** Byte count of a stream, when you know it (`uploadLargeFile` needs it). */
  size?: number
}

/** One multipart field: text, or a file part. */
export type FormValue = string | Blob | StreamingFile

/** A request body for a multipart upload, and the content type core must send with it (streams only). */
export interface MultipartBody {
  body: FormData | ReadableStream<Uint8Array>
  /** `multipart/form-data; boundary=…` for a stream; `undefined` for `FormData` (fetch adds the boundary). */
  contentType: string | undefined
}

/** How one multipart call names and limits its file fields. */
export interface MultipartUpload {
  /** The function name of the operation, for errors and hooks (`'uploadFile'`). */
  operation: string
  path: string
  /** The form fields holding files (`file`, `image`, `mask`); a field's value may be an array of files. */
  files: readonly string[]
  params: Record<string, unknown>
  /** File fields that also take a reference object (`{ file_id }`, `{ id }`), sent as `field[key]` text fields. */
  references?: readonly string[]
  /** The largest file accepted, in bytes; without it the server alone decides. */
  limit?: number
  /** The error text for a file over `limit`, given its name and size. */
  tooLarge?: (name: string, size: number) => string
  /** Parse the answer as server-sent events (`stream: true`). */
  stream?: boolean
}
