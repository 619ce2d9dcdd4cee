/**
 * Which failures a later attempt can outlive: the one rule workers use to choose between
 * a retry with backoff and giving the input up with its reason.
 * <p>
 * In: a failure. Out: whether it is a fault of the infrastructure. Bad input and replay:
 * not applicable.
 */
@NamedInterface("faults")
package io.dataforge.platform.faults;

import org.springframework.modulith.NamedInterface;
