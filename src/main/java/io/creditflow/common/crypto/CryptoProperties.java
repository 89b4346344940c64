package io.creditflow.common.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys protecting personal data at rest, base64-encoded 256-bit values. Profile {@code mysql} takes them from the
 * environment ({@code CREDITFLOW_DATA_KEY}, {@code CREDITFLOW_LOOKUP_KEY}); the embedded default ships demo keys.
 *
 * @param dataKey   AES-256 key for AES-GCM encryption of national ids, mobiles and e-mail addresses
 * @param lookupKey HMAC-SHA256 key for the keyed hash that finds a customer by national id without decrypting
 */
@ConfigurationProperties("creditflow.crypto")
public record CryptoProperties(String dataKey, String lookupKey) {}
