package org.openmilkbank.labeling;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The temperature the bank stores frozen milk at, which decides the ICCBBA product code of raw and pasteurised milk. */
@Component
public class Freezer {

    private final int temperatureC;

    Freezer(@Value("${openmilkbank.freezer-temperature-c:-20}") int temperatureC) {
        if (temperatureC > -18) {
            throw new IllegalStateException(
                    "openmilkbank.freezer-temperature-c must be -18 °C or colder, was " + temperatureC);
        }
        this.temperatureC = temperatureC;
    }

    public int temperatureC() {
        return temperatureC;
    }

    public ProductCode rawProduct() {
        return ProductCode.forRaw(temperatureC);
    }

    public ProductCode pasteurisedProduct() {
        return ProductCode.forPasteurised(temperatureC);
    }
}
