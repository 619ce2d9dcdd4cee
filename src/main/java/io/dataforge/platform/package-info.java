/**
 * What several capabilities share, and nothing else: embedded servers, object storage,
 * messaging, shared Camel error handling, the web error body and the admin login,
 * database helpers (advisory locks, result cells as JSON) and the reading of incoming
 * text (UTF-8, CSV). Each sub-package answers for itself what comes in, what goes out,
 * what happens to a bad record and whether it can be replayed.
 */
package io.dataforge.platform;
