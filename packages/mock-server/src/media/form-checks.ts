import { sendError } from '../reply'
import type { RouteContext } from '../route'
import { readMultipartForm } from '../routes/multipart-form'
import { type ReceivedFile, type ReceivedForm, removeFormFiles } from '../routes/multipart-stream'

/** A media form as a route sees it: text fields, and the file parts of each field (`image` and `image[]` alike). */
export interface MediaForm {
  fields: Record<string, string>
  /** Every value of a repeated text field (`include[]`), by its name without `[]`. */
  lists: Record<string, string[]>
  files: Record<string, ReceivedFile[]>
}

/** What a media route expects of its form: file fields (required or not) and required text fields. */
export interface FormRules {
  files: Record<string, 'required' | 'optional'>
  text: readonly string[]
  /** Largest file part; over it the request is refused (default 512 MB). */
  maxFileBytes?: number
}

/**
 * Reads and checks a media route's multipart form: answers 400 in the API's error shape for a body that is not
 * multipart, is malformed, misses a required field, sends a file field as text or a text field as a file, or a
 * file over the limit. The parts on disk are deleted before this returns (the media routes need only their sizes
 * and headers). `undefined` means the error was sent.
 */
export async function readMediaForm(ctx: RouteContext, rules: FormRules): Promise<MediaForm | undefined> {
  const param = Object.keys(rules.files)[0] ?? rules.text[0] ?? 'file'
  const received = await readMultipartForm(ctx, {
    maxFileBytes: rules.maxFileBytes ?? 512 * 1024 * 1024,
    param,
  })
  if (!received) return undefined
  await removeFormFiles(received)
  const form = mediaForm(received)
  const problem = formProblem(form, rules)
  if (problem) {
    sendError(ctx.res, 400, problem.message, { param: problem.param })
    return undefined
  }
  return form
}

function mediaForm(received: ReceivedForm): MediaForm {
  const form: MediaForm = { fields: {}, lists: {}, files: {} }
  for (const { name, value } of received.parts) {
    const base = name.endsWith('[]') ? name.slice(0, -2) : name
    if (typeof value !== 'string') (form.files[base] ??= []).push(value)
    else if (name.endsWith('[]')) (form.lists[base] ??= []).push(value)
    else form.fields[name] = value
  }
  return form
}

function formProblem(form: MediaForm, rules: FormRules): { message: string; param: string } | null {
  for (const [name, need] of Object.entries(rules.files)) {
    if (form.fields[name] !== undefined || form.lists[name])
      return { message: `'${name}' must be sent as a file part (with a filename), not as text.`, param: name }
    const files = form.files[name]
    if (!files?.length) {
      if (need === 'required') return { message: `Missing required parameter: '${name}'.`, param: name }
      continue
    }
    const big = files.find((f) => f.tooLarge)
    if (big) return { message: `'${name}' is too large: ${big.bytes} bytes.`, param: name }
    const empty = files.find((f) => f.bytes === 0)
    if (empty) return { message: `'${name}' is an empty file ('${empty.filename}').`, param: name }
  }
  for (const name of rules.text) {
    if (form.files[name]) return { message: `'${name}' must be a text field, not a file.`, param: name }
    if (!form.fields[name]) return { message: `Missing required parameter: '${name}'.`, param: name }
  }
  return null
}
