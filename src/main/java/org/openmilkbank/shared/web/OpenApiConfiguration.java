package org.openmilkbank.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at {@code /v3/api-docs}: what the API is and how a client signs in. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI openMilkBankApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("OpenMilkBank API")
                        .version("v1")
                        .description("The donor human milk bank's path from donor to infant: donors and serology, "
                                + "reception, pools and cultures, pasteurisation runs and release, stock, "
                                + "dispensing and traceability. Every call is checked against the caller's role; "
                                + "a refused rule answers 422 with a problem detail saying why.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "staff",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("staff"));
    }
}
