import type { Uploadable } from '@acme/openai-core/multipart'
import type {
  CreateVideoCharacterBody,
  CreateVideoEditMultipartBody,
  CreateVideoExtendMultipartBody,
  CreateVideoMultipartBody,
  ImageRefParam2,
  VideoReferenceInputParam,
} from './generated/types'

export type {
  CreateVideoCharacterBody,
  CreateVideoEditMultipartBody,
  CreateVideoExtendMultipartBody,
  CreateVideoMultipartBody,
  CreateVideoRemixBody as VideoRemixParams,
  DeletedVideoResource as VideoDeleted,
  Error2 as VideoError,
  ImageRefParam2 as ImageReference,
  VideoCharacterResource as VideoCharacter,
  VideoModel,
  VideoReferenceInputParam as VideoReference,
  VideoResource as Video,
  VideoSeconds,
  VideoSize,
  VideoStatus,
} from './generated/types'

/** A file input: anything `uploadFile` accepts. */
export type VideoUploadable = Uploadable | PromiseLike<Uploadable>

/** Body of `createVideo`: `input_reference` is an image file, or `{ file_id }` / `{ image_url }`. */
export type VideoCreateParams = Omit<CreateVideoMultipartBody, 'input_reference'> & {
  input_reference?: VideoUploadable | ImageRefParam2
}

/** Body of `editVideo`: the video to edit as a file, or `{ id }` of a generated video. */
export type VideoEditParams = Omit<CreateVideoEditMultipartBody, 'video'> & {
  video: VideoUploadable | VideoReferenceInputParam
}

/** Body of `extendVideo`: the video to extend as a file, or `{ id }` of a generated video. */
export type VideoExtendParams = Omit<CreateVideoExtendMultipartBody, 'video'> & {
  video: VideoUploadable | VideoReferenceInputParam
}

/** Body of `createVideoCharacter`: a short video of the character, and its name. */
export type VideoCharacterCreateParams = Omit<CreateVideoCharacterBody, 'video'> & { video: VideoUploadable }

/** Query of `listVideos`. */
export interface VideoListParams {
  after?: string
  limit?: number
  order?: 'asc' | 'desc'
}

/** Query of `downloadVideoContent`. */
export interface VideoContentParams {
  /** `video` (MP4, the default), `thumbnail` (WebP) or `spritesheet` (JPEG). */
  variant?: 'video' | 'thumbnail' | 'spritesheet'
}
