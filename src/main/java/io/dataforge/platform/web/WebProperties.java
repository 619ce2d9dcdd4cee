package io.dataforge.platform.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.web.*}. Bodies of the streamed content types reach routes as the raw
 * request stream; every other body (JSON, forms) is read by Camel into memory and is
 * therefore capped. The API document and its UI under {@code /docs} are public unless
 * {@code docs-public} is false (then admins only).
 */
@Validated
@ConfigurationProperties("dataforge.web")
public record WebProperties(@NotNull DataSize maxBodySize, @NotNull List<String> streamedContentTypes,
        boolean docsPublic) {
}
