package org.openmilkbank.dispensing.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openmilkbank.inventory.EnergyClass;
import org.springframework.context.support.ResourceBundleMessageSource;

class OrderManifestTest {

    static OrderView order() {
        return new OrderView(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "HN-1001",
                "Nguyễn Thị An",
                "NICU",
                160,
                20,
                8,
                LocalDate.of(2026, 3, 10),
                null,
                EnergyClass.NORMOCALORIC,
                null,
                "BS Lan",
                OrderState.ALLOCATED,
                null,
                Instant.parse("2026-03-10T01:00:00Z"),
                "nurse",
                160,
                List.of(),
                true,
                List.of(
                        new OrderView.OrderBottleView(
                                UUID.randomUUID(),
                                "A0001260000127",
                                UUID.randomUUID(),
                                100,
                                LocalDate.of(2026, 6, 1),
                                null),
                        new OrderView.OrderBottleView(
                                UUID.randomUUID(),
                                "A000126000013V",
                                UUID.randomUUID(),
                                80,
                                LocalDate.of(2026, 6, 2),
                                null)),
                List.of());
    }

    @Test
    void theManifestNamesTheInfantAndEveryBottleWithItsExpiryInTheReadersLanguage() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/dispensing", "i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        OrderManifest manifest = new OrderManifest(messages, Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")));
        byte[] pdf = manifest.pdf(order(), Instant.parse("2026-03-10T02:00:00Z"), Locale.forLanguageTag("vi"));
        Path out = Path.of("target", "order-manifest-vi.pdf");
        Files.write(out, pdf);
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Phiếu xuất sữa mẹ hiến tặng")
                    .contains("HN-1001")
                    .contains("Nguyễn Thị An")
                    .contains("A0001260000127")
                    .contains("2026-06-01")
                    .contains("A000126000013V")
                    .contains("2026-03-10 09:00");
        }
    }
}
