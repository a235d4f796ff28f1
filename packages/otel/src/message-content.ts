// Loaded on first use, only when a `loggerProvider` is given: the log events of the official instrumentation
// (prompts and choices for Chat Completions, input and output messages for Responses), with message content
// only when capture is on.
import type { Context } from '@opentelemetry/api'
import type { GenAIKind } from './gen-ai-request'
import type { AnswerSink } from './gen-ai-result'
import { inputMessages, outputMessages } from './responses-messages'

/** A log record as `@opentelemetry/api-logs` defines it (only the fields written here). */
export interface LogRecordLike {
  timestamp?: number
  context?: Context
  severityNumber?: number
  eventName?: string
  attributes?: Record<string, any>
  body?: any
}

/** What `@opentelemetry/api-logs`' `logs.getLoggerProvider()` and the SDK's `LoggerProvider` offer. */
export interface LoggerProviderLike {
  getLogger(name: string, version?: string): { emit(record: LogRecordLike): void }
}

const INFO = 9
const SYSTEM = { 'gen_ai.system': 'openai' }
const PROVIDER = { 'gen_ai.provider.name': 'openai' }
const DETAILS = 'gen_ai.client.inference.operation.details'

/** Emits the request's events now and returns the callbacks that emit the answer's. */
export function contentEvents(
  kind: GenAIKind,
  params: any,
  logger: { emit(record: LogRecordLike): void },
  context: Context,
  capture: boolean,
): AnswerSink {
  const emit = (record: LogRecordLike) =>
    logger.emit({ timestamp: Date.now(), context, severityNumber: INFO, ...record })
  const chatEvent = (name: string, body: unknown) =>
    emit({ attributes: { 'event.name': name, ...SYSTEM }, body })
  const responsesEvent = (key: string, messages: unknown) =>
    emit({ eventName: DETAILS, attributes: { ...PROVIDER, [key]: messages } })

  if (kind === 'embeddings') return {}
  if (kind === 'responses') {
    responsesEvent('gen_ai.input.messages', inputMessages(params, capture))
    const output = (items: any[]) => responsesEvent('gen_ai.output.messages', outputMessages(items, capture))
    return {
      result: (data: any) => output(data.output),
      event: (e: any) => {
        if (e.type === 'response.output_item.done') output([e.item])
      },
    }
  }

  for (const msg of params.messages ?? []) {
    const body: Record<string, unknown> = {}
    const content = capture ? textOf(msg.content, msg.role === 'system' || msg.role === 'tool') : undefined
    if (msg.role === 'tool') body.id = msg.tool_call_id
    if (msg.role === 'assistant') {
      if (capture && msg.content) body.content = content
      body.tool_calls = msg.tool_calls?.map((tc: any) => toolCall(tc, capture))
    } else if (capture) body.content = content
    if (/^(system|user|assistant|tool)$/.test(msg.role)) chatEvent(`gen_ai.${msg.role}.message`, body)
  }

  // Streamed choices, gathered from the first choice of each chunk as the official instrumentation does.
  const choices: { content?: string; toolCalls?: any[] }[] = []
  const finish: (string | undefined)[] = []
  return {
    result: (data: any) => {
      for (const choice of data.choices ?? []) {
        const message: Record<string, unknown> = {}
        if (capture && choice.message.content) message.content = choice.message.content
        if (choice.message.tool_calls)
          message.tool_calls = capture
            ? choice.message.tool_calls
            : choice.message.tool_calls.map((tc: any) => toolCall(tc, false))
        chatEvent('gen_ai.choice', { finish_reason: choice.finish_reason, index: choice.index, message })
      }
    },
    event: (chunk: any) => {
      const first = chunk.choices?.[0]
      const i = first?.index ?? 0
      const choice = (choices[i] ??= {})
      if (capture && first?.delta?.content) choice.content = (choice.content ?? '') + first.delta.content
      const part = first?.delta?.tool_calls?.[0]
      if (part) {
        const calls = (choice.toolCalls ??= [])
        if (part.id) {
          const call: any = { id: part.id, type: part.type }
          if (part.type === 'function')
            call.function = { name: part.function?.name, arguments: part.function?.arguments ?? '' }
          calls.push(call)
        } else if (calls.at(-1)?.function) calls.at(-1).function.arguments += part.function?.arguments ?? ''
      }
      if (!finish[i] && first?.finish_reason) finish[i] = first.finish_reason
    },
    end: () => {
      choices.forEach((choice, index) => {
        const message: Record<string, unknown> = {}
        if (capture && choice.content) message.content = choice.content
        if (choice.toolCalls?.length) {
          if (!capture) for (const tc of choice.toolCalls) delete tc.function?.arguments
          message.tool_calls = choice.toolCalls
        }
        chatEvent('gen_ai.choice', { finish_reason: finish[index], index, message })
      })
    },
  }
}

/** Text of a message's content: a string, or its text parts joined (every part for system and tool). */
function textOf(content: any, allParts: boolean): unknown {
  if (!Array.isArray(content)) return content
  return content
    .filter((p: any) => allParts || p.type === 'text')
    .map((p: any) => p.text)
    .join('')
}

function toolCall(tc: any, withArguments: boolean) {
  const call: any = { id: tc.id, type: tc.type }
  if (tc.type === 'function')
    call.function = withArguments
      ? { name: tc.function.name, arguments: tc.function.arguments }
      : { name: tc.function.name }
  return call
}
