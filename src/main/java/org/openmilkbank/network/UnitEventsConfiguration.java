package org.openmilkbank.network;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class UnitEventsConfiguration {

    @Bean
    UnitPseudonyms networkUnitPseudonyms(
            @Value("${openmilkbank.secret-key:}") String secretKey,
            @Value("${openmilkbank.db.embedded.data-dir:data/postgres}") String dataDir) {
        return UnitPseudonyms.of(secretKey, Path.of(dataDir));
    }
}
