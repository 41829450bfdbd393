package org.openmilkbank.transfer;

import org.openmilkbank.network.HubMessageHandler;
import org.openmilkbank.network.InboxMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What a bank does with the hub's transfer messages: each in the transaction that keeps the message. */
@Configuration
class TransferMessages {

    /** The destination: a transfer on its way here. */
    @Bean
    HubMessageHandler transferAnnounced(Transfers transfers) {
        return handler(Transfers.KIND_TRANSFER, transfers::announced);
    }

    /** The source: what the destination received. */
    @Bean
    HubMessageHandler transferReceived(Transfers transfers) {
        return handler(Transfers.KIND_RECEIVED, transfers::received);
    }

    /** The destination: the source recalled bottles it sent. */
    @Bean
    HubMessageHandler transferRecalled(Transfers transfers) {
        return handler(Transfers.KIND_RECALL, transfers::recalledBySource);
    }

    private static HubMessageHandler handler(String kind, java.util.function.Consumer<InboxMessage> handle) {
        return new HubMessageHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void handle(InboxMessage message) {
                handle.accept(message);
            }
        };
    }
}
