"use client";

import { useSyncExternalStore } from "react";

// One clock for every ticking cell on the page (relative times, response
// clocks) instead of one timer per cell. While hydrating it reads the
// server's time, so the first client render matches the HTML exactly.
const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let current = Date.now();
let timer: number | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    current = Date.now();
    timer = window.setInterval(() => {
      current = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(serverNowMs: number): number {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => serverNowMs,
  );
}
