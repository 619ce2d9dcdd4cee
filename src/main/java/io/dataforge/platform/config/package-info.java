/**
 * Configuration sources beyond Spring Boot's own: the optional {@code .env} file in the
 * working directory, read with environment-variable names and relaxed binding, below the
 * real environment.
 */
@NamedInterface("config")
package io.dataforge.platform.config;

import org.springframework.modulith.NamedInterface;
