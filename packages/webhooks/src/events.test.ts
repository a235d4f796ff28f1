import { describe, expect, expectTypeOf, test } from 'vitest'
import type {
  BatchCompletedWebhookEvent,
  KnownWebhookEvent,
  RealtimeCallIncomingWebhookEvent,
  UnknownWebhookEvent,
  WebhookEvent,
  WebhookEventOfType,
  WebhookEventType,
} from './events'

/** A handler as users write it: a switch that narrows each known event to its own data. */
function describeEvent(event: WebhookEvent): string {
  switch (event.type) {
    case 'batch.completed': {
      expectTypeOf(event).toEqualTypeOf<BatchCompletedWebhookEvent>()
      return `batch ${event.data.id} completed`
    }
    case 'realtime.call.incoming': {
      expectTypeOf(event).toEqualTypeOf<RealtimeCallIncomingWebhookEvent>()
      return `call ${event.data.call_id} from ${event.data.sip_headers.map((h) => `${h.name}=${h.value}`).join(',')}`
    }
    case 'live.call.incoming':
      return `live session ${event.data.session_id}`
    case 'response.completed':
    case 'response.failed':
      expectTypeOf(event.data).toEqualTypeOf<{ id: string }>()
      return `${event.type} ${event.data.id}`
    case 'eval.run.canceled':
      return `eval run ${event.data.id} canceled`
    case 'batch.cancelled':
    case 'batch.expired':
    case 'batch.failed':
    case 'eval.run.failed':
    case 'eval.run.succeeded':
    case 'fine_tuning.job.cancelled':
    case 'fine_tuning.job.failed':
    case 'fine_tuning.job.succeeded':
    case 'response.cancelled':
    case 'response.incomplete':
      return `${event.type} ${event.data.id}`
    default: {
      // Every known type is handled above, so only a newer type can reach this branch.
      expectTypeOf(event).toEqualTypeOf<UnknownWebhookEvent>()
      expectTypeOf(event.data).toBeUnknown()
      return `unknown ${String(event.type)}`
    }
  }
}

describe('webhook event types', () => {
  test('a switch on type narrows known events and leaves newer ones to default', () => {
    const base = { id: 'evt_1', object: 'event' as const, created_at: 1750861210 }
    expect(describeEvent({ ...base, type: 'batch.completed', data: { id: 'batch_1' } })).toBe(
      'batch batch_1 completed',
    )
    expect(
      describeEvent({
        ...base,
        type: 'realtime.call.incoming',
        data: { call_id: 'rtc_1', sip_headers: [{ name: 'CSeq', value: '1 INVITE' }] },
      }),
    ).toBe('call rtc_1 from CSeq=1 INVITE')
    expect(describeEvent({ ...base, type: 'response.failed', data: { id: 'resp_1' } })).toBe(
      'response.failed resp_1',
    )
    const newer = JSON.parse(
      '{"id":"evt_2","created_at":1,"type":"agent.session.idle","data":{}}',
    ) as WebhookEvent
    expect(describeEvent(newer)).toBe('unknown agent.session.idle')
  })

  test('the union lists every webhook event type of the OpenAPI spec', () => {
    const all = {
      'batch.cancelled': true,
      'batch.completed': true,
      'batch.expired': true,
      'batch.failed': true,
      'eval.run.canceled': true,
      'eval.run.failed': true,
      'eval.run.succeeded': true,
      'fine_tuning.job.cancelled': true,
      'fine_tuning.job.failed': true,
      'fine_tuning.job.succeeded': true,
      'live.call.incoming': true,
      'realtime.call.incoming': true,
      'response.cancelled': true,
      'response.completed': true,
      'response.failed': true,
      'response.incomplete': true,
    } satisfies Record<WebhookEventType, true>
    expectTypeOf<keyof typeof all>().toEqualTypeOf<WebhookEventType>()
    expect(Object.keys(all)).toHaveLength(16)
  })

  test('helper types pick one event and keep unknown types out of known ones', () => {
    expectTypeOf<WebhookEventOfType<'batch.completed'>>().toEqualTypeOf<BatchCompletedWebhookEvent>()
    expectTypeOf<UnknownWebhookEvent>().not.toExtend<KnownWebhookEvent>()
    expectTypeOf<UnknownWebhookEvent['type']>().not.toExtend<WebhookEventType>()
    // @ts-expect-error a known event needs its own data shape
    const wrong: BatchCompletedWebhookEvent = { id: 'evt', created_at: 1, type: 'batch.completed', data: {} }
    expect(wrong.type).toBe('batch.completed')
  })
})
