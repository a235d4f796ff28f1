import { contentText } from '../generate/content-text'
import { planReply, type ReplyPlan } from '../generate/reply-plan'
import { countTokens, textPieces, wordChunks } from '../generate/reply-text'
import { isRecord } from '../is-record'

/** Samples per second of the mock's PCM16 output audio. */
export const SAMPLE_RATE = 24000
/** Milliseconds of audio sent with each transcript piece. */
const AUDIO_MS_PER_PIECE = 100

/** The text a conversation item contributes as context: typed text, audio transcripts, tool output. */
export function itemText(item: unknown): string {
  if (!isRecord<any>(item)) return ''
  if (item.type === 'function_call_output') return String(item.output ?? '')
  if (item.type === 'function_call') return String(item.arguments ?? '')
  if (!Array.isArray(item.content)) return ''
  const parts = item.content.map((part: any) =>
    isRecord<any>(part) && typeof part.transcript === 'string' ? { text: part.transcript } : part,
  )
  return contentText(parts)
}

/** What the mock answers to a conversation, with the same rules as its Responses and Chat routes. */
export function planRealtimeReply(
  session: Record<string, any>,
  params: Record<string, any>,
  context: readonly unknown[],
): ReplyPlan {
  const last = context.at(-1) as Record<string, any> | undefined
  const fromUser = last?.type === 'message' && last.role === 'user'
  const tools = ((params.tools ?? session.tools ?? []) as unknown[])
    .filter((tool): tool is Record<string, any> => isRecord<any>(tool) && tool.type === 'function')
    .map((tool) => ({ name: String(tool.name), parameters: tool.parameters ?? { type: 'object' } }))
  const choice = params.tool_choice ?? session.tool_choice ?? 'auto'
  const toolChoice =
    typeof choice === 'string' ? choice : choice?.type === 'function' ? String(choice.name) : 'auto'
  const max = params.max_output_tokens ?? session.max_output_tokens
  return planReply({
    source: itemText(last),
    fromUser,
    tools,
    toolChoice,
    format: null,
    maxTokens: typeof max === 'number' ? max : null,
  })
}

/** Input tokens of a context, roughly as the other mock routes count them. */
export function contextTokens(context: readonly unknown[]): number {
  return context.reduce<number>((sum, item) => sum + countTokens(itemText(item)), 0)
}

/** One transcript piece and the audio played with it. */
export interface AudioPiece {
  transcript: string
  /** Base64 PCM16 (24 kHz mono) of a 440 Hz tone, continuous across pieces. */
  audio: string
  samples: number
}

/** Splits a spoken answer into transcript pieces, each with its stretch of (deterministic) audio. */
export function audioPieces(text: string): AudioPiece[] {
  const perPiece = (SAMPLE_RATE * AUDIO_MS_PER_PIECE) / 1000
  const pieces = wordChunks(text)
  return pieces.map((transcript, p) => {
    const bytes = Buffer.alloc(perPiece * 2)
    for (let i = 0; i < perPiece; i++) {
      const n = p * perPiece + i
      bytes.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * n) / SAMPLE_RATE)), i * 2)
    }
    return { transcript, audio: bytes.toString('base64'), samples: perPiece }
  })
}

/** Function-call argument pieces, as the other mock routes stream them. */
export function argumentPieces(args: string): string[] {
  return textPieces(args)
}
