import { sendError } from '../reply'
import type { RouteContext } from '../route'
import { storageDir } from './file-storage'
import { multipartBoundary, type ReceivedForm, receiveMultipartForm } from './multipart-stream'

/** Request bodies up to this size are kept in the request record (bigger uploads are recorded empty). */
export const KEEP_RAW_BYTES = 1024 * 1024

/**
 * The opening every multipart route shares: checks the content type, streams the form to disk (file parts over
 * `maxFileBytes` are marked `tooLarge`), records the raw body when it is small, and answers 400 in the API's
 * error shape for a body that is not multipart or is malformed. `undefined` means the answer was sent.
 */
export async function readMultipartForm(
  { req, res, request, state }: RouteContext,
  options: { maxFileBytes: number; param: string },
): Promise<ReceivedForm | undefined> {
  const boundary = multipartBoundary(request.headers['content-type'])
  if (!boundary) {
    sendError(res, 400, 'Send the request as multipart/form-data (with a boundary).', {
      param: options.param,
    })
    return undefined
  }
  let form: ReceivedForm
  try {
    form = await receiveMultipartForm(req, boundary, {
      dir: storageDir(state),
      maxFileBytes: options.maxFileBytes,
      keepRawBytes: KEEP_RAW_BYTES,
    })
  } catch (error) {
    sendError(res, 400, `Could not parse the multipart form: ${(error as Error).message}`, {
      param: options.param,
    })
    return undefined
  }
  if (form.raw) {
    request.body = new Uint8Array(form.raw)
    request.text = form.raw.toString('utf8')
  }
  return form
}
