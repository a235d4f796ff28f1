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
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    out.push([key, String(value)])
  else if (isBlob(value) || isStreamingFile(value)) out.push([key, value])
  else if (Array.isArray(value)) for (const item of value) addEntry(out, `${key}[]`, item)
  else if (typeof value === 'object')
    for (const [name, prop] of Object.entries(value)) addEntry(out, `${key}[${name}]`, prop)
  else
    throw new InvalidUploadError(
      `Cannot send ${typeof value} "${key}" in a multipart form: use a string, number, boolean, object, array or file.`,
      key,
    )
}
