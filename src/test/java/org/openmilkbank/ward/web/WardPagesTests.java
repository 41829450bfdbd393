package org.openmilkbank.ward.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.ward.AliquotView;
import org.openmilkbank.ward.BedsideCheck;
import org.openmilkbank.ward.BedsideRefusal;
import org.openmilkbank.ward.PreparationView;
import org.openmilkbank.ward.WardPreparations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The ward's pages through the web: a nurse thaws a dispensed bottle, divides it for two infants, prints the
 * syringes' labels, feeds one and is stopped at the other's wristband; the record, the wristband and the manager's
 * near misses show it.
 */
@IntegrationTest
class WardPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    WardPreparations preparations;

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aNurseThawsDividesFeedsAndIsStoppedAtTheWrongBaby() throws Exception {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        InfantView first = fixtures.orderedInfant();
        InfantView second = fixtures.orderedInfant();
        BottleView bottle = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 1)
                .bottles()
                .get(0);
        fixtures.dispense(first, bottle);
        var nurse = user("nurse-ward").roles("NURSE");

        mvc.perform(get("/ward/prepare").param("din", bottle.din()).with(nurse))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"thaw-fridge\"")));
        mvc.perform(post("/ward/prepare/thaw")
                        .param("din", bottle.din())
                        .param("method", "FRIDGE")
                        .with(nurse)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/ward/prepare").param("din", bottle.din()).with(nurse))
                .andExpect(content().string(containsString("data-testid=\"divide-form\"")));

        // more than the bottle: the same page again with the reason, nothing divided
        mvc.perform(post("/ward/prepare/divide")
                        .param("din", bottle.din())
                        .param("aliquots[0].infantCode", first.infantCode())
                        .param("aliquots[0].volumeMl", "80")
                        .param("aliquots[1].infantCode", second.infantCode())
                        .param("aliquots[1].volumeMl", "40")
                        .with(nurse)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-testid=\"error-aliquots\"")));
        assertThat(preparations.preparationOf(bottle.id())).isEmpty();

        mvc.perform(post("/ward/prepare/divide")
                        .param("din", bottle.din())
                        .param("aliquots[0].infantCode", first.infantCode())
                        .param("aliquots[0].volumeMl", "40")
                        .param("aliquots[1].infantCode", second.infantCode())
                        .param("aliquots[1].volumeMl", "40")
                        .param("aliquots[2].infantCode", "")
                        .param("remainderReason", "not needed")
                        .with(nurse)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        PreparationView prepared = preparations.preparationOf(bottle.id()).orElseThrow();
        AliquotView forFirst = prepared.aliquots().get(0);
        AliquotView forSecond = prepared.aliquots().get(1);

        byte[] labels = mvc.perform(
                        get("/ward/bottles/{id}/labels.pdf", bottle.id()).with(nurse))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String printed = text(labels);
        assertThat(printed)
                .contains(first.infantCode(), second.infantCode(), "ENTERAL USE ONLY", "40 mL", "nurse-ward");

        // the wrong baby: stopped, a near miss
        MvcResult stopped = mvc.perform(post("/ward/bedside/check")
                        .param("infantCode", first.infantCode())
                        .param("milkCode", forSecond.code())
                        .with(nurse)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        BedsideCheck refused = (BedsideCheck) stopped.getFlashMap().get("check");
        assertThat(refused.refusals()).containsExactly(BedsideRefusal.WRONG_BABY);
        assertThat(refused.nearMissId()).isNotNull();
        mvc.perform(get("/ward/bedside")
                        .param("infant", first.infantCode())
                        .with(nurse)
                        .flashAttr("check", refused))
                .andExpect(content().string(containsString("data-testid=\"near-miss\"")))
                .andExpect(content().string(containsString("data-reason=\"WRONG_BABY\"")))
                .andExpect(content().string(not(containsString("data-testid=\"feed-form\""))));

        // the right baby: checked, then fed
        mvc.perform(post("/ward/bedside/feed")
                        .param("infantCode", first.infantCode())
                        .param("milkCode", forFirst.code())
                        .param("volumeMl", "35")
                        .with(nurse)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("success"));

        mvc.perform(get("/ward/infants/{id}", first.id()).with(user("manager").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(forFirst.shown())))
                .andExpect(content().string(containsString("milk of 1 donor")))
                .andExpect(content().string(containsString(prepared.bottleDin())));
        mvc.perform(get("/ward/near-misses").with(user("manager").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-reason=\"WRONG_BABY\"")));
        byte[] band = mvc.perform(
                        get("/ward/infants/{id}/wristband.pdf", first.id()).with(nurse))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(band)).contains(first.infantCode());
    }

    @Test
    void anUnknownBottleOrWristbandIsSaidOnThePageNotAServerError() throws Exception {
        var nurse = user("nurse-ward").roles("NURSE");
        mvc.perform(get("/ward/prepare").param("din", "not-a-din").with(nurse))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"prepare-error\"")));
        mvc.perform(get("/ward/bedside").param("infant", "NOBODY").with(nurse))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"wristband-error\"")));
        mvc.perform(post("/ward/bedside/check")
                        .param("infantCode", "NOBODY")
                        .param("milkCode", "A000126000001")
                        .with(nurse)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(List.of()).isEmpty();
    }
}
