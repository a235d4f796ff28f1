import type { Uploadable } from '@acme/openai-core/multipart'
import type {
  CreateSpeechRequest,
  CreateTranscriptionRequest,
  CreateTranslationRequest,
} from './generated/types'

export type {
  AudioResponseFormat,
  CreateSpeechRequest,
  CreateSpeechResponseStreamEvent as SpeechStreamEvent,
  CreateTranscriptionRequest,
  CreateTranscriptionResponseDiarizedJson as TranscriptionDiarized,
  CreateTranscriptionResponseJson as Transcription,
  CreateTranscriptionResponseStreamEvent as TranscriptionStreamEvent,
  CreateTranscriptionResponseVerboseJson as TranscriptionVerbose,
  CreateTranslationRequest,
  CreateTranslationResponseJson as Translation,
  CreateTranslationResponseVerboseJson as TranslationVerbose,
  SpeechAudioDeltaEvent,
  SpeechAudioDoneEvent,
  TranscriptionDiarizedSegment,
  TranscriptionInclude,
  TranscriptionLanguage,
  TranscriptionSegment,
  TranscriptionWord,
  TranscriptTextDeltaEvent,
  TranscriptTextDoneEvent,
  TranscriptTextSegmentEvent,
  TranscriptTextUsageDuration,
  TranscriptTextUsageTokens,
  VadConfig,
  VoiceIdsOrCustomVoice,
  VoiceIdsShared,
} from './generated/types'

/** Body of `createSpeech`. */
export type SpeechCreateParams = CreateSpeechRequest
/** `createSpeech` with `stream_format: 'sse'`: the audio as base64 delta events. */
export type SpeechCreateParamsSSE = SpeechCreateParams & { stream_format: 'sse' }
/** `createSpeech` answering with the audio bytes. */
export type SpeechCreateParamsAudio = SpeechCreateParams & { stream_format?: 'audio' }

/** The audio of a transcription or translation: anything `uploadFile` accepts. */
export type AudioFile = Uploadable | PromiseLike<Uploadable>

/** Body of `createTranscription`. */
export type TranscriptionCreateParams = Omit<CreateTranscriptionRequest, 'file'> & { file: AudioFile }
/** `createTranscription` with `stream: true`: transcript events. */
export type TranscriptionCreateParamsStreaming = TranscriptionCreateParams & { stream: true }
/** `createTranscription` answering with the whole transcription. */
export type TranscriptionCreateParamsNonStreaming = TranscriptionCreateParams & { stream?: false | null }

/** Body of `createTranslation` (into English). */
export type TranslationCreateParams = Omit<CreateTranslationRequest, 'file'> & { file: AudioFile }
