/** What a file is for. The API accepts these today; a newer value still type-checks as a string. */
export type FilePurpose =
  | 'assistants'
  | 'assistants_output'
  | 'batch'
  | 'batch_output'
  | 'fine-tune'
  | 'fine-tune-results'
  | 'vision'
  | 'user_data'
  | 'evals'
  | (string & {})

/** A file stored by the API (`object: 'file'`). */
export interface FileObject {
  id: string
  object: 'file'
  /** Size in bytes. */
  bytes: number
  /** Unix seconds. */
  created_at: number
  /** Unix seconds; absent or `null` when the file does not expire. */
  expires_at?: number | null
  filename: string
  purpose: FilePurpose
  /** Deprecated by the API but still sent: `uploaded`, then `processed` or `error`. */
  status: 'uploaded' | 'processed' | 'error'
  /** Deprecated by the API: why validation failed when `status` is `error`. */
  status_details?: string | null
}

/** The answer to `deleteFile`. */
export interface FileDeleted {
  id: string
  object: 'file'
  deleted: boolean
}

/** When a file expires: `seconds` (3600 to 2592000) after its creation. */
export interface ExpiresAfter {
  anchor: 'created_at'
  seconds: number
}

/** Query of `listFiles`. */
export interface FileListParams {
  /** Only files with this purpose. */
  purpose?: FilePurpose
  /** Page size, 1 to 10000 (the API's default is 10000). */
  limit?: number
  /** By `created_at`; the API's default is `desc`. */
  order?: 'asc' | 'desc'
  /** The id of the last file of the previous page. */
  after?: string
}

/** An upload session of the Uploads API (`object: 'upload'`). */
export interface Upload {
  id: string
  object: 'upload'
  /** The byte count announced at creation; the parts must add up to it. */
  bytes: number
  created_at: number
  expires_at: number
  filename: string
  purpose: FilePurpose
  status: 'pending' | 'completed' | 'cancelled' | 'expired'
  /** The file made from the parts, once `status` is `completed`. */
  file?: FileObject | null
}

/** One part of an upload (`object: 'upload.part'`). */
export interface UploadPart {
  id: string
  object: 'upload.part'
  created_at: number
  upload_id: string
}

/** Body of `createUpload`. */
export interface UploadCreateParams {
  filename: string
  purpose: FilePurpose
  /** The exact total size of the parts to come (at most 8 GB). */
  bytes: number
  mime_type: string
  expires_after?: ExpiresAfter
}

/** Body of `completeUpload`. */
export interface UploadCompleteParams {
  /** Part ids in file order. */
  part_ids: string[]
  /** Optional MD5 (hex) of the whole file, checked by the API. */
  md5?: string
}
