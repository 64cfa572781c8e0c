// The app logs structured JSON to stdout; in test runs that is noise unless
// asked for (LOG_LEVEL=debug npm test).
process.env.LOG_LEVEL ??= "silent";
