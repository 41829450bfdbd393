package org.openmilkbank.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes personal API tokens and their HMAC-SHA256 under the bank's server secret: fast enough to check on
 * every call, and a stolen table of hashes is no use without the secret. The secret comes from
 * {@code openmilkbank.security.token-secret} or is generated once into {@code bank_setting}.
 */
@Component
class TokenHasher {

    static final String PREFIX = "omb_";
    private static final String SETTING = "identity.api-token-secret";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String configured;
    private volatile byte[] secret;

    TokenHasher(JdbcClient jdbc, @Value("${openmilkbank.security.token-secret:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String hash(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            s = configured.isBlank() ? stored() : configured.getBytes(StandardCharsets.UTF_8);
            secret = s;
        }
        return s;
    }

    private byte[] stored() {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("insert into bank_setting (key, value) values (:key, :value) on conflict (key) do nothing")
                .param("key", SETTING)
                .param("value", Base64.getEncoder().encodeToString(fresh))
                .update();
        String value = jdbc.sql("select value from bank_setting where key = :key")
                .param("key", SETTING)
                .query(String.class)
                .single();
        return Base64.getDecoder().decode(value);
    }
}
