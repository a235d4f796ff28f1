import type {
  BaseHelperEvents,
  EventHelper as CoreEventHelper,
  HelperBase as CoreHelperBase,
  EventEngine,
} from '@acme/openai-core'
import { _createEventEngine } from '@acme/openai-core/internal'
import type { ChatCompletionChunk } from './types/chat-completion-chunk'

/** Events every helper emits, besides its own. */
export type BaseRunnerEvents = BaseHelperEvents

/** What every chat helper object has: listeners, its lifecycle flags, `abort()`, `done()`, and chunk iteration. */
export type EventHelper<Events, Self> = CoreEventHelper<Events, Self, ChatCompletionChunk>

/** The untyped, writable view of a helper that its operation builds on. */
export type HelperBase = CoreHelperBase<ChatCompletionChunk>

/** A helper under construction, with the internals its operation drives. */
export type EventRunner = EventEngine<ChatCompletionChunk>

/**
 * The base of a chat helper object (core's stream-helper engine), tied to the caller's optional `signal`;
 * `for await` yields the `chunk` events.
 */
export function createEventRunner(signal?: AbortSignal | null): EventRunner {
  return _createEventEngine<ChatCompletionChunk>('chunk', signal)
}
