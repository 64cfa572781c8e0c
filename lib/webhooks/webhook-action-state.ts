import type { ActionState } from "@/lib/actions/action-state";

// What the webhook admin actions answer. `secret` is set only in the answer
// to the request that generated it: it is shown once and never stored in the
// clear.
export type WebhookActionState = ActionState<{ secret?: string }>;
export type WebhookFormAction = (previous: WebhookActionState, form: FormData) => Promise<WebhookActionState>;
