/**
 * HTTP concerns shared by every REST route: the standard error body for every failure,
 * streamed request bodies (raw and multipart, never buffered or spooled), the cap on
 * in-memory bodies, and the admin login.
 * <p>
 * In: HTTP requests. Out: the raw body stream or its parts for upload routes; JSON error
 * bodies. Bad input: malformed or truncated multipart → 400, oversize JSON → 413, wrong
 * content type on a streamed endpoint → 415. Replay: the client re-sends.
 */
@NamedInterface("web")
package io.dataforge.platform.web;

import org.springframework.modulith.NamedInterface;
