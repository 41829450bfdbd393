package org.openmilkbank.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank's side of enrolment by key exchange: the manager enters the hub's address and the one-time code the
 * coordinator gave her; the bank sends the hub its facility code, its public key and the code, signed with its key,
 * and keeps the hub's address and the hub's key it answers ({@link NetworkLink}). Each side then shows both keys'
 * fingerprints, for the two people to compare by phone.
 */
@Service
public class NetworkEnrolment {

    static final String ENROLMENTS = "/api/v1/network/enrolments";

    private final HubClient client;
    private final NetworkLink link;
    private final BankKey key;
    private final JsonMapper json;
    private final String facilityCode;

    NetworkEnrolment(
            HubClient client,
            NetworkLink link,
            BankKey key,
            JsonMapper json,
            @Value("${openmilkbank.facility-code}") String facilityCode) {
        this.client = client;
        this.link = link;
        this.key = key;
        this.json = json;
        this.facilityCode = facilityCode;
    }

    /** The manager's enrolment: the hub's address (https://…) and the code. */
    public record EnrolForm(
            @NotBlank @Size(max = 300) String hubUrl,
            @NotBlank @Size(max = 64) String code) {}

    /**
     * Enrols the bank with the hub; refused when the address is no web address ({@code network.enrolment.hubUrl}),
     * when the hub cannot be reached ({@code network.hub.unreachable}) or with the hub's own refusal of the code.
     * Nothing is kept unless the hub accepted.
     */
    public NetworkLink.Link enrol(EnrolForm form) {
        URI hub = hubUrl(form.hubUrl());
        byte[] body = json.writeValueAsBytes(new EnrolmentRequest(
                facilityCode, key.publicKeyText(), form.code().strip()));
        EnrolmentAnswer answer;
        try {
            answer = client.exchange(hub, HttpMethod.POST, ENROLMENTS, body, EnrolmentAnswer.class);
        } catch (RuleViolation refused) {
            if (refused.code().startsWith("network.enrolment.")) {
                throw new RuleViolation(refused.code(), refused.args()).on("code");
            }
            if (refused.code().equals("network.hub.unreachable")) {
                throw new RuleViolation(refused.code(), refused.args()).on("hubUrl");
            }
            throw refused;
        }
        if (answer == null || answer.hubPublicKey() == null || !facilityCode.equals(answer.facilityCode())) {
            throw new RuleViolation("network.hub.unreachable", hub.toString()).on("hubUrl");
        }
        return link.link(hub, answer.hubPublicKey());
    }

    static URI hubUrl(String typed) {
        try {
            URI uri = new URI(typed.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new RuleViolation("network.enrolment.hubUrl").on("hubUrl");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new RuleViolation("network.enrolment.hubUrl").on("hubUrl");
        }
    }

    /** This bank's key's fingerprint. */
    public String bankKeyFingerprint() {
        return key.fingerprint();
    }

    public String facilityCode() {
        return facilityCode;
    }
}
