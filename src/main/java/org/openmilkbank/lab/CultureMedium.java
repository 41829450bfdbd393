package org.openmilkbank.lab;

/** The plate a culture is grown on. */
public enum CultureMedium {
    BLOOD_AGAR,
    MACCONKEY,
    BAIRD_PARKER,
    PLATE_COUNT_AGAR,
    CLED,
    VIOLET_RED_BILE,
    OTHER
}
