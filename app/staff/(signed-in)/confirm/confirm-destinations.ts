// Where "Confirm it's you" may send a person back to: the pages whose actions
// need it. A fixed list, so the page cannot be used as an open redirect.
export const CONFIRM_DESTINATIONS = ["/staff/admin/export", "/staff/admin/retention", "/staff/admin/users", "/staff/account"] as const;
export type ConfirmDestination = (typeof CONFIRM_DESTINATIONS)[number];

export function confirmDestination(value: unknown): ConfirmDestination {
  return CONFIRM_DESTINATIONS.find((path) => path === value) ?? "/staff/account";
}
