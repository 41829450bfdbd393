/**
 * The lab: samples taken from milk units (by DIN), their results (microbiology, raw milk quality control, milk
 * analyser), judged by the active standard profile; verdicts reach pools and runs through the safety gate.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "standards", "labeling", "traceability"})
package org.openmilkbank.lab;
