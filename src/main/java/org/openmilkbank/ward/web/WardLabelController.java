package org.openmilkbank.ward.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.ward.AliquotView;
import org.openmilkbank.ward.PreparationView;
import org.openmilkbank.ward.WardLabels;
import org.openmilkbank.ward.WardPreparations;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The ward's labels as PDF: a bottle's syringes, one syringe, an infant's wristband. */
@Controller
@RequestMapping("/ward")
@PreAuthorize("hasRole('NURSE')")
class WardLabelController {

    private final WardPreparations preparations;
    private final WardLabels labels;
    private final DispensingManagement dispensing;

    WardLabelController(WardPreparations preparations, WardLabels labels, DispensingManagement dispensing) {
        this.preparations = preparations;
        this.labels = labels;
        this.dispensing = dispensing;
    }

    @GetMapping("/bottles/{bottleId}/labels.pdf")
    ResponseEntity<byte[]> syringes(@PathVariable UUID bottleId, Locale locale) {
        PreparationView p = preparations
                .preparationOf(bottleId)
                .orElseThrow(() -> new NotFound("ward.preparation.notFound", bottleId));
        return pdf(
                labels.syringes(p.aliquots(), locale),
                "syringes-" + p.bottleDin().replace(" ", "") + ".pdf");
    }

    @GetMapping("/aliquots/{id}/label.pdf")
    ResponseEntity<byte[]> syringe(@PathVariable UUID id, Locale locale) {
        AliquotView a = preparations.aliquot(id).orElseThrow(() -> new NotFound("ward.aliquot.notFound", id));
        return pdf(labels.syringes(List.of(a), locale), "syringe-" + a.code() + ".pdf");
    }

    @GetMapping("/infants/{id}/wristband.pdf")
    @PreAuthorize("hasAnyRole('NURSE', 'DISPENSER')")
    ResponseEntity<byte[]> wristband(@PathVariable UUID id, Locale locale) {
        InfantView infant = dispensing.find(id).orElseThrow(() -> new NotFound("dispensing.infant.notFound", id));
        return pdf(labels.wristband(infant, locale), "wristband-" + infant.infantCode() + ".pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] content, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename).build().toString())
                .body(content);
    }
}
