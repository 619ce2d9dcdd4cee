package io.dataforge.watch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes that can be read again from the start, each {@link #open()} a fresh stream the
 * caller closes.
 */
@FunctionalInterface
public interface StreamSource {

    InputStream open() throws IOException;

}
