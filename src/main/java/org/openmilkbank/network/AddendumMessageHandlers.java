package org.openmilkbank.network;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bank's handlers of its hub's addendum messages: offered ({@code addendum}) and withdrawn. */
@Configuration
class AddendumMessageHandlers {

    @Bean
    HubMessageHandler addendumOffered(AddendumOffers offers) {
        return new HubMessageHandler() {
            @Override
            public String kind() {
                return Addenda.KIND;
            }

            @Override
            public void handle(InboxMessage message) {
                offers.offered(message);
            }
        };
    }

    @Bean
    HubMessageHandler addendumWithdrawn(AddendumOffers offers) {
        return new HubMessageHandler() {
            @Override
            public String kind() {
                return Addenda.WITHDRAWN_KIND;
            }

            @Override
            public void handle(InboxMessage message) {
                offers.withdrawn(message);
            }
        };
    }
}
