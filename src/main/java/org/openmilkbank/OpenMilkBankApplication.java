package org.openmilkbank;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "OpenMilkBank", sharedModules = "shared")
public class OpenMilkBankApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpenMilkBankApplication.class, args);
    }
}
