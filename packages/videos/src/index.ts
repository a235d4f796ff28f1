export { createVideo } from './create-video'
export { createVideoCharacter } from './create-video-character'
export { deleteVideo } from './delete-video'
export { downloadVideoContent } from './download-video-content'
export { editVideo } from './edit-video'
export { VideoTimeoutError } from './errors'
export { extendVideo } from './extend-video'
export { listVideos } from './list-videos'
export { remixVideo } from './remix-video'
export { retrieveVideo } from './retrieve-video'
export { retrieveVideoCharacter } from './retrieve-video-character'
export type {
  CreateVideoCharacterBody,
  CreateVideoEditMultipartBody,
  CreateVideoExtendMultipartBody,
  CreateVideoMultipartBody,
  ImageReference,
  Video,
  VideoCharacter,
  VideoCharacterCreateParams,
  VideoContentParams,
  VideoCreateParams,
  VideoDeleted,
  VideoEditParams,
  VideoError,
  VideoExtendParams,
  VideoListParams,
  VideoModel,
  VideoReference,
  VideoRemixParams,
  VideoSeconds,
  VideoSize,
  VideoStatus,
  VideoUploadable,
} from './types'
export { type WaitForVideoOptions, waitForVideo } from './wait-for-video'
