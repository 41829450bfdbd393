package org.openmilkbank.demo;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page, the sign-in page first, that the demo bank's milk is still being built. */
@ControllerAdvice(annotations = Controller.class)
class DemoProgressAdvice {

    private final DemoProgress progress;

    DemoProgressAdvice(DemoProgress progress) {
        this.progress = progress;
    }

    @ModelAttribute("demoPreparing")
    boolean demoPreparing() {
        return progress.preparing();
    }
}
