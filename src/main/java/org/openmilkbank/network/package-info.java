/**
 * The network of banks: a bank writes what it shares to an outbox in the same transaction as the change and a
 * sender pushes numbered, signed batches to the hub; the hub verifies each batch against the bank's registered key
 * and accepts only the next number.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "reporting::indicators", "donor", "traceability", "labeling"})
package org.openmilkbank.network;
