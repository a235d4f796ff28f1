import type { StreamingFile } from './types'

/** The file name a part is sent with: the last segment of the file's name (no directories), if it has one. */
export function fileNameOf(value: Blob | StreamingFile): string | undefined {
  const name = (value as { name?: unknown }).name
  return typeof name === 'string' ? name.split(/[\\/]/).pop() : undefined
}

/**
 * A `FormData` of text fields and Blobs (Files in memory, or backed by a file on disk): fetch streams it and core
 * may send it again on a retry. A bare Blob gets no name here, so FormData calls it `blob`, as with openai-node.
 */
// @__NO_SIDE_EFFECTS__
export function formData(entries: readonly [string, string | Blob][]): FormData {
  const form = new FormData()
  for (const [key, value] of entries) {
    // Text has no name either.
    const name = fileNameOf(value as Blob)
    // Only without a name argument does FormData call a bare Blob `blob` (an explicit undefined gives "undefined").
    if (name === undefined) form.append(key, value)
    else form.append(key, value as Blob, name)
  }
  return form
}
