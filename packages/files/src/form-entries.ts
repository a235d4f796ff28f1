import { InvalidUploadError } from './errors'
import { isBlob, isStreamingFile, type StreamingFile } from './uploadable'

/** One multipart field: text, or a file part. */
export type FormValue = string | Blob | StreamingFile

/**
 * Flattens a params object into multipart fields the way openai-node does: `undefined` is skipped, scalars become
 * text, arrays repeat `key[]`, nested objects become `key[prop]`; `null` is refused (send the string `'null'`).
 */
export function formEntries(params: Record<string, unknown>): [string, FormValue][] {
  const out: [string, FormValue][] = []
  for (const [key, value] of Object.entries(params)) addEntry(out, key, value)
  return out
}

function addEntry(out: [string, FormValue][], key: string, value: unknown): void {
  if (value === undefined) return
  if (value === null)
    throw new InvalidUploadError(
      `Received null for "${key}"; to pass null in FormData, you must use the string 'null'`,
      key,
    )
  if (typeof value !== 'object' || isBlob(value) || isStreamingFile(value))
    out.push([key, typeof value === 'object' ? (value as Blob | StreamingFile) : String(value)])
  else
    for (const [name, prop] of Object.entries(value))
      addEntry(out, Array.isArray(value) ? `${key}[]` : `${key}[${name}]`, prop)
}
