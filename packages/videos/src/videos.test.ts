import { APIUserAbortError, NotFoundError } from '@acme/openai-core'
import { describe, expect, test } from 'vitest'
import { client, mock, useMockClient } from '../../../tests/support/mock-client'
import { createVideo } from './create-video'
import { createVideoCharacter } from './create-video-character'
import { deleteVideo } from './delete-video'
import { downloadVideoContent } from './download-video-content'
import { editVideo } from './edit-video'
import { VideoTimeoutError } from './errors'
import { extendVideo } from './extend-video'
import { listVideos } from './list-videos'
import { remixVideo } from './remix-video'
import { retrieveVideo } from './retrieve-video'
import { retrieveVideoCharacter } from './retrieve-video-character'
import { waitForVideo } from './wait-for-video'

useMockClient()

const parts = () =>
  [...mock.requests.at(-1)!.text.matchAll(/; name="([^"]+)"(?:; filename="([^"]*)")?/g)].map((m) =>
    m[2] === undefined ? m[1] : `${m[1]}=${m[2]}`,
  )

describe('video jobs', () => {
  test('createVideo sends multipart with an optional reference image, or a reference by id', async () => {
    const job = await createVideo(client, {
      model: 'sora-2',
      prompt: 'a fox',
      seconds: '4',
      input_reference: new File([new Uint8Array([1])], 'first.png', { type: 'image/png' }),
    })
    expect([job.status, job.progress, job.seconds]).toEqual(['queued', 0, '4'])
    expect(parts()).toEqual(['model', 'prompt', 'seconds', 'input_reference=first.png'])
    await createVideo(client, { prompt: 'b', input_reference: { file_id: 'file-1' } })
    expect(parts()).toEqual(['prompt', 'input_reference[file_id]'])
  })

  test('waitForVideo polls until completed, reporting progress; then the content downloads as bytes', async () => {
    const job = await createVideo(client, { prompt: 'a fox', seconds: '4' })
    const seen: string[] = []
    const done = await waitForVideo(client, job.id, {
      pollInterval: 1,
      onProgress: (v) => seen.push(v.status),
    })
    expect([done.status, done.progress]).toEqual(['completed', 100])
    expect(seen).toEqual(['queued', 'in_progress'])
    const { data, response } = await downloadVideoContent(client, job.id).withResponse()
    expect(response.headers.get('content-type')).toBe('video/mp4')
    expect(mock.requests.at(-1)!.headers.accept).toBe('application/binary')
    const bytes = new Uint8Array(await new Response(data).arrayBuffer())
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp')
    expect(bytes.byteLength).toBe(Number(response.headers.get('content-length')))
    const thumb = await downloadVideoContent(client, job.id, { variant: 'thumbnail' }).withResponse()
    expect(thumb.response.headers.get('content-type')).toBe('image/webp')
    expect(mock.requests.at(-1)!.search).toBe('?variant=thumbnail')
  })

  test('a failed job is returned as failed; a timeout and an abort stop waiting with typed errors', async () => {
    const failing = await createVideo(client, { prompt: 'please trigger failure' })
    const failed = await waitForVideo(client, failing.id, { pollInterval: 1 })
    expect([failed.status, failed.error?.code]).toEqual(['failed', 'moderation_blocked'])
    const slow = await createVideo(client, { prompt: 'slow' })
    const timedOut = await waitForVideo(client, slow.id, { pollInterval: 50, timeout: 0 }).catch((e) => e)
    expect(timedOut).toBeInstanceOf(VideoTimeoutError)
    expect([timedOut.videoId, timedOut.videoStatus]).toEqual([slow.id, 'queued'])
    const controller = new AbortController()
    const waiting = waitForVideo(client, slow.id, { pollInterval: 60_000, signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError)
  })

  test('remix (JSON), edit and extend (multipart by id or file), list, retrieve and delete', async () => {
    const job = await createVideo(client, { prompt: 'a fox' })
    await waitForVideo(client, job.id, { pollInterval: 1 })
    const remix = await remixVideo(client, job.id, { prompt: 'at dusk' })
    expect(mock.requests.at(-1)!.json).toEqual({ prompt: 'at dusk' })
    expect(remix.remixed_from_video_id).toBe(job.id)
    await editVideo(client, { video: { id: job.id }, prompt: 'night' })
    expect(parts()).toEqual(['video[id]', 'prompt'])
    await extendVideo(client, {
      video: ['clip.mp4', new Uint8Array([0, 0, 0, 8])],
      prompt: 'more',
      seconds: '8',
    })
    expect(parts()).toEqual(['video=clip.mp4', 'prompt', 'seconds'])
    const ids: string[] = []
    for await (const video of listVideos(client, { limit: 2 })) ids.push(video.id)
    expect(ids.length).toBeGreaterThanOrEqual(4)
    expect((await retrieveVideo(client, job.id)).id).toBe(job.id)
    expect(await deleteVideo(client, job.id)).toEqual({ id: job.id, object: 'video.deleted', deleted: true })
    await expect(retrieveVideo(client, job.id)).rejects.toBeInstanceOf(NotFoundError)
  })

  test('characters are created from a video file and retrieved', async () => {
    const character = await createVideoCharacter(client, {
      name: 'Rex',
      video: new File([new Uint8Array([0, 0, 0, 8])], 'rex.mp4', { type: 'video/mp4' }),
    })
    expect(parts()).toEqual(['name', 'video=rex.mp4'])
    expect(await retrieveVideoCharacter(client, character.id!)).toEqual(character)
  })
})
