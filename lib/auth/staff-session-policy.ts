// How long a staff session lives. HIPAA §164.312(a)(2)(iii) asks for automatic
// logoff: a session ends after the idle timeout (STAFF_IDLE_TIMEOUT_MINUTES,
// default 15) without a request, and after ABSOLUTE_SECONDS whatever happens.
export const STAFF_SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

// Activity is written to the session row at most this often, so a busy page
// does not turn every request into a write.
export const STAFF_ACTIVITY_WRITE_SECONDS = 30;

// The warning appears this long before the idle timeout runs out.
export const STAFF_IDLE_WARNING_SECONDS = 2 * 60;
