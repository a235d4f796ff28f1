// @acme/openai-videos on every runtime: a job with a reference image, waited for, downloaded as a byte stream,
// remixed, edited by id, listed and deleted.
import { createClient } from '@acme/openai-core'
import {
  createVideo,
  deleteVideo,
  downloadVideoContent,
  editVideo,
  listVideos,
  remixVideo,
  waitForVideo,
} from '@acme/openai-videos'
import { checklist, equal } from './checklist.js'

/** Runs the Videos checks against the mock server at `baseURL`; throws on the first failure. */
export async function smoke({ baseURL, apiKey }) {
  const list = checklist()
  const client = createClient({ apiKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true })
  let video

  await list.check(
    'createVideo sends a reference image as multipart and waitForVideo sees it complete',
    async () => {
      const job = await createVideo(client, {
        prompt: 'a fox',
        seconds: '4',
        input_reference: new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' }),
      })
      equal(job.status, 'queued', 'new job')
      video = await waitForVideo(client, job.id, { pollInterval: 1 })
      equal([video.status, video.progress], ['completed', 100], 'finished job')
    },
  )

  await list.check('downloadVideoContent streams the MP4', async () => {
    const bytes = new Uint8Array(
      await new Response(await downloadVideoContent(client, video.id)).arrayBuffer(),
    )
    equal(new TextDecoder().decode(bytes.subarray(4, 8)), 'ftyp', 'MP4 box')
  })

  await list.check('remixVideo, editVideo, listVideos and deleteVideo', async () => {
    const remix = await remixVideo(client, video.id, { prompt: 'at dusk' })
    const edit = await editVideo(client, { video: { id: video.id }, prompt: 'at night' })
    equal([remix.remixed_from_video_id, edit.status], [video.id, 'queued'], 'new jobs')
    const ids = []
    for await (const v of listVideos(client)) ids.push(v.id)
    equal(
      [remix.id, edit.id, video.id].every((id) => ids.includes(id)),
      true,
      'listed',
    )
    for (const id of [remix.id, edit.id, video.id])
      equal((await deleteVideo(client, id)).deleted, true, 'deleted')
  })

  return list.report()
}
