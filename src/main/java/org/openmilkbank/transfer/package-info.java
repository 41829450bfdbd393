/**
 * Transfers of milk between banks of the network: the source scans released bottles through the gate and dispatches
 * them with a manifest (DINs, lineage at the source, the source's donor references, never names) written to its
 * outbox; the hub keeps the transfer and relays it to the destination, whose staff scan each bottle on arrival (too
 * warm: discarded); accepted bottles enter its stock with their own DINs and a lineage that names the source. A
 * recall at the source that reaches transferred bottles goes the same way and holds them at the destination.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "network", "inventory", "traceability", "standards", "labeling"})
package org.openmilkbank.transfer;
