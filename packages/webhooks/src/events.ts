// Webhook event types, from the `webhooks:` section of the OpenAI OpenAPI spec. Types only: no runtime code.

declare const unknownWebhookEventType: unique symbol

/** The fields every webhook event carries; `Type` is its `type` literal and `Data` the shape of `data`. */
export interface WebhookEventBase<Type, Data> {
  /** The event id (`evt_…`). */
  id: string
  /** When the event happened, in Unix seconds. */
  created_at: number
  /** Always `event` when present. */
  object?: 'event'
  /** What happened; selects the shape of `data`. */
  type: Type
  /** The object the event is about. */
  data: Data
}

/** `data` of the `batch.*` events. */
export interface BatchWebhookEventData {
  /** The batch id (`batch_…`). */
  id: string
}

/** `data` of the `eval.run.*` events. */
export interface EvalRunWebhookEventData {
  /** The eval run id. */
  id: string
}

/** `data` of the `fine_tuning.job.*` events. */
export interface FineTuningJobWebhookEventData {
  /** The fine-tuning job id (`ftjob_…`). */
  id: string
}

/** `data` of the `response.*` events. */
export interface ResponseWebhookEventData {
  /** The response id (`resp_…`): retrieve the response with it. */
  id: string
}

/** One header of the SIP INVITE behind an incoming call. */
export interface WebhookSipHeader {
  name: string
  value: string
}

/** `data` of `realtime.call.incoming`. */
export interface RealtimeCallIncomingWebhookEventData {
  /** The pending SIP session (`rtc_…`) to accept or reject over the Realtime API. */
  call_id: string
  /** Headers of the SIP INVITE. */
  sip_headers: WebhookSipHeader[]
}

/** `data` of `live.call.incoming`. */
export interface LiveCallIncomingWebhookEventData {
  /** The pending SIP session (`rtc_…`); the same value is `call_id` in `realtime.call.incoming`. */
  session_id: string
  /** Headers of the SIP INVITE. */
  sip_headers: WebhookSipHeader[]
}

/** A batch was cancelled. */
export interface BatchCancelledWebhookEvent
  extends WebhookEventBase<'batch.cancelled', BatchWebhookEventData> {}
/** A batch finished processing. */
export interface BatchCompletedWebhookEvent
  extends WebhookEventBase<'batch.completed', BatchWebhookEventData> {}
/** A batch expired before it finished. */
export interface BatchExpiredWebhookEvent extends WebhookEventBase<'batch.expired', BatchWebhookEventData> {}
/** A batch failed. */
export interface BatchFailedWebhookEvent extends WebhookEventBase<'batch.failed', BatchWebhookEventData> {}
/** An eval run was canceled (spelled with one "l" by the API). */
export interface EvalRunCanceledWebhookEvent
  extends WebhookEventBase<'eval.run.canceled', EvalRunWebhookEventData> {}
/** An eval run failed. */
export interface EvalRunFailedWebhookEvent
  extends WebhookEventBase<'eval.run.failed', EvalRunWebhookEventData> {}
/** An eval run succeeded. */
export interface EvalRunSucceededWebhookEvent
  extends WebhookEventBase<'eval.run.succeeded', EvalRunWebhookEventData> {}
/** A fine-tuning job was cancelled. */
export interface FineTuningJobCancelledWebhookEvent
  extends WebhookEventBase<'fine_tuning.job.cancelled', FineTuningJobWebhookEventData> {}
/** A fine-tuning job failed. */
export interface FineTuningJobFailedWebhookEvent
  extends WebhookEventBase<'fine_tuning.job.failed', FineTuningJobWebhookEventData> {}
/** A fine-tuning job succeeded. */
export interface FineTuningJobSucceededWebhookEvent
  extends WebhookEventBase<'fine_tuning.job.succeeded', FineTuningJobWebhookEventData> {}
/** A SIP call is waiting to be accepted through the Live API. */
export interface LiveCallIncomingWebhookEvent
  extends WebhookEventBase<'live.call.incoming', LiveCallIncomingWebhookEventData> {}
/** A SIP call is waiting to be accepted through the Realtime API. */
export interface RealtimeCallIncomingWebhookEvent
  extends WebhookEventBase<'realtime.call.incoming', RealtimeCallIncomingWebhookEventData> {}
/** A background response was cancelled. */
export interface ResponseCancelledWebhookEvent
  extends WebhookEventBase<'response.cancelled', ResponseWebhookEventData> {}
/** A background response completed. */
export interface ResponseCompletedWebhookEvent
  extends WebhookEventBase<'response.completed', ResponseWebhookEventData> {}
/** A background response failed. */
export interface ResponseFailedWebhookEvent
  extends WebhookEventBase<'response.failed', ResponseWebhookEventData> {}
/** A background response stopped before it was complete. */
export interface ResponseIncompleteWebhookEvent
  extends WebhookEventBase<'response.incomplete', ResponseWebhookEventData> {}

/** Every webhook event this version of the package knows, discriminated on `type`. */
export type KnownWebhookEvent =
  | BatchCancelledWebhookEvent
  | BatchCompletedWebhookEvent
  | BatchExpiredWebhookEvent
  | BatchFailedWebhookEvent
  | EvalRunCanceledWebhookEvent
  | EvalRunFailedWebhookEvent
  | EvalRunSucceededWebhookEvent
  | FineTuningJobCancelledWebhookEvent
  | FineTuningJobFailedWebhookEvent
  | FineTuningJobSucceededWebhookEvent
  | LiveCallIncomingWebhookEvent
  | RealtimeCallIncomingWebhookEvent
  | ResponseCancelledWebhookEvent
  | ResponseCompletedWebhookEvent
  | ResponseFailedWebhookEvent
  | ResponseIncompleteWebhookEvent

/** The `type` of every known webhook event. */
export type WebhookEventType = KnownWebhookEvent['type']

/** The known event with a given `type`, e.g. `WebhookEventOfType<'batch.completed'>`. */
export type WebhookEventOfType<Type extends WebhookEventType> = Extract<KnownWebhookEvent, { type: Type }>

/**
 * The `type` of an event newer than this package. At runtime it is a plain string: read it with
 * `String(event.type)`. It is typed apart from `string` on purpose, because a `string` member would match every
 * `case` and keep `switch (event.type)` from narrowing known events to their own `data`.
 */
export type UnknownWebhookEventType = String & { readonly [unknownWebhookEventType]: true }

/** An event whose `type` this package does not know yet: it still parses, with `data` left `unknown`. */
export interface UnknownWebhookEvent extends WebhookEventBase<UnknownWebhookEventType, unknown> {}

/** What `unwrapWebhook` returns: a known event, or an {@link UnknownWebhookEvent} for newer types. */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent
