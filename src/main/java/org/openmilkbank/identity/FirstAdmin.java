package org.openmilkbank.identity;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the very first start, creates the ADMIN account. Its password comes from
 * {@code OPENMILKBANK_ADMIN_PASSWORD} or is generated and printed once. "First" means no account holds the ADMIN role
 * yet: the demo bank, built before the web server opens, creates its staff (none of them an administrator) first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final IdentityManagement identity;
    private final String configuredPassword;

    FirstAdmin(IdentityManagement identity, @Value("${openmilkbank.admin.password:}") String configuredPassword) {
        this.identity = identity;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.anyAdminExists()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        identity.createFirstAdmin(password, generated);
        String line = "=".repeat(64);
        log.warn(
                "\n{}\n  OpenMilkBank first start: ADMIN account created\n  username: admin\n  password: {}\n{}\n{}",
                line,
                generated ? password : "(from OPENMILKBANK_ADMIN_PASSWORD)",
                generated ? "  This password is shown only once; it must be changed at the first sign-in." : "",
                line);
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
