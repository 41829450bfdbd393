package org.openmilkbank.collection.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerIntake;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerDetail;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class CollectionApiController {

    private final CollectionManagement collection;
    private final DonorManagement donors;

    CollectionApiController(CollectionManagement collection, DonorManagement donors) {
        this.collection = collection;
        this.donors = donors;
    }

    /** A donation as a client sends it: the donor by id or by her (scanned) code. */
    record NewDonation(
            UUID donorId,
            String donorCode,
            @NotNull List<@NotNull Container> containers,
            @Size(max = 1000) String note) {}

    record Container(int volumeMl, LocalDate expressedOn) {}

    record Reason(@NotBlank String reason) {}

    /** A container with its DIN as printed beside the barcode (with check character). */
    record ContainerDto(
            UUID id,
            String din,
            String dinWithCheck,
            UUID donationId,
            UUID donorId,
            String donorCode,
            int volumeMl,
            LocalDate expressedOn,
            ContainerState state,
            UUID poolId,
            String discardReason) {

        static ContainerDto of(RawContainerView c, UUID poolId, String discardReason) {
            return new ContainerDto(
                    c.id(),
                    c.din(),
                    Din.parse(c.din()).withCheck(),
                    c.donationId(),
                    c.donorId(),
                    c.donorCode(),
                    c.volumeMl(),
                    c.expressedOn(),
                    c.state(),
                    poolId,
                    discardReason);
        }

        static ContainerDto of(RawContainerDetail d) {
            return of(d.container(), d.poolId(), d.discardReason());
        }
    }

    record DonationDto(
            UUID id,
            UUID donorId,
            String donorCode,
            java.time.Instant receivedAt,
            String receivedBy,
            String note,
            int totalVolumeMl,
            List<ContainerDto> containers) {

        static DonationDto of(DonationView d) {
            return new DonationDto(
                    d.id(),
                    d.donorId(),
                    d.donorCode(),
                    d.receivedAt(),
                    d.receivedBy(),
                    d.note(),
                    d.totalVolumeMl(),
                    d.containers().stream()
                            .map(c -> ContainerDto.of(c, null, null))
                            .toList());
        }
    }

    @PostMapping("/donations")
    @PreAuthorize(ReceptionController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    DonationDto receive(@Valid @RequestBody NewDonation body) {
        UUID donorId = body.donorId();
        if (donorId == null && body.donorCode() != null && !body.donorCode().isBlank()) {
            donorId = donors.findByCode(body.donorCode())
                    .map(DonorView::id)
                    .orElseThrow(() -> new RuleViolation("collection.reception.donorCodeUnknown", body.donorCode()));
        }
        List<ContainerIntake> intakes = body.containers().stream()
                .map(c -> new ContainerIntake(c.volumeMl(), c.expressedOn()))
                .toList();
        return DonationDto.of(collection.receive(donorId, intakes, body.note()));
    }

    @GetMapping("/donations/{id}")
    @PreAuthorize(ReceptionController.VIEW)
    DonationDto donation(@PathVariable UUID id) {
        return collection
                .findDonation(id)
                .map(DonationDto::of)
                .orElseThrow(() -> new NotFound("collection.donation.notFound", id));
    }

    @GetMapping("/containers")
    @PreAuthorize(ReceptionController.VIEW)
    List<ContainerDto> containers(@RequestParam(required = false) ContainerState state) {
        return collection.containers(state).stream()
                .map(c -> ContainerDto.of(c, null, null))
                .toList();
    }

    @GetMapping("/containers/{din}")
    @PreAuthorize(ReceptionController.VIEW)
    ContainerDto container(@PathVariable String din) {
        return collection
                .container(din)
                .map(ContainerDto::of)
                .orElseThrow(() -> new NotFound("collection.container.notFound", din));
    }

    @PostMapping("/containers/{din}/discard")
    @PreAuthorize(ReceptionController.ACT)
    ContainerDto discard(@PathVariable String din, @Valid @RequestBody Reason reason) {
        collection.discardContainer(din, reason.reason());
        return container(din);
    }
}
