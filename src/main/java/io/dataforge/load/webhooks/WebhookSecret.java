package io.dataforge.load.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An account's callback signing key: {@code X-DataForge-Signature} is
 * {@code sha256=HMAC-SHA256(webhookSecret, body)}.
 */
record WebhookSecret(@Schema(format = "uuid", description = "the account, as the path names it") String accountId,
        @Schema(description = "the signing key, hex") String webhookSecret) {
}
