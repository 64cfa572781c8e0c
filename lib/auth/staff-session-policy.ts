// How long a staff session lives. HIPAA §164.312(a)(2)(iii) asks for automatic
// logoff: a session ends after IDLE_SECONDS without a request, and after
// ABSOLUTE_SECONDS whatever happens. The idle clock is Better Auth's own
// expiry, pushed forward at most once per REFRESH_SECONDS of activity.
export const STAFF_SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const STAFF_SESSION_REFRESH_SECONDS = 60;

// The idle timeout is configurable (STAFF_IDLE_TIMEOUT_MINUTES); the warning
// appears this long before it runs out.
export const STAFF_IDLE_WARNING_SECONDS = 2 * 60;
