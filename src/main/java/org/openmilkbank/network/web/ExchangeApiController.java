package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.network.ExchangeAmendment;
import org.openmilkbank.network.ExchangeEntry;
import org.openmilkbank.network.ExchangePost;
import org.openmilkbank.network.ExchangeReply;
import org.openmilkbank.network.ExchangeWithdrawal;
import org.openmilkbank.network.NetworkAlert;
import org.openmilkbank.network.NetworkExchange;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A bank manager's own actions on the network's exchange of milk, and the board and alerts as the hub relayed them. */
@RestController
@RequestMapping("/api/v1/network/exchange")
@PreAuthorize(ExchangeController.VIEW)
class ExchangeApiController {

    private final NetworkExchange exchange;

    ExchangeApiController(NetworkExchange exchange) {
        this.exchange = exchange;
    }

    /** The bank declares that it is short of milk, or ends its declaration; a reason either way. */
    record ShortageDeclaration(
            @jakarta.validation.constraints.NotNull Boolean declared,

            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500)
            String reason) {}

    @PostMapping("/shortage")
    @PreAuthorize(ExchangeController.ACT)
    NetworkExchange.Declaration declare(@Valid @RequestBody ShortageDeclaration declaration) {
        exchange.declareShortage(declaration.declared(), new ExchangeWithdrawal(declaration.reason()));
        return exchange.declaredShortage().orElseThrow();
    }

    /** The network's open requests and offers (this bank's own included). */
    @GetMapping
    @PreAuthorize(ExchangeController.VIEW)
    Paged<ExchangeEntry> board(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(exchange.board(), PageRequest.of(page, size));
    }

    /** This bank's own posts, open and withdrawn. */
    @GetMapping("/own")
    @PreAuthorize(ExchangeController.VIEW)
    Paged<ExchangeEntry> own(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(exchange.own(), PageRequest.of(page, size));
    }

    @GetMapping("/alerts")
    @PreAuthorize(ExchangeController.VIEW)
    List<NetworkAlert> alerts() {
        return exchange.alerts();
    }

    @PostMapping
    @PreAuthorize(ExchangeController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    ExchangeEntry post(@Valid @RequestBody ExchangePost post) {
        return exchange.post(post);
    }

    @PutMapping("/{id}")
    @PreAuthorize(ExchangeController.ACT)
    ExchangeEntry amend(@PathVariable UUID id, @Valid @RequestBody ExchangeAmendment amendment) {
        return exchange.amend(id, amendment);
    }

    @PostMapping("/{id}/withdrawal")
    @PreAuthorize(ExchangeController.ACT)
    ExchangeEntry withdraw(@PathVariable UUID id, @Valid @RequestBody ExchangeWithdrawal withdrawal) {
        return exchange.withdraw(id, withdrawal);
    }

    @PostMapping("/{id}/replies")
    @PreAuthorize(ExchangeController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> reply(@PathVariable UUID id, @Valid @RequestBody ExchangeReply reply) {
        return Map.of("id", exchange.reply(id, reply));
    }
}
