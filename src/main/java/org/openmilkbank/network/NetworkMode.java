package org.openmilkbank.network;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this installation is a bank (the default) or the network's hub: the same code, chosen by
 * {@code openmilkbank.network.mode} ({@code bank} or {@code hub}). The hub registers banks, takes their batches,
 * compares them and sends them messages; a bank sends its outbox and reads its hub's messages.
 */
@Component
public class NetworkMode {

    private final boolean hub;

    NetworkMode(@Value("${openmilkbank.network.mode:bank}") String mode) {
        String m = mode.strip().toLowerCase(Locale.ROOT);
        if (!m.equals("bank") && !m.equals("hub")) {
            throw new IllegalStateException("openmilkbank.network.mode is bank or hub, not " + mode);
        }
        this.hub = m.equals("hub");
    }

    public static NetworkMode of(boolean hub) {
        return new NetworkMode(hub ? "hub" : "bank");
    }

    public boolean isHub() {
        return hub;
    }
}
