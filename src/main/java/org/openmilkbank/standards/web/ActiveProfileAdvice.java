package org.openmilkbank.standards.web;

import org.openmilkbank.standards.Standards;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Shows the active standard profile in the header of every page, so nobody works to the wrong numbers; in
 * the reader's language. */
@ControllerAdvice(annotations = Controller.class)
class ActiveProfileAdvice {

    private final Standards standards;
    private final StandardTexts texts;

    ActiveProfileAdvice(Standards standards, StandardTexts texts) {
        this.standards = standards;
        this.texts = texts;
    }

    @ModelAttribute("activeProfileName")
    String activeProfileName(Authentication authentication) {
        return authentication == null ? null : texts.name(standards.activeProfile());
    }
}
