"use client";

import { useSyncExternalStore } from "react";

// The token arrives in the URL fragment (never sent to any server by the
// browser); it is read here so the form can post it.
function readToken(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
}
const noSubscription = () => () => {};

/** The link's token; "" when the fragment has none, null while rendering on the server. */
export function useFragmentToken(): string | null {
  return useSyncExternalStore(noSubscription, readToken, () => null);
}
