package io.dataforge.load.rules;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An account's load rules, first match wins: the body of the load-rules API both ways.
 */
record LoadRules(@NotNull @Size(max = 100) List<@NotNull @Valid LoadRule> rules) {
}
