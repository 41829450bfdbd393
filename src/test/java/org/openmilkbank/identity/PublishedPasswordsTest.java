package org.openmilkbank.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class PublishedPasswordsTest {

    private final PasswordEncoder signIn =
            new BcryptLengthGuard(PasswordEncoderFactories.createDelegatingPasswordEncoder());

    @Test
    void aPublishedPasswordIsHashedAtBcryptsLowestCostAndSignsInAsAnyOther() {
        String hash = IdentityManagement.PUBLISHED_PASSWORDS.encode("milkbank-demo");

        assertThat(hash).startsWith("{bcrypt}$2a$04$");
        assertThat(signIn.matches("milkbank-demo", hash)).isTrue();
        assertThat(signIn.matches("milkbank-dem0", hash)).isFalse();
    }

    @Test
    void everyOtherPasswordKeepsTheFullCost() {
        assertThat(signIn.encode("a staff password")).startsWith("{bcrypt}$2a$10$");
    }
}
