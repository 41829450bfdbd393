package org.openmilkbank.reporting.dhis2;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key that seals the DHIS2 password: the bank's OPENMILKBANK_SECRET_KEY, or a key file in the data directory. */
@Configuration(proxyBeanMethods = false)
class Dhis2Configuration {

    @Bean
    SecretBox dhis2Secrets(
            @Value("${openmilkbank.secret-key:}") String configuredKey,
            @Value("${openmilkbank.db.embedded.data-dir:data/postgres}") String dataDir) {
        return SecretBox.of(configuredKey, Path.of(dataDir), "openmilkbank.dhis2.password");
    }
}
