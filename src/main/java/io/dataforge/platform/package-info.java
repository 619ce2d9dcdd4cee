/**
 * What several capabilities share, and nothing else: embedded servers, object storage, messaging, shared
 * Camel error handling, the web error body and the admin login. Each sub-package answers for itself what
 * comes in, what goes out, what happens to a bad record and whether it can be replayed.
 */
package io.dataforge.platform;
