/**
 * The heap budget: how the heap the JVM really has is shared between the application's
 * own live set and the buffers of the work it runs at once (S3 part buffers, Parquet row
 * groups), so that memory is bounded by construction rather than by hoping that not too
 * much happens at once.
 * <p>
 * In: the JVM's maximum heap and {@code dataforge.memory.*}. Out: byte budgets that other
 * capabilities size their buffers from. Bad input: a heap too small for the reserve fails
 * the start with a message saying how much is missing. Replay: not applicable; it is
 * computed at start.
 */
@NamedInterface("memory")
package io.dataforge.platform.memory;

import org.springframework.modulith.NamedInterface;
