export { InvalidWebhookSignatureError } from './errors'
export type {
  BatchCancelledWebhookEvent,
  BatchCompletedWebhookEvent,
  BatchExpiredWebhookEvent,
  BatchFailedWebhookEvent,
  BatchWebhookEventData,
  EvalRunCanceledWebhookEvent,
  EvalRunFailedWebhookEvent,
  EvalRunSucceededWebhookEvent,
  EvalRunWebhookEventData,
  FineTuningJobCancelledWebhookEvent,
  FineTuningJobFailedWebhookEvent,
  FineTuningJobSucceededWebhookEvent,
  FineTuningJobWebhookEventData,
  KnownWebhookEvent,
  LiveCallIncomingWebhookEvent,
  LiveCallIncomingWebhookEventData,
  RealtimeCallIncomingWebhookEvent,
  RealtimeCallIncomingWebhookEventData,
  ResponseCancelledWebhookEvent,
  ResponseCompletedWebhookEvent,
  ResponseFailedWebhookEvent,
  ResponseIncompleteWebhookEvent,
  ResponseWebhookEventData,
  UnknownWebhookEvent,
  UnknownWebhookEventType,
  WebhookEvent,
  WebhookEventBase,
  WebhookEventOfType,
  WebhookEventType,
  WebhookSipHeader,
} from './events'
export type { WebhookPayload } from './payload-bytes'
export type { WebhookHeaders } from './read-header'
export { type SignWebhookOptions, signWebhook, type WebhookSignatureHeaders } from './sign-webhook'
export { unwrapWebhook } from './unwrap-webhook'
export { type VerifyWebhookOptions, verifyWebhookSignature } from './verify-webhook-signature'
