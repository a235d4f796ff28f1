import { nextId } from '../mock-state'
import { wait } from '../wait'
import { planRealtimeReply } from './realtime-turns'
import { type ResponseRun, responseRun } from './response-events'
import { type ActiveResponse, invalid, type SessionState } from './session-state'

/** What happens before the next event: it goes out, the session is gone, or the response was cancelled. */
type Pace = 'send' | 'stop' | 'cancel'

/**
 * `response.create`: plays a response event by event (`metadata.mock_delay_ms` apart, else one macrotask apart,
 * so a `response.cancel` can arrive mid-response), then `response.done`. One response at a time per conversation.
 */
export async function playResponse(s: SessionState, params: Record<string, any>, eventId: string | null) {
  const inConversation = (params.conversation ?? 'auto') !== 'none'
  if (inConversation && s.active)
    return s.fail(
      invalid(
        `Conversation already has an active response in progress: ${s.active.id}. Wait until the response is finished before creating a new one.`,
        null,
        'conversation_already_has_active_response',
      ),
      eventId,
    )
  const run: ActiveResponse = { id: nextId(s.mock, 'resp'), cancelled: false }
  if (inConversation) s.active = run
  const context = Array.isArray(params.input)
    ? params.input.map((entry: any) =>
        entry?.type === 'item_reference' ? s.items[s.indexOf(entry.id)]?.item : entry,
      )
    : s.items.map((stored) => stored.item)
  const plan = planRealtimeReply(s.session, params, context)
  const reply = responseRun(s, run, params, context, plan, inConversation)
  const delayMs = Number(params.metadata?.mock_delay_ms) || 0

  let pace: Pace = 'send'
  for (const event of reply.events) {
    pace = await next(s.signal, run, delayMs)
    if (pace !== 'send') break
    s.emit(event)
  }
  if (s.active === run) s.active = null
  if (pace === 'stop') return
  if (pace === 'cancel') return endCancelled(s, reply)
  const incomplete = reply.incomplete()
  s.emit({
    type: 'response.done',
    response: {
      ...reply.response,
      status: incomplete ? 'incomplete' : 'completed',
      status_details: incomplete ? { type: 'incomplete', reason: 'max_output_tokens' } : null,
      output: [{ ...reply.item }],
      usage: reply.usage(),
    },
  })
}

/** Waits before the next event and says whether to send it. */
async function next(signal: AbortSignal, run: ActiveResponse, delayMs: number): Promise<Pace> {
  const alive =
    delayMs > 0
      ? await wait(delayMs, signal)
      : await new Promise<boolean>((resolve) => setImmediate(() => resolve(!signal.aborted)))
  return !alive ? 'stop' : run.cancelled ? 'cancel' : 'send'
}

/** A cancelled response: the item in flight ends incomplete, then the response is done as cancelled. */
function endCancelled(s: SessionState, reply: ResponseRun) {
  const { item, response } = reply
  if (reply.started()) {
    item.status = 'incomplete'
    if (item.type === 'message') item.content = reply.finalContent()
    s.emit({
      type: 'response.output_item.done',
      response_id: response.id,
      output_index: 0,
      item: { ...item },
    })
    if (reply.inConversation)
      s.emit({ type: 'conversation.item.done', previous_item_id: reply.previousId, item: { ...item } })
  }
  s.emit({
    type: 'response.done',
    response: {
      ...response,
      status: 'cancelled',
      status_details: { type: 'cancelled', reason: 'client_cancelled' },
      output: reply.started() ? [{ ...item }] : [],
      usage: reply.usage(),
    },
  })
}
