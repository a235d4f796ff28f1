// @acme/openai-videos: a video job from a prompt and a reference image, waited for with progress, downloaded as a
// byte stream (and its thumbnail), remixed, edited by id, listed, and deleted.
import {
  createVideo,
  deleteVideo,
  downloadVideoContent,
  editVideo,
  listVideos,
  remixVideo,
  waitForVideo,
} from '@acme/openai-videos'

export default async function videosTour({ client, live, log }) {
  const reference = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'first-frame.png', {
    type: 'image/png',
  })
  const job = await createVideo(client, {
    model: 'sora-2',
    prompt: 'A red fox runs through fresh snow',
    seconds: '4',
    input_reference: reference,
  })
  log('createVideo: multipart, with a reference image', { id: job.id, status: job.status })

  const steps = []
  const video = await waitForVideo(client, job.id, {
    pollInterval: live ? 10_000 : 10,
    onProgress: (v) => steps.push(`${v.status} ${v.progress}%`),
  })
  log('waitForVideo: polled until done', { steps, status: video.status })

  let bytes = 0
  for await (const chunk of await downloadVideoContent(client, video.id)) bytes += chunk.byteLength
  const thumbnail = await downloadVideoContent(client, video.id, { variant: 'thumbnail' }).withResponse()
  const type = thumbnail.response.headers.get('content-type')
  const size = (await new Response(thumbnail.data).arrayBuffer()).byteLength
  log('downloadVideoContent: the MP4 as a byte stream, and its thumbnail', {
    bytes,
    thumbnail: { type, size },
  })

  const remix = await remixVideo(client, video.id, { prompt: 'The same scene at dusk' })
  const edit = await editVideo(client, { video: { id: video.id }, prompt: 'Make it night' })
  log('remixVideo and editVideo: new jobs from the finished one', [remix.remixed_from_video_id, edit.status])

  const ids = []
  for await (const v of listVideos(client, { limit: 10 })) ids.push(v.id)
  log('listVideos: every job, across pages', ids)

  for (const id of [remix.id, edit.id, video.id]) await deleteVideo(client, id)
  log('deleteVideo: cleaned up', 'done')
}
