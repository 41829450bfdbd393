package org.openmilkbank.reporting.monthly.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.openmilkbank.reporting.monthly.MonthView;
import org.openmilkbank.reporting.monthly.MonthlyDashboard;
import org.openmilkbank.reporting.monthly.MonthlyReportPdf;
import org.openmilkbank.reporting.monthly.Months;
import org.openmilkbank.reporting.monthly.SignOffView;
import org.openmilkbank.reporting.monthly.SignOffs;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The monthly report's PDF for the page and the API alike. */
@Component
class MonthlyReports {

    static final String VIEW = "hasAnyRole('MANAGER', 'ADMIN')";
    static final String ACT = "hasRole('MANAGER')";

    private final MonthlyDashboard dashboard;
    private final SignOffs signOffs;
    private final MonthlyReportPdf pdf;
    private final Clock clock;

    MonthlyReports(MonthlyDashboard dashboard, SignOffs signOffs, MonthlyReportPdf pdf, Clock clock) {
        this.dashboard = dashboard;
        this.signOffs = signOffs;
        this.pdf = pdf;
        this.clock = clock;
    }

    YearMonth month(String text) {
        return Months.parse(text, clock);
    }

    ResponseEntity<byte[]> pdf(String monthText, String lang) {
        YearMonth month = month(monthText);
        Locale locale = ReportLanguage.of(lang);
        MonthView view = dashboard.month(month);
        List<SignOffView> signed = signOffs.of(month);
        SignOffView inForce =
                signed.stream().filter(SignOffView::inForce).findFirst().orElse(null);
        boolean asSigned = inForce != null && signOffs.stillAsSigned(inForce, view);
        byte[] bytes = pdf.pdf(view, signed, asSigned, clock.instant(), locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("monthly-report-" + month + "-" + locale.getLanguage() + ".pdf")
                                .build()
                                .toString())
                .body(bytes);
    }
}
