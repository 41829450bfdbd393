package org.openmilkbank.storage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/**
 * Two scans: {@code item} a unit of milk (a container's or bottle's DIN) or a box (its code), {@code place} where it
 * goes (a place's code). A unit is stored or moved there; a box is carried there with everything in it.
 */
public record PutAwayScan(
        @NotBlank @Size(max = TextLimits.CODE) String item,
        @NotBlank @Size(max = TextLimits.CODE) String place) {}
