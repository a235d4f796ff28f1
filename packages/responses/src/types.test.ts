import { describe, expect, expectTypeOf, it } from 'vitest'
import type {
  CreateResponse,
  FunctionToolCall,
  OutputMessage,
  ResponseCompletedEvent,
  ResponseStreamEvent,
  ResponseTextDeltaEvent,
} from './generated/types'
import type {
  ResponseCreateParams,
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
  ResponseOutputItem,
  ResponseWithOutputText,
} from './types'

// Every `type` of the spec's ResponseStreamEvent union (58), listed by hand so the generated union is checked.
const EVENT_TYPES = [
  'error',
  'response.audio.delta',
  'response.audio.done',
  'response.audio.transcript.delta',
  'response.audio.transcript.done',
  'response.code_interpreter_call.completed',
  'response.code_interpreter_call.in_progress',
  'response.code_interpreter_call.interpreting',
  'response.code_interpreter_call_code.delta',
  'response.code_interpreter_call_code.done',
  'response.completed',
  'response.content_part.added',
  'response.content_part.done',
  'response.created',
  'response.custom_tool_call_input.delta',
  'response.custom_tool_call_input.done',
  'response.failed',
  'response.file_search_call.completed',
  'response.file_search_call.in_progress',
  'response.file_search_call.searching',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'response.image_generation_call.completed',
  'response.image_generation_call.generating',
  'response.image_generation_call.in_progress',
  'response.image_generation_call.partial_image',
  'response.in_progress',
  'response.incomplete',
  'response.mcp_call.completed',
  'response.mcp_call.failed',
  'response.mcp_call.in_progress',
  'response.mcp_call_arguments.delta',
  'response.mcp_call_arguments.done',
  'response.mcp_list_tools.completed',
  'response.mcp_list_tools.failed',
  'response.mcp_list_tools.in_progress',
  'response.output_item.added',
  'response.output_item.done',
  'response.output_text.annotation.added',
  'response.output_text.delta',
  'response.output_text.done',
  'response.queued',
  'response.reasoning_summary_part.added',
  'response.reasoning_summary_part.done',
  'response.reasoning_summary_text.delta',
  'response.reasoning_summary_text.done',
  'response.reasoning_text.delta',
  'response.reasoning_text.done',
  'response.refusal.delta',
  'response.refusal.done',
  'response.shell_call_command.added',
  'response.shell_call_command.delta',
  'response.shell_call_command.done',
  'response.shell_call_output_content.delta',
  'response.shell_call_output_content.done',
  'response.web_search_call.completed',
  'response.web_search_call.in_progress',
  'response.web_search_call.searching',
] as const

describe('generated types', () => {
  it('ResponseStreamEvent covers every event type of the spec, discriminated by `type`', () => {
    expect(EVENT_TYPES).toHaveLength(58)
    expectTypeOf<ResponseStreamEvent['type']>().toEqualTypeOf<(typeof EVENT_TYPES)[number]>()
    expectTypeOf<
      Extract<ResponseStreamEvent, { type: 'response.output_text.delta' }>
    >().toEqualTypeOf<ResponseTextDeltaEvent>()
    expectTypeOf<
      Extract<ResponseStreamEvent, { type: 'response.completed' }>
    >().toEqualTypeOf<ResponseCompletedEvent>()
  })

  it('narrows events and output items by `type`', () => {
    const narrow = (event: ResponseStreamEvent, item: ResponseOutputItem) => {
      if (event.type === 'response.output_text.delta') expectTypeOf(event.delta).toBeString()
      if (event.type === 'response.completed')
        expectTypeOf(event.response.output).toEqualTypeOf<ResponseOutputItem[]>()
      if (event.type === 'error') expectTypeOf(event.message).toBeString()
      if (item.type === 'message') expectTypeOf(item).toEqualTypeOf<OutputMessage>()
      if (item.type === 'function_call') expectTypeOf(item).toEqualTypeOf<FunctionToolCall>()
    }
    expectTypeOf(narrow).toBeFunction()
  })

  it('splits the create params by `stream`', () => {
    expectTypeOf<ResponseCreateParamsStreaming['stream']>().toEqualTypeOf<true>()
    expectTypeOf<ResponseCreateParamsNonStreaming['stream']>().toEqualTypeOf<false | null | undefined>()
    expectTypeOf<ResponseCreateParams['stream']>().toEqualTypeOf<boolean | null | undefined>()
    expectTypeOf<Omit<ResponseCreateParams, 'stream'>>().toEqualTypeOf<Omit<CreateResponse, 'stream'>>()
    expectTypeOf<ResponseWithOutputText['output_text']>().toEqualTypeOf<string>()
  })

  it('keeps literal unions and free strings for model ids', () => {
    expectTypeOf<'gpt-5.4'>().toMatchTypeOf<NonNullable<CreateResponse['model']>>()
    expectTypeOf<'my-fine-tune'>().toMatchTypeOf<NonNullable<CreateResponse['model']>>()
  })
})
