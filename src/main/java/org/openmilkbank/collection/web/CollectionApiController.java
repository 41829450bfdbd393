package org.openmilkbank.collection.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerCondition;
import org.openmilkbank.collection.ContainerIntake;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerDetail;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.collection.ReceivedContainer;
import org.openmilkbank.collection.RejectReason;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.labeling.ProductCode;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.TextLimits;
import org.openmilkbank.traceability.HoldView;
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
    private final Clock clock;

    private final org.springframework.context.MessageSource messageSource;

    CollectionApiController(
            CollectionManagement collection,
            DonorManagement donors,
            Clock clock,
            org.springframework.context.MessageSource messageSource) {
        this.messageSource = messageSource;
        this.collection = collection;
        this.donors = donors;
        this.clock = clock;
    }

    /**
     * A donation as a client sends it: the donor by id or by her (scanned) code; {@code receivedAt} when it is recorded
     * after it came in (default now).
     */
    record NewDonation(
            UUID donorId,
            @Size(max = TextLimits.CODE) String donorCode,
            UUID boxId,
            @NotNull List<@NotNull @Valid Container> containers,
            @Size(max = TextLimits.NOTE) String note,
            java.time.Instant receivedAt) {}

    /** One container: {@code volumeMl} or {@code weightG}; time, condition (default intact) and label code optional. */
    record Container(
            Integer volumeMl,
            Integer weightG,
            LocalDate expressedOn,
            LocalTime expressedAt,
            ContainerCondition condition,
            @Size(max = TextLimits.CODE) String labelCode) {}

    record RejectCounts(LocalDate from, LocalDate to, Map<RejectReason, Long> byReason, long total) {}

    /** Why a container is taken out of use, as the container page and the API take it. */
    record Reason(@NotBlank @Size(max = TextLimits.REASON) String reason) {

        static Reason blank() {
            return new Reason(null);
        }
    }

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
            String discardReason,
            Integer lineNo,
            ContainerCondition condition,
            Integer weightG,
            LocalTime expressedAt,
            String labelCode,
            String holdReason,
            RejectReason rejectReason,
            String productCode) {

        static ContainerDto of(ReceivedContainer r, UUID poolId, String discardReason, ProductCode product) {
            RawContainerView c = r.container();
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
                    discardReason,
                    r.lineNo(),
                    r.condition(),
                    r.weightG(),
                    r.expressedAt(),
                    r.labelCode(),
                    r.holdReason(),
                    r.rejectReason(),
                    product == null || r.rejected() ? null : product.code());
        }

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
                    discardReason,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        static ContainerDto of(RawContainerDetail d) {
            return of(d.reception(), d.poolId(), d.discardReason(), d.product());
        }
    }

    record DonationDto(
            UUID id,
            UUID donorId,
            String donorCode,
            java.time.Instant receivedAt,
            String receivedBy,
            String note,
            UUID boxId,
            int totalVolumeMl,
            int accepted,
            int held,
            int rejected,
            List<ContainerDto> containers) {

        static DonationDto of(DonationView d, ProductCode rawProduct) {
            return new DonationDto(
                    d.id(),
                    d.donorId(),
                    d.donorCode(),
                    d.receivedAt(),
                    d.receivedBy(),
                    d.note(),
                    d.boxId(),
                    d.totalVolumeMl(),
                    d.accepted().size(),
                    d.held().size(),
                    d.rejected().size(),
                    d.lines().stream()
                            .map(l -> ContainerDto.of(l, null, null, rawProduct))
                            .toList());
        }
    }

    @PostMapping("/donations")
    @PreAuthorize(ReceptionController.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    DonationDto receive(@Valid @RequestBody NewDonation body) {
        UUID donorId = body.donorId();
        if (body.donorCode() != null && !body.donorCode().isBlank()) {
            UUID byCode = donors.findByCode(body.donorCode())
                    .map(DonorView::id)
                    .orElseThrow(() -> new RuleViolation("collection.reception.donorCodeUnknown", body.donorCode()));
            // both given must name the same donor: milk is never booked to the wrong mother
            if (donorId != null && !donorId.equals(byCode)) {
                throw new RuleViolation(
                        "collection.reception.donorMismatch", body.donorCode().strip());
            }
            donorId = byCode;
        }
        List<ContainerIntake> intakes = body.containers().stream()
                .map(c -> new ContainerIntake(
                        c.volumeMl(), c.weightG(), c.expressedOn(), c.expressedAt(), c.condition(), c.labelCode()))
                .toList();
        return DonationDto.of(
                collection.receive(donorId, body.boxId(), intakes, body.note(), body.receivedAt()),
                collection.rawProduct());
    }

    @GetMapping("/donations/{id}")
    @PreAuthorize(ReceptionController.VIEW)
    DonationDto donation(@PathVariable UUID id) {
        return collection
                .findDonation(id)
                .map(d -> DonationDto.of(d, collection.rawProduct()))
                .orElseThrow(() -> new NotFound("collection.donation.notFound", id));
    }

    /** Donations received on a day (default today), by donor: the reception work list. */
    @GetMapping("/reception/received")
    @PreAuthorize(ReceptionController.VIEW)
    Paged<DonationDto> receivedOn(
            @RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(
                collection.receivedOn(date == null ? LocalDate.now(clock) : date).stream()
                        .map(d -> DonationDto.of(d, collection.rawProduct()))
                        .toList(),
                PageRequest.of(page, size));
    }

    /** Containers rejected per reason between two days inclusive (default today). */
    @GetMapping("/reception/rejects")
    @PreAuthorize(ReceptionController.VIEW)
    RejectCounts rejects(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today : from;
        LocalDate end = to == null ? (from == null ? today : from) : to;
        Map<RejectReason, Long> counts = collection.rejectsByReason(start, end);
        return new RejectCounts(
                start,
                end,
                counts,
                counts.values().stream().mapToLong(Long::longValue).sum());
    }

    @GetMapping("/containers")
    @PreAuthorize(ReceptionController.VIEW)
    Paged<ContainerDto> containers(
            @RequestParam(required = false) ContainerState state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return collection.containers(state, PageRequest.of(page, size)).map(c -> ContainerDto.of(c, null, null));
    }

    @GetMapping("/containers/{din}")
    @PreAuthorize(ReceptionController.VIEW)
    ContainerDto container(@PathVariable String din) {
        return collection
                .container(din)
                .map(ContainerDto::of)
                .orElseThrow(() -> new NotFound("collection.container.notFound", din));
    }

    /** A neutral hold for staff: its kind, reason code and the reason in the reader's language; no clinical detail. */
    record HoldDto(String kind, String reasonCode, String reason, String on, java.time.Instant placedAt) {

        static HoldDto of(HoldView h, String label, org.springframework.context.MessageSource messages) {
            String on = h.unitLabel() != null ? h.unitLabel() : label;
            return new HoldDto(
                    h.kind().name(),
                    h.reasonCode(),
                    messages.getMessage(
                            h.reasonKey(),
                            new Object[] {on},
                            h.reasonKey(),
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()),
                    on,
                    h.placedAt());
        }
    }

    /** The active holds that keep the container out of use (its own, its donor's windows), beside its state. */
    @GetMapping("/containers/{din}/holds")
    @PreAuthorize(ReceptionController.VIEW)
    List<HoldDto> holds(@PathVariable String din) {
        RawContainerDetail d =
                collection.container(din).orElseThrow(() -> new NotFound("collection.container.notFound", din));
        String label = Din.parse(d.container().din()).withCheck();
        return d.holds().stream().map(h -> HoldDto.of(h, label, messageSource)).toList();
    }

    @PostMapping("/containers/{din}/discard")
    @PreAuthorize(ReceptionController.ACT)
    ContainerDto discard(@PathVariable String din, @Valid @RequestBody Reason reason) {
        collection.discardContainer(din, reason.reason());
        return container(din);
    }
}
