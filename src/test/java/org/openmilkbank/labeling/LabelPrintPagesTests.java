package org.openmilkbank.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The label actions of the run and bottle pages: what the label says, where a sheet starts, and refusals. */
@IntegrationTest
class LabelPrintPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aBottlesLabelNamesItsPoolAndPasteurisationDayAndTheBankAndDownloads() throws Exception {
        var techs = ProcessingFixtures.Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 1, 100);
        BottleView bottle =
                context.getBean(Inventory.class).bottlesOfRun(run.id()).get(0);
        String pool = context.getBean(PoolManagement.class)
                .find(run.poolId())
                .orElseThrow()
                .dinWithCheck();

        byte[] pdf = mvc.perform(post("/bottles/" + Din.parse(bottle.din()).withCheck() + "/labels")
                        .with(csrf())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN"))
                        .param("format", "ROLL_50X25"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(text(pdf))
                .contains(LabelSheets.eyeReadable(Din.parse(bottle.din())))
                .contains("Pool " + pool)
                .contains(
                        "Pasteurised " + run.startedAt().atZone(clock.getZone()).toLocalDate())
                .contains("EXP " + bottle.expiresOn())
                .contains("Human milk bank");
    }

    @Test
    void aRunsLabelsStartAtTheFirstFreePositionOfASheetAndAPositionTheSheetHasNotIsRefusedOnThePage() throws Exception {
        var techs = ProcessingFixtures.Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 2, 100);
        List<String> dins = context.getBean(Inventory.class).bottlesOfRun(run.id()).stream()
                .map(BottleView::din)
                .toList();

        mvc.perform(post("/runs/" + run.id() + "/labels")
                        .with(csrf())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN"))
                        .header("Referer", "/runs/" + run.id())
                        .param("format", "A4_SHEET")
                        .param("start", "25"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/runs/" + run.id()))
                .andExpect(flash().attribute(
                                "error", "The start position must be between 1 and 24 on A4 sheet (3 × 8 labels)."));
        assertThat(printsOf(dins)).as("a refused print records nothing").isZero();

        byte[] pdf = mvc.perform(post("/runs/" + run.id() + "/labels")
                        .with(csrf())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN"))
                        .param("format", "A4_SHEET")
                        .param("start", "24"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages())
                    .as("the last position of one sheet, then the first of the next")
                    .isEqualTo(2);
        }
        assertThat(printsOf(dins)).isEqualTo(2);
    }

    @Test
    void theLabelFormsOfTheRunAndBottlePagesStayOnThePageAndOfferTheStartPosition() throws Exception {
        var techs = ProcessingFixtures.Technicians.create(context);
        RunView run = ProcessingFixtures.quarantinedRun(context, techs, 1, 100);
        BottleView bottle =
                context.getBean(Inventory.class).bottlesOfRun(run.id()).get(0);

        for (String page : List.of(
                "/runs/" + run.id(), "/bottles/" + Din.parse(bottle.din()).withCheck())) {
            mvc.perform(get(page).with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-testid=\"label-start\"")))
                    .andExpect(content().string(not(containsString("target=\"_blank\""))));
        }
    }

    private long printsOf(List<String> dins) {
        return jdbc.sql("select count(*) from label_print where din in (:dins)")
                .param("dins", dins)
                .query(Long.class)
                .single();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
